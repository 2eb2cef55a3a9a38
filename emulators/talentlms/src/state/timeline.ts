/**
 * The portal timeline (reference §4.9): one list per event type, read newest first, at most 200 entries a
 * call, no paging and no time filter. Entries keep the ids of every object they touch so the documented
 * `user_id / course_id / branch_id / group_id / unit_id` filters work.
 */

/** v1 event types (reference §4.9, Appendix B of the PDF). */
export const EVENT_TYPES = [
  'user_login_user',
  'user_register_user',
  'user_self_register',
  'user_delete_user',
  'user_undelete_user',
  'user_property_change',
  'user_create_payment',
  'user_upgrade_level',
  'user_unlock_badge',
  'course_create_course',
  'course_delete_course',
  'course_undelete_course',
  'course_property_change',
  'course_add_user',
  'course_remove_user',
  'course_completion',
  'course_failure',
  'course_reset_user_progress',
  'branch_create_branch',
  'branch_delete_branch',
  'branch_property_change',
  'branch_add_user',
  'branch_remove_user',
  'branch_add_course',
  'branch_remove_course',
  'group_create_group',
  'group_delete_group',
  'group_property_change',
  'group_add_user',
  'group_remove_user',
  'group_add_course',
  'group_remove_course',
  'certification_issue_certification',
  'certification_refresh_certification',
  'certification_remove_certification',
  'certification_expire_certification',
  'unitprogress_test_completion',
  'unitprogress_test_failed',
  'unitprogress_survey_completion',
  'unitprogress_assignment_answered',
  'unitprogress_assignment_graded',
  'unitprogress_ilt_graded',
  'notification_create_notification',
  'notification_delete_notification',
  'notification_update_notification',
  'automation_create_automation',
  'automation_delete_automation',
  'automation_update_automation',
  'reports_create_custom_report',
  'reports_delete_custom_report',
  'reports_update_custom_report'
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export const TIMELINE_PAGE = 200;

export interface TimelineEntry {
  action: EventType;
  message: string;
  /** Epoch seconds. */
  unix: number;
  user_id: string;
  user_username: string;
  user_email: string;
  user_fullname: string;
  object_id: string;
  object_name: string;
  secondary_object_id: string;
  secondary_object_name: string;
  event_counter: string;
  /** Filter keys. */
  refs: { course_id?: string; group_id?: string; branch_id?: string; unit_id?: string };
}

export type TimelineFilter = Partial<
  Record<'user_id' | 'course_id' | 'branch_id' | 'group_id' | 'unit_id', string>
>;

export class TimelineStore {
  private readonly byType = new Map<EventType, TimelineEntry[]>();

  add(entry: TimelineEntry): void {
    let list = this.byType.get(entry.action);
    if (!list) this.byType.set(entry.action, (list = []));
    // Entries normally arrive in clock order; a seed may add older ones, so keep the list sorted.
    let index = list.length;
    while (index > 0 && list[index - 1].unix > entry.unix) index -= 1;
    list.splice(index, 0, entry);
  }

  /** The newest `limit` entries of one type that pass the filter, newest first. */
  latest(type: EventType, filter: TimelineFilter = {}, limit = TIMELINE_PAGE): TimelineEntry[] {
    const list = this.byType.get(type) ?? [];
    const out: TimelineEntry[] = [];
    for (let i = list.length - 1; i >= 0 && out.length < limit; i -= 1) {
      if (matches(list[i], filter)) out.push(list[i]);
    }
    return out;
  }

  /** Every stored entry of a type, oldest first (inspection; the API never returns more than 200). */
  all(type: EventType): TimelineEntry[] {
    return [...(this.byType.get(type) ?? [])];
  }

  count(type?: EventType): number {
    if (type) return this.byType.get(type)?.length ?? 0;
    let total = 0;
    for (const list of this.byType.values()) total += list.length;
    return total;
  }

  clear(): void {
    this.byType.clear();
  }
}

function matches(entry: TimelineEntry, filter: TimelineFilter): boolean {
  if (filter.user_id !== undefined && entry.user_id !== filter.user_id) return false;
  for (const key of ['course_id', 'group_id', 'branch_id', 'unit_id'] as const) {
    if (filter[key] !== undefined && entry.refs[key] !== filter[key]) return false;
  }
  return true;
}

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}
