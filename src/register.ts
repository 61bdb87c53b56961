/** Registers `<passwordless-login>`: the package's only side effect. */
import { PasswordlessLogin } from './passwordless-login.js';

export { PasswordlessLogin } from './passwordless-login.js';
export {
  CodeSentEvent,
  LoginErrorEvent,
  PasskeyCreatedEvent,
  SignedInEvent,
  SignedOutEvent,
  type SignedOutDetail,
  type CodeSentDetail,
  type LoginErrorCode,
  type LoginErrorDetail,
  type PasskeyCreatedDetail,
  type SessionTokens,
  type SessionUser,
  type SignedInDetail,
} from './events.js';
export type { Messages } from './i18n/index.js';
export type { Passkey } from './flow/client.js';
export type { LoginError } from './flow/login-error.js';
// The account element's event details, as types only (its code is `passwordless-login/account`'s):
// the generated framework typings import every element's types from this module.
export type { PasswordlessAccount } from './passwordless-account.js';
export type {
  AccountErrorCode,
  AccountErrorDetail,
  EmailChangedDetail,
  PasskeyDeletedDetail,
} from './account/events.js';

if (!customElements.get('passwordless-login')) {
  customElements.define('passwordless-login', PasswordlessLogin);
}

declare global {
  interface HTMLElementTagNameMap {
    'passwordless-login': PasswordlessLogin;
  }
}
