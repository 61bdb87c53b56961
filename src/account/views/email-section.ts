/**
 * The email section: the address the user signs in with, "Change email", then the new address and
 * its code. The address switches only when the code is verified; until then the section says where
 * the code went and the current address stays on screen.
 */
import { html } from 'lit';
import type { AccountState } from '../../flow/account-state.js';
import type { AccountMessages } from '../../i18n/account/en.js';
import { isolate } from '../../i18n/bidi.js';

export interface EmailSectionHandlers {
  change: () => void;
  submitEmail: (e: Event) => void;
  codeInput: (e: Event) => void;
  submitCode: (e: Event) => void;
  resend: () => void;
  cancel: () => void;
}

export function renderEmailSection(t: AccountMessages, s: AccountState, on: EmailSectionHandlers) {
  const busy = s.busy !== null;
  const change = s.change;
  return html`<section part="section email-section" aria-labelledby="email-heading">
    <h2 id="email-heading" part="heading">${t.emailHeading}</h2>
    <p id="email-hint" class="hint">${t.emailHint}</p>
    <p part="email" dir="ltr">${s.email}</p>
    ${change === null
      ? html`<button
          part="change-email-button"
          type="button"
          aria-disabled=${busy || s.confirm !== null ? 'true' : 'false'}
          @click=${on.change}
        >${t.changeEmail}</button>`
      : change.step === 'address'
        ? renderAddressForm(t, s, on)
        : renderCodeForm(t, s, change.destination, on)}
  </section>`;
}

function renderAddressForm(t: AccountMessages, s: AccountState, on: EmailSectionHandlers) {
  const invalid = s.error === 'email-required' || s.error === 'invalid-email' || s.error === 'same-email' || s.error === 'email-taken';
  return html`<form part="form" novalidate aria-labelledby="new-email-label" @submit=${on.submitEmail}>
    <label id="new-email-label" for="new-email">${t.newEmailLabel}</label>
    <p id="new-email-hint" class="hint">${t.newEmailHint}</p>
    <input
      id="new-email"
      part="new-email-input"
      type="email"
      dir="ltr"
      name="email"
      autocomplete="email"
      inputmode="email"
      autocapitalize="off"
      spellcheck="false"
      ?readonly=${s.busy !== null}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby="new-email-hint error"
    />
    <div class="actions">
      <button part="submit-button" type="submit" aria-disabled=${s.busy ? 'true' : 'false'}>${t.sendCode}</button>
      <button part="cancel-button" type="button" aria-disabled=${s.busy ? 'true' : 'false'} @click=${on.cancel}>${t.cancel}</button>
    </div>
  </form>`;
}

function renderCodeForm(t: AccountMessages, s: AccountState, destination: string, on: EmailSectionHandlers) {
  const invalid = s.error === 'wrong-code' || s.error === 'code-incomplete';
  const renew = s.error === 'code-expired' || s.error === 'too-many-attempts';
  return html`<form part="form" novalidate aria-labelledby="code-label" @submit=${on.submitCode}>
    <p id="destination">${t.codeSentTo(isolate(destination))}</p>
    <label id="code-label" for="code">${t.codeLabel}</label>
    <p id="code-hint" class="hint">${t.codeHint}</p>
    <input
      id="code"
      part="code-input"
      type="text"
      dir="ltr"
      name="code"
      autocomplete="one-time-code"
      inputmode="numeric"
      enterkeyhint="done"
      spellcheck="false"
      ?readonly=${s.busy !== null}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby="destination code-hint error"
      @input=${on.codeInput}
    />
    <div class="actions">
      <button part="submit-button" type="submit" aria-disabled=${s.busy || renew ? 'true' : 'false'}>${t.confirmCode}</button>
      <button part="resend-button" type="button" aria-disabled=${s.busy ? 'true' : 'false'} @click=${on.resend}>${t.resendCode}</button>
      <button part="cancel-button" type="button" aria-disabled=${s.busy ? 'true' : 'false'} @click=${on.cancel}>${t.cancel}</button>
    </div>
  </form>`;
}
