/**
 * The account flow's state, its events and what it needs from the element: the shapes that
 * `account-flow.ts` (the state machine) and the element's views (`src/account/views/`) share.
 */
import type { AccountErrorCode } from '../account/errors.js';
import type { AccountClient } from './account-client.js';
import type { Passkey, PoolConfig, Session } from './client.js';

/** What the passkeys section shows: the list, and whether "Add a passkey" is offered. */
export interface PasskeysView {
  list: readonly Passkey[];
  /** The browser can run WebAuthn and the pool was not found to refuse passkeys. */
  canAdd: boolean;
}

export type AccountBusy =
  | 'loading'
  | 'sending'
  | 'verifying'
  | 'adding-passkey'
  | 'deleting-passkey'
  | 'signing-out'
  | 'deleting'
  | null;

/** An email change: asking for the new address, then its code. */
export type EmailChange = { step: 'address' } | { step: 'code'; email: string; destination: string };

/** Asking before something that cannot be undone. */
export type Confirmation = { kind: 'delete-account' } | { kind: 'delete-passkey'; credentialId: string; name: string };

export interface AccountState {
  status: 'loading' | 'signed-out' | 'signed-in';
  busy: AccountBusy;
  /** The address the user signs in with. */
  email: string;
  change: EmailChange | null;
  confirm: Confirmation | null;
  /** The passkeys section: being read, nothing to show (no passkey, none possible), or its content. */
  passkeys: PasskeysView | 'loading' | 'hidden';
  error: AccountErrorCode | null;
}

export type AccountEvent =
  | { type: 'signed-in'; session: Session }
  | { type: 'signed-out'; everywhere: boolean }
  | { type: 'code-sent'; destination: string }
  | { type: 'email-changed'; email: string }
  | { type: 'passkey-created'; credentialId: string }
  | { type: 'passkey-deleted'; credentialId: string }
  | { type: 'account-deleted' }
  | { type: 'error'; code: AccountErrorCode };

export interface AccountHost {
  loadClient(): Promise<AccountClient>;
  /** The pool as the element's attributes describe it now; null while required ones are missing. */
  config(): PoolConfig | null;
  /** The element's language: the code email's, when the user has no `locale` attribute. */
  locale(): string;
  /** The `passkeys` attribute: `off` leaves the passkeys section out, with no request for it. */
  passkeysMode(): 'auto' | 'off';
  onChange(state: AccountState): void;
  onEvent(event: AccountEvent): void;
}

export const INITIAL: AccountState = {
  status: 'loading',
  busy: null,
  email: '',
  change: null,
  confirm: null,
  passkeys: 'loading',
  error: null,
};
