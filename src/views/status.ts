/** The text of the status live region, shared by every step. */
import { nothing } from 'lit';
import type { Busy } from '../flow/login-flow.js';
import type { Messages } from '../i18n/index.js';

/** A confirmation shown until the next request starts. */
export type Notice = 'codeSent' | 'signedIn' | 'signedOut' | 'passkeyCreated' | null;

/** Progress while a request is in flight, otherwise the latest notice. */
export function statusText(t: Messages, busy: Busy, notice: Notice): string | typeof nothing {
  switch (busy) {
    case 'restoring':
      return t.loading;
    case 'sending':
      return t.sending;
    case 'verifying':
      return t.verifying;
    case 'signing-out':
      return t.signingOut;
    case 'passkey':
      return t.waitingForPasskey;
    case 'creating-passkey':
      return t.creatingPasskey;
    default:
      return notice ? t[notice] : nothing;
  }
}
