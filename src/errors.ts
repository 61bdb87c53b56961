import type { Messages } from './i18n/en.js';

/** The stable `code` of every `login-error` event. */
export type LoginErrorCode =
  | 'email-required'
  | 'invalid-email'
  | 'code-incomplete'
  | 'wrong-code'
  | 'code-expired'
  | 'session-expired'
  | 'no-account'
  | 'too-many-attempts'
  | 'network'
  | 'user-disabled'
  | 'configuration'
  | 'pool-conflict'
  | 'service'
  | 'unknown';

/** Where in the flow an error happened; the same Cognito error can mean different things. */
export type ErrorContext = 'email' | 'code' | 'session';

/** Errors after which the code step offers "Send a new code" instead of another try. */
export const NEEDS_NEW_CODE: ReadonlySet<LoginErrorCode> = new Set(['code-expired', 'session-expired']);

const BY_NAME: Record<string, LoginErrorCode> = {
  // Wrong code: the session stays usable, the user types again.
  CodeMismatchException: 'wrong-code',
  ExpiredCodeException: 'code-expired',
  // `confirmSignIn` with no sign-in in progress (the page lost it): only a new code helps.
  SignInException: 'session-expired',
  UserNotFoundException: 'no-account',
  LimitExceededException: 'too-many-attempts',
  TooManyRequestsException: 'too-many-attempts',
  TooManyFailedAttemptsException: 'too-many-attempts',
  CodeDeliveryFailureException: 'service',
  NetworkError: 'network',
  InternalErrorException: 'service',
  InvalidParameterException: 'configuration',
  ResourceNotFoundException: 'configuration',
  InvalidUserPoolConfigurationException: 'configuration',
  FeatureUnavailableInTierException: 'configuration',
  UnsupportedOperationException: 'configuration',
  InvalidUserPoolId: 'configuration',
  AuthUserPoolException: 'configuration',
  AuthTokenConfigException: 'configuration',
  InvalidPreferredChallenge: 'configuration',
  UserLambdaValidationException: 'configuration',
  UnexpectedLambdaException: 'configuration',
  InvalidLambdaResponseException: 'configuration',
  InvalidEmailRoleAccessPolicyException: 'configuration',
  PoolConflict: 'pool-conflict',
};

/** Maps anything thrown by the flow's client to a `login-error` code; never exposes the raw error. */
export function errorCodeFor(error: unknown, context: ErrorContext): LoginErrorCode {
  if (!error || typeof error !== 'object') return 'unknown';
  const name = String((error as { name?: unknown }).name ?? '');
  const message = String((error as { message?: unknown }).message ?? '').toLowerCase();
  if (name === 'NotAuthorizedException') {
    if (message.includes('disabled')) return 'user-disabled';
    // "Invalid session for the user[, session is expired | can only be used once]."
    if (context === 'code' || message.includes('session')) return 'session-expired';
    // e.g. "SignUp is not permitted for this user pool": the pool does not allow self sign-up.
    return 'configuration';
  }
  if (name === 'TypeError' && context !== 'session') return 'network';
  return BY_NAME[name] ?? (name.endsWith('Exception') && message.includes('throttl') ? 'too-many-attempts' : 'unknown');
}

const MESSAGE_KEY = {
  'email-required': 'errorEmailRequired',
  'invalid-email': 'errorInvalidEmail',
  'code-incomplete': 'errorCodeIncomplete',
  'wrong-code': 'errorWrongCode',
  'code-expired': 'errorCodeExpired',
  'session-expired': 'errorSessionExpired',
  'no-account': 'errorNoAccount',
  'too-many-attempts': 'errorTooManyAttempts',
  network: 'errorNetwork',
  'user-disabled': 'errorUserDisabled',
  configuration: 'errorConfiguration',
  'pool-conflict': 'errorPoolConflict',
  service: 'errorService',
  unknown: 'errorUnknown',
} as const satisfies Record<LoginErrorCode, keyof Messages>;

/** The translated text the user sees for an error code. */
export function errorMessage(code: LoginErrorCode, messages: Messages, codeLength = 0): string {
  const entry = messages[MESSAGE_KEY[code]];
  return typeof entry === 'function' ? entry(codeLength) : entry;
}
