import { ConfigError } from '../core/errors';

/**
 * URL rules, checked before any call. Salesforce: https and a My Domain host (production, sandbox, scratch,
 * developer, demo…); login./test.salesforce.com are refused because the client-credentials flow does not work
 * there. TalentLMS: https. TLMS_ALLOW_LOOPBACK=1 relaxes both to http(s) on 127.0.0.1/localhost (emulators),
 * and never to anything else.
 */
export interface CheckedUrl {
  /** Origin without a trailing slash. */
  url: string;
  warnings: string[];
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);
const LOGIN_HOSTS = new Set(['login.salesforce.com', 'test.salesforce.com']);
// <name>[--<sandbox>][.(sandbox|scratch|develop|demo|patch|trailblaze|free)].my.salesforce.com (and .mil)
const MY_DOMAIN =
  /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:--[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)?(?:\.(?:sandbox|scratch|develop|demo|patch|trailblaze|free))?\.my\.salesforce\.(?:com|mil)$/;

function parse(raw: string, code: string, variable: string): URL {
  try {
    return new URL(raw.trim());
  } catch {
    throw new ConfigError(code, `${variable} is not a URL: "${raw}"`);
  }
}

function stripToOrigin(url: URL, raw: string, variable: string, code: string): CheckedUrl {
  const warnings: string[] = [];
  if (url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw new ConfigError(code, `${variable} must be the origin only (https://host), not "${raw}"`);
  }
  if (raw.trim().endsWith('/')) {
    warnings.push(
      `${variable} ends with "/"; using ${url.origin} (remove the trailing slash to silence this)`
    );
  }
  return { url: url.origin, warnings };
}

export function checkSalesforceInstanceUrl(raw: string, allowLoopback: boolean): CheckedUrl {
  const variable = 'TLMS_SF_INSTANCE_URL';
  const url = parse(raw, 'SF_INSTANCE_URL_INVALID', variable);
  const host = url.hostname.toLowerCase();
  if (allowLoopback && LOOPBACK_HOSTS.has(host) && (url.protocol === 'http:' || url.protocol === 'https:')) {
    return stripToOrigin(url, raw, variable, 'SF_INSTANCE_URL_INVALID');
  }
  if (url.protocol !== 'https:') {
    throw new ConfigError(
      'SF_INSTANCE_URL_INSECURE',
      LOOPBACK_HOSTS.has(host)
        ? `${variable} uses ${url.protocol}//${host}: loopback URLs need TLMS_ALLOW_LOOPBACK=1`
        : `${variable} must use https, not ${url.protocol.replace(':', '')}`
    );
  }
  if (LOGIN_HOSTS.has(host)) {
    throw new ConfigError(
      'SF_INSTANCE_URL_LOGIN_HOST',
      `${variable} is ${host}, which the client-credentials flow does not support: use the org's My Domain URL`
    );
  }
  if (host.endsWith('.lightning.force.com')) {
    throw new ConfigError(
      'SF_INSTANCE_URL_NOT_MY_DOMAIN',
      `${variable} is a Lightning URL (${host}); use the My Domain form ${host.replace('.lightning.force.com', '.my.salesforce.com')}`
    );
  }
  if (!MY_DOMAIN.test(host)) {
    throw new ConfigError('SF_INSTANCE_URL_NOT_MY_DOMAIN', `${variable} host ${host} is not a My Domain URL`);
  }
  return stripToOrigin(url, raw, variable, 'SF_INSTANCE_URL_INVALID');
}

/** "acme.talentlms.com" (a scheme or trailing slash is removed with a warning). */
export function checkTalentLmsDomain(raw: string): { domain: string; warnings: string[] } {
  const warnings: string[] = [];
  let domain = raw.trim().toLowerCase();
  const withScheme = /^https?:\/\//.exec(domain);
  if (withScheme) {
    domain = domain.slice(withScheme[0].length);
    warnings.push('TLMS_DOMAIN should be the host only (e.g. acme.talentlms.com); the scheme was removed');
  }
  if (domain.endsWith('/')) {
    domain = domain.replace(/\/+$/, '');
    warnings.push('TLMS_DOMAIN ends with "/"; it was removed');
  }
  if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/.test(domain)) {
    throw new ConfigError('TALENTLMS_URL_INVALID', `TLMS_DOMAIN is not a host name: "${raw}"`);
  }
  return { domain, warnings };
}

/** The TalentLMS origin: TLMS_BASE_URL (emulators, custom hosts) or https://<domain>. */
export function checkTalentLmsBaseUrl(
  raw: string | undefined,
  domain: string,
  allowLoopback: boolean
): CheckedUrl {
  const variable = 'TLMS_BASE_URL';
  if (!raw) return { url: `https://${domain}`, warnings: [] };
  const url = parse(raw, 'TALENTLMS_URL_INVALID', variable);
  const host = url.hostname.toLowerCase();
  if (allowLoopback && LOOPBACK_HOSTS.has(host) && (url.protocol === 'http:' || url.protocol === 'https:')) {
    return stripToOrigin(url, raw, variable, 'TALENTLMS_URL_INVALID');
  }
  if (url.protocol !== 'https:') {
    throw new ConfigError(
      'TALENTLMS_URL_INSECURE',
      LOOPBACK_HOSTS.has(host)
        ? `${variable} uses ${url.protocol}//${host}: loopback URLs need TLMS_ALLOW_LOOPBACK=1`
        : `${variable} must use https, not ${url.protocol.replace(':', '')}`
    );
  }
  return stripToOrigin(url, raw, variable, 'TALENTLMS_URL_INVALID');
}
