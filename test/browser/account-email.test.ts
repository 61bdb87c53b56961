// <passwordless-account>: the email address and changing it, against the emulator through the
// element's parts and events. The pool keeps the old address active until the new one is verified,
// so a typo never becomes the sign-in address.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { enabled as pool, legacy } from 'virtual:emulator';
import {
  clearRequests,
  codeToSignedIn,
  createLogin,
  emailToCode,
  errorText,
  freshPage,
  mailsTo,
  mustPart,
  nthMail,
  operations,
  part,
  typeValue,
  uniqueEmail,
  waitForStep,
} from './element-helpers.js';
import { askForNewEmail, createAccount, enterEmailCode, signedInUser, waitForStatus, waitIdle } from './account-helpers.js';

describe('<passwordless-account>: email', () => {
  beforeEach(async () => {
    await freshPage();
    for (const el of Array.from(document.querySelectorAll('passwordless-account'))) el.remove();
  });

  it('shows the address the user signs in with', async () => {
    const { email } = await signedInUser(pool);
    const account = await createAccount(pool);
    await waitForStatus(account, 'signed-in');
    expect(mustPart(account, 'email').textContent).to.equal(email);
    await expect(account).shadowDom.to.be.accessible();
  });

  it('changes it: the code goes to the new address, and only the verified code switches the sign-in address', async () => {
    const { login, email: old } = await signedInUser(pool);
    const account = await createAccount(pool);
    await waitForStatus(account, 'signed-in');
    const next = uniqueEmail('new');
    await askForNewEmail(account, next);
    expect(account.matches(':state(changing-email)')).to.equal(true);
    const mail = await nthMail(pool, next);
    expect(mail.kind).to.equal('verify-email');
    expect(mustPart(account, 'status').textContent).to.match(/Code sent/);
    await expect(account).shadowDom.to.be.accessible();
    // Still the old address until the code is in.
    expect(mustPart(account, 'email').textContent).to.equal(old);
    expect(await enterEmailCode(account, mail.code)).to.equal(next);
    expect(mustPart(account, 'email').textContent).to.equal(next);
    expect(mustPart(account, 'status').textContent).to.contain(next);
    expect(document.activeElement).to.equal(account);
    expect(account.shadowRoot!.activeElement).to.equal(part(account, 'change-email-button'));
    // The sign-in element on the page follows the refreshed tokens: it names the new address.
    await waitUntil(() => mustPart(login, 'signed-in').textContent!.includes(next), 'the sign-in element shows the new address', { timeout: 5000 });
    // The next sign-in uses the new address; the old one signs in no one.
    await login.signOut();
    await waitForStep(login, 'email');
    await emailToCode(login, next);
    await codeToSignedIn(login, (await mailsTo(pool, next)).filter((m) => m.kind === 'sign-in').at(-1)!.code);
  });

  it('a typo never becomes the sign-in address: the old one keeps signing in', async () => {
    const legacyLogin = await createLogin(legacy);
    const old = uniqueEmail('kept');
    await emailToCode(legacyLogin, old);
    await codeToSignedIn(legacyLogin, (await nthMail(legacy, old)).code);
    const account = await createAccount(legacy);
    await waitForStatus(account, 'signed-in');
    const typo = uniqueEmail('typo').replace('@example.com', '@exmaple.com');
    await askForNewEmail(account, typo);
    expect((await nthMail(legacy, typo)).kind).to.equal('verify-email');
    // The user gives up (never sees the code), signs out, and comes back with the old address.
    mustPart<HTMLButtonElement>(account, 'cancel-button').click();
    await legacyLogin.signOut();
    await waitForStatus(account, 'signed-out');
    await emailToCode(legacyLogin, old);
    const signIn = (await mailsTo(legacy, old)).filter((m) => m.kind === 'sign-in');
    expect(signIn).to.have.length(1);
    await codeToSignedIn(legacyLogin, signIn[0]!.code);
    await waitForStatus(account, 'signed-in');
    expect(mustPart(account, 'email').textContent).to.equal(old);
    // The typo'd address is nobody's sign-in address (legacy errors say so plainly).
    await legacyLogin.signOut();
    await waitForStep(legacyLogin, 'email');
    typeValue(mustPart<HTMLInputElement>(legacyLogin, 'email-input'), typo);
    legacyLogin.setAttribute('sign-up', 'off');
    const error = oneEvent(legacyLogin, 'login-error');
    mustPart<HTMLButtonElement>(legacyLogin, 'submit-button').click();
    expect((await error).detail.code).to.equal('no-account');
    expect((await mailsTo(legacy, typo)).filter((m) => m.kind !== 'verify-email')).to.deep.equal([]);
  });

  it('refuses an empty, malformed or unchanged address without a request, keeping what was typed', async () => {
    const { email } = await signedInUser(pool);
    const account = await createAccount(pool);
    await waitForStatus(account, 'signed-in');
    mustPart<HTMLButtonElement>(account, 'change-email-button').click();
    await account.updateComplete;
    await clearRequests(pool);
    for (const [typed, code] of [
      ['', 'email-required'],
      ['not-an-address', 'invalid-email'],
      [email.toUpperCase(), 'same-email'],
    ] as const) {
      const input = mustPart<HTMLInputElement>(account, 'new-email-input');
      typeValue(input, typed);
      const error = oneEvent(account, 'account-error');
      mustPart<HTMLButtonElement>(account, 'submit-button').click();
      expect((await error).detail.code).to.equal(code);
      await account.updateComplete;
      expect(mustPart<HTMLInputElement>(account, 'new-email-input').value).to.equal(typed);
      expect(mustPart(account, 'new-email-input').getAttribute('aria-invalid')).to.equal('true');
      expect(errorText(account)).to.not.equal('');
    }
    expect(await operations(pool)).to.deep.equal([]);
    await expect(account).shadowDom.to.be.accessible();
  });

  it("another account's address is refused by the pool (email-taken); the typed address stays", async () => {
    const other = uniqueEmail('other');
    const first = await createLogin(pool);
    await emailToCode(first, other);
    await codeToSignedIn(first, (await nthMail(pool, other)).code);
    await first.signOut();
    first.remove();
    await signedInUser(pool);
    const account = await createAccount(pool);
    await waitForStatus(account, 'signed-in');
    const error = oneEvent(account, 'account-error');
    await askForNewEmail(account, other);
    expect((await error).detail.code).to.equal('email-taken');
    expect(mustPart<HTMLInputElement>(account, 'new-email-input').value).to.equal(other);
    expect(account.shadowRoot!.activeElement).to.equal(part(account, 'new-email-input'));
  });

  it('a wrong code is refused and the right one then works; a new code replaces the old; one request per double click', async () => {
    await signedInUser(pool);
    const account = await createAccount(pool);
    await waitForStatus(account, 'signed-in');
    const next = uniqueEmail('next');
    await askForNewEmail(account, next);
    const first = (await nthMail(pool, next)).code;
    const wrongCode = first.replace(/^./, (d) => String((Number(d) + 1) % 10));
    const error = oneEvent(account, 'account-error');
    typeValue(mustPart<HTMLInputElement>(account, 'code-input'), wrongCode);
    expect((await error).detail.code).to.equal('wrong-code');
    await waitIdle(account);
    expect(account.shadowRoot!.activeElement).to.equal(part(account, 'code-input'));
    // Resend, twice quickly: one request.
    await clearRequests(pool);
    mustPart<HTMLButtonElement>(account, 'resend-button').click();
    mustPart<HTMLButtonElement>(account, 'resend-button').click();
    const second = (await nthMail(pool, next, 2)).code;
    await waitIdle(account);
    expect(await operations(pool)).to.deep.equal(['GetUserAttributeVerificationCode']);
    if (second !== first) {
      const stale = oneEvent(account, 'account-error');
      typeValue(mustPart<HTMLInputElement>(account, 'code-input'), first);
      expect((await stale).detail.code).to.equal('wrong-code');
      await waitIdle(account);
    }
    expect(await enterEmailCode(account, second)).to.equal(next);
  });

  it('an incomplete code is refused without a request', async () => {
    await signedInUser(pool);
    const account = await createAccount(pool);
    await waitForStatus(account, 'signed-in');
    await askForNewEmail(account, uniqueEmail('short'));
    await clearRequests(pool);
    typeValue(mustPart<HTMLInputElement>(account, 'code-input'), '123');
    const error = oneEvent(account, 'account-error');
    mustPart<HTMLButtonElement>(account, 'submit-button').click();
    expect((await error).detail.code).to.equal('code-incomplete');
    expect(await operations(pool)).to.deep.equal([]);
  });

  it('works with the keyboard alone', async () => {
    await signedInUser(pool);
    const account = await createAccount(pool);
    await waitForStatus(account, 'signed-in');
    mustPart(account, 'change-email-button').focus();
    await sendKeys({ press: 'Enter' });
    await account.updateComplete;
    expect(account.shadowRoot!.activeElement).to.equal(part(account, 'new-email-input'));
    const next = uniqueEmail('keys');
    await sendKeys({ type: next });
    await sendKeys({ press: 'Enter' });
    const mail = await nthMail(pool, next);
    await waitIdle(account);
    expect(account.shadowRoot!.activeElement).to.equal(part(account, 'code-input'));
    const changed = oneEvent(account, 'email-changed');
    await sendKeys({ type: mail.code });
    expect((await changed).detail.email).to.equal(next);
    // Cancel, by keyboard, closes a change without touching Cognito.
    await waitIdle(account);
    mustPart(account, 'change-email-button').focus();
    await sendKeys({ press: 'Enter' });
    await account.updateComplete;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(account.shadowRoot!.activeElement).to.equal(part(account, 'cancel-button'));
    await sendKeys({ press: 'Enter' });
    await account.updateComplete;
    expect(part(account, 'new-email-input')).to.equal(null);
    expect(account.shadowRoot!.activeElement).to.equal(part(account, 'change-email-button'));
  });
});
