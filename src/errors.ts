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
  | 'storage-conflict'
  | 'service'
  // The passkey errors start with "passkey": after one the email step offers an email code instead.
  | 'passkey-cancelled'
  | 'passkey-failed'
  | 'passkeys-unavailable'
  | 'unknown';

/** Errors after which the code step offers "Send a new code" instead of another try. */
export const NEEDS_NEW_CODE: ReadonlySet<LoginErrorCode> = new Set(['code-expired', 'session-expired']);

/** `too-many-attempts` → `TooManyAttempts`. */
type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Pascal<Tail>}` : Capitalize<S>;

/** Each code's message is `error` + the code in PascalCase: `wrong-code` → `errorWrongCode`. */
type MessageKey = `error${Pascal<LoginErrorCode>}`;

/** Fails to compile if a code has no message in the translation table. */
export type EveryCodeHasAMessage = Pick<Messages, MessageKey>;

/** The translated text the user sees for an error code. */
export function errorMessage(code: LoginErrorCode, messages: Messages, codeLength = 0): string {
  // Derived rather than looked up in a 14-entry table: the email step's bundle is smaller for it.
  const key = `error${code.replace(/(?:^|-)(\w)/g, (_, letter: string) => letter.toUpperCase())}` as MessageKey;
  const entry = messages[key];
  return typeof entry === 'function' ? entry(codeLength) : entry;
}
