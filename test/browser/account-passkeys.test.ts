// <passwordless-account>: passkeys in Chromium with a virtual authenticator (the DevTools Protocol's
// WebAuthn domain), against the emulator, through the element's parts and events only: the list with
// each passkey's name and the day it was added, adding one (which then signs in through
// <passwordless-login>), deleting one after a question naming it (after which it signs no one in), a
// cancelled prompt, a passkey deleted elsewhere meanwhile, no section where the pool has no passkeys
// or the page says passkeys="off", and the twelve languages. Cognito has no "last used" and no
// rename: neither is shown.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { noPasskeys, passkeys } from 'virtual:emulator';
import type { PasswordlessAccount } from '../../src/passwordless-account.js';
import type { PasswordlessLogin } from '../../src/passwordless-login.js';
import { accountTables } from '../../src/i18n/account/index.js';
import { directionOf } from '../../src/i18n/index.js';
import { callCognito, clearRequests, freshPage, mustPart, operations, part, typeValue, waitForStep } from './element-helpers.js';
import { createAccount, signedInUser, waitForStatus, waitIdle } from './account-helpers.js';
import { addPlatformAuthenticator, credentialsOf, forgetDeviceMemory, removeAuthenticator, setUserVerified, toBase64Url } from './webauthn-helpers.js';

const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'ja', 'zh', 'ar', 'he'];

const listed = (el: PasswordlessAccount) => Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="passkey"]'));
const nameOf = (item: HTMLElement) => item.querySelector('.passkey-name')!.textContent!.trim();
const deleteButtonOf = (item: HTMLElement) => item.querySelector<HTMLButtonElement>('[part~="delete-passkey-button"]')!;
const focused = (el: PasswordlessAccount) => el.shadowRoot!.activeElement;
/** Whether the element shows a part (a boolean: a failing check then names no element for chai to print). */
const shows = (el: HTMLElement, name: string) => part(el, name) !== null;

/** Waits for the passkeys section to have read its list. */
async function passkeysRead(el: PasswordlessAccount): Promise<void> {
  await waitUntil(() => part(el, 'add-passkey-button') !== null || part(el, 'passkey-list') !== null, 'the passkeys section', { timeout: 10000 });
  await el.updateComplete;
}

/** axe measures colours: let the buttons' colour transitions finish first. */
async function accessible(el: PasswordlessAccount): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => el.shadowRoot!.getAnimations().length === 0, 'transitions over');
  await expect(el).shadowDom.to.be.accessible();
}

/** "Add a passkey" with the keyboard; resolves with `passkey-created`'s credential id. */
async function addByKeyboard(el: PasswordlessAccount): Promise<string> {
  const created = oneEvent(el, 'passkey-created');
  mustPart(el, 'add-passkey-button').focus();
  await sendKeys({ press: 'Enter' });
  const { credentialId } = (await created).detail;
  await waitIdle(el);
  await waitUntil(() => listed(el).length > 0, 'listed');
  return credentialId;
}

/** The sign-in element's "Sign in with a passkey" for `email`. */
async function passkeySignIn(login: PasswordlessLogin, email: string): Promise<'signed-in' | 'code'> {
  typeValue(mustPart<HTMLInputElement>(login, 'email-input'), email);
  const signedIn = oneEvent(login, 'signed-in');
  const codeSent = oneEvent(login, 'code-sent');
  mustPart(login, 'passkey-button').click();
  const first = await Promise.race([signedIn.then((e) => e.detail.method), codeSent.then(() => 'code' as const)]);
  return first === 'passkey' ? 'signed-in' : 'code';
}

