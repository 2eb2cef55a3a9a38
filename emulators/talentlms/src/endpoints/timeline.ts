import { formatDateTime } from '../format/dates';
import { Messages, fail } from '../http/errors';
import { isEventType, type TimelineFilter } from '../state/timeline';
import type { Endpoint } from './types';

const FILTERS = ['user_id', 'course_id', 'branch_id', 'group_id', 'unit_id'] as const;

/**
 * `gettimeline/event_type:T[,user_id:U|course_id:C|…]` (reference §4.9): one required type, the newest 200
 * entries, newest first, no paging and no time filter.
 */
const gettimeline: Endpoint = {
  name: 'gettimeline',
  style: 'get',
  handle(ctx, params) {
    const type = params.require('event_type');
    if (!isEventType(type)) fail(Messages.invalidArguments);
    const filter: TimelineFilter = {};
    for (const key of FILTERS) {
      const id = params.optionalId(key);
      if (id !== undefined) filter[key] = id;
    }
    const format = ctx.settings.portal.dateFormat;
    return ctx.state.timeline.latest(type, filter).map((entry) => ({
      action: entry.action,
      message: entry.message,
      timestamp: formatDateTime(entry.unix, format),
      unix_timestamp: String(entry.unix),
      user_id: entry.user_id,
      user_username: entry.user_username,
      user_email: entry.user_email,
      user_fullname: entry.user_fullname,
      object_id: entry.object_id,
      object_name: entry.object_name,
      secondary_object_id: entry.secondary_object_id,
      secondary_object_name: entry.secondary_object_name,
      event_counter: entry.event_counter
    }));
  }
};

export const timelineEndpoints: Endpoint[] = [gettimeline];
