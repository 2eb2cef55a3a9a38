import { ManualClock } from '../../sync/src/core/clock';
import type { FaultRule } from '../shared/faults';
import type { SimulatorStep } from '../talentlms';
import type { Harness } from '../harness';

/**
 * The control API's routes (emulators/README.md "Control API"). Handlers take the parsed JSON body and the
 * path's parameters and return JSON; a thrown ControlError becomes `{"error":{"code","message"}}`.
 */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string
  ) {
    super(message);
  }
}

type Body = Record<string, unknown>;
type Handler = (harness: Harness, body: Body, params: string[]) => unknown;
export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  pattern: RegExp;
  /** Shown by `GET /`. */
  doc: string;
  handler: Handler;
}

const SIDES = ['salesforce', 'talentlms'] as const;
type Side = (typeof SIDES)[number];

function sidesOf(value: unknown, fallback: readonly Side[] = SIDES): readonly Side[] {
  if (value === undefined || value === 'both') return fallback;
  if (value === 'salesforce' || value === 'talentlms') return [value];
  throw new ControlError(400, 'BAD_SIDE', 'side must be "salesforce", "talentlms" or "both"');
}

function manualClock(harness: Harness): ManualClock {
  if (!(harness.clock instanceof ManualClock)) {
    throw new ControlError(
      409,
      'CLOCK_NOT_CONTROLLABLE',
      'This harness runs on a clock that cannot be advanced'
    );
  }
  return harness.clock;
}

function clockView(harness: Harness) {
  const now = harness.clock.now();
  return { now, iso: new Date(now).toISOString() };
}

const UNITS: Record<string, number> = {
  ms: 1,
  seconds: 1000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000
};

function durationMs(body: Body): number {
  let total = 0;
  let given = false;
  for (const [unit, factor] of Object.entries(UNITS)) {
    const value = body[unit];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new ControlError(400, 'BAD_DURATION', `${unit} must be a number ≥ 0`);
    }
    total += value * factor;
    given = true;
  }
  if (!given) throw new ControlError(400, 'BAD_DURATION', 'Give ms, seconds, minutes, hours or days');
  return Math.round(total);
}

const FAULT_KINDS = ['latency', 'status', 'timeout', 'reset', 'tokenExpiry', 'quota', 'lockError'];

function faultRule(body: Body): FaultRule {
  if (typeof body.kind !== 'string' || !FAULT_KINDS.includes(body.kind)) {
    throw new ControlError(400, 'BAD_FAULT', `kind must be one of ${FAULT_KINDS.join(', ')}`);
  }
  const rule: Record<string, unknown> = { kind: body.kind };
  for (const key of ['route', 'method'] as const) {
    if (body[key] === undefined) continue;
    if (typeof body[key] !== 'string') throw new ControlError(400, 'BAD_FAULT', `${key} must be a string`);
    rule[key] = body[key];
  }
  for (const key of ['ms', 'jitterMs', 'status', 'times', 'after', 'probability'] as const) {
    if (body[key] === undefined) continue;
    if (typeof body[key] !== 'number') throw new ControlError(400, 'BAD_FAULT', `${key} must be a number`);
    rule[key] = body[key];
  }
  return rule as unknown as FaultRule;
}

function steps(body: Body): SimulatorStep[] {
  const list = Array.isArray(body.steps) ? body.steps : body.action !== undefined ? [body] : null;
  if (!list || list.length === 0) {
    throw new ControlError(400, 'BAD_STEP', 'Send one step {"action": …} or {"steps": [ … ]}');
  }
  return list as SimulatorStep[];
}

function runSteps(harness: Harness, list: SimulatorStep[]): unknown[] {
  return list.map((step, index) => {
    try {
      return harness.talentlms.simulator.run(step);
    } catch (error) {
      throw new ControlError(
        400,
        'SIMULATOR_REJECTED',
        `Step ${index + 1} (${String((step as { action?: unknown }).action)}) failed: ${(error as Error).message}`
      );
    }
  });
}

function stateSummary(harness: Harness) {
  const sf = harness.salesforce.store;
  const objects = [
    'User',
    'Contact',
    'Account',
    'Learner__c',
    'UserCourse__c',
    'ContactCourse__c',
    'UserCertificate__c',
    'ContactCertificate__c',
    'UserBadge__c',
    'ContactBadge__c',
    'SyncRun__c',
    'SyncIssue__c',
    'SyncState__c',
    'SyncLock__c',
    'ConnectorSettings__c'
  ];
  const tl = harness.talentlms.state;
  let enrollments = 0;
  for (const perUser of tl.enrollments.values()) enrollments += perUser.size;
  let certificates = 0;
  for (const list of tl.certificates.values()) certificates += list.length;
  let badges = 0;
  for (const list of tl.badges.values()) badges += list.length;
  return {
    seed: { name: harness.seed.name, people: harness.seed.people, manifest: harness.manifestPath },
    clock: clockView(harness),
    salesforce: Object.fromEntries(objects.map((name) => [name, sf.all(name).length])),
    talentlms: {
      users: [...tl.users.values()].filter((u) => !u.deleted).length,
      deletedUsers: [...tl.users.values()].filter((u) => u.deleted).length,
      courses: tl.courses.size,
      groups: tl.groups.size,
      branches: tl.branches.size,
      enrollments,
      certificates,
      badges,
      timelineEvents: tl.timeline.count()
    }
  };
}

