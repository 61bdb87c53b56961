/**
 * The signed-in view's offer to create a passkey: why, "Create a passkey", and "Not now". Loaded with
 * the passkeys chunk, when the flow decides to offer one: neither the email step nor an email
 * sign-in carries it.
 */
import { css, html } from 'lit';
import type { FlowState } from '../flow/login-flow.js';
import type { Messages } from '../i18n/index.js';

/** Adopted by the element when this module arrives; the buttons look like the email step's. */
export const offerStyles = css`
  button[part~='passkey-create-button'] {
    color: var(--_accent);
    background: transparent;
    border: 1px solid var(--_accent);
    font-weight: 600;
  }

  button[part~='passkey-dismiss-button'] {
    color: var(--_accent);
    background: transparent;
    border: 1px solid transparent;
    text-decoration: underline;
    padding-inline: 0;
  }

  [part~='passkey-offer'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_gap);
    padding: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  [part~='passkey-offer'] p {
    flex-basis: 100%;
  }
`;

export interface PasskeyOfferHandlers {
  create: () => void;
  dismiss: () => void;
}

export function renderPasskeyOffer(t: Messages, s: FlowState, on: PasskeyOfferHandlers) {
  const busy = s.busy ? 'true' : 'false';
  return html`<div part="passkey-offer">
    <p id="passkey-offer-text">${t.passkeyOffer}</p>
    <button part="passkey-create-button" type="button" aria-describedby="passkey-offer-text" aria-disabled=${busy} @click=${on.create}>
      ${t.createPasskey}
    </button>
    <button part="passkey-dismiss-button" type="button" aria-disabled=${busy} @click=${on.dismiss}>${t.notNow}</button>
  </div>`;
}
