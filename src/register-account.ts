/**
 * Registers `<passwordless-account>` (`passwordless-login/account`): this module's only side effect.
 * A page with only `<passwordless-login>` never loads it, nor anything only the account element uses.
 */
import { PasswordlessAccount } from './passwordless-account.js';

export { PasswordlessAccount } from './passwordless-account.js';
export {
  AccountDeletedEvent,
  AccountErrorEvent,
  EmailChangedEvent,
  PasskeyDeletedEvent,
  type AccountErrorCode,
  type AccountErrorDetail,
  type EmailChangedDetail,
  type PasskeyDeletedDetail,
} from './account/events.js';
export { PasskeyCreatedEvent, SignedOutEvent, type PasskeyCreatedDetail, type SignedOutDetail } from './events.js';
export type { AccountMessages } from './i18n/account/index.js';

if (!customElements.get('passwordless-account')) {
  customElements.define('passwordless-account', PasswordlessAccount);
}

declare global {
  interface HTMLElementTagNameMap {
    'passwordless-account': PasswordlessAccount;
  }
}
