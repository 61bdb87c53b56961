import type { ReactiveController, ReactiveControllerHost, ReactiveElement } from 'lit';

/**
 * A controller that reads something from the page into its host: on connection, and again whenever
 * `<html>` or `<body>` changes an attribute, because single-page apps switch the page's language and
 * colour scheme at run time through an attribute or class there.
 */
export abstract class PageFollower<Host extends ReactiveControllerHost> implements ReactiveController {
  #observer: MutationObserver | undefined;

  constructor(protected readonly host: Host) {
    host.addController(this);
  }

  /** Reads the page again; requests an update of the host if that changes anything. */
  abstract update(): void;

  hostConnected(): void {
    this.update();
    this.#observer = new MutationObserver(() => this.update());
    for (const node of [document.documentElement, document.body]) {
      if (node) this.#observer.observe(node, { attributes: true });
    }
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
  }
}

/** What the host inherits from: its slot, its parent, or the shadow host it sits in. */
export function inheritsFrom(host: HTMLElement): Element | undefined {
  return host.assignedSlot ?? host.parentElement ?? (host.getRootNode() as Partial<ShadowRoot>).host ?? undefined;
}

/** Adopts `sheet` into the host's shadow root, or drops it, without touching its other sheets. */
export function adoptWhile(host: ReactiveElement, sheet: CSSStyleSheet | undefined, on: boolean): void {
  const root = host.renderRoot;
  if (!(root instanceof ShadowRoot) || !sheet) return;
  const sheets = root.adoptedStyleSheets;
  if (on !== sheets.includes(sheet)) {
    root.adoptedStyleSheets = on ? [...sheets, sheet] : sheets.filter((s) => s !== sheet);
  }
}
