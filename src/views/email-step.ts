/**
 * The email step: the form that asks for the address. A plain render function with no state of its
 * own, so that a second element (or the passkeys UI) can reuse it and the element class stays wiring.
 * It must stay in the entry chunk: nothing it imports may pull aws-amplify in (test/node/size.test.ts).
 */
import { html, noChange } from 'lit';
import type { FlowState } from '../flow/login-flow.js';
import type { Messages } from '../i18n/index.js';

export interface EmailStepHandlers {
  input: (e: Event) => void;
  submit: (e: Event) => void;
}

/**
 * `field` is what the email field holds now. The value is written only when the state says
 * something else: an email field reports its value without surrounding spaces, so while a leading
 * space is being typed the field shows more than it reports, and writing the same value back would
 * drop the space and move the caret (` grace@example.com` became `race@example.comg`). What Lit's
 * `live` directive does, without its bytes in the email step's bundle.
 */
export function renderEmailStep(t: Messages, s: FlowState, on: EmailStepHandlers, field?: string) {
  const invalid = s.error === 'invalid-email' || s.error === 'email-required' || s.error === 'no-account';
  return html`<form part="form" novalidate aria-label=${t.formLabel} @submit=${on.submit}>
    <label for="email">${t.emailLabel}</label>
    <input
      id="email"
      part="email-input"
      type="email"
      dir="ltr"
      name="email"
      autocomplete="email"
      inputmode="email"
      autocapitalize="off"
      spellcheck="false"
      .value=${field === s.email ? noChange : s.email}
      ?readonly=${s.busy !== null}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby="error"
      @input=${on.input}
    />
    <button part="submit-button" type="submit" aria-disabled=${s.busy ? 'true' : 'false'}>${t.continue}</button>
  </form>`;
}
