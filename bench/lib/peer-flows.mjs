// The peer's sign-ins: AWS Amplify UI's React Authenticator (bench/peer/app.jsx, passwordless with
// email codes) driven like the element, by the same acting user (./user.mjs) against the same kind of
// emulator, with the same counts: Cognito calls timed by the browser and checked against the
// emulator's log, round trips, emails, codes typed, clicks.
import { calls, latestCode, mail, resetCalls, settle } from './page.mjs';
import { actingUser } from './user.mjs';

/** The Authenticator's forms and fields (its own data attributes and field names, v6). */
const SIGN_UP = 'form[data-amplify-authenticator-signup]';
const SIGN_IN = 'form[data-amplify-authenticator-signin]';
const CODE = 'input[name="confirmation_code"]';
const SIGNED_IN = '[data-signed-in]';
/** What Amplify UI shows when a call fails (so a failure ends the flow at once, not at a timeout). */
const ALERT = '[data-amplify-authenticator] .amplify-alert--error';

/**
 * Waits until `selector` is visible; throws with the Authenticator's error text if one shows first.
 * @param {import('playwright-core').Page} page
 */
async function shown(page, selector, timeout = 15_000) {
  const hit = await page.waitForSelector(`${selector}, ${ALERT}`, { state: 'visible', timeout });
  if (await hit?.evaluate((el, alert) => el.matches(alert), ALERT)) throw new Error(`Amplify UI: ${await hit?.textContent()}`);
}

/**
 * One complete sign-in through the Authenticator on `device` (the page is (re)loaded first). A new
 * user opens the "Create Account" tab, types the email, presses its submit button ("Create account
 * with Email OTP"), then types the emailed code and presses "Confirm" (Amplify UI signs in on its
 * own after). A returning user types the email in "Sign In", presses its button, types the code and
 * presses "Confirm". Fields are clicked only if they have no focus.
 * @param {import('./page.mjs').Device} device
 * @param {ReturnType<import('./emulator.mjs').emulatorClient>} client
 * @param {{ url: string, email: string, newUser: boolean }} options
 */
export async function peerSignIn(device, client, { url, email, newUser }) {
  const { page } = device;
  const user = actingUser(page);
  const since = Date.now() - 1;
  await resetCalls(device, client);
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => /** @type {any} */ (window).__bench.interactive);
  await page.waitForLoadState('networkidle');
  const onLoad = await calls(device, client);

  if (newUser) {
    await user.click({ css: '[role="tab"]', text: 'Create Account' });
    await shown(page, `${SIGN_UP} input[name="email"]`);
    await user.type(`${SIGN_UP} input[name="email"]`, email);
    await user.click(`${SIGN_UP} button[type="submit"]`);
  } else {
    await user.type(`${SIGN_IN} input[name="username"]`, email);
    await user.click(`${SIGN_IN} button[type="submit"]`);
  }
  await shown(page, CODE);
  const beforeCode = await calls(device, client);
  const code = await latestCode(client, email, since);
  await user.typeCode(CODE, code);
  await user.click(`form:has(${CODE}) button[type="submit"]`);
  await shown(page, SIGNED_IN);
  await settle();
  return {
    onLoad,
    beforeCode,
    all: await calls(device, client),
    emails: (await mail(client, email, since)).length,
    ...user.counts,
  };
}

/**
 * Signs out with the page's own button (not counted in any figure) and waits for its calls.
 * @param {import('./page.mjs').Device} device
 */
export async function peerSignOut(device) {
  await device.page.click(`${SIGNED_IN} button`);
  await device.page.waitForSelector(`${SIGN_IN} input[name="username"]`, { state: 'visible' });
  await settle();
}
