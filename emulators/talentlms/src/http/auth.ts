import type { IncomingMessage } from 'node:http';

/**
 * v1 authentication (reference §1): HTTP Basic with the API key as the username and an empty password
 * (`base64("<apikey>:")`). Digest, used by an old PHP library, is not supported.
 */
export function hasValidKey(req: IncomingMessage, apiKey: string): boolean {
  const header = req.headers.authorization;
  if (!header) return false;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) return false;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const username = colon < 0 ? decoded : decoded.slice(0, colon);
  const password = colon < 0 ? '' : decoded.slice(colon + 1);
  return username === apiKey && password === '';
}
