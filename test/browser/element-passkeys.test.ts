// Passkeys in Chromium with virtual authenticators (DevTools Protocol), against the emulator, through
// the element's public parts, events and methods only: creating one after a code sign-in, signing in
// with it here and on a second device, a cancelled prompt, list and delete, and no passkey UI where
// the pool or the browser has none. Request and email counts come from the emulator's own logs.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { passkeys, noPasskeys } from 'virtual:emulator';
import type { EmulatorInfo } from 'virtual:emulator';
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
  part,
  typeValue,
  uniqueEmail,
  waitForStep,
} from './element-helpers.js';
import {
  addPlatformAuthenticator,
  credentialsOf,
  forgetDeviceMemory,
  removeAuthenticator,
  secondDevice,
  setUserVerified,
  toBase64Url,
} from './webauthn-helpers.js';
import { enPasskeys } from '../../src/i18n/en-passkeys.js';
import type { PasswordlessLogin } from '../../src/passwordless-login.js';

/** axe measures colours: let the buttons' fade (busy → ready) finish first. */
async function accessible(el: PasswordlessLogin): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => el.shadowRoot!.getAnimations().length === 0, 'transitions over');
  await expect(el).to.be.accessible();
}

const offerShown = (el: PasswordlessLogin) =>
  waitUntil(() => part(el, 'passkey-create-button') !== null, 'the offer to create a passkey', { timeout: 10000 });

/** Signs a new user up with a code; resolves signed in, with the offer shown. */
async function signedInByCode(pool: EmulatorInfo, email = uniqueEmail('passkey')) {
  const el = await createLogin(pool);
  await emailToCode(el, email);
  const detail = await codeToSignedIn(el, (await nthMail(pool, email)).code);
  expect(detail.method).to.equal('email-code');
  return { el, email };
}

async function createPasskeyFromOffer(el: PasswordlessLogin): Promise<string> {
  await offerShown(el);
  const created = oneEvent(el, 'passkey-created');
  mustPart(el, 'passkey-create-button').click();
  const { detail } = await created;
  await waitUntil(() => part(el, 'passkey-offer') === null && !el.matches(':state(busy)'), 'the offer gone');
  return detail.credentialId;
}

async function signOut(el: PasswordlessLogin): Promise<void> {
  const out = oneEvent(el, 'signed-out');
  mustPart(el, 'sign-out-button').click();
  await out;
  await waitForStep(el, 'email');
}

/** Counts what one sign-in cost: Cognito calls, mails to the address, `code-sent` events. */
async function measured(el: PasswordlessLogin, pool: EmulatorInfo, email: string, act: () => void) {
  await clearRequests(pool);
  const mailsBefore = (await mailsTo(pool, email)).length;
  let codesSent = 0;
  const count = () => codesSent++;
  el.addEventListener('code-sent', count);
  const signedIn = oneEvent(el, 'signed-in');
  act();
  const { detail } = await signedIn;
  el.removeEventListener('code-sent', count);
  await waitForStep(el, 'signed-in');
  return { detail, calls: await operations(pool), mails: (await mailsTo(pool, email)).length - mailsBefore, codesSent };
}

