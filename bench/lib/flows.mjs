// Figures 3, 4 and 5 (page side): sign-ins in Chromium against a child-process emulator, through the
// element and through the classic tutorial flow in plain aws-amplify, with the Cognito requests timed
// by the browser (and checked against the emulator's log), emails counted at the emulator, the
// main-thread time from CDP and the JS heap after a forced GC. Amplify UI's flows: ./peer-flows.mjs.
import { setTimeout as sleep } from 'node:timers/promises';
import { ZERO, calls, delta, heapAfterGc, latestCode, mail, metrics, openDevice, resetCalls, settle } from './page.mjs';
import { actingUser } from './user.mjs';

export { openDevice };

const part = (name) => `passwordless-login >>> [part~="${name}"]`;

/**
 * Signs the element on `device`'s page out (so the next load starts at the email step, as for a
 * returning user on this device) and waits for its Cognito calls to finish.
 * @param {import('./page.mjs').Device} device
 */
export async function elementSignOut(device) {
  await device.page.evaluate(() => /** @type {any} */ (document.querySelector('passwordless-login')).signOut({ global: false }));
  await settle();
}

/**
 * One complete sign-in through `<passwordless-login>` loaded from the script-tag bundle, done as a
 * user would (./user.mjs): click the email field, type, click the submit button; then type the code
 * from the emulator's outbox into the code field (it submits itself when complete; the submit button
 * is clicked only if nothing happened in 3 s). The page is (re)loaded first.
 * @param {import('./page.mjs').Device} device
 * @param {ReturnType<import('./emulator.mjs').emulatorClient>} client
 * @param {{ url: string, email: string }} options
 */
export async function elementSignIn(device, client, { url, email }) {
  const { page, cdp } = device;
  const user = actingUser(page);
  const since = Date.now() - 1;
  await resetCalls(device, client);
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
  const onLoad = await calls(device, client);

  await user.type(part('email-input'), email);
  await user.click(part('submit-button'));
  const codeSent = await page.evaluate(() => /** @type {any} */ (window).__bench.waitFor('code-sent'));
  const beforeCode = await calls(device, client);
  const code = await latestCode(client, email, since);

  const signedIn = page.evaluate(() => /** @type {any} */ (window).__bench.waitFor('signed-in'));
  await user.typeCode(part('code-input'), code);
  const first = await Promise.race([signedIn, sleep(3000).then(() => null)]);
  if (first === null) await user.click(part('submit-button'));
  const { detail } = await signedIn;
  await settle();
  const m1 = await metrics(cdp);
  const heapSignedIn = await heapAfterGc(cdp);
  return {
    isNewUser: detail?.isNewUser,
    codePurpose: codeSent.detail?.purpose,
    onLoad,
    beforeCode,
    all: await calls(device, client),
    emails: (await mail(client, email, since)).length,
    ...user.counts,
    loadCost: delta(ZERO, mLoad),
    signInCost: delta(m0, m1),
    heapLoaded,
    heapSignedIn,
  };
}

/**
 * The device's platform authenticator (a virtual one, through the DevTools Protocol's WebAuthn
 * domain): the fingerprint or face a passkey asks for, verified at once. With `credential`, it holds
 * that passkey already, as a phone does a passkey synced from another device.
 * @param {import('./page.mjs').Device} device
 * @param {any} [credential] as `WebAuthn.getCredentials` describes it
 */
export async function addAuthenticator(device, credential) {
  await device.cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await device.cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  if (credential) await device.cdp.send('WebAuthn.addCredential', { authenticatorId, credential });
  return authenticatorId;
}

