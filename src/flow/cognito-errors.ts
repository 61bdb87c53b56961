/** Maps what aws-amplify and Cognito throw to the element's `login-error` codes. */
import type { LoginErrorCode } from '../errors.js';
import type { AuthStep } from './client.js';

/** Where in the flow an error happened; the same Cognito error can mean different things. */
export type ErrorContext = 'email' | 'code' | 'session';

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
  // HTTP 503, once aws-amplify's retries are spent.
  ServiceUnavailableException: 'service',
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
  StorageConflict: 'storage-conflict',
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

/**
 * ConfirmSignUp succeeded but the auto sign-in after it failed (a fault on the way), so retrying the
 * code or asking for a new sign-up code meets an account that is already confirmed: a normal
 * sign-in (one sign-in code) finishes the job instead of a dead end.
 */
export function alreadyConfirmed(error: unknown): AuthStep {
  const { name, message } = (error ?? {}) as { name?: string; message?: string };
  const confirmed =
    (name === 'NotAuthorizedException' && /status is confirmed/i.test(message ?? '')) ||
    (name === 'InvalidParameterException' && /already confirmed/i.test(message ?? ''));
  if (confirmed) return { type: 'sign-in-needed' };
  throw error;
}
