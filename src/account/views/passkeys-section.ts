/**
 * The passkeys section: each passkey with its name and the day it was added (Cognito records neither
 * a "last used" time nor a way to rename one), "Delete" beside each (after a question naming it),
 * and "Add a passkey" where this browser and the pool allow one. Absent when there is nothing to
 * list and nothing to add.
 */
import { html, nothing } from 'lit';
import type { AccountState } from '../../flow/account-state.js';
import type { Passkey } from '../../flow/client.js';
import type { AccountMessages } from '../../i18n/account/en.js';
import { isolate } from '../../i18n/bidi.js';

export interface PasskeysSectionHandlers {
  add: () => void;
  /** Reads the passkey's id from the button's `data-credential-id`. */
  askToDelete: (e: Event) => void;
  confirm: () => void;
  cancel: () => void;
  keydown: (e: KeyboardEvent) => void;
}

export function renderPasskeysSection(t: AccountMessages, s: AccountState, language: string, on: PasskeysSectionHandlers) {
  const view = s.passkeys;
  if (view === 'hidden') return nothing;
  const busy = s.busy !== null || s.change !== null || s.confirm !== null;
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const name = (p: Passkey) => p.name || t.unnamedPasskey;
  const question = s.confirm?.kind === 'delete-passkey' ? s.confirm : null;
  return html`<section part="section passkeys-section" aria-labelledby="passkeys-heading">
    <h2 id="passkeys-heading" part="heading" tabindex="-1">${t.passkeysHeading}</h2>
    <p class="hint">${t.passkeysHint}</p>
    ${view === 'loading'
      ? html`<p class="hint">${t.loadingPasskeys}</p>`
      : view.list.length === 0
        ? html`<p>${t.noPasskeys}</p>`
        : html`<ul part="passkey-list" aria-labelledby="passkeys-heading">
            ${view.list.map(
              (p) => html`<li part="passkey">
                <span>
                  <span class="passkey-name">${name(p)}</span>
                  <span class="hint">${t.passkeyAdded(isolate(date.format(p.createdAt)))}</span>
                </span>
                <button
                  part="delete-passkey-button"
                  type="button"
                  data-credential-id=${p.credentialId}
                  aria-label=${t.deletePasskeyLabel(isolate(name(p)))}
                  aria-disabled=${busy ? 'true' : 'false'}
                  @click=${on.askToDelete}
                >${t.deletePasskey}</button>
              </li>`,
            )}
          </ul>`}
    ${question
      ? html`<div part="confirmation" role="group" tabindex="-1" aria-labelledby="passkey-question" @keydown=${on.keydown}>
          <p id="passkey-question">${t.confirmDeletePasskey(isolate(question.name || t.unnamedPasskey))}</p>
          <div class="actions">
            <button part="confirm-button" class="danger" type="button" aria-disabled=${s.busy ? 'true' : 'false'} @click=${on.confirm}>
              ${t.confirmDelete}
            </button>
            <button part="cancel-button" type="button" aria-disabled=${s.busy ? 'true' : 'false'} @click=${on.cancel}>${t.cancel}</button>
          </div>
        </div>`
      : nothing}
    ${view !== 'loading' && view.canAdd
      ? html`<button part="add-passkey-button" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${on.add}>${t.addPasskey}</button>`
      : nothing}
  </section>`;
}
