// Figures 3, 4 and 5 (page side): sign-ins in Chromium against a child-process emulator, through the
// element and through the classic tutorial flow in plain aws-amplify, with the Cognito requests and
// emails counted at the emulator, the main-thread time from CDP and the JS heap after a forced GC.
import { setTimeout as sleep } from 'node:timers/promises';
import { recorder } from './recorder.mjs';

/** Quiet time after the last step, so trailing requests and the final render are counted. */
const SETTLE_MS = 500;

/**
 * CDP `Performance.getMetrics` of the page's renderer, in ms. The durations are cumulative
 * main-thread busy time since the page was created: `TaskDuration` is every task the main thread ran
 * (script, style, layout, paint, GC, parsing, network callbacks); `ScriptDuration` is the part spent
 * running JavaScript. Time waiting on the network is idle time, so it is in neither. The harness's own
 * work (Playwright's and these CDP commands) is `DevToolsCommandDuration`, taken out of `taskMs`.
 * @param {import('playwright-core').CDPSession} cdp
 */
async function metrics(cdp) {
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

const ZERO = { taskMs: 0, cpuMs: 0, scriptMs: 0, layoutMs: 0 };

const delta = (a, b) => ({
  taskMs: Number((b.taskMs - a.taskMs).toFixed(1)),
  cpuMs: Number((b.cpuMs - a.cpuMs).toFixed(1)),
  scriptMs: Number((b.scriptMs - a.scriptMs).toFixed(1)),
  layoutMs: Number((b.layoutMs - a.layoutMs).toFixed(1)),
});

/** JS heap of the page's renderer after two forced full GCs, in bytes. */
async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
  return { usedSize, totalSize };
}

/** A fresh context (cold cache, empty storage) with the recorder and a CDP session. */
async function openPage(browser) {
  const context = await browser.newContext();
  await context.addInitScript(recorder);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.enable');
  return { context, page, cdp };
}

/** Cognito operations the emulator served since `clearRequests`, in order. */
async function operations(client) {
  return (await client.requests()).map((r) => (r.status === 200 ? r.operation : `${r.operation}!${r.status}`));
}

/** Codes mailed to `email` since `since` (ms), oldest first. */
async function mail(client, email, since) {
  return (await client.messages(email)).filter((m) => Date.parse(m.sentAt) >= since);
}

const shadow = (part) =>
  `document.querySelector('passwordless-login').shadowRoot.querySelector('[part~="${part}"]')`;

/**
 * A browser "device": a fresh context (cold cache, empty storage) with the recorder and CDP.
 * @param {import('playwright-core').Browser} browser
 */
export async function openDevice(browser) {
  return openPage(browser);
}

/**
 * Signs the element on `device`'s page out (so the next load starts at the email step, as for a
 * returning user on this device) and waits for its Cognito calls to finish.
 * @param {Awaited<ReturnType<typeof openDevice>>} device
 */
export async function elementSignOut(device) {
  await device.page.evaluate(() => /** @type {any} */ (document.querySelector('passwordless-login')).signOut({ global: false }));
  await sleep(SETTLE_MS);
}

/**
 * One complete sign-in through `<passwordless-login>` loaded from the script-tag bundle, typed as a
 * user would: focus the field, insert the text (trusted input events from CDP, no injected script),
 * Enter; then the code from the emulator's outbox into the code field. The page is (re)loaded first.
 * @param {Awaited<ReturnType<typeof openDevice>>} device
 * @param {ReturnType<import('./emulator.mjs').emulatorClient>} client
 * @param {{ url: string, email: string }} options
 */
