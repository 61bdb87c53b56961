// What every browser flow of the benchmark shares: a "device" (a fresh browser context with the
// recorder, a CDP session and the page's Cognito calls logged from its network events), the
// renderer's main-thread metrics and heap, and the emulator's side of a sign-in (calls, mail).
import { setTimeout as sleep } from 'node:timers/promises';
import { recorder } from './recorder.mjs';
import { assertSameCalls, cognitoRequestLog, label, watchNetwork } from './round-trips.mjs';

/** Quiet time after the last step, so trailing requests and the final render are counted. */
export const SETTLE_MS = 500;

/**
 * CDP `Performance.getMetrics` of the page's renderer, in ms. The durations are cumulative
 * main-thread busy time since the page was created: `TaskDuration` is every task the main thread ran
 * (script, style, layout, paint, GC, parsing, network callbacks); `ScriptDuration` is the part spent
 * running JavaScript. Time waiting on the network is idle time, so it is in neither. The harness's own
 * work (Playwright's and these CDP commands) is `DevToolsCommandDuration`, taken out of `taskMs`.
 * @param {import('playwright-core').CDPSession} cdp
 */
export async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(list.map((x) => [x.name, x.value]));
  return {
    taskMs: (m.TaskDuration - (m.DevToolsCommandDuration ?? 0)) * 1000,
    scriptMs: m.ScriptDuration * 1000,
    /** CPU time of the main thread: unlike the durations, not inflated when other processes preempt it. */
    cpuMs: m.ThreadTime * 1000,
    layoutMs: (m.LayoutDuration + m.RecalcStyleDuration) * 1000,
  };
}

export const ZERO = { taskMs: 0, cpuMs: 0, scriptMs: 0, layoutMs: 0 };

export const delta = (a, b) => ({
  taskMs: Number((b.taskMs - a.taskMs).toFixed(1)),
  cpuMs: Number((b.cpuMs - a.cpuMs).toFixed(1)),
  scriptMs: Number((b.scriptMs - a.scriptMs).toFixed(1)),
  layoutMs: Number((b.layoutMs - a.layoutMs).toFixed(1)),
});

/** JS heap of the page's renderer after two forced full GCs, in bytes. */
export async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
  return { usedSize, totalSize };
}

/**
 * A browser "device": a fresh context (cold cache, empty storage) with the recorder, a CDP session,
 * and a log of the Cognito calls its page makes to `endpoint` (browser network timing).
 * @param {import('playwright-core').Browser} browser
 * @param {string} endpoint the emulator's URL
 */
export async function openDevice(browser, endpoint) {
  const context = await browser.newContext();
  await context.addInitScript(recorder);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.enable');
  const net = cognitoRequestLog(endpoint);
  await watchNetwork(cdp, net);
  return { context, page, cdp, net };
}

/** @typedef {Awaited<ReturnType<typeof openDevice>>} Device */

/** Cognito operations the emulator served since `clearRequests`, as `Operation` or `Operation!status`. */
export async function operations(client) {
  return (await client.requests()).map(label);
}

/** Codes mailed to `email` since `since` (ms), oldest first. */
export async function mail(client, email, since) {
  return (await client.messages(email)).filter((m) => Date.parse(m.sentAt) >= since);
}

/** The newest code mailed to `email` since `since`; throws if there is none. */
export async function latestCode(client, email, since, kind) {
  const code = (await mail(client, email, since)).filter((m) => kind === undefined || m.kind === kind).at(-1)?.code;
  if (!code) throw new Error(`no ${kind ?? ''} code mailed to ${email}`);
  return code;
}

/** Starts a sign-in's count: the emulator's request log and the device's network log emptied. */
export async function resetCalls(device, client) {
  await device.net.settled();
  await client.clearRequests();
  device.net.clear();
}

/**
 * The Cognito calls the page has made since `resetCalls`, once none is in flight, as the browser
 * timed them; throws unless the emulator served the same ones.
 * @param {Device} device
 */
export async function calls(device, client) {
  await device.net.settled();
  const requests = device.net.requests();
  assertSameCalls(requests, await operations(client));
  return requests;
}

/** Waits out trailing requests and renders after a flow's last step. */
export const settle = () => sleep(SETTLE_MS);
