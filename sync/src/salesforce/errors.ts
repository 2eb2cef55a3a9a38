import { AuthError, QuotaExhaustedError, SalesforceApiError, SyncError } from '../core/errors';

/**
 * jsforce errors → SyncErrors callers can branch on: OAuth errors (named after the OAuth `error`) and REST
 * errors (named after Salesforce's `errorCode`), network failures apart.
 */
const OAUTH_ERRORS = new Set([
  'invalid_client',
  'invalid_client_id',
  'invalid_grant',
  'unsupported_grant_type'
]);

export function errorName(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { errorCode?: unknown; name?: unknown };
    if (typeof e.errorCode === 'string') return e.errorCode;
    if (typeof e.name === 'string') return e.name;
  }
  return '';
}

export function isNetworkError(error: unknown): boolean {
  const text = `${errorName(error)} ${(error as { code?: string })?.code ?? ''} ${(error as Error)?.message ?? ''}`;
  return /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|ETIMEDOUT|FetchError|socket hang up|network/i.test(
    text
  );
}

export function mapAuthError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  const name = errorName(error);
  const message = error instanceof Error ? error.message : String(error);
  const data = { oauthError: name, description: message.slice(0, 200) };
  if (isNetworkError(error))
    return new AuthError('SF_UNREACHABLE', `Salesforce could not be reached: ${message}`, { data });
  switch (name) {
    case 'invalid_client':
    case 'invalid_client_id':
    case 'invalid_client_credentials':
      return new AuthError('SF_AUTH_INVALID_CLIENT', `Salesforce refused the client credentials (${name})`, {
        data
      });
    case 'invalid_grant':
      return /domain/i.test(message)
        ? new AuthError('SF_AUTH_WRONG_DOMAIN', `Salesforce refused the grant on this host: ${message}`, {
            data
          })
        : new AuthError(
            'SF_AUTH_GRANT_REFUSED',
            `Salesforce refused the client-credentials grant: ${message}`,
            { data }
          );
    case 'unsupported_grant_type':
      return new AuthError(
        'SF_AUTH_GRANT_REFUSED',
        `The client-credentials flow is not enabled: ${message}`,
        { data }
      );
    case 'INVALID_SESSION_ID':
    case 'ERROR_HTTP_401':
      return new AuthError('SF_SESSION_INVALID', 'The Salesforce access token is invalid or expired', {
        data
      });
    default:
      return new AuthError('SF_AUTH_FAILED', `Salesforce authentication failed: ${name || message}`, {
        data
      });
  }
}

/** Maps a thrown jsforce error to a SyncError callers can branch on. */
export function mapApiError(error: unknown): SyncError {
  if (error instanceof SyncError) return error;
  const name = errorName(error);
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'REQUEST_LIMIT_EXCEEDED') return new QuotaExhaustedError('salesforce', { message });
  // A failed token refresh surfaces on the call that needed it, named after the OAuth error.
  if (name === 'INVALID_SESSION_ID' || OAUTH_ERRORS.has(name)) return mapAuthError(error);
  if (isNetworkError(error))
    return new AuthError('SF_UNREACHABLE', `Salesforce could not be reached: ${message}`);
  const raw = (error as { data?: unknown }).data;
  return new SalesforceApiError(name || 'UNKNOWN', message, {
    data: raw === undefined ? {} : { response: raw }
  });
}
