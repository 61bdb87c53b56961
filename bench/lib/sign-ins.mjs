// Figures 3, 4 and 5 (page side), all the browser sign-ins of a run, in two phases:
// - counts (figure 3): the element with both PreventUserExistenceErrors settings, Amplify UI's
//   Authenticator (the peer) and the classic tutorial flow, with `latencyMs` added by the emulators to
//   every Cognito call, as a network would: calls a page issues together then overlap by that much,
//   so neither a moment's stall of the renderer on this shared machine nor the page's own work
//   between two calls can make them look sequential (round trips are read from the browser's timing);
// - cost (figures 4 and 5): the element and the classic flow again with no added latency, so their
//   main-thread time stays the work a sign-in costs whatever the network (with latency it would also
//   hold what the page animates while it waits), and the plain form page's load.
// Each flow's runs are returned for ./summary.mjs.
import { emulatorClient } from './emulator.mjs';
import {
  addAuthenticator,
  classicSignIn,
  elementCreatePasskey,
  elementPasskeySignIn,
  elementSignIn,
  elementSignOut,
  formPage,
  openDevice,
  passkeysOf,
} from './flows.mjs';
import { peerSignIn, peerSignOut } from './peer-flows.mjs';

/** @typedef {Array<{ name: string, pool: string, user: string, runs: any[] }>} Flows */

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} base the static server's URL
 * @param {Record<'enabled' | 'legacy', { endpoint: string }>} emulators
 * @param {{ latencyMs: number, countRepeats: number, elementRepeats: number, classicRepeats: number, peerRepeats: number }} settings
 * @returns {Promise<{ counts: Flows, cost: Flows, forms: any[] }>}
 */
export async function signIns(browser, base, emulators, settings) {
  const run = Date.now().toString(36);
  let phase = '';
  /** @type {Flows} */
  let flows = [];
  const record = (name, pool, user, runs) => flows.push({ name, pool, user, runs });
  const latency = async (ms) => {
    for (const { endpoint } of Object.values(emulators)) {
      const client = emulatorClient(endpoint);
      await client.setFaults(ms > 0 ? { latencyMs: ms } : null).finally(() => client.close());
    }
  };

  /**
   * A new user signs up on a device, signs out, signs in again there (returning, same device), then
   * signs in on another device (a fresh context: nothing remembered).
   */
  const threeVisits = async (name, pool, repeats, { signIn, signOut }) => {
    const { endpoint } = emulators[pool];
    const client = emulatorClient(endpoint);
    const [fresh, same, other] = [[], [], []];
    try {
      for (let i = 0; i < repeats; i++) {
        const email = `${name.replace(/\W+/g, '-')}-${pool}-${phase}-${run}-${i}@example.com`.toLowerCase();
        const device = await openDevice(browser, endpoint);
        fresh.push(await signIn(device, client, email, true));
        await signOut(device);
        same.push(await signIn(device, client, email, false));
        await device.context.close();
        const second = await openDevice(browser, endpoint);
        other.push(await signIn(second, client, email, false));
        await second.context.close();
      }
    } finally {
      client.close();
    }
    record(name, pool, 'new', fresh);
    record(name, pool, 'returning, same device', same);
    record(name, pool, 'returning, new device', other);
  };
  const element = (pool) => ({
    signIn: (device, client, email) => elementSignIn(device, client, { url: `${base}element.html?pool=${pool}`, email }),
    signOut: elementSignOut,
  });
  const peer = {
    signIn: (device, client, email, newUser) => peerSignIn(device, client, { url: `${base}peer.html?pool=enabled`, email, newUser }),
    signOut: peerSignOut,
  };
  /**
   * Passkeys: a new user signs up with a code and creates a passkey from the offer (not counted:
   * that visit is the element's "new" row), signs out, signs in again on that device with Continue
   * (the device knows the passkey), then on another device holding a copy of the passkey (synced)
   * with "Sign in with a passkey". Pages at http://localhost: the emulator's relying party ID.
   */
  const passkeyVisits = async (pool, repeats) => {
    const { endpoint } = emulators[pool];
    const client = emulatorClient(endpoint);
    const url = `${base.replace('127.0.0.1', 'localhost')}element.html?pool=${pool}`;
    const [same, other] = [[], []];
    try {
      for (let i = 0; i < repeats; i++) {
        const email = `element-passkey-${pool}-${phase}-${run}-${i}@example.com`;
        const device = await openDevice(browser, endpoint);
        const authenticator = await addAuthenticator(device);
        await elementSignIn(device, client, { url, email });
        await elementCreatePasskey(device);
        await elementSignOut(device);
        same.push(await elementPasskeySignIn(device, client, { url, email, button: 'submit-button' }));
        const [passkey] = await passkeysOf(device, authenticator);
        await device.context.close();
        const second = await openDevice(browser, endpoint);
        await addAuthenticator(second, passkey);
        other.push(await elementPasskeySignIn(second, client, { url, email, button: 'passkey-button' }));
        await second.context.close();
      }
    } finally {
      client.close();
    }
    record('element, passkey', pool, 'returning, same device', same);
    record('element, passkey', pool, 'returning, new device', other);
  };
  const { endpoint } = emulators.enabled;
  const classic = async (repeats) => {
    const client = emulatorClient(endpoint);
    try {
      const url = `${base}classic.html?pool=enabled`;
      for (const signIn of /** @type {const} */ (['password', 'email-code'])) {
        const [fresh, returning] = [[], []];
        for (let i = 0; i < repeats; i++) {
          const email = `classic-${signIn}-${phase}-${run}-${i}@example.com`;
          const password = `Bench-${run}-${i}-pw!`;
          fresh.push(await classicSignIn(browser, client, { url, endpoint, email, password, newUser: true, signIn }));
          returning.push(await classicSignIn(browser, client, { url, endpoint, email, password, newUser: false, signIn }));
        }
        record(`classic (${signIn} sign-in)`, 'enabled', 'new', fresh);
        record(`classic (${signIn} sign-in)`, 'enabled', 'returning', returning);
      }
    } finally {
      client.close();
    }
  };

  phase = 'counts';
  await latency(settings.latencyMs);
  try {
    await threeVisits('element', 'enabled', settings.countRepeats, element('enabled'));
    await passkeyVisits('enabled', settings.countRepeats);
    await threeVisits('Amplify UI Authenticator', 'enabled', settings.peerRepeats, peer);
    await classic(1);
    await threeVisits('element', 'legacy', 1, element('legacy'));
  } finally {
    await latency(0);
  }
  const counts = flows;

  phase = 'cost';
  flows = [];
  await threeVisits('element', 'enabled', settings.elementRepeats, element('enabled'));
  await classic(settings.classicRepeats);
  const forms = [];
  for (let i = 0; i < settings.classicRepeats; i++) forms.push(await formPage(browser, `${base}form.html`, endpoint));
  return { counts, cost: flows, forms };
}
