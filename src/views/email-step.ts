/**
 * The email step: the form that asks for the address, with "Sign in with a passkey" and, after a
 * passkey error, "Email me a code instead". A plain render function with no state of its own, so
 * that a second element can reuse it and the element class stays wiring.
 * It must stay in the entry chunk: nothing it imports may pull aws-amplify in (test/node/size.test.ts).
 */
import { html, noChange, nothing } from 'lit';
import type { FlowState } from '../flow/login-flow.js';
import type { Messages } from '../i18n/index.js';

export interface EmailStepHandlers {
  input: (e: Event) => void;
  submit: (e: Event) => void;
  /** "Sign in with a passkey". */
  passkey: () => void;
  /** "Email me a code instead", after a passkey error. */
  emailCode: () => void;
}

/**
 * `passkeys`: offer "Sign in with a passkey" (the browser has WebAuthn, the pool is not known to lack it).
 * `field` is what the email field holds now. The value is written only when the state says
 * something else: an email field reports its value without surrounding spaces, so while a leading
 * space is being typed the field shows more than it reports, and writing the same value back would
 * drop the space and move the caret (` grace@example.com` became `race@example.comg`). What Lit's
 * `live` directive does, without its bytes in the email step's bundle.
 */
export function renderEmailStep(t: Messages, s: FlowState, on: EmailStepHandlers, passkeys: boolean, field?: string) {
  const busy = s.busy ? 'true' : 'false';
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
    <button part="submit-button" type="submit" aria-disabled=${busy}>${t.continue}</button>
    ${passkeys
      ? html`<button part="passkey-button" type="button" aria-disabled=${busy} @click=${on.passkey}>${t.passkeyButton}</button>`
      : nothing}
    ${s.error?.startsWith('passkey')
      ? html`<button part="email-code-button" type="button" aria-disabled=${busy} @click=${on.emailCode}>${t.emailCodeButton}</button>`
      : nothing}
  </form>`;
}