/** The passkeys an authenticator holds (with their private keys: the bench copies them). */
export async function passkeysOf(device, authenticatorId) {
  return (await device.cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
}

/**
 * Creates a passkey from the signed-in view's offer, as a user would: one click on "Create a
 * passkey" (the authenticator verifies the user by itself).
 * @param {import('./page.mjs').Device} device
 */
export async function elementCreatePasskey(device) {
  const user = actingUser(device.page);
  // Playwright's CSS pierces the shadow root (`part()` is the simulated user's path syntax, not Playwright's).
  await device.page.locator('passwordless-login [part~="passkey-create-button"]').waitFor();
  await user.click(part('passkey-create-button'));
  await device.page.evaluate(() => /** @type {any} */ (window).__bench.waitFor('passkey-created'));
  await settle();
}

/**
 * A sign-in with a passkey through `<passwordless-login>`: type the email, then click Continue (a
 * device that knows the user has a passkey goes straight to the prompt) or "Sign in with a passkey"
 * (`button: 'passkey-button'`, a passkey synced to a new device). No code is typed: the prompt is
 * answered by the device's authenticator.
 * @param {import('./page.mjs').Device} device
 * @param {ReturnType<import('./emulator.mjs').emulatorClient>} client
 * @param {{ url: string, email: string, button: 'submit-button' | 'passkey-button' }} options
 */
export async function elementPasskeySignIn(device, client, { url, email, button }) {
  const { page } = device;
  const user = actingUser(page);
  const since = Date.now() - 1;
  await resetCalls(device, client);
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => /** @type {any} */ (window).__bench.interactive);
  await page.waitForLoadState('networkidle');
  const onLoad = await calls(device, client);
  await user.type(part('email-input'), email);
  const signedIn = page.evaluate(() => /** @type {any} */ (window).__bench.waitFor('signed-in'));
  await user.click(part(button));
  const { detail } = await signedIn;
  if (detail?.method !== 'passkey') throw new Error(`signed in by ${detail?.method}, not with a passkey`);
  await settle();
  const codes = await page.evaluate(() => /** @type {any} */ (window).__bench.seen.filter((r) => r.type === 'code-sent').length);
  if (codes !== 0) throw new Error('a code was sent during a passkey sign-in');
  return { onLoad, beforeCode: null, all: await calls(device, client), emails: (await mail(client, email, since)).length, ...user.counts };
}

/**
 * The classic tutorial's flow in plain aws-amplify (bench/pages/classic.js): for a new user signUp
 * with a password → confirmSignUp → signIn; for a returning user signIn alone. `signIn` is either
 * with the password or passwordless (a second emailed code). Driven by script, so no clicks counted.
 * @param {import('playwright-core').Browser} browser
 * @param {ReturnType<import('./emulator.mjs').emulatorClient>} client
 * @param {{ url: string, endpoint: string, email: string, password: string, newUser: boolean, signIn: 'password' | 'email-code' }} options
 */
export async function classicSignIn(browser, client, { url, endpoint, email, password, newUser, signIn }) {
  const device = await openDevice(browser, endpoint);
  const { context, page, cdp } = device;
  try {
    const since = Date.now() - 1;
    await resetCalls(device, client);
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      return w.classic ? undefined : new Promise((resolve) => w.addEventListener('classic-ready', resolve, { once: true }));
    });
    await page.waitForLoadState('networkidle');
    const m0 = await metrics(cdp);
    const onLoad = await calls(device, client);
    /** @type {import('./round-trips.mjs').CognitoRequest[] | null} */
    let beforeCode = null;
    let codes = 0;
    const code = (kind) => {
      codes++;
      return latestCode(client, email, since, kind);
    };

    /** Runs a step of bench/pages/classic.js in a task of the page's own and returns its result. */
    const step = async (name, ...args) => {
      const id = await page.evaluate(([n, a]) => /** @type {any} */ (window).classic.start(n, ...a), [name, args]);
      return page.evaluate((i) => /** @type {any} */ (window).classic.result(i), id);
    };

    if (newUser) {
      const up = await step('signUp', email, password);
      if (up.nextStep?.signUpStep !== 'CONFIRM_SIGN_UP') throw new Error(`signUp: ${JSON.stringify(up)}`);
      beforeCode = await calls(device, client);
      const confirmed = await step('confirmSignUp', email, await code('sign-up'));
      if (!confirmed.isSignUpComplete) throw new Error(`confirmSignUp: ${JSON.stringify(confirmed)}`);
    }
    let result;
    if (signIn === 'password') {
      result = await step('signInWithPassword', email, password);
    } else {
      const next = await step('signInWithEmailCode', email);
      if (next.nextStep?.signInStep !== 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE') throw new Error(`signIn: ${JSON.stringify(next)}`);
      beforeCode ??= await calls(device, client);
      result = await step('confirmSignIn', await code('sign-in'));
    }
    if (!result.isSignedIn) throw new Error(`signIn: ${JSON.stringify(result)}`);
    await settle();
    const m1 = await metrics(cdp);
    const heapSignedIn = await heapAfterGc(cdp);
    return {
      onLoad,
      beforeCode,
      all: await calls(device, client),
      emails: (await mail(client, email, since)).length,
      clicks: null,
      codes,
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
 * @param {string} endpoint
 */
export async function formPage(browser, url, endpoint) {
  const { context, page, cdp } = await openDevice(browser, endpoint);
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
