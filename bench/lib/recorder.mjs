// The script that every bench page gets before its own scripts run (Playwright `addInitScript`).
// It finds the moment the email field becomes interactive and records the element's events, so the
// runner can wait on page-side promises instead of polling from Playwright (whose polling would run
// script on the main thread and blur the client-cost figure).

/**
 * Runs in the page. Sets `window.__bench`:
 * - `interactive`: a promise of `performance.now()` (ms since navigation start) at the first moment
 *   the email field exists, is connected, enabled, not inert, rendered (`checkVisibility`) and in the
 *   tab order. The field is the element's `[part~="email-input"]` in its shadow root, or else a plain
 *   `input[type=email]`: the form page's, Amplify UI's, or (progressive markup) the one inside the element before it
 *   upgrades; once upgraded, the shadow root hides that one, so only the shadow field can count. Checked on every DOM mutation (shadow roots included: `attachShadow` is
 *   wrapped to observe each new root) and on every animation frame as a fallback for changes that
 *   are not mutations (a stylesheet arriving).
 * - `field()`: which field that was: `shadow` (the element's) or `light` (a field in the page's HTML).
 * - `painted`: a promise of the time the first frame showing that interactive field was produced.
 * - `fcp()`: a promise of the first-contentful-paint time.
 * - `waitFor(type, n)`: a promise of the n-th `code-sent` / `signed-in` / `passkey-created` event since load, with its
 *   detail and `Date.now()`; it rejects once a `login-error` was seen.
 */
export function recorder() {
  const t0 = performance.now();
  /** @type {(t: number) => void} */
  let resolveInteractive = () => {};
  const interactive = new Promise((resolve) => {
    resolveInteractive = resolve;
  });
  /** @type {(t: number) => void} */
  let resolvePainted = () => {};
  const painted = new Promise((resolve) => {
    resolvePainted = resolve;
  });
  let done = false;
  let found = '';
  const observers = [];

  const field = () =>
    document.querySelector('passwordless-login')?.shadowRoot?.querySelector('[part~="email-input"]') ??
    document.querySelector('input[type="email"]');
  const check = () => {
    if (done) return;
    const input = field();
    // `:disabled` also covers a field inside a disabled fieldset (Amplify UI's forms while pending).
    if (!input || !input.isConnected || input.matches(':disabled') || input.tabIndex < 0 || input.closest('[inert]')) return;
    if (typeof input.checkVisibility === 'function' && !input.checkVisibility({ visibilityProperty: true })) return;
    done = true;
    const t = performance.now();
    found = input.getRootNode() instanceof ShadowRoot ? 'shadow' : 'light';
    for (const o of observers) o.disconnect();
    resolveInteractive(t);
    // The frame that shows it: a task queued from the next animation frame runs once that frame
    // has been handed to the compositor (the usual "next paint" approximation).
    requestAnimationFrame(() => setTimeout(() => resolvePainted(performance.now()), 0));
  };
  const observe = (root) => {
    const o = new MutationObserver(check);
    o.observe(root, { childList: true, subtree: true, attributes: true });
    observers.push(o);
  };
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    if (!done) observe(root);
    return root;
  };
  observe(document);
  const frame = () => {
    check();
    if (!done) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  const fcp = () =>
    new Promise((resolve) => {
      const find = (entries) => entries.find((e) => e.name === 'first-contentful-paint')?.startTime;
      const now = find(performance.getEntriesByType('paint'));
      if (now !== undefined) return resolve(now);
      const o = new PerformanceObserver((list) => {
        const t = find(list.getEntries());
        if (t !== undefined) {
          o.disconnect();
          resolve(t);
        }
      });
      o.observe({ type: 'paint', buffered: true });
      setTimeout(() => resolve(null), 5000);
    });

  const seen = [];
  const waiters = new Set();
  for (const type of ['code-sent', 'signed-in', 'login-error', 'passkey-created']) {
    document.addEventListener(type, (event) => {
      const detail = /** @type {CustomEvent} */ (event).detail;
      seen.push({ type, at: Date.now(), detail: JSON.parse(JSON.stringify(detail ?? null)) });
      for (const w of [...waiters]) w();
    });
  }
  /**
   * The `n`-th event of `type` since load (1-based); rejects as soon as any `login-error` was seen,
   * or after 30 s.
   */
  const waitFor = (type, n = 1) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(w);
        reject(new Error(`no ${type} event within 30 s`));
      }, 30_000);
      const w = () => {
        const error = seen.find((r) => r.type === 'login-error');
        const hit = seen.filter((r) => r.type === type)[n - 1];
        if (!hit && !error) return;
        waiters.delete(w);
        clearTimeout(timer);
        if (hit) resolve(hit);
        else reject(new Error(`login-error ${JSON.stringify(error?.detail)}`));
      };
      waiters.add(w);
      w();
    });

  Object.defineProperty(window, '__bench', { value: { t0, interactive, field: () => found, painted, fcp, waitFor, seen }, enumerable: false });
}
