/**
 * v1 errors: `{"error":{"type","message"}}` (reference §2.1, S7). The messages clients match on are kept
 * verbatim here; the HTTP status per message is Uncertain, so it is looked up through the quirk table.
 */
export type ErrorType = 'invalid_request_error' | 'api_error';

export const Messages = {
  userMissing: 'The requested user does not exist',
  userGone: 'The requested user is no longer available',
  duplicateEmail: 'A user with the same email address already exists',
  duplicateLogin: 'A user with the same login already exists',
  weakPassword:
    'Password is not strong enough (should have at least (1) upper case letter, at least (1) lower case letter, at least (1) number, at least (8) characters in length)',
  badLogin: 'Your login or password is incorrect. Please try again, making sure that CAPS LOCK key is off',
  inactiveLogin:
    'Your account is inactive. Please activate the account using the instructions sent to you via e-mail. If you did not receive the e-mail, check your spam folder.',
  alreadyEnrolled: 'The requested user is already enrolled in this course',
  notEnrolled: 'The requested user is not enrolled in this course',
  alreadyInGroup: 'The requested user is already a member of this group',
  notInGroup: 'The requested user is not a member of this group',
  alreadyInBranch: 'The requested user is already a member of this branch',
  notInBranch: 'The requested user is not a member of this branch',
  courseAlreadyInGroup: 'The requested course is already a member of this group',
  courseAlreadyInBranch: 'The requested course is already a member of this branch',
  noGroupWithKey: 'There is no group with such key',
  branchMissing: 'The requested branch does not exist',
  categoryMissing: 'The requested category does not exist',
  courseMissing: 'The requested course does not exist',
  groupMissing: 'The requested group does not exist',
  unitMissing: 'The requested unit does not exist',
  noTestProgress: 'User does not have a progress registered for the test',
  noSurveyProgress: 'User does not have a progress registered for the survey',
  invalidArguments: 'Invalid arguments provided',
  unknownAction: 'The requested API action does not exist',
  // The response-code table's wording (reference §2.1); no captured body exists for these.
  invalidKey: 'Invalid API key provided',
  apiDisabled: 'API is not enabled for the specified domain or the domain is currently inactive',
  internal: 'Internal server error',
  // Not documented anywhere: wording chosen here, listed in the README as emulator inventions.
  rateLimited: 'API rate limit exceeded. Please wait until the limit resets (see /ratelimit)',
  activeUserLimit: 'You have reached the maximum number of active users allowed by your plan',
  branchLimit: 'You have reached the maximum number of branches allowed by your plan',
  duplicateBranch: 'A branch with the same name already exists',
  invalidBranchName: 'The branch name may contain only lowercase letters and numbers',
  userTypeMissing: 'The requested user type does not exist',
  mandatoryCustomField: 'Invalid arguments provided: a mandatory custom field is missing'
} as const;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: ErrorType = status >= 500 ? 'api_error' : 'invalid_request_error'
  ) {
    super(message);
  }

  body(): { error: { type: ErrorType; message: string } } {
    return { error: { type: this.type, message: this.message } };
  }
}

/** The reading of the response-code table: "does not exist"-style lookups are 404, the rest 400. */
function defaultStatus(message: string): number {
  if (/does not exist|no longer available|no group with such key/.test(message)) return 404;
  return 400;
}

/** Handlers throw through here; the server applies the quirk table (`errorStatus`) when it answers. */
export function fail(message: string): never {
  throw new ApiError(defaultStatus(message), message);
}

export function statusFor(error: ApiError, overrides: Record<string, number>): number {
  return overrides[error.message] ?? error.status;
}
