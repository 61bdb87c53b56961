/**
 * The `account-error` codes and the text the user sees for each. Which Cognito error maps to which
 * code is in `flow/account-errors.ts`, loaded with the account flow.
 */
import type { AccountMessages } from '../i18n/account/en.js';

/** The stable `code` of every `account-error` event. */
export type AccountErrorCode =
  | 'email-required'
  | 'invalid-email'
  | 'same-email'
  | 'email-taken'
  | 'code-incomplete'
  | 'wrong-code'
  | 'code-expired'
  | 'too-many-attempts'
  | 'session-expired'
  | 'network'
  | 'configuration'
  | 'pool-conflict'
  | 'service'
  | 'passkey-cancelled'
  | 'passkey-failed'
  | 'passkey-exists'
  | 'passkeys-unavailable'
  | 'unknown';

/** `too-many-attempts` → `TooManyAttempts`. */
type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Pascal<Tail>}` : Capitalize<S>;

/** Each code's message is `error` + the code in PascalCase: `email-taken` → `errorEmailTaken`. */
type MessageKey = `error${Pascal<AccountErrorCode>}`;

/** Fails to compile if a code has no message in the translation table. */
export type EveryCodeHasAMessage = Pick<AccountMessages, MessageKey>;

/** The translated text the user sees for an error code. */
export function accountErrorMessage(code: AccountErrorCode, messages: AccountMessages): string {
  const key = `error${code.replace(/(?:^|-)(\w)/g, (_, letter: string) => letter.toUpperCase())}` as MessageKey;
  return messages[key];
}
