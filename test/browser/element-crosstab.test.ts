// Other tabs (issue 6): with token-storage="local", signing in or out in one tab is followed by the
// others. The second "tab" is a same-origin frame (fixtures/second-tab.html): it shares
// localStorage and its storage events with this page, but loads its own aws-amplify, so nothing
// reaches it through this page's Hub.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { enabled } from 'virtual:emulator';
import type { PasswordlessLogin } from '../../src/passwordless-login.js';
import {
  codeToSignedIn,
  createLogin,
  emailToCode,
  freshPage,
  mustPart,
  nthMail,
  stepOf,
  uniqueEmail,
  waitForStep,
} from './element-helpers.js';

const frames: HTMLIFrameElement[] = [];

/** Opens the second tab and returns its element once it has settled (restored or on the email step). */
async function openSecondTab(attrs: Record<string, string> = {}): Promise<PasswordlessLogin> {
  const query = new URLSearchParams({
    'user-pool-id': enabled.userPoolId,
    'client-id': enabled.clientId,
    endpoint: enabled.endpoint,
    ...attrs,
  });
  const frame = document.createElement('iframe');
  frame.src = `/test/browser/fixtures/second-tab.html?${query}`;
  frames.push(frame);
  document.body.append(frame);
  let el: PasswordlessLogin | null = null;
  await waitUntil(
    () => (el = frame.contentDocument?.querySelector('passwordless-login') ?? null) !== null && el.hasUpdated,
    'the second tab renders its element',
    { timeout: 10000 },
  );
  await waitUntil(() => !el!.matches(':state(busy)'), 'the second tab settles', { timeout: 10000 });
  return el!;
}

async function signUp(el: PasswordlessLogin, email = uniqueEmail('tabs')) {
  await emailToCode(el, email);
  return codeToSignedIn(el, (await nthMail(enabled, email)).code);
}

describe('<passwordless-login> across tabs', () => {
  beforeEach(freshPage);
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  it('signing in here shows the other tab signed in; signing out there signs out here', async () => {
    const here = await createLogin(enabled);
    const there = await openSecondTab();
    expect(stepOf(there)).to.equal('email');

    const followedIn = oneEvent(there, 'signed-in');
    const mine = await signUp(here);
    const followed = (await followedIn).detail;
    expect(followed.user).to.deep.equal(mine.user);
    expect(followed.restored).to.equal(false);
    await waitForStep(there, 'signed-in');
    expect(mustPart(there, 'signed-in').textContent).to.contain(mine.user.email);

    const followedOut = oneEvent(here, 'signed-out');
    await there.signOut();
    await followedOut;
    await waitForStep(here, 'email');
    expect(await here.getTokens()).to.equal(null);
  });

  it('signing in in the other tab shows this one signed in; signing out here signs out there', async () => {
    const here = await createLogin(enabled);
    const there = await openSecondTab();

    const followedIn = oneEvent(here, 'signed-in');
    const theirs = await signUp(there);
    expect((await followedIn).detail.user).to.deep.equal(theirs.user);
    await waitForStep(here, 'signed-in');

    const followedOut = oneEvent(there, 'signed-out');
    mustPart(here, 'sign-out-button').click();
    await followedOut;
    await waitForStep(there, 'email');
    expect(await there.getTokens()).to.equal(null);
  });

  it('a tab on the code step follows a sign-in elsewhere; three tabs all follow one sign-out', async () => {
    const here = await createLogin(enabled);
    await emailToCode(here, uniqueEmail('waiting'));
    const there = await openSecondTab();
    const followedIn = oneEvent(here, 'signed-in');
    await signUp(there);
    await followedIn;
    await waitForStep(here, 'signed-in');

    // A third tab opened now restores the session; a sign-out in the second reaches both others.
    const third = await openSecondTab();
    await waitForStep(third, 'signed-in');
    await there.signOut();
    await waitForStep(third, 'email');
    await waitForStep(here, 'email');
  });

  it('token-storage="memory": tabs do not follow each other (nothing is shared)', async () => {
    const here = await createLogin(enabled, { 'token-storage': 'memory' });
    const there = await openSecondTab({ 'token-storage': 'memory' });
    await signUp(here);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stepOf(there)).to.equal('email');
  });
});
