// Bad input and faults: validation before any request, one request per action, resend cooldown,
// expired sessions, throttling, offline, unknown errors and removal mid-request.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { enabled, shortSession, throttled } from 'virtual:emulator';
import type { AuthClient, AuthStep } from '../../src/flow/client.js';
import { PasswordlessLogin } from '../../src/passwordless-login.js';
import {
  clearRequests,
  codeToSignedIn,
  createLogin,
  emailToCode,
  errorText,
  freshPage,
  mailsTo,
  makeReturningUser,
  mustPart,
  nthMail,
  operations,
  stepOf,
  submitEmail,
  typeValue,
  uniqueEmail,
  waitForStep,
} from './element-helpers.js';

/** The element with a short resend cooldown, so tests need not wait 30 seconds. */
class QuickResendLogin extends PasswordlessLogin {
  static override resendCooldownSeconds = 2;
}
customElements.define('quick-resend-login', QuickResendLogin);

class NoCooldownLogin extends PasswordlessLogin {
  static override resendCooldownSeconds = 0;
}
customElements.define('no-cooldown-login', NoCooldownLogin);

/** The element with a stubbed Cognito client, for timing cases only. */
class StubbedLogin extends PasswordlessLogin {
  static client: AuthClient;
  protected override loadAuthClient(): Promise<AuthClient> {
    return Promise.resolve(StubbedLogin.client);
  }
}
customElements.define('stubbed-login', StubbedLogin);

const codeStep: AuthStep = { type: 'code', purpose: 'sign-up', destination: 's***@e***' };

function stubClient(overrides: Partial<AuthClient> = {}): AuthClient {
  return {
    claim: () => () => {},
    signUp: async () => codeStep,
    signIn: async () => ({ ...codeStep, purpose: 'sign-in' }),
    confirmSignIn: async () => ({ type: 'signed-in' }),
    confirmSignUp: async () => ({ type: 'signed-in' }),
    resendSignUpCode: async () => codeStep,
    currentSession: async () => null,
    signOut: async () => {},
    forget: () => {},
    listen: () => () => {},
    signInWithPasskey: async () => ({ type: 'no-passkey' }),
    chooseEmailCode: async () => ({ ...codeStep, purpose: 'sign-in' }),
    passkeys: () => Promise.reject(new Error('no passkeys in this stub')),
    ...overrides,
  };
}

const named = (name: string, message = name) => Object.assign(new Error(message), { name });

