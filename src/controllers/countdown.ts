import type { ReactiveControllerHost } from 'lit';

/**
 * The clock behind "Resend code in N seconds": while a deadline lies ahead, `now` advances once a
 * second and the host renders again; past the deadline it stops by itself. Not a registered
 * controller: its owner stops it last when disconnecting, after anything that might restart it.
 */
export class Countdown {
  /** The time the host renders the countdown against, in ms since the epoch. */
  now = Date.now();
  #host: ReactiveControllerHost;
  #deadline = 0;
  #ticker: ReturnType<typeof setInterval> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** Counts towards `deadline` (ms since the epoch), or stops when it is not ahead. */
  until(deadline: number): void {
    this.#deadline = deadline;
    if (deadline <= Date.now()) return this.stop();
    this.#tick();
    this.#ticker ??= setInterval(() => {
      this.#tick();
      if (this.#deadline <= this.now) this.stop();
    }, 1000);
  }

  stop(): void {
    if (this.#ticker === undefined) return;
    clearInterval(this.#ticker);
    this.#ticker = undefined;
    this.#tick();
  }

  /** Lit's rule for a reactive property: a render only when the value changed. */
  #tick(): void {
    const now = Date.now();
    if (now === this.now) return;
    this.now = now;
    this.#host.requestUpdate();
  }
}
