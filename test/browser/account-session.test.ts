// <passwordless-account>: the signed-out state, "Sign out everywhere" and "Delete my account",
// against the emulator through the element's parts and events. The other "device" is a same-origin
// frame with token-storage="memory": its own aws-amplify and its own sign-in (another refresh token),
// sharing nothing with this page but the pool.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { enabled as pool } from 'virtual:emulator';
import type { PasswordlessLogin } from '../../src/passwordless-login.js';
import {
  callCognito,
  clearRequests,
  codeToSignedIn,
  createLogin,
  emailToCode,
  freshPage,
  mailsTo,
  mustPart,
  nthMail,
  operations,
  part,
  stepOf,
  uniqueEmail,
  waitForStep,
} from './element-helpers.js';
import { createAccount, signedInUser, statusOf, waitForStatus } from './account-helpers.js';

const frames: HTMLIFrameElement[] = [];
const storageKeys = (s: Storage) => Array.from({ length: s.length }, (_, i) => s.key(i)!);

/** Another device: a frame with its own aws-amplify, keeping its session in memory. */
async function otherDevice(): Promise<PasswordlessLogin> {
  const query = new URLSearchParams({
    'user-pool-id': pool.userPoolId,
    'client-id': pool.clientId,
    endpoint: pool.endpoint,
    'token-storage': 'memory',
  });
  const frame = document.createElement('iframe');
  frame.src = `/test/browser/fixtures/second-tab.html?${query}`;
  frames.push(frame);
  document.body.append(frame);
  let el: PasswordlessLogin | null = null;
  await waitUntil(() => (el = frame.contentDocument?.querySelector('passwordless-login') ?? null) !== null && el.hasUpdated, 'device', {
    timeout: 10000,
  });
  await waitUntil(() => !el!.matches(':state(busy)'), 'device settles', { timeout: 10000 });
  return el!;
}

