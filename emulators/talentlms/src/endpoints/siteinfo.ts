import type { Endpoint } from './types';

const THIRTY_DAYS = 30 * 86400;

/** Domain information (reference §4.10, §7 S5). `maximum_brances` is the documented spelling. */
const siteinfo: Endpoint = {
  name: 'siteinfo',
  style: 'get',
  handle(ctx) {
    const { state, settings } = ctx;
    const now = state.now();
    let totalUsers = 0;
    let monthlyActive = 0;
    for (const user of state.users.values()) {
      if (user.deleted) continue;
      totalUsers += 1;
      if (user.last_login !== null && now - user.last_login < THIRTY_DAYS) monthlyActive += 1;
    }
    const liveCourses = [...state.courses.values()].filter((course) => !course.deleted).length;
    return {
      total_users: String(totalUsers),
      total_courses: String(liveCourses),
      total_categories: String(state.categories.size),
      total_groups: String(state.groups.size),
      total_branches: String(state.branches.size),
      monthly_active_users: String(monthlyActive),
      signup_method: settings.portal.signupMethod,
      signup_type: 'direct',
      verification: settings.portal.verification,
      paypal_email: '',
      domain_map: '',
      date_format: settings.portal.dateFormat,
      limits: { maximum_brances: settings.portal.branchLimit }
    };
  }
};

export const siteInfoEndpoints: Endpoint[] = [siteinfo];
