import type { EmulatorContext } from '../context';
import { liveUser, requireCourse, requireUser } from '../domain/lookup';
import { requireEnrollment, resetProgress } from '../domain/learning';
import { enrol, unenrol } from '../domain/membership';
import { formatDuration } from '../format/dates';
import { htmlUnescape } from '../format/text';
import { Messages, fail } from '../http/errors';
import type { Params } from '../http/params';
import { dateTime, requiredDateTime, stringTimestamp } from '../present/common';
import { titleCase } from '../present/user';
import type { CourseRecord, UserRecord } from '../state/records';
import { type Endpoint, operationCompleted } from './types';

/** Enrolment and progress calls (reference §4.5). */

function userFrom(ctx: EmulatorContext, params: Params): UserRecord {
  if (params.has('user_id')) return requireUser(ctx, params.requireId('user_id'));
  if (params.has('user_email')) return liveUser(ctx.state.findUserByEmail(params.require('user_email')));
  return fail(Messages.invalidArguments);
}

/** `course_name` may arrive as typed or as the API printed it (HTML-escaped). */
function courseFrom(ctx: EmulatorContext, params: Params): CourseRecord {
  if (params.has('course_id')) return requireCourse(ctx, params.requireId('course_id'));
  const name = params.require('course_name');
  for (const course of ctx.state.courses.values()) {
    if (!course.deleted && (course.name === name || course.name === htmlUnescape(name))) return course;
  }
  return fail(Messages.courseMissing);
}

/** Answers an **array** with one element (reference §4.5; C5 calls it an inconsistency). */
const addusertocourse: Endpoint = {
  name: 'addusertocourse',
  style: 'post',
  handle(ctx, params) {
    const user = userFrom(ctx, params);
    const course = courseFrom(ctx, params);
    const role = params.get('role') || 'learner';
    if (role !== 'learner' && role !== 'instructor') fail(Messages.invalidArguments);
    enrol(ctx, user, course, role);
    return [{ user_id: user.id, course_id: course.id, role }];
  }
};

const removeuserfromcourse: Endpoint = {
  name: 'removeuserfromcourse',
  style: 'get',
  handle(ctx, params) {
    const user = requireUser(ctx, params.requireId('user_id'));
    const course = requireCourse(ctx, params.requireId('course_id'));
    unenrol(ctx, user, course);
    return { user_id: user.id, course_id: course.id, course_name: ctx.events.courseName(course) };
  }
};

/** Status is capitalised here (`"Completed"`), unlike `users/id` courses[] (reference §4.5, checklist §8.7). */
const getuserstatusincourse: Endpoint = {
  name: 'getuserstatusincourse',
  style: 'get',
  handle(ctx, params) {
    const user = requireUser(ctx, params.requireId('user_id'));
    const course = requireCourse(ctx, params.requireId('course_id'));
    const enrollment = requireEnrollment(ctx, user, course);
    const units = course.units
      .filter((unit) => unit.type !== 'Section')
      .map((unit) => {
        const progress = enrollment.units[unit.id];
        return {
          id: unit.id,
          name: unit.name,
          type: unit.type,
          completion_status: progress?.status ?? 'Not attempted',
          completed_on: dateTime(ctx, progress?.completed_on ?? null),
          completed_on_timestamp: stringTimestamp(ctx, progress?.completed_on ?? null),
          score: progress?.score ?? '',
          total_time: formatDuration(progress?.total_time_seconds ?? 0),
          total_time_seconds: progress?.total_time_seconds ?? 0
        };
      });
    return {
      role: enrollment.role,
      enrolled_on: requiredDateTime(ctx, enrollment.enrolled_on),
      enrolled_on_timestamp: String(enrollment.enrolled_on),
      completion_status: titleCase(enrollment.completion_status),
      completion_percentage: enrollment.completion_percentage,
      completed_on: dateTime(ctx, enrollment.completed_on),
      completed_on_timestamp: stringTimestamp(ctx, enrollment.completed_on),
      expired_on: dateTime(ctx, enrollment.expired_on),
      expired_on_timestamp: stringTimestamp(ctx, enrollment.expired_on),
      total_time: formatDuration(enrollment.total_time_seconds),
      total_time_seconds: enrollment.total_time_seconds,
      units
    };
  }
};

const resetuserprogress: Endpoint = {
  name: 'resetuserprogress',
  style: 'get',
  handle(ctx, params) {
    const user = requireUser(ctx, params.requireId('user_id'));
    const course = requireCourse(ctx, params.requireId('course_id'));
    resetProgress(ctx, user, course, params.get('remove_certification') === 'yes');
    return operationCompleted;
  }
};

/** An array even when `user_id` narrows it to one learner (Doc; C1 shows an object: Disagreement). */
const getusersprogressinunits: Endpoint = {
  name: 'getusersprogressinunits',
  style: 'get',
  handle(ctx, params) {
    const found = ctx.state.findUnit(params.requireId('unit_id'));
    if (!found) fail(Messages.unitMissing);
    const onlyUser = params.optionalId('user_id');
    if (onlyUser !== undefined) requireUser(ctx, onlyUser);
    return ctx.state
      .enrollmentsOfCourse(found.course.id)
      .filter((enrollment) => onlyUser === undefined || enrollment.user_id === onlyUser)
      .map((enrollment) => {
        const progress = enrollment.units[found.unit.id];
        return {
          user_id: enrollment.user_id,
          status: progress?.status ?? 'Not attempted',
          score: progress?.score ?? ''
        };
      });
  }
};

function answers(kind: 'test' | 'survey'): Endpoint {
  return {
    name: kind === 'test' ? 'gettestanswers' : 'getsurveyanswers',
    style: 'get',
    handle(ctx, params) {
      const unitId = params.requireId(`${kind}_id`);
      const user = requireUser(ctx, params.requireId('user_id'));
      if (!ctx.state.findUnit(unitId)) fail(Messages.unitMissing);
      const store = kind === 'test' ? ctx.state.testAnswers : ctx.state.surveyAnswers;
      const stored = store.get(`${unitId}:${user.id}`);
      if (stored === undefined) fail(kind === 'test' ? Messages.noTestProgress : Messages.noSurveyProgress);
      return stored;
    }
  };
}

const getiltsessions: Endpoint = {
  name: 'getiltsessions',
  style: 'get',
  handle(ctx, params) {
    const iltId = params.requireId('ilt_id');
    const sessions = ctx.state.iltSessions.get(iltId);
    if (!sessions && !ctx.state.findUnit(iltId)) fail(Messages.unitMissing);
    return sessions ?? [];
  }
};

export const enrollmentEndpoints: Endpoint[] = [
  addusertocourse,
  removeuserfromcourse,
  getuserstatusincourse,
  resetuserprogress,
  getusersprogressinunits,
  answers('test'),
  answers('survey'),
  getiltsessions
];
