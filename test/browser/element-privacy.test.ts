// Leaving no trace on a shared computer (issue 10, item 6): signOut({ forget: true }), the typed
// email's lifetime, and a sign-out asked for while a stored session is still being restored.
import { expect, oneEvent } from '@open-wc/testing';
import { enabled } from 'virtual:emulator';
import { hasMarker, setMarker, deviceMemoryScope } from '../../src/flow/device-memory.js';
import type { PasswordlessLogin } from '../../src/passwordless-login.js';
import {
  codeToSignedIn,
  createLogin,
  emailToCode,
  freshPage,
  makeReturningUser,
  mustPart,
  nthMail,
  stepOf,
  typeValue,
  uniqueEmail,
  waitForStep,
} from './element-helpers.js';

const scope = deviceMemoryScope({ ...enabled, tokenStorage: 'local' })!;
const typedKey = `passwordless-login.email.${enabled.clientId}`;

/** Every Web Storage key and value that mentions the email. */
function traces(email: string): string[] {
  const found: string[] = [];
  for (const storage of [localStorage, sessionStorage]) {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i)!;
      if (`${key}=${storage.getItem(key)}`.includes(email)) found.push(key);
    }
  }
  return found;
}

async function signIn(el: PasswordlessLogin, email: string): Promise<void> {
  await emailToCode(el, email);
  await codeToSignedIn(el, (await nthMail(enabled, email)).code);
}

describe('<passwordless-login> leaves no trace when asked', () => {
  beforeEach(freshPage);
  after(freshPage);

  it('signOut({ forget: true }) removes the tokens, LastAuthUser, device markers and the email in the field', async () => {
    const email = await makeReturningUser(enabled);
    const el = await createLogin(enabled);
    await signIn(el, email);
    await setMarker(scope, 'passkey', email);
    expect(traces(email), 'signed in: Amplify keeps the email in its keys').to.not.deep.equal([]);

    const signedOut = oneEvent(el, 'signed-out');
    await el.signOut({ forget: true });
    await signedOut;
    await waitForStep(el, 'email');
    expect(traces(email)).to.deep.equal([]);
    expect(Object.keys(localStorage).filter((k) => k.startsWith(`CognitoIdentityServiceProvider.${enabled.clientId}.`))).to.deep.equal([]);
    expect(await hasMarker(scope, 'passkey', email)).to.equal(false);
    expect(mustPart<HTMLInputElement>(el, 'email-input').value).to.equal('');
  });

  it('a plain sign-out keeps the device markers and offers the email again (what forget removes)', async () => {
    const email = await makeReturningUser(enabled);
    const el = await createLogin(enabled);
    await signIn(el, email);
    await setMarker(scope, 'passkey', email);
    await el.signOut();
    await waitForStep(el, 'email');
    expect(await hasMarker(scope, 'passkey', email)).to.equal(true);
    expect(mustPart<HTMLInputElement>(el, 'email-input').value).to.equal(email);
    expect(sessionStorage.getItem(typedKey), 'the typed email ends with the sign-out').to.equal(null);
    await el.signOut({ forget: true });
  });

  it('forget after an abandoned attempt: Amplify\'s sign-in state and the typed email go, nobody signed in', async () => {
    const email = await makeReturningUser(enabled);
    const el = await createLogin(enabled);
    await emailToCode(el, email);
    expect(Object.keys(sessionStorage).some((k) => k.startsWith('CognitoSignInState.'))).to.equal(true);
    expect(sessionStorage.getItem(typedKey)).to.contain(email);
    await el.signOut({ forget: true });
    expect(stepOf(el)).to.equal('email');
    expect(mustPart<HTMLInputElement>(el, 'email-input').value).to.equal('');
    expect(traces(email)).to.deep.equal([]);
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('CognitoSignInState.'))).to.deep.equal([]);
  });

  it('the typed email survives a reload for a while, not for ever', async () => {
    const email = uniqueEmail('typed');
    sessionStorage.setItem(typedKey, `${Date.now() - 16 * 60_000} ${email}`);
    const stale = await createLogin(enabled);
    expect(mustPart<HTMLInputElement>(stale, 'email-input').value, 'older than 15 minutes').to.equal('');
    expect(sessionStorage.getItem(typedKey)).to.equal(null);
    stale.remove();

    const el = await createLogin(enabled);
    typeValue(mustPart<HTMLInputElement>(el, 'email-input'), email);
    el.remove();
    const again = await createLogin(enabled);
    expect(mustPart<HTMLInputElement>(again, 'email-input').value).to.equal(email);
  });

  it('signOut() called while a stored session is being restored signs out, instead of being overtaken', async () => {
    const email = uniqueEmail('restore');
    const first = await createLogin(enabled);
    await emailToCode(first, email);
    await codeToSignedIn(first, (await nthMail(enabled, email)).code);
    first.remove();

    // A page that signs out during its own start-up: the element has not loaded its flow yet.
    const el = document.createElement('passwordless-login') as PasswordlessLogin;
    for (const [k, v] of Object.entries({ 'user-pool-id': enabled.userPoolId, 'client-id': enabled.clientId, endpoint: enabled.endpoint }))
      el.setAttribute(k, v);
    document.body.append(el);
    const events: string[] = [];
    for (const type of ['signed-in', 'signed-out']) el.addEventListener(type, () => events.push(type));
    await el.signOut();
    await new Promise((r) => setTimeout(r, 300));
    expect(stepOf(el)).to.equal('email');
    expect(events.at(-1)).to.equal('signed-out');
    expect(await el.getTokens()).to.equal(null);
    el.remove();
  });
});
