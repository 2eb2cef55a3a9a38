import { Messages, fail } from './errors';

/**
 * v1 parameter parsing (reference §1.1, checklist §8.1). Parameters travel as `key:value` pairs after the
 * endpoint name (`/v1/usersetstatus/user_id:7,status:inactive`); real clients also use the query string and
 * form bodies, so all three are merged. Path values are percent-decoded once.
 */
const API_PATH = /^\/api\/v1\/([A-Za-z]+)(?:\/(.*))?$/;

/** URL-valued parameters that clients send base64-encoded (reference §1.1). */
const BASE64_PARAMS = new Set(['logout_redirect', 'course_completed_redirect', 'redirect_url', 'domain_url']);

export interface ApiPath {
  /** Lower-cased endpoint name: routing is case-insensitive (`userSignup`, `getTimeline`). */
  endpoint: string;
  /** Everything after the endpoint segment, still percent-encoded. */
  rawParams: string;
}

export function matchApiPath(pathname: string): ApiPath | null {
  const match = API_PATH.exec(pathname);
  if (!match) return null;
  return { endpoint: match[1].toLowerCase(), rawParams: match[2] ?? '' };
}

function decodeOnce(value: string, plusAsSpace: boolean): string {
  const spaced = plusAsSpace ? value.replace(/\+/g, ' ') : value;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced; // a stray % is kept literally rather than rejected
  }
}

/** Splits `a:1,b:2` on commas, each pair on its first colon (base64 values may hold `/`, `+`, `=`). */
export function parsePathParams(rawParams: string, plusAsSpace: boolean): Map<string, string> {
  const params = new Map<string, string>();
  let raw = rawParams;
  // A trailing slash (`/users/`, `/users/id:5/`) is client noise, unless it ends a base64 value.
  if (
    raw.endsWith('/') &&
    !/(?:^|,)(?:logout_redirect|course_completed_redirect|redirect_url|domain_url):[^,]*$/i.test(raw)
  ) {
    raw = raw.slice(0, -1);
  }
  if (raw === '') return params;
  for (const pair of raw.split(',')) {
    if (pair === '') continue;
    const colon = pair.indexOf(':');
    if (colon <= 0) fail(Messages.invalidArguments);
    params.set(pair.slice(0, colon).trim().toLowerCase(), decodeOnce(pair.slice(colon + 1), plusAsSpace));
  }
  return params;
}

function decodeBase64Url(value: string): string {
  if (/^https?:\/\//i.test(value) || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return value;
  const decoded = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  return /^https?:\/\//i.test(decoded) ? decoded : value;
}

/** Read access with the v1 validation answers: missing or mistyped arguments are a 400. */
export class Params {
  private readonly values: Map<string, string>;

  constructor(values: Map<string, string>) {
    this.values = new Map();
    for (const [key, value] of values) {
      this.values.set(key, BASE64_PARAMS.has(key) ? decodeBase64Url(value) : value);
    }
  }

  static merge(...sources: Array<Map<string, string> | URLSearchParams | Record<string, unknown>>): Params {
    const merged = new Map<string, string>();
    // Later sources lose: the path wins over the body, the body over the query string.
    for (const source of [...sources].reverse()) {
      const entries =
        source instanceof Map || source instanceof URLSearchParams
          ? [...source.entries()]
          : Object.entries(source);
      for (const [key, value] of entries) {
        if (value === undefined || value === null) continue;
        merged.set(key.toLowerCase(), typeof value === 'string' ? value : String(value));
      }
    }
    return new Params(merged);
  }

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  keys(): string[] {
    return [...this.values.keys()];
  }

  require(name: string): string {
    const value = this.values.get(name);
    if (value === undefined || value.trim() === '') fail(Messages.invalidArguments);
    return value;
  }

  /** An integer id ("an invalid type (e.g. a string) was supplied instead of an integer" → 400). */
  requireId(name: string): string {
    return normaliseId(this.require(name));
  }

  optionalId(name: string): string | undefined {
    const value = this.values.get(name);
    return value === undefined || value === '' ? undefined : normaliseId(value);
  }
}

export function normaliseId(value: string): string {
  if (!/^\s*\d+\s*$/.test(value)) fail(Messages.invalidArguments);
  return String(Number(value.trim()));
}
