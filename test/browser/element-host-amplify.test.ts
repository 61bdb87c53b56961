// Token storage and the page's own Amplify settings (issue 10, item 7): respected, and a conflict is
// a clear login-error, never silent. The tests share one page's Amplify singleton, so their order
// matters: the page's own configuration for another pool comes last.
import { expect, oneEvent } from '@open-wc/testing';
import { Amplify } from 'aws-amplify';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { enabled, legacy } from 'virtual:emulator';
import type { PasswordlessLogin } from '../../src/passwordless-login.js';
import { codeToSignedIn, createLogin, emailToCode, freshPage, nthMail, stepOf, uniqueEmail, waitForStep } from './element-helpers.js';

async function signUpNewUser(el: PasswordlessLogin): Promise<string> {
  const email = uniqueEmail('storage');
  await emailToCode(el, email);
  await codeToSignedIn(el, (await nthMail(enabled, email)).code);
  return email;
}

const amplifyKeys = (storage: Storage) => Object.keys(storage).filter((k) => k.startsWith('CognitoIdentityServiceProvider.'));

/** A key-value storage of the page's own, as a host would give Amplify (cookies for SSR, say). */
class PageStorage {
  items = new Map<string, string>();
  async setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  async getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  async removeItem(key: string) {
    this.items.delete(key);
  }
  async clear() {
    this.items.clear();
  }
}

describe("<passwordless-login> and the page's Amplify settings", () => {
  beforeEach(freshPage);
  after(freshPage);

  it('a second element with another token-storage gets storage-conflict, and does not move the first one\'s tokens', async () => {
    const first = await createLogin(enabled, { 'token-storage': 'memory' });
    await signUpNewUser(first);
    const conflict = oneEvent(document, 'login-error');
    const second = await createLogin(enabled);
    const detail = (await conflict).detail;
    expect(detail.code).to.equal('storage-conflict');
    expect(detail.message).to.equal('Sign-in on this page is set up to keep sessions in two different places.');
    expect(second.shadowRoot!.querySelector('[part~="error"]')!.textContent).to.equal(detail.message);
    expect(await first.getTokens(), 'still signed in from memory').to.not.equal(null);
    expect(amplifyKeys(localStorage)).to.deep.equal([]);
    second.remove();
    await first.signOut();
  });

  it('changing the pool attributes while signed in fires signed-out, then shows the email step', async () => {
    const el = await createLogin(enabled);
    await signUpNewUser(el);
    const signedOut = oneEvent(el, 'signed-out');
    el.setAttribute('token-storage', 'session');
    await signedOut;
    await waitForStep(el, 'email');
    expect(stepOf(el)).to.equal('email');
  });

  it("keeps a token storage the page gave Amplify, and refuses a token-storage that contradicts it", async () => {
    const before = cognitoUserPoolsTokenProvider.authTokenStore.getKeyValueStorage();
    const own = new PageStorage();
    cognitoUserPoolsTokenProvider.setKeyValueStorage(own);
    try {
      const el = await createLogin(enabled);
      await signUpNewUser(el);
      expect([...own.items.keys()].some((k) => k.endsWith('.idToken')), "tokens in the page's storage").to.equal(true);
      expect(amplifyKeys(localStorage)).to.deep.equal([]);
      await el.signOut();
      el.remove();

      const conflict = oneEvent(document, 'login-error');
      await createLogin(enabled, { 'token-storage': 'session' });
      expect((await conflict).detail.code).to.equal('storage-conflict');
      expect(cognitoUserPoolsTokenProvider.authTokenStore.getKeyValueStorage()).to.equal(own);
    } finally {
      cognitoUserPoolsTokenProvider.setKeyValueStorage(before);
    }
  });

  it("does not replace the page's own Auth configuration for another pool: pool-conflict", async () => {
    Amplify.configure({
      Auth: { Cognito: { userPoolId: legacy.userPoolId, userPoolClientId: legacy.clientId, userPoolEndpoint: legacy.endpoint } },
    });
    const conflict = oneEvent(document, 'login-error');
    await createLogin(enabled);
    expect((await conflict).detail.code).to.equal('pool-conflict');
    expect(Amplify.getConfig().Auth?.Cognito?.userPoolId).to.equal(legacy.userPoolId);
  });
});