function talentlmsSettings(harness: Harness) {
  const { plan, portal, quirks, rateLimitStatus, apiEnabled, domainActive } = harness.talentlms.settings;
  return {
    plan,
    portal,
    quirks: { ...quirks, branchNamePattern: String(quirks.branchNamePattern) },
    rateLimitStatus,
    apiEnabled,
    domainActive
  };
}

function talentlmsUser(harness: Harness, id: string) {
  const tl = harness.talentlms.state;
  const user = tl.users.get(id);
  if (!user) throw new ControlError(404, 'NOT_FOUND', `No TalentLMS user with id ${id}`);
  const { password: _password, ...visible } = user;
  return {
    user: visible,
    enrollments: tl.enrollmentsOfUser(id),
    certificates: tl.certificatesOf(id),
    badges: tl.badgesOf(id),
    groups: tl.groupsOfUser(id).map((g) => ({ id: g.id, name: g.name })),
    branches: tl.branchesOfUser(id).map((b) => ({ id: b.id, name: b.name }))
  };
}

function configureTalentLms(harness: Harness, body: Body) {
  const allowed = ['plan', 'portal', 'quirks', 'rateLimitStatus', 'apiEnabled', 'domainActive'];
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new ControlError(
      400,
      'BAD_SETTING',
      `Unknown key(s) ${unknown.join(', ')}; use ${allowed.join(', ')}`
    );
  }
  const quirks = body.quirks as Record<string, unknown> | undefined;
  if (quirks && 'branchNamePattern' in quirks) {
    throw new ControlError(400, 'BAD_SETTING', 'branchNamePattern (a RegExp) can only be set in-process');
  }
  harness.talentlms.configure(body as Parameters<Harness['talentlms']['configure']>[0]);
  return talentlmsSettings(harness);
}