describe('<passwordless-login> passkeys', () => {
  const authenticators: string[] = [];
  const authenticator = async () => {
    const id = await addPlatformAuthenticator();
    authenticators.push(id);
    return id;
  };
  beforeEach(async () => {
    await freshPage();
    await forgetDeviceMemory();
  });
  afterEach(async () => {
    for (const id of authenticators.splice(0)) await removeAuthenticator(id).catch(() => {});
    await freshPage();
    await forgetDeviceMemory();
  });

  it('after a code sign-in offers a passkey; with it the user signs back in with 2 requests, no email, no code', async () => {
    const device = await authenticator();
    const { el, email } = await signedInByCode(passkeys);
    await offerShown(el);
    await accessible(el);
    const credentialId = await createPasskeyFromOffer(el);
    const [credential] = await credentialsOf(device);
    expect(credentialId).to.equal(toBase64Url(credential!.credentialId));
    expect(mustPart(el, 'status').textContent).to.contain('Passkey created');
    expect(el.shadowRoot!.activeElement, 'focus back on the signed-in view').to.equal(mustPart(el, 'signed-in'));

    await signOut(el);
    expect(mustPart<HTMLInputElement>(el, 'email-input').value).to.equal(email);
    await accessible(el);
    // This device knows the user has a passkey: "Continue" goes straight to the passkey prompt.
    const run = await measured(el, passkeys, email, () => mustPart(el, 'submit-button').click());
    expect(run.detail.method).to.equal('passkey');
    expect(run.calls).to.deep.equal(['InitiateAuth', 'RespondToAuthChallenge']);
    expect(run.mails).to.equal(0);
    expect(run.codesSent).to.equal(0);
    expect(part(el, 'code-input'), 'no code was ever asked for').to.equal(null);
    // It has a passkey here now: no offer.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(part(el, 'passkey-offer')).to.equal(null);
  });

  it('on a second device a synced passkey signs in through "Sign in with a passkey", with the same counts', async () => {
    const first = await authenticator();
    const { el, email } = await signedInByCode(passkeys);
    await createPasskeyFromOffer(el);
    const [credential] = await credentialsOf(first);
    el.remove();
    await removeAuthenticator(authenticators.pop()!);

    authenticators.push(await secondDevice(credential!));
    const other = await createLogin(passkeys);
    typeValue(mustPart<HTMLInputElement>(other, 'email-input'), email);
    await accessible(other);
    const run = await measured(other, passkeys, email, () => mustPart(other, 'passkey-button').click());
    expect(run.detail.method).to.equal('passkey');
    expect(run.calls).to.deep.equal(['InitiateAuth', 'RespondToAuthChallenge']);
    expect(run.mails).to.equal(0);
    expect(run.codesSent).to.equal(0);
  });

  it('a cancelled prompt is passkey-cancelled, and "Email me a code instead" is one click from a code', async () => {
    const device = await authenticator();
    const { el, email } = await signedInByCode(passkeys);
    await createPasskeyFromOffer(el);
    await signOut(el);

    // User verification is required and now fails: the browser ends the prompt with NotAllowedError.
    await setUserVerified(device, false);
    const failed = oneEvent(el, 'login-error');
    mustPart(el, 'submit-button').click();
    const { detail } = await failed;
    expect(detail.code).to.equal('passkey-cancelled');
    // English's passkey strings arrive with the passkey code, before the error is told.
    expect(detail.message).to.equal(enPasskeys.errorPasskeyCancelled);
    await waitForStep(el, 'email');
    expect(errorText(el)).to.equal(detail.message);
    expect(mustPart<HTMLInputElement>(el, 'email-input').value, 'the typed email stays').to.equal(email);
    await accessible(el);

    await clearRequests(passkeys);
    const sent = oneEvent(el, 'code-sent');
    mustPart(el, 'email-code-button').click();
    expect((await sent).detail.purpose).to.equal('sign-in');
    await waitForStep(el, 'code');
    // The usual discovery, SignUp and InitiateAuth sent together: no passkey this time.
    expect((await operations(passkeys)).sort()).to.deep.equal(['InitiateAuth', 'SignUp']);
    const signedIn = await codeToSignedIn(el, (await nthMail(passkeys, email, 2)).code);
    expect(signedIn.method).to.equal('email-code');
  });

  it('listPasskeys and deletePasskey; a deleted passkey no longer signs in (an email code, no error)', async () => {
    const device = await authenticator();
    const { el } = await signedInByCode(passkeys);
    const credentialId = await createPasskeyFromOffer(el);
    const listed = await el.listPasskeys();
    expect(listed).to.have.length(1);
    expect(listed[0]!.credentialId).to.equal(credentialId);
    expect(listed[0]!.name).to.be.a('string').and.not.equal('');
    expect(listed[0]!.createdAt).to.be.instanceOf(Date);
    expect(Math.abs(Date.now() - listed[0]!.createdAt.getTime())).to.be.below(60_000);
    expect(listed[0]!.authenticatorAttachment).to.equal('platform');

    await el.deletePasskey(credentialId);
    expect(await el.listPasskeys()).to.deep.equal([]);
    // None left on this device: the offer comes back.
    await offerShown(el);
    await signOut(el);

    // The authenticator still holds the key, but the pool no longer knows it.
    expect(await credentialsOf(device)).to.have.length(1);
    const errors: string[] = [];
    el.addEventListener('login-error', (e) => errors.push(e.detail.code));
    await clearRequests(passkeys);
    const sent = oneEvent(el, 'code-sent');
    mustPart(el, 'passkey-button').click();
    await sent;
    await waitForStep(el, 'code');
    expect(errors).to.deep.equal([]);
    // The passkey InitiateAuth (Cognito offers no WEB_AUTHN any more), then the usual discovery.
    const calls = await operations(passkeys);
    expect(calls[0]).to.equal('InitiateAuth');
    expect(calls.slice(1).sort()).to.deep.equal(['InitiateAuth', 'SignUp']);
    expect(await el.deletePasskey(credentialId).then(() => 'deleted', (e: Error & { code?: string }) => e.code)).to.equal('session-expired');
  });

  it('a user without a passkey who tries one falls back to the email code silently', async () => {
    await authenticator();
    // An account, but no passkey: Cognito offers it no WEB_AUTHN. (An address with no account is not
    // used here: under PreventUserExistenceErrors the pool makes up a passkey for some of them, as
    // the emulator does, so that the answer does not tell who has an account; their prompt finds
    // no passkey and ends as a cancelled one.)
    const email = await makeReturningUser(passkeys);
    const el = await createLogin(passkeys);
    const errors: string[] = [];
    el.addEventListener('login-error', (e) => errors.push(e.detail.code));
    typeValue(mustPart<HTMLInputElement>(el, 'email-input'), email);
    await clearRequests(passkeys);
    const sent = oneEvent(el, 'code-sent');
    mustPart(el, 'passkey-button').click();
    expect((await sent).detail.purpose).to.equal('sign-in');
    await waitForStep(el, 'code');
    expect(errors).to.deep.equal([]);
    // The passkey InitiateAuth (SELECT_CHALLENGE without WEB_AUTHN), then the usual discovery.
    const calls = await operations(passkeys);
    expect(calls[0]).to.equal('InitiateAuth');
    expect(calls.slice(1).sort()).to.deep.equal(['InitiateAuth', 'SignUp']);
    expect(await mailsTo(passkeys, email)).to.have.length(1);
  });

  it('"Not now" dismisses the offer for good on this device, and a double click creates one passkey', async () => {
    const device = await authenticator();
    const { el, email } = await signedInByCode(passkeys);
    await offerShown(el);
    mustPart(el, 'passkey-dismiss-button').click();
    await waitUntil(() => part(el, 'passkey-offer') === null, 'offer dismissed');
    expect(el.shadowRoot!.activeElement).to.equal(mustPart(el, 'signed-in'));
    await signOut(el);
    const sent = oneEvent(el, 'code-sent');
    mustPart(el, 'submit-button').click();
    await sent;
    await codeToSignedIn(el, (await nthMail(passkeys, email, 2)).code);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(part(el, 'passkey-offer'), 'still dismissed').to.equal(null);

    // createPasskey() still works when the site asks for it; a second call meanwhile is refused.
    await clearRequests(passkeys);
    const first = el.createPasskey();
    const second = await el.createPasskey().then(() => 'created', (e: Error & { code?: string }) => e.name);
    expect(second).to.equal('LoginError');
    expect((await first).credentialId).to.equal(toBase64Url((await credentialsOf(device))[0]!.credentialId));
    expect((await operations(passkeys)).filter((op) => op === 'StartWebAuthnRegistration')).to.have.length(1);
  });

  it('a pool without passkeys: no offer after sign-in, then no passkey button; createPasskey() is passkeys-unavailable', async () => {
    await authenticator();
    const { el } = await signedInByCode(noPasskeys);
    // The element asked the pool once, after the sign-in, and remembers the answer.
    await waitUntil(() => localStorage.getItem(`passwordless-login.no-passkeys.${noPasskeys.clientId}`) !== null, 'the pool answered');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(part(el, 'passkey-offer')).to.equal(null);
    const refused = await el.createPasskey().then(() => 'created', (e: Error & { code?: string }) => e.code);
    expect(refused).to.equal('passkeys-unavailable');
    await signOut(el);
    expect(part(el, 'passkey-button')).to.equal(null);
    el.remove();
    const again = await createLogin(noPasskeys);
    expect(part(again, 'passkey-button'), 'not even on the first render').to.equal(null);
  });

  it('passkeys="off" behaves as before: no passkey button, no offer, and a known passkey user gets a code', async () => {
    await authenticator();
    const { el, email } = await signedInByCode(passkeys);
    await createPasskeyFromOffer(el);
    await signOut(el);
    el.setAttribute('passkeys', 'off');
    await el.updateComplete;
    expect(part(el, 'passkey-button')).to.equal(null);
    const sent = oneEvent(el, 'code-sent');
    mustPart(el, 'submit-button').click();
    await sent;
    const detail = await codeToSignedIn(el, (await nthMail(passkeys, email, 2)).code);
    expect(detail.method).to.equal('email-code');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(part(el, 'passkey-offer')).to.equal(null);
  });

  it('a browser without WebAuthn shows no passkey UI', async () => {
    await authenticator();
    const saved = Object.getOwnPropertyDescriptor(window, 'PublicKeyCredential')!;
    delete (window as { PublicKeyCredential?: unknown }).PublicKeyCredential;
    try {
      const { el } = await signedInByCode(passkeys);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(part(el, 'passkey-offer')).to.equal(null);
      await signOut(el);
      expect(part(el, 'passkey-button')).to.equal(null);
    } finally {
      Object.defineProperty(window, 'PublicKeyCredential', saved);
    }
  });
});