describe('<passwordless-login> bad input and faults', () => {
  beforeEach(freshPage);
  after(freshPage);

  for (const [typed, code, message] of [
    ['not-an-email', 'invalid-email', 'Enter a valid email address, like name@example.com.'],
    ['a@b', 'invalid-email', 'Enter a valid email address, like name@example.com.'],
    ['two@@example.com', 'invalid-email', 'Enter a valid email address, like name@example.com.'],
    ['', 'email-required', 'Enter your email address.'],
  ] as const) {
    it(`refuses "${typed}" before any request, keeping the text (${code})`, async () => {
      const el = await createLogin(enabled);
      await clearRequests(enabled);
      const failed = oneEvent(el, 'login-error');
      await submitEmail(el, typed);
      expect((await failed).detail).to.deep.equal({ code, message });
      await el.updateComplete;
      expect(errorText(el)).to.equal(message);
      expect(mustPart<HTMLInputElement>(el, 'email-input').value).to.equal(typed);
      expect(mustPart(el, 'email-input').getAttribute('aria-invalid')).to.equal('true');
      expect(stepOf(el)).to.equal('email');
      await new Promise((r) => setTimeout(r, 100));
      expect(await operations(enabled)).to.deep.equal([]);
    });
  }

  it('a double click and Enter twice send one request, counted at the emulator', async () => {
    const email = uniqueEmail('double');
    const el = await createLogin(enabled);
    await clearRequests(enabled);
    const sent = oneEvent(el, 'code-sent');
    typeValue(mustPart<HTMLInputElement>(el, 'email-input'), email);
    const button = mustPart<HTMLButtonElement>(el, 'submit-button');
    button.click();
    button.click();
    mustPart<HTMLFormElement>(el, 'form').requestSubmit();
    mustPart<HTMLFormElement>(el, 'form').requestSubmit();
    await sent;
    await waitForStep(el, 'code');
    expect([...(await operations(enabled))].sort()).to.deep.equal(['InitiateAuth', 'SignUp']);

    await clearRequests(enabled);
    const code = (await nthMail(enabled, email)).code;
    const signedIn = oneEvent(el, 'signed-in');
    typeValue(mustPart<HTMLInputElement>(el, 'code-input'), code);
    mustPart<HTMLFormElement>(el, 'form').requestSubmit();
    mustPart<HTMLButtonElement>(el, 'submit-button').click();
    await signedIn;
    expect(await operations(enabled)).to.deep.equal(['ConfirmSignUp', 'InitiateAuth']);
  });

  it('resend: a visible countdown, nothing sent during it, then a new code that works (sign-in)', async () => {
    const email = await makeReturningUser(enabled);
    localStorage.clear();
    const el = await createLogin(enabled, {}, 'quick-resend-login');
    await emailToCode(el, email);
    const resend = mustPart<HTMLButtonElement>(el, 'resend-button');
    expect(resend.getAttribute('aria-disabled')).to.equal('true');
    expect(resend.textContent).to.match(/^Resend code in [12] seconds?$/);
    await clearRequests(enabled);
    resend.click();
    await new Promise((r) => setTimeout(r, 100));
    expect(await operations(enabled), 'no request during the cooldown').to.deep.equal([]);

    await waitUntil(() => resend.getAttribute('aria-disabled') === 'false', 'cooldown ends', { timeout: 4000 });
    expect(resend.textContent).to.equal('Resend code');
    const sent = oneEvent(el, 'code-sent');
    resend.click();
    expect((await sent).detail.purpose).to.equal('sign-in');
    await waitForStep(el, 'code');
    expect(await operations(enabled)).to.deep.equal(['InitiateAuth']);
    await codeToSignedIn(el, (await nthMail(enabled, email, 2)).code);
  });

  it('resend during sign-up: ResendConfirmationCode, and the new code still signs in with one code', async () => {
    const email = uniqueEmail('resend-new');
    const el = await createLogin(enabled, {}, 'no-cooldown-login');
    await emailToCode(el, email);
    await clearRequests(enabled);
    const sent = oneEvent(el, 'code-sent');
    mustPart<HTMLButtonElement>(el, 'resend-button').click();
    expect((await sent).detail).to.include({ purpose: 'sign-up', codeLength: 6 });
    await waitForStep(el, 'code');
    const detail = await codeToSignedIn(el, (await nthMail(enabled, email, 2)).code);
    expect(detail.isNewUser).to.equal(true);
    expect(await operations(enabled)).to.deep.equal(['ResendConfirmationCode', 'ConfirmSignUp', 'InitiateAuth']);
  });

  it('an expired session says so and offers a new code in one click', async function () {
    this.timeout(30000);
    const email = await makeReturningUser(shortSession);
    const el = await createLogin(shortSession);
    await emailToCode(el, email);
    const stale = (await nthMail(shortSession, email)).code;
    await new Promise((r) => setTimeout(r, 5000)); // the pool's challenge sessions last 4 seconds

    const failed = oneEvent(el, 'login-error');
    typeValue(mustPart<HTMLInputElement>(el, 'code-input'), stale);
    expect((await failed).detail).to.deep.equal({
      code: 'session-expired',
      message: 'This sign-in has expired. Send a new code to continue.',
    });
    await waitForStep(el, 'code');
    const renew = mustPart<HTMLButtonElement>(el, 'resend-button');
    expect(renew.textContent).to.equal('Send a new code');
    expect(renew.getAttribute('aria-disabled'), 'not held back by the cooldown').to.equal('false');
    const sent = oneEvent(el, 'code-sent');
    renew.click();
    await sent;
    await waitForStep(el, 'code');
    await codeToSignedIn(el, (await nthMail(shortSession, email, 2)).code);
  });

  it('throttled resend says to wait', async () => {
    const email = uniqueEmail('throttled');
    const el = await createLogin(throttled, {}, 'no-cooldown-login');
    await emailToCode(el, email); // code 1 of 2
    const resend = mustPart<HTMLButtonElement>(el, 'resend-button');
    let sent = oneEvent(el, 'code-sent');
    resend.click(); // code 2 of 2
    await sent;
    await waitForStep(el, 'code');

    const failed = oneEvent(el, 'login-error');
    mustPart<HTMLButtonElement>(el, 'resend-button').click();
    expect((await failed).detail).to.deep.equal({
      code: 'too-many-attempts',
      message: 'Too many attempts. Wait a few minutes, then try again.',
    });
    await waitForStep(el, 'code');
    expect(errorText(el)).to.equal('Too many attempts. Wait a few minutes, then try again.');
    expect(await mailsTo(throttled, email)).to.have.length(2);
    // The code already received still works.
    sent = oneEvent(el, 'signed-in');
    typeValue(mustPart<HTMLInputElement>(el, 'code-input'), (await nthMail(throttled, email, 2)).code);
    await sent;
  });

  it('offline: a message, the email kept, no endless spinner, and retry works', async function () {
    this.timeout(30000);
    const el = await createLogin({ ...enabled, endpoint: 'http://127.0.0.1:9' });
    const email = uniqueEmail('offline');
    const failed = oneEvent(el, 'login-error');
    await submitEmail(el, email);
    await el.updateComplete;
    expect(el.matches(':state(busy)')).to.equal(true);
    expect(mustPart(el, 'status').textContent).to.equal('Sending a code…');
    expect((await failed).detail.code).to.equal('network');
    await waitForStep(el, 'email');
    expect(el.matches(':state(busy)')).to.equal(false);
    expect(mustPart(el, 'status').textContent).to.equal('');
    expect(errorText(el)).to.equal('Cannot reach the sign-in service. Check your connection and try again.');
    expect(mustPart<HTMLInputElement>(el, 'email-input').value).to.equal(email);

    // Back online: the same button retries.
    el.setAttribute('endpoint', enabled.endpoint);
    await el.updateComplete;
    const sent = oneEvent(el, 'code-sent');
    mustPart<HTMLButtonElement>(el, 'submit-button').click();
    await sent;
  });

  it('an unknown error shows a generic message, never the raw error', async () => {
    StubbedLogin.client = stubClient({
      signUp: async () => {
        throw named('WeirdException', 'at Object.<anonymous> (internal.js:1:1) secret-detail');
      },
    });
    const el = await createLogin(enabled, {}, 'stubbed-login');
    const failed = oneEvent(el, 'login-error');
    await submitEmail(el, uniqueEmail());
    expect((await failed).detail).to.deep.equal({ code: 'unknown', message: 'Something went wrong. Try again.' });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).not.to.contain('secret-detail');
  });

  it('removing the element mid-request leaves no broken state', async () => {
    let finish: ((step: AuthStep) => void) | undefined;
    StubbedLogin.client = stubClient({ signUp: () => new Promise((resolve) => (finish = resolve)) });
    const el = await createLogin(enabled, {}, 'stubbed-login');
    const events: string[] = [];
    for (const type of ['code-sent', 'login-error', 'signed-in']) el.addEventListener(type, () => events.push(type));
    await submitEmail(el, uniqueEmail('gone'));
    await waitUntil(() => el.matches(':state(busy)') && finish !== undefined, 'request in flight');
    const parent = el.parentElement!;
    el.remove();
    finish!(codeStep);
    await new Promise((r) => setTimeout(r, 50));
    expect(events, 'a stale result fires nothing').to.deep.equal([]);

    StubbedLogin.client = stubClient();
    parent.append(el);
    await el.updateComplete;
    expect(el.matches(':state(busy)')).to.equal(false);
    expect(stepOf(el)).to.equal('email');
    expect(mustPart<HTMLInputElement>(el, 'email-input').value, 'nothing lost').to.match(/^gone-/);
    const sent = oneEvent(el, 'code-sent');
    mustPart<HTMLButtonElement>(el, 'submit-button').click();
    await sent;
  });

  it('"Use a different email" during a request ignores its late result', async () => {
    let finish!: (step: AuthStep) => void;
    StubbedLogin.client = stubClient({
      signUp: async () => codeStep,
      confirmSignUp: () => new Promise((resolve) => (finish = resolve)),
    });
    const el = await createLogin(enabled, {}, 'stubbed-login');
    await emailToCode(el, uniqueEmail('late'));
    typeValue(mustPart<HTMLInputElement>(el, 'code-input'), '123456');
    await waitUntil(() => el.matches(':state(busy)'), 'busy');
    el.reset();
    await waitForStep(el, 'email');
    let signedIn = false;
    el.addEventListener('signed-in', () => (signedIn = true));
    finish({ type: 'signed-in' });
    await new Promise((r) => setTimeout(r, 50));
    expect(signedIn).to.equal(false);
    expect(stepOf(el)).to.equal('email');
  });
});
