import { readCustomFields, customValueMatches } from '../domain/customFieldValues';
import { requireCourse, requireUser } from '../domain/lookup';
import { requireEnrollment } from '../domain/learning';
import { parsePortalDate } from '../format/dates';
import { randomToken } from '../format/text';
import { Messages, fail } from '../http/errors';
import type { Params } from '../http/params';
import { createdId } from '../present/common';
import { presentCourse, presentCourseWithUsers } from '../present/course';
import type { EmulatorContext } from '../context';
import { type Endpoint, operationCompleted } from './types';

/** Courses (reference §4.5): list, get with every enrolment's progress, create, delete, SSO, purchase. */

const courses: Endpoint = {
  name: 'courses',
  style: 'get',
  handle(ctx, params) {
    if (params.has('id')) return presentCourseWithUsers(ctx, requireCourse(ctx, params.requireId('id')));
    return [...ctx.state.courses.values()]
      .filter((course) => !course.deleted)
      .map((course) => presentCourse(ctx, course));
  }
};

/** `start_datetime` / `expiration_datetime`: epoch seconds or a portal-format date. */
function readInstant(ctx: EmulatorContext, params: Params, name: string): number | null {
  const value = params.get(name);
  if (value === undefined || value === '') return null;
  if (/^\d+$/.test(value)) return Number(value);
  const parsed = parsePortalDate(value, ctx.settings.portal.dateFormat);
  if (parsed === null) fail(Messages.invalidArguments);
  return parsed;
}

const createcourse: Endpoint = {
  name: 'createcourse',
  style: 'post',
  handle(ctx, params) {
    const name = params.require('name');
    const categoryId = params.optionalId('category_id');
    if (categoryId !== undefined && !ctx.state.categories.has(categoryId)) fail(Messages.categoryMissing);
    const creatorId = params.optionalId('creator_id');
    if (creatorId !== undefined) requireUser(ctx, creatorId);
    const timeLimit = params.optionalId('time_limit');
    const course = ctx.state.addCourse({
      name,
      description: params.get('description') ?? '',
      code: params.get('code') ?? '',
      price: params.get('price') ?? '0',
      time_limit: timeLimit ?? '0',
      start_datetime: readInstant(ctx, params, 'start_datetime'),
      expiration_datetime: readInstant(ctx, params, 'expiration_datetime'),
      category_id: categoryId ?? '',
      creator_id: creatorId ?? '1',
      custom: readCustomFields(ctx, params, ctx.state.courseCustomFields, false)
    });
    ctx.events.courseCreated(course);
    return { ...presentCourse(ctx, course), id: createdId(ctx, course.id) };
  }
};

/** Deleted courses disappear from every answer but stay in state (TalentLMS can undelete them). */
const deletecourse: Endpoint = {
  name: 'deletecourse',
  style: 'post',
  handle(ctx, params) {
    const course = requireCourse(ctx, params.requireId('course_id'));
    course.deleted = true;
    ctx.events.courseDeleted(course);
    return operationCompleted;
  }
};

const getcoursesbycustomfield: Endpoint = {
  name: 'getcoursesbycustomfield',
  style: 'get',
  handle(ctx, params) {
    const wanted = params.require('custom_field_value');
    return [...ctx.state.courses.values()]
      .filter((course) => !course.deleted)
      .filter((course) =>
        ctx.state.courseCustomFields.some((field) => {
          const stored = course.custom[field.key];
          return stored !== undefined && stored !== '' && customValueMatches(ctx, field, stored, wanted);
        })
      )
      .map((course) => presentCourse(ctx, course));
  }
};

const gotocourse: Endpoint = {
  name: 'gotocourse',
  style: 'get',
  handle(ctx, params) {
    const user = requireUser(ctx, params.requireId('user_id'));
    const course = requireCourse(ctx, params.requireId('course_id'));
    requireEnrollment(ctx, user, course);
    return {
      goto_url: ctx.state.url(`/index/gotocourse/key:${randomToken(ctx.random, 20)},course_id:${course.id}`)
    };
  }
};

const buycourse: Endpoint = {
  name: 'buycourse',
  style: 'post',
  handle(ctx, params) {
    const user = requireUser(ctx, params.requireId('user_id'));
    const course = requireCourse(ctx, params.requireId('course_id'));
    const token = randomToken(ctx.random, 17).toUpperCase();
    return {
      redirect_url: `https://www.paypal.com/cgi-bin/webscr?cmd=_express-checkout&token=EC-${token}&user=${user.id}&course=${course.id}`
    };
  }
};

export const courseEndpoints: Endpoint[] = [
  courses,
  createcourse,
  deletecourse,
  getcoursesbycustomfield,
  gotocourse,
  buycourse
];
