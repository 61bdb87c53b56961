import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FlowState } from '../flow/flow-state.js';

/** A field or view that takes focus after the next render. */
export type FocusTarget = 'email' | 'code' | 'signed-in' | null;

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * Where focus goes when the step changes, so that keyboard and screen-reader users follow the
 * flow: the email field, the code field, or the signed-in view. The element's handlers set `next`;
 * it is applied once the host has rendered the step it names.
 */
export class StepFocus implements ReactiveController {
  next: FocusTarget = null;
  #host: Host;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  /** After an action from the email step: the step it led to, or the email field again after an error. */
  follow(s: FlowState): void {
    if (s.step === 'email' && s.error) this.next = 'email';
    else if (s.step === 'code') this.next = 'code';
    else if (s.step === 'signed-in') this.next = 'signed-in';
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    const target = this.next;
    this.next = null;
    if (target === 'signed-in') this.#focusSignedIn();
    else if (target) this.#part(target === 'email' ? 'email-input' : 'code-input')?.focus();
  }

  #part(name: string) {
    return this.#host.renderRoot.querySelector<HTMLElement>(`[part~="${name}"]`);
  }

  /**
   * After a sign-in, focus goes to the signed-in view so that screen readers announce it: the
   * default view (tabindex -1), or the page's slotted view: its first control, else the view
   * itself (given tabindex -1 for that), never `<body>`.
   */
  #focusSignedIn(): void {
    const slot = this.#host.renderRoot.querySelector<HTMLSlotElement>('slot[name="signed-in"]');
    // `flatten` would also return the slot's own default content when the page slots nothing.
    const view = (slot?.assignedNodes().length ? slot.assignedElements({ flatten: true })[0] : undefined) as HTMLElement | undefined;
    if (!view) return this.#part('signed-in')?.focus();
    const controls = [view, ...view.querySelectorAll<HTMLElement>('a[href],button,input,select,textarea,[tabindex]')];
    const control = controls.find((c) => c.tabIndex >= 0 && !c.matches(':disabled') && c.getClientRects().length > 0);
    if (control) return control.focus();
    if (!view.hasAttribute('tabindex')) view.tabIndex = -1;
    view.focus();
  }
}