export async function elementSignIn(device, client, { url, email }) {
  const { page, cdp } = device;
  const since = Date.now() - 1;
  await client.clearRequests();
  // Metrics are per renderer: a reload may keep the process (counters go on) or not (they restart).
  const mStart = await metrics(cdp);
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => /** @type {any} */ (window).__bench.interactive);
  // The element fetches the aws-amplify chunk right after its first render: let that finish, so the
  // sign-in's cost below is the sign-in's and the load's cost is the load's.
  await page.waitForLoadState('networkidle');
  let mLoad = await metrics(cdp);
  if (mLoad.taskMs >= mStart.taskMs) mLoad = delta(mStart, mLoad);
  const heapLoaded = await heapAfterGc(cdp);
  const m0 = await metrics(cdp);
  const onLoad = await operations(client);

  await page.evaluate(`${shadow('email-input')}.focus()`);
  await page.keyboard.insertText(email);
  await page.keyboard.press('Enter');
  const codeSent = await page.evaluate(() => /** @type {any} */ (window).__bench.waitFor('code-sent'));
  const beforeCode = await operations(client);
  const codes = await mail(client, email, since);
  const code = codes.at(-1)?.code;
  if (!code) throw new Error(`no code mailed to ${email}`);

  await page.evaluate(`${shadow('code-input')}.focus()`);
  await page.keyboard.insertText(code);
  // The field submits itself when complete; press Enter only if nothing happened in 3 s.
  const signedIn = page.evaluate(() => /** @type {any} */ (window).__bench.waitFor('signed-in'));
  const first = await Promise.race([signedIn, sleep(3000).then(() => null)]);
  if (first === null) await page.keyboard.press('Enter');
  const { detail } = await signedIn;
  await sleep(SETTLE_MS);
  const m1 = await metrics(cdp);
  const heapSignedIn = await heapAfterGc(cdp);
  const all = await operations(client);
  return {
    isNewUser: detail?.isNewUser,
    codePurpose: codeSent.detail?.purpose,
    onLoad,
    beforeCode,
    all,
    emails: (await mail(client, email, since)).length,
    loadCost: delta(ZERO, mLoad),
    signInCost: delta(m0, m1),
    heapLoaded,
    heapSignedIn,
  };
}

/**
 * The classic tutorial's flow in plain aws-amplify (bench/pages/classic.js): for a new user signUp
 * with a password → confirmSignUp → signIn; for a returning user signIn alone. `signIn` is either
 * with the password or passwordless (a second emailed code).
 * @param {import('playwright-core').Browser} browser
 * @param {ReturnType<import('./emulator.mjs').emulatorClient>} client
 * @param {{ url: string, email: string, password: string, newUser: boolean, signIn: 'password' | 'email-code' }} options
 */
export async function classicSignIn(browser, client, { url, email, password, newUser, signIn }) {
  const { context, page, cdp } = await openPage(browser);
  try {
    const since = Date.now() - 1;
    await client.clearRequests();
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      return w.classic ? undefined : new Promise((resolve) => w.addEventListener('classic-ready', resolve, { once: true }));
    });
    await page.waitForLoadState('networkidle');
    const m0 = await metrics(cdp);
    const onLoad = await operations(client);
    /** @type {string[] | null} */
    let beforeCode = null;
    const latestCode = async (kind) => {
      const code = (await mail(client, email, since)).filter((m) => m.kind === kind).at(-1)?.code;
      if (!code) throw new Error(`no ${kind} code mailed to ${email}`);
      return code;
    };

    /** Runs a step of bench/pages/classic.js in a task of the page's own and returns its result. */
    const step = async (name, ...args) => {
      const id = await page.evaluate(([n, a]) => /** @type {any} */ (window).classic.start(n, ...a), [name, args]);
      return page.evaluate((i) => /** @type {any} */ (window).classic.result(i), id);
    };

    if (newUser) {
      const up = await step('signUp', email, password);
      if (up.nextStep?.signUpStep !== 'CONFIRM_SIGN_UP') throw new Error(`signUp: ${JSON.stringify(up)}`);
      beforeCode = await operations(client);
      const confirmed = await step('confirmSignUp', email, await latestCode('sign-up'));
      if (!confirmed.isSignUpComplete) throw new Error(`confirmSignUp: ${JSON.stringify(confirmed)}`);
    }
    let result;
    if (signIn === 'password') {
      result = await step('signInWithPassword', email, password);
    } else {
      const next = await step('signInWithEmailCode', email);
      if (next.nextStep?.signInStep !== 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE') throw new Error(`signIn: ${JSON.stringify(next)}`);
      beforeCode ??= await operations(client);
      result = await step('confirmSignIn', await latestCode('sign-in'));
    }
    if (!result.isSignedIn) throw new Error(`signIn: ${JSON.stringify(result)}`);
    await sleep(SETTLE_MS);
    const m1 = await metrics(cdp);
    const heapSignedIn = await heapAfterGc(cdp);
    return {
      onLoad,
      beforeCode,
      all: await operations(client),
      emails: (await mail(client, email, since)).length,
      loadCost: delta(ZERO, m0),
      signInCost: delta(m0, m1),
      heapSignedIn,
    };
  } finally {
    await context.close();
  }
}

/**
 * The plain form page's JS heap after load and a forced GC, and its main-thread time to get there.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 */
export async function formPage(browser, url) {
  const { context, page, cdp } = await openPage(browser);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => /** @type {any} */ (window).__bench.interactive);
    await page.waitForLoadState('networkidle');
    const loadCost = delta(ZERO, await metrics(cdp));
    return { heapLoaded: await heapAfterGc(cdp), loadCost };
  } finally {
    await context.close();
  }
}
