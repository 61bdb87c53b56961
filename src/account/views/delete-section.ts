/**
 * "Delete my account", and the question before it: it names the address, so that someone with two
 * accounts knows which one goes. The question is a group that takes focus (its text is read first);
 * Escape or "Cancel" closes it.
 */
import { html } from 'lit';
import type { AccountState } from '../../flow/account-state.js';
import type { AccountMessages } from '../../i18n/account/en.js';
import { isolate } from '../../i18n/bidi.js';

export interface DeleteSectionHandlers {
  ask: () => void;
  confirm: () => void;
  cancel: () => void;
  keydown: (e: KeyboardEvent) => void;
}

export function renderDeleteSection(t: AccountMessages, s: AccountState, on: DeleteSectionHandlers) {
  const asking = s.confirm?.kind === 'delete-account';
  return html`<section part="section delete-section" aria-labelledby="delete-heading">
    <h2 id="delete-heading" part="heading">${t.deleteHeading}</h2>
    ${asking
      ? html`<div
          part="confirmation"
          role="group"
          tabindex="-1"
          aria-labelledby="delete-question"
          @keydown=${on.keydown}
        >
          <p id="delete-question">${t.confirmDeleteAccount(isolate(s.email))}</p>
          <div class="actions">
            <button part="confirm-button" class="danger" type="button" aria-disabled=${s.busy ? 'true' : 'false'} @click=${on.confirm}>
              ${t.confirmDelete}
            </button>
            <button part="cancel-button" type="button" aria-disabled=${s.busy ? 'true' : 'false'} @click=${on.cancel}>${t.cancel}</button>
          </div>
        </div>`
      : html`<p id="delete-hint" class="hint">${t.deleteHint}</p>
          <button
            part="delete-account-button"
            class="danger"
            type="button"
            aria-describedby="delete-hint"
            aria-disabled=${s.busy !== null || s.change !== null ? 'true' : 'false'}
            @click=${on.ask}
          >${t.deleteAccount}</button>`}
  </section>`;
}
