import { requireUser } from '../domain/lookup';
import { randomToken } from '../format/text';
import { Messages, fail } from '../http/errors';
import { price } from '../present/common';
import { presentCourse, presentUnit } from '../present/course';
import type { CategoryRecord } from '../state/records';
import type { EmulatorContext } from '../context';
import type { Endpoint } from './types';

/** Course categories (reference §4.6). */

function presentCategory(category: CategoryRecord): Record<string, unknown> {
  return {
    id: category.id,
    name: category.name,
    price: price(category.price),
    parent_category_id: category.parent_category_id
  };
}

function requireCategory(ctx: EmulatorContext, id: string): CategoryRecord {
  const category = ctx.state.categories.get(id);
  if (!category) fail(Messages.categoryMissing);
  return category;
}

function coursesIn(ctx: EmulatorContext, categoryId: string) {
  return [...ctx.state.courses.values()].filter(
    (course) => !course.deleted && course.category_id === categoryId
  );
}

const categories: Endpoint = {
  name: 'categories',
  style: 'get',
  handle(ctx, params) {
    if (params.has('id')) {
      const category = requireCategory(ctx, params.requireId('id'));
      return {
        ...presentCategory(category),
        courses: coursesIn(ctx, category.id).map((course) => presentCourse(ctx, course))
      };
    }
    return [...ctx.state.categories.values()].map(presentCategory);
  }
};

/** Object keyed by category id (the category and its descendants), each with its courses and their units. */
const categoryleafsandcourses: Endpoint = {
  name: 'categoryleafsandcourses',
  style: 'get',
  handle(ctx, params) {
    const root = requireCategory(ctx, params.requireId('id'));
    const out: Record<string, unknown> = {};
    const visit = (category: CategoryRecord) => {
      out[category.id] = {
        ...presentCategory(category),
        courses: coursesIn(ctx, category.id).map((course) => ({
          ...presentCourse(ctx, course),
          units: course.units.map((unit) => presentUnit(ctx, unit))
        }))
      };
      for (const child of ctx.state.categories.values())
        if (child.parent_category_id === category.id) visit(child);
    };
    visit(root);
    return out;
  }
};

const buycategorycourses: Endpoint = {
  name: 'buycategorycourses',
  style: 'post',
  handle(ctx, params) {
    const user = requireUser(ctx, params.requireId('user_id'));
    const category = requireCategory(ctx, params.requireId('category_id'));
    const token = randomToken(ctx.random, 17).toUpperCase();
    return {
      redirect_url: `https://www.paypal.com/cgi-bin/webscr?cmd=_express-checkout&token=EC-${token}&user=${user.id}&category=${category.id}`
    };
  }
};

export const categoryEndpoints: Endpoint[] = [categories, categoryleafsandcourses, buycategorycourses];
