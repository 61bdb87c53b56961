/**
 * The events `<passwordless-account>` fires that `<passwordless-login>` does not (it shares
 * `signed-out`, with `detail.everywhere`, from ../events.ts). Each is a class, bubbling and composed,
 * declared in the global event map so `addEventListener('email-changed', …)` is typed.
 */
import type { AccountErrorCode } from './errors.js';

export type { AccountErrorCode } from './errors.js';

const INIT = { bubbles: true, composed: true } as const;

export interface EmailChangedDetail {
  /** The address the user signs in with from now on (verified). */
  email: string;
}

export interface PasskeyDeletedDetail {
  /** The deleted passkey's credential id (base64url). */
  credentialId: string;
}

export interface AccountErrorDetail {
  code: AccountErrorCode;
  /** The translated message the user sees. */
  message: string;
}

/** A new email address was verified: it is the sign-in address now, and the old one no longer is. */
export class EmailChangedEvent extends CustomEvent<EmailChangedDetail> {
  static readonly eventName = 'email-changed';
  constructor(detail: EmailChangedDetail) {
    super(EmailChangedEvent.eventName, { ...INIT, detail });
  }
}

/** A passkey was deleted: it signs no one in any more. */
export class PasskeyDeletedEvent extends CustomEvent<PasskeyDeletedDetail> {
  static readonly eventName = 'passkey-deleted';
  constructor(detail: PasskeyDeletedDetail) {
    super(PasskeyDeletedEvent.eventName, { ...INIT, detail });
  }
}

/** The account was deleted (DeleteUser) and this device signed out; the address is free to sign up again. */
export class AccountDeletedEvent extends CustomEvent<Record<string, never>> {
  static readonly eventName = 'account-deleted';
  constructor() {
    super(AccountDeletedEvent.eventName, { ...INIT, detail: {} });
  }
}

/** The user was shown an error. */
export class AccountErrorEvent extends CustomEvent<AccountErrorDetail> {
  static readonly eventName = 'account-error';
  constructor(detail: AccountErrorDetail) {
    super(AccountErrorEvent.eventName, { ...INIT, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'email-changed': EmailChangedEvent;
    'passkey-deleted': PasskeyDeletedEvent;
    'account-deleted': AccountDeletedEvent;
    'account-error': AccountErrorEvent;
  }
}
