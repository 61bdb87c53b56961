/**
 * The signed-in step: a `signed-in` slot whose default content says who is signed in, shows the
 * offer to create a passkey when there is one, and offers sign-out. The view takes focus after a sign-in (tabindex -1), so that screen readers announce it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FlowState } from '../flow/login-flow.js';
import { isolate } from '../i18n/bidi.js';
import type { Messages } from '../i18n/index.js';

export interface SignedInStepHandlers {
  signOut: () => void;
}

/** `offer`: the offer to create a passkey (views/passkey-offer.ts, loaded when there is one to show). */
export function renderSignedInStep(t: Messages, s: FlowState, on: SignedInStepHandlers, offer?: TemplateResult) {
  const user = s.session?.user;
  return html`<slot name="signed-in">
    <div part="signed-in" tabindex="-1">
      <p>${t.signedInAs(isolate(user?.email || user?.username || ''))}</p>
      ${offer ?? nothing}
      <button
        part="sign-out-button"
        type="button"
        aria-disabled=${s.busy ? 'true' : 'false'}
        @click=${on.signOut}
      >${t.signOut}</button>
    </div>
  </slot>`;
}

