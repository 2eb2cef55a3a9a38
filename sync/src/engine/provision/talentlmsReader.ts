import type {
  PortalDateFormat,
  TalentLmsBranch,
  TalentLmsCustomField,
  TalentLmsGroup,
  TalentLmsSnapshot,
  TalentLmsUser
} from '../../core/provision';
import type { TalentLmsClient } from '../../talentlms/client';
import { asInt, asString, decodeHtml } from '../../talentlms/values';

/**
 * Reads what the plan needs from TalentLMS (reference §9(b)): the catalog — custom fields, groups, branches,
 * site info (date format, branch limit) — on every run (4 calls), and every user on a full provisioning
 * pass (one call, or ⌈users / 1,000⌉ on portals above UNPAGED_USERS_LIMIT).
 */
export const USERS_PAGE_SIZE = 1000;

type Raw = Record<string, unknown>;

const list = (value: unknown): Raw[] => (Array.isArray(value) ? (value as Raw[]) : []);

export function parseUser(raw: Raw): TalentLmsUser {
  const customFields: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (/^custom_field_\d+$/.test(key)) customFields[key] = asString(value);
  }
  return {
    id: asString(raw.id),
    login: asString(raw.login),
    email: asString(raw.email),
    firstName: decodeHtml(asString(raw.first_name)),
    lastName: decodeHtml(asString(raw.last_name)),
    userType: asString(raw.user_type),
    status: asString(raw.status).toLowerCase() === 'inactive' ? 'inactive' : 'active',
    customFields
  };
}

export function parseCustomField(raw: Raw): TalentLmsCustomField {
  const options = asString(raw.dropdown_values)
    .split(';')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  const bracketed = options.find((o) => /^\[.*\]$/.test(o));
  return {
    key: asString(raw.key),
    name: decodeHtml(asString(raw.name)),
    type: asString(raw.type).toLowerCase(),
    mandatory: asString(raw.mandatory).toLowerCase() === 'yes',
    options: options.map((o) => o.replace(/^\[(.*)\]$/, '$1')),
    defaultOption: bracketed ? bracketed.slice(1, -1) : null
  };
}

function dateFormatOf(value: unknown): PortalDateFormat {
  const text = asString(value).toUpperCase();
  return text === 'MMDDYYYY' || text === 'YYYYMMDD' ? text : 'DDMMYYYY';
}

export interface TalentLmsCatalogRead extends TalentLmsSnapshot {
  totals: { users: number | null; groups: number; branches: number };
  signup: { method: string; verification: string };
}

/** Everything but the users: what the Setup tab's catalog shows. */
export type TalentLmsCatalog = Omit<TalentLmsCatalogRead, 'users'>;

export async function readCatalog(tl: TalentLmsClient, signal?: AbortSignal): Promise<TalentLmsCatalog> {
  const fields = list(await tl.get('getcustomregistrationfields', undefined, signal)).map(parseCustomField);
  const groups: TalentLmsGroup[] = list(await tl.get('groups', undefined, signal)).map((g) => ({
    id: asString(g.id),
    name: decodeHtml(asString(g.name)),
    key: asString(g.key)
  }));
  const branches: TalentLmsBranch[] = list(await tl.get('branches', undefined, signal)).map((b) => ({
    id: asString(b.id),
    name: decodeHtml(asString(b.name))
  }));
  const site = ((await tl.get('siteinfo', undefined, signal)) ?? {}) as Raw;
  const limits = (site.limits ?? {}) as Raw;
  const branchLimit = asInt(limits.maximum_brances ?? limits.maximum_branches);
  return {
    groups,
    branches,
    customFields: fields.filter((f) => f.key !== ''),
    dateFormat: dateFormatOf(site.date_format),
    branchLimit: branchLimit === null || branchLimit < 0 ? null : branchLimit,
    totals: { users: asInt(site.total_users), groups: groups.length, branches: branches.length },
    signup: { method: asString(site.signup_method), verification: asString(site.verification) }
  };
}

/**
 * Portals up to this many users (site info's `total_users`) are listed in one unpaged call (about 5 MB at
 * 15,000, reference §9b), so a provisioning pass resumed window after window on a 2,000/h plan does not pay
 * ⌈users / 1,000⌉ calls each time; larger or unknown portals page at 1,000.
 */
export const UNPAGED_USERS_LIMIT = 20_000;

export async function readUsers(
  tl: TalentLmsClient,
  totalUsers: number | null,
  signal?: AbortSignal
): Promise<TalentLmsUser[]> {
  if (totalUsers !== null && totalUsers <= UNPAGED_USERS_LIMIT) {
    return list(await tl.get('users', undefined, signal)).map(parseUser);
  }
  const users: TalentLmsUser[] = [];
  for (let page = 1; ; page += 1) {
    const rows = list(await tl.get('users', { page_size: USERS_PAGE_SIZE, page_number: page }, signal));
    users.push(...rows.map(parseUser));
    if (rows.length < USERS_PAGE_SIZE) break;
  }
  return users;
}

/** The catalog and every user: what a full provisioning pass and a plan read. */
export async function readTalentLms(
  tl: TalentLmsClient,
  signal?: AbortSignal
): Promise<TalentLmsCatalogRead> {
  const catalog = await readCatalog(tl, signal);
  return { ...catalog, users: await readUsers(tl, catalog.totals.users, signal) };
}
