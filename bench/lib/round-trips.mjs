// Cognito requests as the browser made them, and the round trips they cost: a round trip is one
// sequential wait, so requests that overlap in time count once. The timings come from the browser's
// own network events (CDP `Network.*` on the page's session), so they are what the page waited on;
// bench/README.md ("Round trips") gives the definition. Pure functions plus one small CDP hook, so
// the counting can be tested without a browser (test/node/bench-round-trips.test.ts).

/**
 * @typedef {object} CognitoRequest
 * @property {string} id CDP request id
 * @property {string} operation the `X-Amz-Target` suffix, e.g. `InitiateAuth`
 * @property {number} start ms, the browser's monotonic clock: when the page issued the request
 * @property {number} end ms, same clock: when its response had been received in full
 *   (`Infinity` while it is still in flight or if it never finished)
 * @property {number} wallStart ms since the epoch, when the page issued it (to compare with `Date.now()`)
 * @property {number} status HTTP status; 0 if the request failed without an answer
 */

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

/** A header's value whatever the case of its name. */
function header(headers, name) {
  for (const [key, value] of Object.entries(headers ?? {})) if (key.toLowerCase() === name) return String(value);
  return undefined;
}

/**
 * Collects the Cognito API calls (POST with an `X-Amz-Target` of Cognito's service, to `endpoint`'s
 * origin) out of CDP Network events. CORS preflights (OPTIONS) and every other request are left out:
 * a preflight's time is inside its request's interval anyway (the request is issued before it).
 * @param {string} endpoint the emulator's URL
 */
export function cognitoRequestLog(endpoint) {
  const origin = new URL(endpoint).origin;
  /** @type {Map<string, CognitoRequest>} */
  const byId = new Map();
  /** @type {Array<() => void>} */
  let waiters = [];
  const inFlight = () => [...byId.values()].filter((r) => r.end === Infinity).length;
  const wake = () => {
    const ready = waiters;
    waiters = [];
    for (const w of ready) w();
  };
  return {
    /**
     * Feeds one CDP event.
     * @param {string} method e.g. `Network.requestWillBeSent`
     * @param {any} params the event's parameters
     */
    event(method, params) {
      if (method === 'Network.requestWillBeSent') {
        const { request } = params;
        const target = header(request.headers, 'x-amz-target');
        if (request.method !== 'POST' || !target?.startsWith(TARGET_PREFIX)) return;
        if (new URL(request.url).origin !== origin) return;
        byId.set(params.requestId, {
          id: params.requestId,
          operation: target.slice(TARGET_PREFIX.length),
          start: params.timestamp * 1000,
          end: Infinity,
          wallStart: params.wallTime * 1000,
          status: 0,
        });
        return;
      }
      const r = byId.get(params.requestId);
      if (!r) return;
      if (method === 'Network.responseReceived') r.status = params.response.status;
      else if (method === 'Network.loadingFinished' || method === 'Network.loadingFailed') {
        r.end = params.timestamp * 1000;
        wake();
      }
    },
    /** @returns {CognitoRequest[]} the requests so far, in the order they were issued */
    requests: () => [...byId.values()].map((r) => ({ ...r })).sort((a, b) => a.start - b.start),
    clear() {
      byId.clear();
      wake();
    },
    /** Resolves once no request is in flight, or after `timeoutMs` (then some `end` stay `Infinity`). */
    settled(timeoutMs = 5000) {
      return new Promise((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        function done() {
          clearTimeout(timer);
          resolve(undefined);
        }
        const check = () => (inFlight() === 0 ? done() : waiters.push(check));
        check();
      });
    },
  };
}

/**
 * Starts feeding a page's CDP Network events into a log.
 * @param {import('playwright-core').CDPSession} cdp
 * @param {ReturnType<typeof cognitoRequestLog>} log
 */
export async function watchNetwork(cdp, log) {
  for (const method of ['Network.requestWillBeSent', 'Network.responseReceived', 'Network.loadingFinished', 'Network.loadingFailed'])
    cdp.on(/** @type {any} */ (method), (params) => log.event(method, params));
  await cdp.send('Network.enable');
}

/**
 * Round trips: the length of the longest chain of requests in which each one was issued after the
 * one before it had finished. Requests that overlap in time can never be in one chain, so they count
 * once; it is also the fewest moments such that every request is in flight at one of them. Each
 * request gets a `wave`: 1 + the highest wave among the requests that finished before it was
 * issued; the count is the highest wave.
 * @template {{ start: number, end: number }} R
 * @param {R[]} requests
 * @returns {{ count: number, waves: R[][] }} `waves[i]` holds the requests of wave i + 1, by start
 */
export function roundTrips(requests) {
  const sorted = [...requests].sort((a, b) => a.start - b.start || a.end - b.end);
  /** @type {number[]} */
  const wave = [];
  for (let i = 0; i < sorted.length; i++) {
    let w = 1;
    for (let j = 0; j < i; j++) if (sorted[j].end <= sorted[i].start) w = Math.max(w, wave[j] + 1);
    wave.push(w);
  }
  const count = Math.max(0, ...wave);
  /** @type {R[][]} */
  const waves = Array.from({ length: count }, () => []);
  sorted.forEach((r, i) => waves[wave[i] - 1].push(r));
  return { count, waves };
}

/** `Operation` for a 200, `Operation!status` otherwise (0: no answer). */
export const label = (/** @type {{ operation: string, status: number }} */ r) => (r.status === 200 ? r.operation : `${r.operation}!${r.status}`);

/**
 * The requests as waves: `A → B + C → D` (B and C overlapped, so they are one round trip).
 * @param {CognitoRequest[]} requests
 */
export function chain(requests) {
  return roundTrips(requests)
    .waves.map((w) => w.map(label).join(' + '))
    .join(' → ');
}

/**
 * Checks that the browser saw the same calls as the emulator served (as multisets of `Operation` or
 * `Operation!status`); throws if not, so a miscount can never pass silently.
 * @param {CognitoRequest[]} seen
 * @param {string[]} served the emulator's request log, as labels
 */
export function assertSameCalls(seen, served) {
  const key = (labels) => [...labels].sort().join(',');
  const browser = seen.map(label);
  if (key(browser) !== key(served))
    throw new Error(`the browser saw [${browser.join(', ')}] but the emulator served [${served.join(', ')}]`);
}
