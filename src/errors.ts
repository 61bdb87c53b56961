/**
 * The `login-error` codes and the text the user sees for each. Which Cognito error maps to which
 * code is in `flow/cognito-errors.ts`, loaded with the flow, so the email step does not carry it.
 */
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

/** Errors after which the code step offers "Send a new code" instead of another try. */
export const NEEDS_NEW_CODE: ReadonlySet<LoginErrorCode> = new Set(['code-expired', 'session-expired']);

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
