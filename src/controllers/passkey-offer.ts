import type { ReactiveControllerHost } from 'lit';
import type { FlowState } from '../flow/flow-state.js';
import type { PasskeyManager } from '../flow/passkey-manager.js';
import type { Messages } from '../i18n/index.js';
import { offerStyles, renderPasskeyOffer } from '../views/passkey-offer.js';

/**
 * The signed-in view's offer to create a passkey, wired to the flow's passkey manager. The element
 * loads this module (with the passkeys chunk) the first time there is an offer to show, so that
 * neither the email step nor an email sign-in carries it; arriving, it adopts the offer's styles.
 */
export class PasskeyOffer {
  constructor(
    host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment },
    /** The flow's passkey manager. */
    private readonly manager: () => Promise<PasskeyManager>,
    /** Called when the offer has gone (created or dismissed). */
    private readonly closed: () => void,
  ) {
    const root = host.renderRoot;
    const sheet = offerStyles.styleSheet;
    if (root instanceof ShadowRoot && sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  render(t: Messages, s: FlowState) {
    return renderPasskeyOffer(t, s, this.#handlers);
  }

  #act(action: (manager: PasskeyManager) => Promise<unknown>): void {
    // A failed creation is shown by the flow; here only the focus, once the offer is gone.
    void this.manager().then(action).then(
      () => this.closed(),
      () => {},
    );
  }

  #handlers = {
    create: () => this.#act((m) => m.create(true)),
    dismiss: () => this.#act((m) => m.dismiss()),
  };
}
