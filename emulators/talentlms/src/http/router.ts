import { branchEndpoints } from '../endpoints/branches';
import { categoryEndpoints } from '../endpoints/categories';
import { courseEndpoints } from '../endpoints/courses';
import { customFieldEndpoints } from '../endpoints/customFields';
import { enrollmentEndpoints } from '../endpoints/enrollments';
import { groupEndpoints } from '../endpoints/groups';
import { rateLimitEndpoints } from '../endpoints/ratelimit';
import { siteInfoEndpoints } from '../endpoints/siteinfo';
import { timelineEndpoints } from '../endpoints/timeline';
import type { Endpoint } from '../endpoints/types';
import { userSessionEndpoints } from '../endpoints/userSessions';
import { userEndpoints } from '../endpoints/users';

/** Every v1 endpoint by lower-case name (routing is case-insensitive). */
export const ENDPOINTS: ReadonlyMap<string, Endpoint> = new Map(
  [
    ...userEndpoints,
    ...userSessionEndpoints,
    ...customFieldEndpoints,
    ...groupEndpoints,
    ...branchEndpoints,
    ...courseEndpoints,
    ...enrollmentEndpoints,
    ...categoryEndpoints,
    ...timelineEndpoints,
    ...siteInfoEndpoints,
    ...rateLimitEndpoints
  ].map((endpoint) => [endpoint.name, endpoint])
);

/** `/ratelimit` "does not count against your rate limit"; DESIGN.md leaves it out of the call count too. */
export const UNMETERED = new Set(['ratelimit']);
