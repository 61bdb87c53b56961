/** Maps what aws-amplify and Cognito throw during account actions to the `account-error` codes. */
import type { AccountErrorCode } from '../account/errors.js';

/** Which action failed; the same Cognito error can mean different things. */
export type AccountErrorContext = 'email' | 'code' | 'session' | 'passkeys';

const BY_NAME: Record<string, AccountErrorCode> = {
  AliasExistsException: 'email-taken',
  CodeMismatchException: 'wrong-code',
  ExpiredCodeException: 'code-expired',
  LimitExceededException: 'too-many-attempts',
  TooManyRequestsException: 'too-many-attempts',
  TooManyFailedAttemptsException: 'too-many-attempts',
  // A revoked or expired session, or an account deleted elsewhere.
  NotAuthorizedException: 'session-expired',
  UserNotFoundException: 'session-expired',
  UserUnAuthenticatedException: 'session-expired',
  NoSession: 'session-expired',
  NetworkError: 'network',
  InternalErrorException: 'service',
  ServiceUnavailableException: 'service',
  CodeDeliveryFailureException: 'service',
  // A Lambda trigger refused (the notice to the old address could not be sent): try again later.
  UserLambdaValidationException: 'service',
  UnexpectedLambdaException: 'service',
  ResourceNotFoundException: 'configuration',
  InvalidUserPoolConfigurationException: 'configuration',
  AuthUserPoolException: 'configuration',
  AuthTokenConfigException: 'configuration',
  InvalidUserPoolId: 'configuration',
  InvalidLambdaResponseException: 'configuration',
  InvalidEmailRoleAccessPolicyException: 'configuration',
  UnsupportedOperationException: 'configuration',
  PoolConflict: 'pool-conflict',
  // Creating a passkey, with the names the sign-in element maps too (flow/cognito-errors.ts): a
  // closed prompt, a timeout and a failed fingerprint are all the browser's NotAllowedError.
  PasskeyRegistrationCanceled: 'passkey-cancelled',
  PasskeyOperationAborted: 'passkey-cancelled',
  NotAllowedError: 'passkey-cancelled',
  AbortError: 'passkey-cancelled',
  // This authenticator already holds one of the user's passkeys (it was in excludeCredentials).
  PasskeyAlreadyExists: 'passkey-exists',
  WebAuthnNotEnabledException: 'passkeys-unavailable',
  WebAuthnConfigurationMissingException: 'passkeys-unavailable',
  WebAuthnRelyingPartyMismatchException: 'passkeys-unavailable',
  WebAuthnOriginNotAllowedException: 'passkeys-unavailable',
  RelyingPartyMismatch: 'passkeys-unavailable',
  PasskeyNotSupported: 'passkeys-unavailable',
};

/** Maps anything thrown by the account client to an `account-error` code; never exposes the raw error. */
export function accountErrorCode(error: unknown, context: AccountErrorContext): AccountErrorCode {
  if (!error || typeof error !== 'object') return 'unknown';
  const name = String((error as { name?: unknown }).name ?? '');
  const message = String((error as { message?: unknown }).message ?? '').toLowerCase();
  if (name === 'InvalidParameterException') return context === 'email' && message.includes('email') ? 'invalid-email' : 'configuration';
  if (name === 'TypeError') return 'network';
  if (context === 'passkeys' && (name.startsWith('Passkey') || name.startsWith('WebAuthn'))) return BY_NAME[name] ?? 'passkey-failed';
  return BY_NAME[name] ?? (name.endsWith('Exception') && message.includes('throttl') ? 'too-many-attempts' : 'unknown');
}