describe('<passwordless-account>: session and deletion', () => {
  beforeEach(async () => {
    await freshPage();
    for (const el of Array.from(document.querySelectorAll('passwordless-account'))) el.remove();
  });
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  it('signed out: says so, shows the sign-in slot, and fetches nothing', async () => {
    await clearRequests(pool);
    const account = await createAccount(pool, {}, '<a slot="sign-in" href="/sign-in">Sign in</a>');
    await waitForStatus(account, 'signed-out');
    expect(mustPart(account, 'signed-out').textContent).to.contain('You are not signed in.');
    const slot = mustPart(account, 'signed-out').querySelector('slot[name="sign-in"]') as HTMLSlotElement;
    expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Sign in']);
    expect(part(account, 'email')).to.equal(null);
    expect(await operations(pool)).to.deep.equal([]);
    await expect(account).shadowDom.to.be.accessible();
  });

  it('follows the sign-in element on the page: signed in, then signed out', async () => {
    const account = await createAccount(pool);
    await waitForStatus(account, 'signed-out');
    const { login, email } = await signedInUser(pool);
    await waitForStatus(account, 'signed-in');
    expect(mustPart(account, 'email').textContent).to.equal(email);
    const out = oneEvent(account, 'signed-out');
    await login.signOut();
    expect((await out).detail).to.deep.equal({ everywhere: false });
    await waitForStatus(account, 'signed-out');
  });

  it('sign out everywhere: GlobalSignOut ends this session and the other device’s, whose element shows the email step on its next refresh', async () => {
    const email = uniqueEmail('everywhere');
    const device = await otherDevice();
    await emailToCode(device, email);
    await codeToSignedIn(device, (await nthMail(pool, email)).code);
    // This device: the same user, signed in with its own code.
    const login = await createLogin(pool);
    await emailToCode(login, email);
    await codeToSignedIn(login, (await mailsTo(pool, email)).at(-1)!.code);
    const account = await createAccount(pool);
    await waitForStatus(account, 'signed-in');
    const tokensBefore = (await device.getTokens())!;
    expect(tokensBefore).to.not.equal(null);

    await clearRequests(pool);
    const accountOut = oneEvent(account, 'signed-out');
    const loginOut = oneEvent(login, 'signed-out');
    mustPart<HTMLButtonElement>(account, 'sign-out-everywhere-button').click();
    mustPart<HTMLButtonElement>(account, 'sign-out-everywhere-button')?.click();
    expect((await accountOut).detail).to.deep.equal({ everywhere: true });
    await loginOut;
    await waitForStatus(account, 'signed-out');
    await waitForStep(login, 'email');
    expect((await operations(pool)).filter((op) => op === 'GlobalSignOut')).to.have.length(1);
    expect(mustPart(account, 'status').textContent).to.equal('You are signed out on every device.');
    expect(account.shadowRoot!.activeElement).to.equal(part(account, 'signed-out'));

    // The other device still shows its user until its next refresh, which fails: the email step.
    expect(stepOf(device)).to.equal('signed-in');
    const deviceOut = oneEvent(device, 'signed-out');
    expect(await device.getTokens({ forceRefresh: true })).to.equal(null);
    expect((await deviceOut).detail.everywhere).to.equal(false);
    await waitForStep(device, 'email');
    // Its old access token is refused by Cognito too.
    const refused = await callCognito(pool, 'GetUser', { AccessToken: tokensBefore.accessToken });
    expect(refused.body.__type).to.equal('NotAuthorizedException');
  });

  it('a failed GlobalSignOut signs nothing out and says so', async () => {
    const { login } = await signedInUser(pool);
    const account = await createAccount(pool);
    await waitForStatus(account, 'signed-in');
    // The session has been revoked elsewhere: Cognito refuses the request.
    const tokens = (await login.getTokens())!;
    await callCognito(pool, 'GlobalSignOut', { AccessToken: tokens.accessToken });
    const error = oneEvent(account, 'account-error');
    mustPart<HTMLButtonElement>(account, 'sign-out-everywhere-button').click();
    expect((await error).detail.code).to.equal('session-expired');
    // Not "signed out everywhere": the session was lost, and the element says that instead.
    await waitForStatus(account, 'signed-out');
    expect(mustPart(account, 'status').textContent).to.not.contain('every device');
  });

  it('delete my account: a question naming the address, Escape closes it, then DeleteUser; old tokens refused; the address signs up anew', async () => {
    const { login, email } = await signedInUser(pool);
    const tokens = (await login.getTokens())!;
    const oldSub = (await callCognito(pool, 'GetUser', { AccessToken: tokens.accessToken })).body.Username;
    const refreshToken = localStorage.getItem(storageKeys(localStorage).find((k) => k.endsWith('.refreshToken'))!)!;
    // It works until the deletion, so its refusal below is the deletion's doing.
    expect((await callCognito(pool, 'GetTokensFromRefreshToken', { RefreshToken: refreshToken })).status).to.equal(200);
    const account = await createAccount(pool);
    await waitForStatus(account, 'signed-in');

    mustPart(account, 'delete-account-button').focus();
    await sendKeys({ press: 'Enter' });
    await account.updateComplete;
    expect(account.matches(':state(confirming)')).to.equal(true);
    expect(mustPart(account, 'confirmation').textContent).to.contain(email);
    expect(account.shadowRoot!.activeElement).to.equal(part(account, 'confirmation'));
    await expect(account).shadowDom.to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await account.updateComplete;
    expect(part(account, 'confirmation')).to.equal(null);
    expect(account.shadowRoot!.activeElement).to.equal(part(account, 'delete-account-button'));

    mustPart<HTMLButtonElement>(account, 'delete-account-button').click();
    await account.updateComplete;
    await clearRequests(pool);
    const deleted = oneEvent(account, 'account-deleted');
    mustPart<HTMLButtonElement>(account, 'confirm-button').click();
    mustPart<HTMLButtonElement>(account, 'confirm-button').click();
    await deleted;
    await waitForStatus(account, 'signed-out');
    await waitForStep(login, 'email');
    expect((await operations(pool)).filter((op) => op === 'DeleteUser')).to.have.length(1);
    expect(mustPart(account, 'status').textContent).to.equal('Your account has been deleted.');
    expect(statusOf(account)).to.equal('signed-out');

    // The old tokens are refused, access and refresh alike.
    const getUser = await callCognito(pool, 'GetUser', { AccessToken: tokens.accessToken });
    expect(getUser.body.__type).to.equal('NotAuthorizedException');
    const refresh = await callCognito(pool, 'GetTokensFromRefreshToken', { RefreshToken: refreshToken });
    expect(refresh.body.__type).to.equal('NotAuthorizedException');
    // The address is free: signing in with it is a new sign-up, with a new identity.
    const signUp = oneEvent(login, 'code-sent');
    const mailsBefore = (await mailsTo(pool, email)).length;
    await emailToCode(login, email);
    expect((await signUp).detail.purpose).to.equal('sign-up');
    const fresh = await codeToSignedIn(login, (await nthMail(pool, email, mailsBefore + 1)).code);
    expect(fresh.isNewUser).to.equal(true);
    expect(fresh.user.userId).to.not.equal(oldSub);
  });
});
