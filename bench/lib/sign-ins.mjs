// Figures 3, 4 and 5 (page side), all the browser sign-ins of a run: the element with both
// PreventUserExistenceErrors settings, the classic tutorial flow, Amplify UI's Authenticator (the
// peer), and the plain form page's load. Each flow's runs are returned for ./summary.mjs.
import { emulatorClient } from './emulator.mjs';
import { classicSignIn, elementSignIn, elementSignOut, formPage, openDevice } from './flows.mjs';
import { peerSignIn, peerSignOut } from './peer-flows.mjs';

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} base the static server's URL
 * @param {Record<'enabled' | 'legacy', { endpoint: string }>} emulators
 * @param {{ elementRepeats: number, classicRepeats: number, peerRepeats: number }} settings
 */
export async function signIns(browser, base, emulators, settings) {
  const run = Date.now().toString(36);
  /** @type {Array<{ name: string, pool: string, user: string, runs: any[] }>} */
  const flows = [];
  const record = (name, pool, user, runs) => flows.push({ name, pool, user, runs });

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
        const email = `${name.replace(/\W+/g, '-')}-${pool}-${run}-${i}@example.com`;
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
  await threeVisits('element', 'enabled', settings.elementRepeats, element('enabled'));

  await threeVisits('Amplify UI Authenticator', 'enabled', settings.peerRepeats, {
    signIn: (device, client, email, newUser) => peerSignIn(device, client, { url: `${base}peer.html?pool=enabled`, email, newUser }),
    signOut: peerSignOut,
  });

  const { endpoint } = emulators.enabled;
  const client = emulatorClient(endpoint);
  try {
    const url = `${base}classic.html?pool=enabled`;
    for (const signIn of /** @type {const} */ (['password', 'email-code'])) {
      const [fresh, returning] = [[], []];
      for (let i = 0; i < settings.classicRepeats; i++) {
        const email = `classic-${signIn}-${run}-${i}@example.com`;
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

  await threeVisits('element', 'legacy', 1, element('legacy'));

  const forms = [];
  for (let i = 0; i < settings.classicRepeats; i++) forms.push(await formPage(browser, `${base}form.html`, endpoint));
  return { flows, forms };
}
