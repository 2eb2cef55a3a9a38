import type { Clock } from '../../../sync/src/core/clock';

/** The portal's date setting (siteinfo `date_format`); every date string in responses follows it. */
export type DateFormat = 'DDMMYYYY' | 'MMDDYYYY' | 'YYYYMMDD';

export interface PlanOptions {
  /** Display name only (Core, Grow, Pro …). */
  name?: string;
  /** API calls per hour: 2,000 on Core/Starter/Basic, 10,000 on Grow/Pro/Plus/Premium (reference §3). */
  hourlyLimit: number;
  /** "should not exceed the rate of 200 API calls per 5 seconds" (reference §3). */
  burstLimit?: number;
  burstWindowMs?: number;
}

/** Portal settings a super-administrator chooses; each changes API behaviour (DESIGN.md "portal modes"). */
export interface PortalOptions {
  /** Signup/verification settings that make `usersignup` create inactive users. */
  signupCreatesInactive?: boolean;
  /** Strong-password policy (1 upper, 1 lower, 1 digit, 8 characters). */
  strongPasswords?: boolean;
  /** Standard plans hard-limit Active users; null/undefined = unlimited (Unlimited/Flex plans). */
  activeUserLimit?: number | null;
  /** `siteinfo.limits.maximum_brances`; -1 = unlimited. */
  branchLimit?: number;
  /** Gamification (points, levels, badges) switched on. */
  gamification?: boolean;
  dateFormat?: DateFormat;
  /** siteinfo fields. */
  signupMethod?: string;
  verification?: string;
}

/**
 * Facts the reference marks Uncertain (or where sources disagree). Each default is the reading the README
 * explains; tests flip them to prove a client copes with the other reading.
 */
export interface QuirkOptions {
  /** Create endpoints answer `"id": 40457` (number, C1/C4) or `"id": "3"` (string, PDF). */
  createIdType?: 'number' | 'string';
  /** Empty `*_timestamp` fields: `""` (PDF) or null (C1). */
  emptyTimestamp?: '' | null;
  /** Whether a `+` in a path value means a space (C1 encodes with quote_plus; C3 sends raw). */
  plusAsSpaceInPath?: boolean;
  /** Reject `usersignup` without a mandatory custom field (the web form does; the API is unknown). */
  enforceMandatoryCustomFields?: boolean;
  /** Enrol a group's existing members when a course is added to it (C1 says no). */
  addCourseToGroupEnrolsMembers?: boolean;
  /** 401 body: v1 error JSON, or the plain text one source reports. */
  unauthorizedBody?: 'json' | 'text';
  /** Hourly window anchored at the first call (C1's sample) or at the top of the clock hour. */
  hourlyWindow?: 'firstCall' | 'clockHour';
  /** v1 documents no rate-limit headers; true adds X-RateLimit-* (and Retry-After on 429) like v2. */
  rateLimitHeaders?: boolean;
  /** Whether learning changes (progress, completion, certificates, badges) move `last_updated_timestamp`. */
  learningBumpsLastUpdated?: boolean;
  /** Accept JSON request bodies (third parties say v1 ignores them). */
  acceptJsonBodies?: boolean;
  /** Email and login uniqueness/lookup ignore case. */
  caseInsensitiveIdentity?: boolean;
  /** Branch name rule (C5: lowercase letters and digits only). */
  branchNamePattern?: RegExp;
  /** HTML-escape course names in responses (C7 unescapes them). */
  escapeCourseNames?: boolean;
  /** HTTP status per error message, overriding the table's reading (404 "does not exist", 400 otherwise). */
  errorStatus?: Record<string, number>;
}

export interface TalentLmsEmulatorOptions {
  clock?: Clock;
  /** Portal host, e.g. `acme.talentlms.com`; used in every URL the API returns. */
  domain?: string;
  apiKey?: string;
  plan?: PlanOptions;
  portal?: PortalOptions;
  /** Status for over-quota answers (v1 undocumented; v2 says 429). */
  rateLimitStatus?: number;
  /** Seeds ids, keys, tokens and fault probabilities so runs repeat. */
  randomSeed?: number;
  quirks?: QuirkOptions;
  /** A portal always has its owner; false starts with no users at all. */
  seedSuperAdmin?: boolean;
  host?: string;
  port?: number;
}

export interface ResolvedPlan {
  name: string;
  hourlyLimit: number;
  burstLimit: number;
  burstWindowMs: number;
}

export type ResolvedPortal = Required<Omit<PortalOptions, 'activeUserLimit'>> & {
  activeUserLimit: number | null;
};
export type ResolvedQuirks = Required<QuirkOptions>;

/** Live settings: the harness and tests may change any of these while the emulator runs. */
export interface EmulatorSettings {
  domain: string;
  apiKey: string;
  plan: ResolvedPlan;
  portal: ResolvedPortal;
  quirks: ResolvedQuirks;
  rateLimitStatus: number;
  /** false → 403 "API is not enabled …" on every call. */
  apiEnabled: boolean;
  /** false → 403 as for an inactive domain. */
  domainActive: boolean;
}

export function resolvePlan(plan?: PlanOptions): ResolvedPlan {
  const hourlyLimit = plan?.hourlyLimit ?? 2000;
  return {
    name: plan?.name ?? (hourlyLimit >= 10000 ? 'Grow' : 'Core'),
    hourlyLimit,
    burstLimit: plan?.burstLimit ?? 200,
    burstWindowMs: plan?.burstWindowMs ?? 5000
  };
}

export function resolvePortal(portal?: PortalOptions): ResolvedPortal {
  return {
    signupCreatesInactive: portal?.signupCreatesInactive ?? false,
    strongPasswords: portal?.strongPasswords ?? false,
    activeUserLimit: portal?.activeUserLimit ?? null,
    branchLimit: portal?.branchLimit ?? -1,
    gamification: portal?.gamification ?? true,
    dateFormat: portal?.dateFormat ?? 'DDMMYYYY',
    signupMethod: portal?.signupMethod ?? 'direct',
    verification: portal?.verification ?? 'none'
  };
}

export function resolveQuirks(quirks?: QuirkOptions): ResolvedQuirks {
  return {
    createIdType: quirks?.createIdType ?? 'number',
    emptyTimestamp: quirks?.emptyTimestamp === null ? null : '',
    plusAsSpaceInPath: quirks?.plusAsSpaceInPath ?? false,
    enforceMandatoryCustomFields: quirks?.enforceMandatoryCustomFields ?? true,
    addCourseToGroupEnrolsMembers: quirks?.addCourseToGroupEnrolsMembers ?? false,
    unauthorizedBody: quirks?.unauthorizedBody ?? 'json',
    hourlyWindow: quirks?.hourlyWindow ?? 'firstCall',
    rateLimitHeaders: quirks?.rateLimitHeaders ?? false,
    learningBumpsLastUpdated: quirks?.learningBumpsLastUpdated ?? false,
    acceptJsonBodies: quirks?.acceptJsonBodies ?? false,
    caseInsensitiveIdentity: quirks?.caseInsensitiveIdentity ?? true,
    branchNamePattern: quirks?.branchNamePattern ?? /^[a-z0-9]+$/,
    escapeCourseNames: quirks?.escapeCourseNames ?? true,
    errorStatus: quirks?.errorStatus ?? {}
  };
}
