// The element's main flows against the local Cognito emulator, with the real aws-amplify.
import { expect, oneEvent } from '@open-wc/testing';
import { enabled, legacy } from 'virtual:emulator';
import {
  callCognito,
  claims,
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
  part,
  stepOf,
  submitEmail,
  typeValue,
  uniqueEmail,
  waitForStep,
} from './element-helpers.js';

describe('<passwordless-login> flows', () => {
  beforeEach(freshPage);
  after(freshPage);

  for (const [name, pool] of [
    ['enabled', enabled],
    ['legacy', legacy],
  ] as const) {
    it(`signs up a new user with one email and one code (PreventUserExistenceErrors ${name})`, async () => {
      const email = uniqueEmail('new');
      const el = await createLogin(pool);
      await clearRequests(pool);

      const sent = await emailToCode(el, email);
      expect(sent).to.deep.equal({ destination: sent.destination, codeLength: 6, purpose: 'sign-up' });
      expect(sent.destination).to.match(/^n\*+@e\*+/);
      // Sent together (test/browser/round-trips.test.ts); the InitiateAuth mails nobody here.
      expect([...(await operations(pool))].sort()).to.deep.equal(['InitiateAuth', 'SignUp']);
      expect(mustPart(el, 'form').textContent).to.contain(sent.destination);

      const mail = await nthMail(pool, email);
      expect(mail.kind).to.equal('sign-up');
      const detail = await codeToSignedIn(el, mail.code);

      expect(detail.isNewUser).to.equal(true);
      expect(detail.restored).to.equal(false);
      expect(detail.user.email).to.equal(email);
      expect(claims(detail.tokens.idToken).email).to.equal(email);
      expect(claims(detail.tokens.idToken).locale, 'the element language is recorded at sign-up').to.equal('en');
      expect(detail.user.userId).to.equal(claims(detail.tokens.idToken).sub);
      expect(detail.tokens.expiresAt).to.be.greaterThan(Date.now());
      expect((await operations(pool)).slice(2)).to.deep.equal(['ConfirmSignUp', 'InitiateAuth']);
      expect(await mailsTo(pool, email)).to.have.length(1);
      expect(stepOf(el)).to.equal('signed-in');
      expect(mustPart(el, 'signed-in').textContent).to.contain(email);
    });
  }

  it('signs in a returning user: SignUp and InitiateAuth together, then the 8-digit code', async () => {
    const email = await makeReturningUser(enabled);
    localStorage.clear(); // a device that has never seen this user
    const el = await createLogin(enabled);
    await clearRequests(enabled);

    const sent = await emailToCode(el, email);
    expect(sent.codeLength).to.equal(8);
    expect(sent.purpose).to.equal('sign-in');
    expect([...(await operations(enabled))].sort()).to.deep.equal(['InitiateAuth', 'SignUp']);

    const mail = await nthMail(enabled, email);
    expect(mail.kind).to.equal('sign-in');
    expect(mail.code).to.match(/^\d{8}$/);
    const detail = await codeToSignedIn(el, mail.code);
    expect(detail.isNewUser).to.equal(false);
    expect(detail.user.email).to.equal(email);
    expect((await operations(enabled)).slice(2)).to.deep.equal(['RespondToAuthChallenge']);
    expect(await mailsTo(enabled, email)).to.have.length(1);
  });

  it('keeps no list of the emails that signed in on this device, and removes the one older versions kept', async () => {
    const stale = `passwordless-login.known.${enabled.clientId}`;
    localStorage.setItem(stale, JSON.stringify(['0'.repeat(64)]));
    const email = await makeReturningUser(enabled); // signed in and out on this device
    expect(localStorage.getItem(stale)).to.equal(null);
    const el = await createLogin(enabled);
    await clearRequests(enabled);
    await emailToCode(el, email);
    // The same requests as on a new device: nothing about the user was remembered to skip one.
    expect([...(await operations(enabled))].sort()).to.deep.equal(['InitiateAuth', 'SignUp']);
    const kept = Object.keys(localStorage).filter((k) => !k.startsWith('CognitoIdentityServiceProvider.'));
    expect(kept).to.deep.equal([]);
  });

  it('normalises the email (trim, lower case) before any request', async () => {
    const email = uniqueEmail('case');
    const el = await createLogin(enabled);
    await emailToCode(el, `  ${email.toUpperCase()} `);
    expect((await nthMail(enabled, email)).to).to.equal(email);
  });

  it('confirms a user who signed up earlier but never confirmed, and ends signed in with that code alone', async () => {
    const email = uniqueEmail('unconfirmed');
    const first = await createLogin(enabled);
    await emailToCode(first, email); // sign-up code sent, never entered
    first.remove();
    await freshPage();

    const el = await createLogin(enabled);
    await clearRequests(enabled);
    const sent = await emailToCode(el, email);
    expect(sent.purpose).to.equal('sign-up');
    expect(sent.codeLength).to.equal(6);
    const ops = await operations(enabled);
    expect([...ops.slice(0, 2)].sort()).to.deep.equal(['InitiateAuth', 'SignUp']);
    expect(ops.slice(2)).to.deep.equal(['ResendConfirmationCode']);

    const resent = await nthMail(enabled, email, 2);
    expect(resent.kind).to.equal('sign-up');
    const detail = await codeToSignedIn(el, resent.code);
    expect(detail.isNewUser).to.equal(true);
    // The session ConfirmSignUp returns signs the user in: no sign-in code follows.
    expect((await operations(enabled)).slice(3)).to.deep.equal(['ConfirmSignUp', 'InitiateAuth']);
    expect(await mailsTo(enabled, email)).to.have.length(2);
  });

  it('wrong code: says so, keeps the session, then the right code signs in', async () => {
    const email = await makeReturningUser(enabled);
    const el = await createLogin(enabled);
    await emailToCode(el, email);
    const right = (await nthMail(enabled, email)).code;
    const wrong = right === '00000000' ? '11111111' : '00000000';

    const failed = oneEvent(el, 'login-error');
    typeValue(mustPart<HTMLInputElement>(el, 'code-input'), wrong);
    expect((await failed).detail.code).to.equal('wrong-code');
    await waitForStep(el, 'code');
    expect(errorText(el)).to.equal('That code is not right. Check the email and try again.');
    expect(mustPart<HTMLInputElement>(el, 'code-input').getAttribute('aria-invalid')).to.equal('true');

    await codeToSignedIn(el, right);
    expect(await mailsTo(enabled, email)).to.have.length(1);
  });

  it('cleans pasted codes with spaces and dashes and submits them by itself', async () => {
    const email = await makeReturningUser(enabled);
    const el = await createLogin(enabled);
    await emailToCode(el, email);
    const code = (await nthMail(enabled, email)).code;
    const input = mustPart<HTMLInputElement>(el, 'code-input');
    expect(input.autocomplete).to.equal('one-time-code');
    expect(input.inputMode).to.equal('numeric');
    const signedIn = oneEvent(el, 'signed-in');
    typeValue(input, ` ${code.slice(0, 4)}-${code.slice(4)} `);
    expect(input.value).to.equal(code);
    await signedIn;
  });

  it('"Use a different email" goes back to the email step with the email kept', async () => {
    const email = uniqueEmail('change');
    const el = await createLogin(enabled);
    await emailToCode(el, email);
    mustPart<HTMLButtonElement>(el, 'change-email-button').click();
    await waitForStep(el, 'email');
    expect(mustPart<HTMLInputElement>(el, 'email-input').value).to.equal(email);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'email-input'));
  });

  describe('sign-up="off"', () => {
    it('legacy: an unknown email is told there is no account, and nothing is created', async () => {
      const email = uniqueEmail('nobody');
      const el = await createLogin(legacy, { 'sign-up': 'off' });
      await clearRequests(legacy);
      const failed = oneEvent(el, 'login-error');
      await submitEmail(el, email);
      expect((await failed).detail).to.deep.equal({
        code: 'no-account',
        message: 'There is no account for this email address.',
      });
      expect(await operations(legacy)).to.deep.equal(['InitiateAuth']);
      expect(stepOf(el)).to.equal('email');
      expect(mustPart<HTMLInputElement>(el, 'email-input').value).to.equal(email);
    });

    it('enabled: an unknown email looks exactly like a known one (code step, 8 digits, no mail)', async () => {
      const known = await makeReturningUser(enabled);
      const unknown = uniqueEmail('nobody');
      localStorage.clear();
      const knownEl = await createLogin(enabled, { 'sign-up': 'off' });
      const knownSent = await emailToCode(knownEl, known);
      knownEl.remove();

      const el = await createLogin(enabled, { 'sign-up': 'off' });
      await clearRequests(enabled);
      const sent = await emailToCode(el, unknown);
      expect(await operations(enabled)).to.deep.equal(['InitiateAuth']);
      expect({ ...sent, destination: '' }).to.deep.equal({ ...knownSent, destination: '' });
      expect(sent.destination).to.match(/^n\*+@e\*+/);
      expect(await mailsTo(enabled, unknown)).to.have.length(0);

      const failed = oneEvent(el, 'login-error');
      typeValue(mustPart<HTMLInputElement>(el, 'code-input'), '12345678');
      expect((await failed).detail.code).to.equal('wrong-code');
    });

    // An account someone created through the API (with a password of their choosing) and nobody
    // confirmed: the element must neither confirm it nor send its owner a sign-up code, and must
    // show exactly what an unknown address gets.
    for (const [name, pool] of [
      ['enabled', enabled],
      ['legacy', legacy],
    ] as const) {
      it(`${name}: an unconfirmed account is never confirmed and gets no sign-up code`, async () => {
        const victim = uniqueEmail('victim');
        const signUp = await callCognito(pool, 'SignUp', {
          Username: victim,
          Password: 'Attacker-Chosen-Pa55!',
          UserAttributes: [{ Name: 'email', Value: victim }],
        });
        expect(signUp.status).to.equal(200);
        await fetch(`${pool.endpoint}/_emulator/messages`, { method: 'DELETE' });

        const el = await createLogin(pool, { 'sign-up': 'off' });
        await clearRequests(pool);
        const sent = await emailToCode(el, victim);
        expect(sent).to.deep.equal({ destination: 'v***@e***', codeLength: 8, purpose: 'sign-in' });
        expect(mustPart(el, 'form').textContent).to.contain('v***@e***');

        const failed = oneEvent(el, 'login-error');
        typeValue(mustPart<HTMLInputElement>(el, 'code-input'), '12345678');
        expect((await failed).detail.code).to.equal('wrong-code');
        await waitForStep(el, 'code');

        expect(await operations(pool), 'no ResendConfirmationCode, no ConfirmSignUp').to.deep.equal(['InitiateAuth']);
        expect(await mailsTo(pool, victim)).to.have.length(0);
        const stillUnconfirmed = await callCognito(pool, 'InitiateAuth', {
          AuthFlow: 'USER_AUTH',
          AuthParameters: { USERNAME: victim, PREFERRED_CHALLENGE: 'EMAIL_OTP' },
        });
        expect(stillUnconfirmed.body.__type).to.equal('UserNotConfirmedException');
      });
    }

    it('enabled: an unconfirmed account and an unknown address look the same', async () => {
      const unconfirmed = uniqueEmail('victim');
      await callCognito(enabled, 'SignUp', { Username: unconfirmed, UserAttributes: [{ Name: 'email', Value: unconfirmed }] });
      const unknown = uniqueEmail('victim');
      const seen = [];
      for (const email of [unconfirmed, unknown]) {
        const el = await createLogin(enabled, { 'sign-up': 'off' });
        const sent = await emailToCode(el, email);
        const failed = oneEvent(el, 'login-error');
        typeValue(mustPart<HTMLInputElement>(el, 'code-input'), '87654321');
        const error = (await failed).detail;
        await waitForStep(el, 'code');
        seen.push({ sent, error, text: mustPart(el, 'form').textContent!.replace(/\s+/g, ' ') });
        el.remove();
      }
      expect(seen[0]).to.deep.equal(seen[1]);
    });
  });
});
