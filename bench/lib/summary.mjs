// Turns the browser flows' runs into the rows of bench/results.json: requests, round trips, emails,
// codes and clicks per flow (figure 3), and main-thread medians (figure 4).
import { median } from './stats.mjs';
import { chain, roundTrips } from './round-trips.mjs';

/** @param {import('./round-trips.mjs').CognitoRequest[]} requests */
const counts = (requests) => ({ requests: requests.length, roundTrips: roundTrips(requests).count, chain: chain(requests) });

/**
 * One row of figure 3 from the runs of one flow. The figures are the first run's; `sameInEveryRun`
 * says whether every other run made the same calls in the same waves, and the same emails, codes
 * and clicks.
 * @param {string} flow
 * @param {string} pool the emulator's PreventUserExistenceErrors setting
 * @param {string} user
 * @param {Array<{ onLoad: any[], beforeCode: any[] | null, all: any[], emails: number, codes: number, clicks: number | null }>} runs
 */
export function flowRow(flow, pool, user, runs) {
  const shape = (r) => {
    const before = r.beforeCode === null ? null : counts(r.beforeCode);
    const all = counts(r.all);
    return { before, all, emails: r.emails, codes: r.codes, clicks: r.clicks, onLoad: r.onLoad.length };
  };
  const [first, ...rest] = runs.map(shape);
  const key = (s) => JSON.stringify(s);
  return {
    flow,
    userExistenceErrors: pool,
    user,
    /** Before the code screen (null: the flow has none before its last step). */
    beforeCodeScreen: first.before && { requests: first.before.requests, roundTrips: first.before.roundTrips },
    requests: first.all.requests,
    roundTrips: first.all.roundTrips,
    emails: first.emails,
    codes: first.codes,
    clicks: first.clicks,
    /** The calls in waves: `A + B` overlapped (one round trip), `→` waited for the previous. */
    operations: first.all.chain,
    onLoad: first.onLoad,
    sameInEveryRun: rest.every((s) => key(s) === key(first)),
    runs: runs.length,
  };
}

const med = (values) => Number(median(values).toFixed(1));

/**
 * Figure 4's medians over the runs of one flow.
 * @param {Array<{ signInCost: any, loadCost: any }>} runs
 */
export const costOf = (runs) => ({
  runs: runs.length,
  signInTaskMs: med(runs.map((r) => r.signInCost.taskMs)),
  signInCpuMs: med(runs.map((r) => r.signInCost.cpuMs)),
  signInScriptMs: med(runs.map((r) => r.signInCost.scriptMs)),
  signInStyleLayoutMs: med(runs.map((r) => r.signInCost.layoutMs)),
  loadTaskMs: med(runs.map((r) => r.loadCost.taskMs)),
  loadScriptMs: med(runs.map((r) => r.loadCost.scriptMs)),
  samplesTaskMs: runs.map((r) => r.signInCost.taskMs),
});
