/** "Sign out everywhere": GlobalSignOut ends every session of the user, this one included. */
import { html } from 'lit';
import type { AccountState } from '../../flow/account-state.js';
import type { AccountMessages } from '../../i18n/account/en.js';

export interface DevicesSectionHandlers {
  signOutEverywhere: () => void;
}

export function renderDevicesSection(t: AccountMessages, s: AccountState, on: DevicesSectionHandlers) {
  return html`<section part="section devices-section" aria-labelledby="devices-heading">
    <h2 id="devices-heading" part="heading">${t.devicesHeading}</h2>
    <p id="devices-hint" class="hint">${t.signOutEverywhereHint}</p>
    <button
      part="sign-out-everywhere-button"
      type="button"
      aria-describedby="devices-hint"
      aria-disabled=${s.busy !== null || s.change !== null || s.confirm !== null ? 'true' : 'false'}
      @click=${on.signOutEverywhere}
    >${t.signOutEverywhere}</button>
  </section>`;
}
