// <passwordless-account>: theming shared with the sign-in element (its public --passwordless-login-*
// properties, the dark scheme the page asks for), styling by ::part and :state() from outside,
// axe at every step of an email change and of the question before deleting, and a silent console
// through a whole account session (no Lit dev-mode warning, no Amplify warning).
import { expect, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { enabled as pool } from 'virtual:emulator';
import { freshPage, mustPart, nthMail, typeValue, uniqueEmail } from './element-helpers.js';
import { askForNewEmail, createAccount, enterEmailCode, signedInUser, waitForStatus, waitIdle } from './account-helpers.js';

const DARK_TEXT = 'rgb(229, 231, 235)';
const LIGHT_TEXT = 'rgb(31, 41, 55)';

const pageSheet = new CSSStyleSheet();
pageSheet.replaceSync(`
  :root[data-theme='dark'] { color-scheme: dark; }
  passwordless-account.themed { --passwordless-login-accent-color: rgb(10, 120, 20); --passwordless-login-error-color: rgb(150, 0, 90); }
  passwordless-account.styled::part(email) { text-decoration: underline; }
  passwordless-account.styled:state(changing-email)::part(new-email-input) { outline: 3px solid rgb(1, 2, 3); }
`);

describe('<passwordless-account> look and conduct', () => {
  before(() => {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
  });
  beforeEach(async () => {
    await freshPage();
    for (const el of Array.from(document.querySelectorAll('passwordless-account'))) el.remove();
  });
  afterEach(async () => {
    delete document.documentElement.dataset.theme;
    await emulateMedia({ colorScheme: 'light' });
  });
  after(() => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== pageSheet);
  });

  it('takes the sign-in element’s custom properties, and paints what deletes in the error colour', async () => {
    await signedInUser(pool);
    const account = await createAccount(pool, { class: 'themed' });
    await waitForStatus(account, 'signed-in');
    expect(getComputedStyle(mustPart(account, 'change-email-button')).color).to.equal('rgb(10, 120, 20)');
    expect(getComputedStyle(mustPart(account, 'delete-account-button')).backgroundColor).to.equal('rgb(150, 0, 90)');
  });

  it('is dark on a dark page, and follows prefers-color-scheme on a page that says nothing', async () => {
    await signedInUser(pool);
    document.documentElement.dataset.theme = 'dark';
    const account = await createAccount(pool);
    await waitForStatus(account, 'signed-in');
    expect(getComputedStyle(account).color).to.equal(DARK_TEXT);
    await expect(account).shadowDom.to.be.accessible();
    delete document.documentElement.dataset.theme;
    await emulateMedia({ colorScheme: 'dark' });
    expect(getComputedStyle(account).color).to.equal(DARK_TEXT);
    await emulateMedia({ colorScheme: 'light' });
    expect(getComputedStyle(account).color).to.equal(LIGHT_TEXT);
  });

  it('is styled from outside through its parts and custom states', async () => {
    await signedInUser(pool);
    const account = await createAccount(pool, { class: 'styled' });
    await waitForStatus(account, 'signed-in');
    expect(getComputedStyle(mustPart(account, 'email')).textDecorationLine).to.equal('underline');
    mustPart<HTMLButtonElement>(account, 'change-email-button').click();
    await account.updateComplete;
    expect(account.matches(':state(changing-email)')).to.equal(true);
    expect(getComputedStyle(mustPart(account, 'new-email-input')).outlineColor).to.equal('rgb(1, 2, 3)');
  });

  it('passes axe at every step: address, code, an error, the question, busy', async () => {
    await signedInUser(pool);
    const account = await createAccount(pool);
    await waitForStatus(account, 'signed-in');
    mustPart<HTMLButtonElement>(account, 'change-email-button').click();
    await account.updateComplete;
    await expect(account).shadowDom.to.be.accessible();
    const next = uniqueEmail('axe');
    typeValue(mustPart<HTMLInputElement>(account, 'new-email-input'), next);
    mustPart<HTMLButtonElement>(account, 'submit-button').click();
    await account.updateComplete;
    expect(account.matches(':state(busy)')).to.equal(true);
    expect(mustPart(account, 'submit-button').getAttribute('aria-disabled')).to.equal('true');
    await expect(account).shadowDom.to.be.accessible();
    await waitIdle(account);
    await expect(account).shadowDom.to.be.accessible();
    const error = oneEvent(account, 'account-error');
    typeValue(mustPart<HTMLInputElement>(account, 'code-input'), '000000');
    await error;
    await waitIdle(account);
    expect(mustPart(account, 'code-input').getAttribute('aria-invalid')).to.equal('true');
    expect(mustPart(account, 'error').getAttribute('role')).to.equal('alert');
    await expect(account).shadowDom.to.be.accessible();
    await enterEmailCode(account, (await nthMail(pool, next)).code);
    mustPart<HTMLButtonElement>(account, 'delete-account-button').click();
    await account.updateComplete;
    await expect(account).shadowDom.to.be.accessible();
  });

  it('logs nothing to the console through a whole account session', async () => {
    const calls: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((m) => [m, console[m]] as const);
    for (const m of methods) console[m] = (...args: unknown[]) => void calls.push(`${m}: ${args.map(String).join(' ')}`);
    try {
      const { login } = await signedInUser(pool);
      const account = await createAccount(pool, { lang: 'fr' });
      await waitForStatus(account, 'signed-in');
      const next = uniqueEmail('quiet');
      await askForNewEmail(account, next);
      await enterEmailCode(account, (await nthMail(pool, next)).code);
      const out = oneEvent(account, 'signed-out');
      mustPart<HTMLButtonElement>(account, 'sign-out-everywhere-button').click();
      await out;
      await waitForStatus(account, 'signed-out');
      login.remove();
      account.remove();
    } finally {
      for (const [m, original] of originals) console[m] = original;
    }
    expect(calls).to.deep.equal([]);
  });
});
