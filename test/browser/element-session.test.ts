// Sessions: restore on load, sign-out (local and global), token storage choices, getTokens, and
// sharing the page-wide Amplify singleton with the host and with other elements.
import { expect, oneEvent } from '@open-wc/testing';
import { Amplify } from 'aws-amplify';
import { enabled, legacy } from 'virtual:emulator';
import type { PasswordlessLogin } from '../../src/passwordless-login.js';
import {
  claims,
  clearRequests,
  codeToSignedIn,
  createLogin,
  emailToCode,
  freshPage,
  mustPart,
  nthMail,
  operations,
  stepOf,
  uniqueEmail,
  waitForStep,
} from './element-helpers.js';

async function signUpNewUser(el: PasswordlessLogin, email = uniqueEmail('session')) {
  await emailToCode(el, email);
  return codeToSignedIn(el, (await nthMail(enabled, email)).code);
}

const storageKeys = (s: Storage) => Array.from({ length: s.length }, (_, i) => s.key(i)!);

describe('<passwordless-login> sessions', () => {
  beforeEach(freshPage);
  after(freshPage);

  it('restores a stored session on load: signed-in view and signed-in with restored: true', async () => {
    const first = await createLogin(enabled);
    const original = await signUpNewUser(first);
    first.remove();

    await clearRequests(enabled);
    const restored = oneEvent(document, 'signed-in');
    const el = await createLogin(enabled);
    const detail = (await restored).detail;
    expect(detail.restored).to.equal(true);
    expect(detail.isNewUser).to.equal(false);
    expect(detail.user).to.deep.equal(original.user);
    expect(detail.tokens.idToken).to.equal(original.tokens.idToken);
    await waitForStep(el, 'signed-in');
    expect(await operations(enabled), 'fresh tokens need no request').to.deep.equal([]);
  });

  it('refreshes expired stored tokens before restoring', async () => {
    const first = await createLogin(enabled);
    const original = await signUpNewUser(first);
    first.remove();
    // Age the stored access token: Amplify must refresh it before the session is handed out.
    const key = storageKeys(localStorage).find((k) => k.endsWith('.accessToken'))!;
    const [h, , s] = localStorage.getItem(key)!.split('.');
    const payload = { ...claims(original.tokens.accessToken), exp: Math.floor(Date.now() / 1000) - 60 };
    const encoded = btoa(JSON.stringify(payload)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    localStorage.setItem(key, `${h}.${encoded}.${s}`);

    await clearRequests(enabled);
    const restored = oneEvent(document, 'signed-in');
    await createLogin(enabled);
    const detail = (await restored).detail;
    expect(detail.restored).to.equal(true);
    expect(detail.tokens.accessToken).not.to.equal(original.tokens.accessToken);
    expect(detail.tokens.expiresAt).to.be.greaterThan(Date.now());
    expect((await operations(enabled)).filter((o) => o !== 'RevokeToken')).to.have.length(1);
  });

  it('sign-out button: revokes the refresh token, clears storage, fires signed-out, back to the email step', async () => {
    const el = await createLogin(enabled);
    await signUpNewUser(el);
    await clearRequests(enabled);
    const out = oneEvent(el, 'signed-out');
    mustPart<HTMLButtonElement>(el, 'sign-out-button').click();
    await out;
    await waitForStep(el, 'email');
    expect(await operations(enabled)).to.deep.equal(['RevokeToken']);
    expect(storageKeys(localStorage).filter((k) => k.startsWith('CognitoIdentityServiceProvider'))).to.deep.equal([]);
    expect(await el.getTokens()).to.equal(null);
  });

  it('signOut({ global: true }) signs out everywhere (GlobalSignOut) and the old refresh token dies', async () => {
    const el = await createLogin(enabled);
    await signUpNewUser(el);
    const refreshKey = storageKeys(localStorage).find((k) => k.endsWith('.refreshToken'))!;
    const refreshToken = localStorage.getItem(refreshKey)!;
    await clearRequests(enabled);
    const out = oneEvent(el, 'signed-out');
    await el.signOut({ global: true });
    await out;
    expect(stepOf(el)).to.equal('email');
    expect(await operations(enabled)).to.deep.equal(['GlobalSignOut']);
    const refresh = await fetch(enabled.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.GetTokensFromRefreshToken',
      },
      body: JSON.stringify({ ClientId: enabled.clientId, RefreshToken: refreshToken }),
    });
    expect(refresh.status).to.equal(400);
  });

  it('getTokens returns fresh tokens and forceRefresh gets new ones', async () => {
    const el = await createLogin(enabled);
    const detail = await signUpNewUser(el);
    const tokens = await el.getTokens();
    expect(tokens).to.deep.equal(detail.tokens);
    await clearRequests(enabled);
    const forced = await el.getTokens({ forceRefresh: true });
    expect(claims(forced!.accessToken).jti).not.to.equal(claims(detail.tokens.accessToken).jti);
    expect(await operations(enabled)).to.have.length(1);
  });

  it('never puts tokens in attributes, the DOM or the URL', async () => {
    const el = await createLogin(enabled);
    const detail = await signUpNewUser(el);
    const haystack = `${el.outerHTML}${el.shadowRoot!.innerHTML}${location.href}${document.cookie}`;
    for (const token of [detail.tokens.idToken, detail.tokens.accessToken]) {
      expect(haystack).not.to.contain(token.split('.')[1]);
    }
  });

  it('token-storage="memory" leaves nothing in localStorage or sessionStorage, at any step', async () => {
    const email = uniqueEmail('memory');
    const el = await createLogin(enabled, { 'token-storage': 'memory' });
    await emailToCode(el, email);
    expect(storageKeys(sessionStorage), 'code step').to.deep.equal([]);
    expect(storageKeys(localStorage), 'code step').to.deep.equal([]);
    const detail = await codeToSignedIn(el, (await nthMail(enabled, email)).code);
    expect(detail.user.email).to.equal(email);
    expect(storageKeys(sessionStorage), 'signed in').to.deep.equal([]);
    expect(storageKeys(localStorage), 'signed in').to.deep.equal([]);
    expect(await el.getTokens()).to.deep.equal(detail.tokens);
    await el.signOut();
  });

  it('token-storage="session" keeps the tokens in sessionStorage only', async () => {
    const el = await createLogin(enabled, { 'token-storage': 'session' });
    await signUpNewUser(el);
    expect(storageKeys(sessionStorage).some((k) => k.endsWith('.idToken'))).to.equal(true);
    expect(storageKeys(localStorage).some((k) => k.startsWith('CognitoIdentityServiceProvider'))).to.equal(false);
    await el.signOut();
  });

  it("keeps the host's other Amplify categories when it configures Auth", async () => {
    const api = { REST: { orders: { endpoint: 'https://api.example.com/orders', region: 'us-east-1' } } };
    Amplify.configure({ ...Amplify.getConfig(), API: api });
    const el = await createLogin(enabled);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 200)); // the Amplify chunk loads and configures
    expect(Amplify.getConfig().API).to.deep.equal(api);
    expect(Amplify.getConfig().Auth?.Cognito?.userPoolId).to.equal(enabled.userPoolId);
  });

  it('two elements for the same pool stay in step', async () => {
    const a = await createLogin(enabled);
    const b = await createLogin(enabled);
    const bSignedIn = oneEvent(b, 'signed-in');
    await signUpNewUser(a);
    await bSignedIn;
    await waitForStep(b, 'signed-in');

    const bSignedOut = oneEvent(b, 'signed-out');
    await a.signOut();
    await bSignedOut;
    await waitForStep(b, 'email');
  });

  it('two elements for different pools: the second gets a clear login-error', async () => {
    const a = await createLogin(enabled);
    await new Promise((r) => setTimeout(r, 100));
    const conflict = oneEvent(document, 'login-error');
    const b = await createLogin(legacy);
    const detail = (await conflict).detail;
    expect(detail.code).to.equal('pool-conflict');
    expect(detail.message).to.equal('Another sign-in form on this page uses a different user pool.');
    expect(mustPart(b, 'error').textContent).to.equal(detail.message);
    expect(stepOf(a)).to.equal('email');
    expect(mustPart(a, 'error').textContent).to.equal('');
  });
});
