import type { ReactiveController, ReactiveControllerHost } from 'lit';

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