describe('<passwordless-account>: passkeys', () => {
  const authenticators: string[] = [];
  const authenticator = async () => {
    const id = await addPlatformAuthenticator();
    authenticators.push(id);
    return id;
  };
  beforeEach(async () => {
    await freshPage();
    await forgetDeviceMemory();
    for (const el of Array.from(document.querySelectorAll('passwordless-account'))) el.remove();
  });
  afterEach(async () => {
    for (const id of authenticators.splice(0)) await removeAuthenticator(id).catch(() => {});
    await forgetDeviceMemory();
  });

  it('adds a passkey that signs in, lists it with its name and the day it was added, deletes it after a question naming it; it then signs no one in', async () => {
    const device = await authenticator();
    const { login, email } = await signedInUser(passkeys);
    const account = await createAccount(passkeys);
    await waitForStatus(account, 'signed-in');
    await passkeysRead(account);
    expect(listed(account)).to.have.length(0);
    expect(mustPart(account, 'passkeys-section').textContent).to.contain('You have no passkeys yet.');
    await accessible(account);

    // Add, with the keyboard; a second press while the prompt runs adds nothing more.
    const added = addByKeyboard(account);
    await sendKeys({ press: 'Enter' });
    const credentialId = await added;
    const [credential] = await credentialsOf(device);
    expect(credentialId).to.equal(toBase64Url(credential!.credentialId));
    expect(await credentialsOf(device), 'one passkey for a double press').to.have.length(1);
    expect(listed(account)).to.have.length(1);
    const item = listed(account)[0]!;
    const today = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date());
    expect(item.textContent).to.contain(`Added \u2068${today}\u2069`);
    expect(nameOf(item)).to.not.equal('');
    expect(item.textContent, 'no "last used": Cognito does not record it').to.not.match(/last used/i);
    expect(shows(account, 'rename-passkey-button'), 'no rename: Cognito cannot').to.equal(false);
    expect(mustPart(account, 'status').textContent).to.equal('Passkey added.');
    expect(focused(account)).to.equal(part(account, 'add-passkey-button'));
    await accessible(account);

    // The new passkey signs in through the sign-in element on the page; the account follows.
    await login.signOut();
    await waitForStep(login, 'email');
    await waitForStatus(account, 'signed-out');
    expect(await passkeySignIn(login, email)).to.equal('signed-in');
    await waitForStatus(account, 'signed-in');
    await passkeysRead(account);

    // Delete, by keyboard: the question names it; Escape closes it and focus goes back to "Delete".
    const name = nameOf(listed(account)[0]!);
    deleteButtonOf(listed(account)[0]!).focus();
    expect(deleteButtonOf(listed(account)[0]!).getAttribute('aria-label')).to.equal(`Delete passkey \u2068${name}\u2069`);
    await sendKeys({ press: 'Enter' });
    await account.updateComplete;
    expect(account.matches(':state(confirming)')).to.equal(true);
    expect(focused(account)).to.equal(part(account, 'confirmation'));
    expect(mustPart(account, 'confirmation').textContent).to.contain(`Delete the passkey \u2068${name}\u2069?`);
    await accessible(account);
    await sendKeys({ press: 'Escape' });
    await account.updateComplete;
    expect(shows(account, 'confirmation')).to.equal(false);
    expect(listed(account)).to.have.length(1);
    expect(focused(account)).to.equal(deleteButtonOf(listed(account)[0]!));

    // Asked again: Tab to "Delete" in the question, Enter, and Enter again while it runs.
    await sendKeys({ press: 'Enter' });
    await account.updateComplete;
    await clearRequests(passkeys);
    const deleted = oneEvent(account, 'passkey-deleted');
    await sendKeys({ press: 'Tab' });
    expect(focused(account)).to.equal(part(account, 'confirm-button'));
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    expect((await deleted).detail).to.deep.equal({ credentialId });
    await waitIdle(account);
    expect((await operations(passkeys)).filter((op) => op === 'DeleteWebAuthnCredential')).to.have.length(1);
    expect(listed(account)).to.have.length(0);
    expect(mustPart(account, 'status').textContent).to.equal('Passkey deleted.');
    expect(focused(account)).to.equal(part(account, 'add-passkey-button'));
    await accessible(account);

    // The authenticator still holds the key, but it signs no one in: "Sign in with a passkey" ends
    // in an email code, without an error.
    expect(await credentialsOf(device)).to.have.length(1);
    await login.signOut();
    await waitForStep(login, 'email');
    const errors: string[] = [];
    login.addEventListener('login-error', (e) => errors.push(e.detail.code));
    expect(await passkeySignIn(login, email)).to.equal('code');
    await waitForStep(login, 'code');
    expect(errors).to.deep.equal([]);
  });

  it('a closed passkey prompt is passkey-cancelled, shown and announced, and nothing is added', async () => {
    const device = await authenticator();
    await signedInUser(passkeys);
    const account = await createAccount(passkeys);
    await waitForStatus(account, 'signed-in');
    await passkeysRead(account);
    await setUserVerified(device, false);
    await clearRequests(passkeys);
    const error = oneEvent(account, 'account-error');
    mustPart<HTMLButtonElement>(account, 'add-passkey-button').click();
    const { detail } = await error;
    expect(detail).to.deep.equal({ code: 'passkey-cancelled', message: 'No passkey was created. Try again when you are ready.' });
    await waitIdle(account);
    expect(mustPart(account, 'error').textContent).to.equal(detail.message);
    expect(listed(account)).to.have.length(0);
    expect(await credentialsOf(device)).to.have.length(0);
    expect(await operations(passkeys), 'the ceremony never completed').to.not.include('CompleteWebAuthnRegistration');
    await accessible(account);
  });

  it('a passkey deleted from another device meanwhile: deleting it here ends with it gone, and no error', async () => {
    await authenticator();
    const { login } = await signedInUser(passkeys);
    const account = await createAccount(passkeys);
    await waitForStatus(account, 'signed-in');
    await passkeysRead(account);
    const credentialId = await addByKeyboard(account);
    // Another device deletes it (its own request, with this user's access token).
    const { accessToken } = (await login.getTokens())!;
    expect((await callCognito(passkeys, 'DeleteWebAuthnCredential', { AccessToken: accessToken, CredentialId: credentialId })).status).to.equal(200);
    // This page still lists it; deleting it is what the user wants, and it is so.
    const errors: string[] = [];
    account.addEventListener('account-error', (e) => errors.push(e.detail.code));
    deleteButtonOf(listed(account)[0]!).click();
    await account.updateComplete;
    const outcome = Promise.race([
      oneEvent(account, 'passkey-deleted').then((e) => e.detail),
      oneEvent(account, 'account-error').then((e) => e.detail.code),
    ]);
    mustPart(account, 'confirm-button').click();
    expect(await outcome).to.deep.equal({ credentialId });
    await waitIdle(account);
    expect(errors).to.deep.equal([]);
    expect(listed(account)).to.have.length(0);
  });

  it('a passkey created by the sign-in element on the page (its offer) shows in the list at once', async () => {
    await authenticator();
    const { login } = await signedInUser(passkeys);
    const account = await createAccount(passkeys);
    await waitForStatus(account, 'signed-in');
    await passkeysRead(account);
    expect(listed(account)).to.have.length(0);
    await waitUntil(() => shows(login, 'passkey-create-button'), 'the sign-in element’s offer', { timeout: 10000 });
    const created = oneEvent(login, 'passkey-created');
    mustPart(login, 'passkey-create-button').click();
    const { credentialId } = (await created).detail;
    await waitUntil(() => listed(account).length === 1, 'listed by the account element', { timeout: 10000 });
    expect(deleteButtonOf(listed(account)[0]!).dataset.credentialId).to.equal(credentialId);
  });

  it('a pool without passkeys, and none to list: no passkeys section at all', async () => {
    await authenticator();
    await signedInUser(noPasskeys);
    const account = await createAccount(noPasskeys);
    await waitForStatus(account, 'signed-in');
    await waitUntil(() => part(account, 'passkeys-section') === null, 'the section gone', { timeout: 10000 });
    expect(shows(account, 'add-passkey-button')).to.equal(false);
    expect(shows(account, 'sign-out-everywhere-button')).to.equal(true);
  });

  it('passkeys="off": no passkeys section and no request for one; "auto" at run time brings it', async () => {
    await authenticator();
    const { login } = await signedInUser(passkeys);
    // The sign-in element's own passkey requests (its offer to create one) are over first.
    await waitUntil(() => shows(login, 'passkey-create-button'), 'the sign-in element’s offer', { timeout: 10000 });
    await clearRequests(passkeys);
    const account = await createAccount(passkeys, { passkeys: 'off' });
    await waitForStatus(account, 'signed-in');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(shows(account, 'passkeys-section')).to.equal(false);
    const calls = await operations(passkeys);
    expect(calls.filter((op) => /WebAuthn/.test(op))).to.deep.equal([]);
    await accessible(account);
    account.setAttribute('passkeys', 'auto');
    await passkeysRead(account);
    expect(shows(account, 'add-passkey-button')).to.equal(true);
    expect(await operations(passkeys)).to.include('ListWebAuthnCredentials');
  });

  it('speaks the twelve languages: the list, its dates, the labels and the question, in each direction, axe clean', async () => {
    await authenticator();
    await signedInUser(passkeys);
    const account = await createAccount(passkeys);
    await waitForStatus(account, 'signed-in');
    await passkeysRead(account);
    await addByKeyboard(account);
    const name = nameOf(listed(account)[0]!);
    for (const lang of LANGUAGES) {
      const t = await accountTables.load(lang);
      account.setAttribute('lang', lang);
      await waitUntil(() => part(account, 'add-passkey-button')?.textContent?.trim() === t.addPasskey, `${lang} rendered`, { timeout: 5000 });
      const root = account.shadowRoot!.querySelector<HTMLElement>('.root')!;
      expect(root.dir, lang).to.equal(directionOf(lang));
      const item = listed(account)[0]!;
      const day = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date());
      expect(item.textContent, lang).to.contain(t.passkeyAdded(`\u2068${day}\u2069`));
      expect(deleteButtonOf(item).textContent!.trim(), lang).to.equal(t.deletePasskey);
      expect(deleteButtonOf(item).getAttribute('aria-label'), lang).to.equal(t.deletePasskeyLabel(`\u2068${name}\u2069`));
      deleteButtonOf(item).click();
      await account.updateComplete;
      expect(mustPart(account, 'confirmation').textContent, lang).to.contain(t.confirmDeletePasskey(`\u2068${name}\u2069`));
      expect(mustPart(account, 'confirm-button').textContent!.trim(), lang).to.equal(t.confirmDelete);
      await accessible(account);
      mustPart(account, 'cancel-button').click();
      await account.updateComplete;
      expect(shows(account, 'confirmation'), lang).to.equal(false);
    }
  });
});