export const ROUTES: Route[] = [
  {
    method: 'GET',
    pattern: /^\/health$/,
    doc: 'liveness and seed name',
    handler: (h) => ({ ok: true, seed: h.seed.name })
  },
  { method: 'GET', pattern: /^\/clock$/, doc: 'the shared clock: {now, iso}', handler: (h) => clockView(h) },
  {
    method: 'POST',
    pattern: /^\/clock\/advance$/,
    doc: 'advance the clock by {ms|seconds|minutes|hours|days}',
    handler: (h, body) => {
      manualClock(h).advance(durationMs(body));
      return clockView(h);
    }
  },
  {
    method: 'POST',
    pattern: /^\/clock\/set$/,
    doc: 'move the clock forward to {iso} (never back)',
    handler: (h, body) => {
      const target = typeof body.iso === 'string' ? Date.parse(body.iso) : NaN;
      if (Number.isNaN(target)) throw new ControlError(400, 'BAD_TIME', 'iso must be an ISO-8601 instant');
      if (target < h.clock.now())
        throw new ControlError(409, 'CLOCK_BACKWARDS', 'The clock only moves forward');
      manualClock(h).setTime(target);
      return clockView(h);
    }
  },
  {
    method: 'POST',
    pattern: /^\/simulator$/,
    doc: 'run learning steps: one {action, …} or {steps: [ … ]} (enrol, progress, complete, fail, expire, reset, issueCertificate, refreshCertificate, expireCertificate, removeCertificate, unlockBadge, levelUp, addPoints, login, testResult)',
    handler: (h, body) => ({ results: runSteps(h, steps(body)), clock: clockView(h) })
  },
  {
    method: 'POST',
    pattern: /^\/simulator\/random$/,
    doc: 'seeded random activity on open enrollments: {count}',
    handler: (h, body) => {
      if (typeof body.count !== 'number' || body.count < 0)
        throw new ControlError(400, 'BAD_COUNT', 'count must be a number ≥ 0');
      return { counts: h.talentlms.simulator.randomActivity(body.count) };
    }
  },
  {
    method: 'GET',
    pattern: /^\/calls$/,
    doc: 'call counters of both sides: {salesforce, talentlms} each {total, tokens, byRoute, byStatus}',
    handler: (h) => ({ salesforce: h.salesforce.calls.snapshot(), talentlms: h.talentlms.calls.snapshot() })
  },
  {
    method: 'POST',
    pattern: /^\/calls\/reset$/,
    doc: 'zero the counters: {side?}',
    handler: (h, body) => {
      for (const side of sidesOf(body.side)) h[side].calls.reset();
      return { salesforce: h.salesforce.calls.snapshot(), talentlms: h.talentlms.calls.snapshot() };
    }
  },
  {
    method: 'GET',
    pattern: /^\/faults$/,
    doc: 'active fault rules of both sides',
    handler: (h) => ({ salesforce: h.salesforce.faults.list(), talentlms: h.talentlms.faults.list() })
  },
  {
    method: 'POST',
    pattern: /^\/faults$/,
    doc: 'add a fault rule: {side?, kind, route?, method?, ms?, jitterMs?, status?, times?, after?, probability?}',
    handler: (h, body) => {
      const rule = faultRule(body);
      return { faults: sidesOf(body.side).map((side) => ({ side, ...h[side].faults.add(rule) })) };
    }
  },
  {
    method: 'DELETE',
    pattern: /^\/faults\/(salesforce|talentlms)\/(\d+)$/,
    doc: 'remove one rule by side and id',
    handler: (h, _body, [side, id]) => {
      const faults = h[side as Side].faults;
      if (!faults.list().some((rule) => rule.id === Number(id))) {
        throw new ControlError(404, 'NOT_FOUND', `No ${side} fault with id ${id}`);
      }
      faults.remove(Number(id));
      return { removed: { side, id: Number(id) } };
    }
  },
  {
    method: 'POST',
    pattern: /^\/faults\/clear$/,
    doc: 'remove every rule: {side?}',
    handler: (h, body) => {
      for (const side of sidesOf(body.side)) h[side].faults.clear();
      return { salesforce: h.salesforce.faults.list(), talentlms: h.talentlms.faults.list() };
    }
  },
  {
    method: 'POST',
    pattern: /^\/salesforce\/expire-tokens$/,
    doc: 'expire every issued access token (next call: 401 INVALID_SESSION_ID)',
    handler: (h) => {
      h.salesforce.expireTokens();
      return { expired: true };
    }
  },
  {
    method: 'GET',
    pattern: /^\/salesforce\/usage$/,
    doc: 'daily API requests used against the limit',
    handler: (h) => ({ used: h.salesforce.usage.used(), exhausted: h.salesforce.usage.exhausted() })
  },
  {
    method: 'POST',
    pattern: /^\/salesforce\/query$/,
    doc: 'run SOQL in-process (no call counted, full access): {soql, includeDeleted?}',
    handler: (h, body) => {
      if (typeof body.soql !== 'string') throw new ControlError(400, 'BAD_QUERY', 'soql must be a string');
      try {
        const records = h.salesforce.store.query(body.soql, { includeDeleted: body.includeDeleted === true });
        return { totalSize: records.length, records };
      } catch (error) {
        throw new ControlError(400, 'BAD_QUERY', (error as Error).message);
      }
    }
  },
  {
    method: 'GET',
    pattern: /^\/talentlms\/settings$/,
    doc: 'plan, portal modes, quirks and API switches',
    handler: (h) => talentlmsSettings(h)
  },
  {
    method: 'POST',
    pattern: /^\/talentlms\/configure$/,
    doc: 'change {plan?, portal?, quirks?, rateLimitStatus?, apiEnabled?, domainActive?}',
    handler: (h, body) => configureTalentLms(h, body)
  },
  {
    method: 'POST',
    pattern: /^\/talentlms\/portal$/,
    doc: 'change portal modes (signupCreatesInactive, strongPasswords, activeUserLimit, branchLimit, gamification, dateFormat …)',
    handler: (h, body) => configureTalentLms(h, { portal: body })
  },
  {
    method: 'POST',
    pattern: /^\/talentlms\/plan$/,
    doc: 'change the plan {name?, hourlyLimit?, burstLimit?, burstWindowMs?}',
    handler: (h, body) => configureTalentLms(h, { plan: body })
  },
  {
    method: 'GET',
    pattern: /^\/talentlms\/ratelimit$/,
    doc: 'quota state {limit, remaining, resetMs, used, burstUsed}',
    handler: (h) => h.talentlms.rateLimiter.snapshot()
  },
  {
    method: 'POST',
    pattern: /^\/talentlms\/ratelimit\/exhaust$/,
    doc: 'spend the hourly quota',
    handler: (h) => {
      h.talentlms.rateLimiter.exhaust();
      return h.talentlms.rateLimiter.snapshot();
    }
  },
  {
    method: 'POST',
    pattern: /^\/talentlms\/ratelimit\/reset$/,
    doc: 'restore the quota',
    handler: (h) => {
      h.talentlms.rateLimiter.reset();
      return h.talentlms.rateLimiter.snapshot();
    }
  },
  {
    method: 'GET',
    pattern: /^\/talentlms\/users\/(\d+)$/,
    doc: 'one TalentLMS user with enrollments, certificates, badges, groups, branches',
    handler: (h, _b, [id]) => talentlmsUser(h, id)
  },
  {
    method: 'GET',
    pattern: /^\/state$/,
    doc: 'record counts on both sides, the clock and the seed',
    handler: (h) => stateSummary(h)
  },
  {
    method: 'POST',
    pattern: /^\/state\/reset$/,
    doc: 'reload the seed on both sides; clear counters, faults, quota (the clock stays)',
    handler: (h) => {
      h.reset();
      return stateSummary(h);
    }
  },
  { method: 'GET', pattern: /^\/manifest$/, doc: 'the seed manifest', handler: (h) => h.manifest }
];
