/** The code step: the one-time-code field, "Resend code" with its countdown, and "Use a different email". */
import { html } from 'lit';
import { NEEDS_NEW_CODE } from '../errors.js';
import type { FlowState } from '../flow/login-flow.js';
import { isolate } from '../i18n/bidi.js';
import type { Messages } from '../i18n/index.js';

export interface CodeStepHandlers {
  input: (e: Event) => void;
  submit: (e: Event) => void;
  resend: () => void;
  changeEmail: () => void;
}

/** `s` is in the code step, so its `code` is set; `now` drives the resend countdown. */
export function renderCodeStep(t: Messages, s: FlowState, now: number, on: CodeStepHandlers) {
  const code = s.code!;
  // After an error that only a new code can fix, "Resend code" becomes "Send a new code", at once.
  const renew = s.error !== null && NEEDS_NEW_CODE.has(s.error);
  const wait = Math.max(0, Math.ceil((code.resendAt - now) / 1000));
  const resendBlocked = s.busy !== null || (!renew && wait > 0);
  const resendLabel = renew ? t.newCode : wait > 0 ? t.resendIn(wait) : t.resend;
  const invalid = s.error === 'wrong-code' || s.error === 'code-incomplete';
  return html`<form part="form" novalidate aria-label=${t.formLabel} @submit=${on.submit}>
    <p id="destination">${t.codeSentTo(isolate(code.destination))}</p>
    <label for="code">${t.codeLabel}</label>
    <p id="code-hint" class="hint">${t.codeHint(code.codeLength)}</p>
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
      @input=${on.input}
    />
    <button part="submit-button" type="submit" aria-disabled=${s.busy ? 'true' : 'false'}>${t.verify}</button>
    <div class="actions">
      <button
        part="resend-button"
        type="button"
        aria-disabled=${resendBlocked ? 'true' : 'false'}
        @click=${on.resend}
      >${resendLabel}</button>
      <button part="change-email-button" type="button" @click=${on.changeEmail}>${t.changeEmail}</button>
    </div>
  </form>`;
}
