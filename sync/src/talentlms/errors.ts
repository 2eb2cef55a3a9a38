import { ExitCode } from '../core/exitCodes';
import { AuthError, TalentLmsApiError, type SyncError } from '../core/errors';

/**
 * TalentLMS answers errors as `{"error": {"type", "message"}}` with a status (reference §2.1). Callers branch
 * on the code, never on the message; the messages are TalentLMS's documented ones, matched loosely.
 */
const MESSAGE_CODES: [RegExp, string][] = [
  [/requested user does not exist|user is no longer available/i, 'TALENTLMS_USER_NOT_FOUND'],
  [/same email address already exists/i, 'TALENTLMS_DUPLICATE_EMAIL'],
  [/same login already exists/i, 'TALENTLMS_DUPLICATE_LOGIN'],
  [/password is not strong enough/i, 'TALENTLMS_WEAK_PASSWORD'],
  [/already enrolled|already a member/i, 'TALENTLMS_ALREADY_MEMBER'],
  [/not enrolled|not a member/i, 'TALENTLMS_NOT_MEMBER'],
  [/does not exist|no group with such key/i, 'TALENTLMS_NOT_FOUND'],
  [/invalid arguments/i, 'TALENTLMS_INVALID_ARGUMENTS']
];

export interface TalentLmsErrorBody {
  error?: { type?: string; message?: string };
}

export function mapTalentLmsError(status: number, body: unknown, endpoint: string): SyncError {
  const message = ((body as TalentLmsErrorBody)?.error?.message ?? '').toString().slice(0, 500);
  const data = {
    endpoint,
    status,
    type: (body as TalentLmsErrorBody)?.error?.type ?? null,
    response: message
  };
  if (status === 401) {
    return new AuthError('TALENTLMS_AUTH_INVALID_KEY', 'TalentLMS refused the API key (401)', { data });
  }
  if (status === 403) {
    return new AuthError(
      'TALENTLMS_API_DISABLED',
      `TalentLMS refused access (403): ${message || 'the API is not enabled or the portal is inactive'}`,
      { data }
    );
  }
  if (status === 429) {
    return new TalentLmsApiError(
      'TALENTLMS_RATE_LIMITED',
      'TalentLMS answered 429 Too Many Requests',
      status,
      {
        data,
        exitCode: ExitCode.quota
      }
    );
  }
  if (status >= 500) {
    return new TalentLmsApiError(
      'TALENTLMS_SERVER_ERROR',
      `TalentLMS ${endpoint} failed with ${status}`,
      status,
      {
        data,
        exitCode: ExitCode.partial
      }
    );
  }
  const match = MESSAGE_CODES.find(([pattern]) => pattern.test(message));
  const code = match ? match[1] : status === 404 ? 'TALENTLMS_NOT_FOUND' : 'TALENTLMS_REQUEST_FAILED';
  return new TalentLmsApiError(code, `TalentLMS ${endpoint}: ${message || `HTTP ${status}`}`, status, {
    data,
    exitCode: ExitCode.partial
  });
}
