/**
 * The signed-in step: a `signed-in` slot whose default content says who is signed in and offers
 * sign-out. The view takes focus after a sign-in (tabindex -1), so that screen readers announce it.
 */
import { html } from 'lit';
import type { FlowState } from '../flow/login-flow.js';
import { isolate } from '../i18n/bidi.js';
import type { Messages } from '../i18n/index.js';

export interface SignedInStepHandlers {
  signOut: () => void;
}

export function renderSignedInStep(t: Messages, s: FlowState, on: SignedInStepHandlers) {
  const user = s.session?.user;
  return html`<slot name="signed-in">
    <div part="signed-in" tabindex="-1">
      <p>${t.signedInAs(isolate(user?.email || user?.username || ''))}</p>
      <button
        part="sign-out-button"
        type="button"
        aria-disabled=${s.busy ? 'true' : 'false'}
        @click=${on.signOut}
      >${t.signOut}</button>
    </div>
  </slot>`;
}
