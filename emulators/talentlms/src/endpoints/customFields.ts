import type { CustomFieldRecord } from '../state/records';
import type { Endpoint } from './types';

/** Custom registration (user) and course fields (reference §4.2, §7 S4). */
function present(field: CustomFieldRecord, withOrder: boolean): Record<string, unknown> {
  const { order, ...rest } = field;
  return withOrder ? { ...rest, order } : rest;
}

const getcustomregistrationfields: Endpoint = {
  name: 'getcustomregistrationfields',
  style: 'get',
  handle: (ctx) => ctx.state.customFields.map((field) => present(field, true))
};

/** "same shape, no `order`" (reference §4.2). */
const getcustomcoursefields: Endpoint = {
  name: 'getcustomcoursefields',
  style: 'get',
  handle: (ctx) => ctx.state.courseCustomFields.map((field) => present(field, false))
};

export const customFieldEndpoints: Endpoint[] = [getcustomregistrationfields, getcustomcoursefields];
