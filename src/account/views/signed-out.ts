/**
 * Nobody is signed in (or the session ended): a plain sentence, and the `sign-in` slot for the
 * page's own link or button to its sign-in page (or a `<passwordless-login>` itself).
 */
import { html } from 'lit';
import type { AccountMessages } from '../../i18n/account/en.js';

export function renderSignedOut(t: AccountMessages) {
  return html`<div part="signed-out" tabindex="-1">
    <p>${t.signedOut}</p>
    <slot name="sign-in"></slot>
  </div>`;
}
