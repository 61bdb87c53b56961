/** The text of the account element's status live region: progress while busy, else the latest notice. */
import { nothing } from 'lit';
import type { AccountBusy } from '../../flow/account-state.js';
import type { AccountMessages } from '../../i18n/account/en.js';
import { isolate } from '../../i18n/bidi.js';

/** A confirmation shown until the next action starts. */
export type AccountNotice =
  | { kind: 'codeSent' | 'signedOutEverywhere' | 'accountDeleted' | 'passkeyCreated' | 'passkeyDeleted' }
  | { kind: 'emailChanged'; email: string }
  | null;

export function accountStatusText(t: AccountMessages, busy: AccountBusy, notice: AccountNotice): string | typeof nothing {
  switch (busy) {
    case 'loading':
      return t.loading;
    case 'sending':
      return t.sending;
    case 'verifying':
      return t.verifying;
    case 'adding-passkey':
      return t.addingPasskey;
    case 'deleting-passkey':
      return t.deletingPasskey;
    case 'signing-out':
      return t.signingOut;
    case 'deleting':
      return t.deleting;
    default:
      if (!notice) return nothing;
      return notice.kind === 'emailChanged' ? t.emailChanged(isolate(notice.email)) : t[notice.kind];
  }
}
