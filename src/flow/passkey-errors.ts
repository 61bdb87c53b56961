/**
 * What a failed passkey ceremony (sign-in or creation) means, as a `login-error` code: Amplify's
 * PasskeyError names (its `underlyingError` is the browser's DOMException) and Cognito's WebAuthn
 * exceptions. In the passkeys chunk: an email sign-in never needs it.
 */
import type { LoginErrorCode } from '../errors.js';
import { errorCodeFor } from './cognito-errors.js';

/** A closed prompt, a timeout and a failed fingerprint are all the browser's NotAllowedError, so all "cancelled". */
const PASSKEY: Record<string, LoginErrorCode> = {
  PasskeyAuthenticationCanceled: 'passkey-cancelled',
  PasskeyRegistrationCanceled: 'passkey-cancelled',
  PasskeyOperationAborted: 'passkey-cancelled',
  // No WebAuthn here (or no secure context), or a page outside the pool's relying party.
  PasskeyNotSupported: 'passkeys-unavailable',
  RelyingPartyMismatch: 'passkeys-unavailable',
  WebAuthnNotEnabledException: 'passkeys-unavailable',
  WebAuthnConfigurationMissingException: 'passkeys-unavailable',
  // The host's own Amplify configuration declares passwordless factors without WebAuthn.
  InvalidPreferredChallenge: 'passkeys-unavailable',
  // A refused assertion, an authenticator that answered nonsense, or Cognito refusing the passkey.
  NotAuthorizedException: 'passkey-failed',
  SignInException: 'passkey-failed',
  Unknown: 'passkey-failed',
};

/** Maps what a passkey ceremony threw; a disabled account, the network, throttling … as anywhere else. */
export function passkeyErrorCode(error: unknown): LoginErrorCode {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  if (!/disabled/i.test(String(message ?? ''))) {
    const code = PASSKEY[String(name)];
    if (code) return code;
    if (/^(Passkey|InvalidPasskey|WebAuthn)/.test(String(name))) return 'passkey-failed';
  }
  return errorCodeFor(error, 'email');
}
