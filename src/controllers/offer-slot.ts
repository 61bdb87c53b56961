import type { ReactiveControllerHost } from 'lit';
import type { FlowState } from '../flow/flow-state.js';
import type { PasskeyManager } from '../flow/passkey-manager.js';
import type { Messages } from '../i18n/index.js';
import type { PasskeyOffer } from './passkey-offer.js';

/**
 * Where the signed-in view's offer to create a passkey goes. Its module (./passkey-offer.ts, in the
 * passkeys chunk) is loaded the first time there is an offer to show, and the host renders again
 * when it arrives; until then, and offline, the slot is empty (the next render tries again).
 */
type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

export class OfferSlot {
  #host: Host;
  #manager: () => Promise<PasskeyManager>;
  #closed: () => void;
  #loading?: Promise<unknown>;
  #offer?: PasskeyOffer;

  /** `closed` is called when the offer has gone (created or dismissed). */
  constructor(host: Host, manager: () => Promise<PasskeyManager>, closed: () => void) {
    this.#host = host;
    this.#manager = manager;
    this.#closed = closed;
  }

  render(t: Messages, s: FlowState) {
    this.#loading ??= import('./passkey-offer.js').then(
      ({ PasskeyOffer }) => {
        this.#offer = new PasskeyOffer(this.#host, this.#manager, this.#closed);
        this.#host.requestUpdate();
      },
      () => (this.#loading = undefined),
    );
    return this.#offer?.render(t, s);
  }
}
