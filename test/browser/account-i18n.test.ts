// <passwordless-account> in the twelve languages: every table complete against English and really
// translated, every message function clean for an address or a date, the element rendered in each
// language (Arabic and Hebrew right to left, addresses isolated), and the same language list as the
// sign-in element.
import { expect, waitUntil } from '@open-wc/testing';
import { enabled as pool } from 'virtual:emulator';
import { accountEn, type AccountMessages } from '../../src/i18n/account/en.js';
import { accountTables } from '../../src/i18n/account/index.js';
import { SUPPORTED_LANGUAGES, directionOf } from '../../src/i18n/index.js';
import { freshPage, mustPart, part } from './element-helpers.js';
import { askForNewEmail, createAccount, signedInUser, waitForStatus } from './account-helpers.js';

const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'ja', 'zh', 'ar', 'he'];
type Key = keyof AccountMessages;
const enKeys = Object.keys(accountEn).sort() as Key[];
/** Strings that are the same word in another language (the loanword "Passkey", "Passkeys"). */
const SAME_AS_ENGLISH: Partial<Record<string, Key[]>> = {
  de: ['passkeysHeading', 'unnamedPasskey'],
  it: ['unnamedPasskey'],
  nl: ['passkeysHeading', 'unnamedPasskey'],
};
const BAD_OUTPUT = /\bundefined\b|\bNaN\b|\bnull\b|\[object|\$\{/;
/** Letters of the script each non-Latin language is written in. */
const SCRIPT: Record<string, RegExp> = { ja: /[\u3040-\u30ff\u4e00-\u9fff]/, zh: /[\u4e00-\u9fff]/, ar: /[\u0600-\u06ff]/, he: /[\u0590-\u05ff]/ };

function tableProblems(table: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of enKeys) {
    if (!(key in table)) problems.push(`missing ${key}`);
    else if (typeof table[key] !== typeof accountEn[key]) problems.push(`${key} is a ${typeof table[key]}`);
    else if (typeof table[key] === 'string' && (table[key] as string).trim() === '') problems.push(`${key} is empty`);
  }
  for (const key of Object.keys(table)) if (!(key in accountEn)) problems.push(`extra ${key}`);
  return problems;
}

describe('<passwordless-account> the twelve languages', () => {
  beforeEach(async () => {
    await freshPage();
    for (const el of Array.from(document.querySelectorAll('passwordless-account'))) el.remove();
  });

  it('ships the same languages as the sign-in element', async () => {
    expect([...SUPPORTED_LANGUAGES].sort()).to.deep.equal([...LANGUAGES].sort());
    for (const lang of LANGUAGES) expect(await accountTables.load(lang), lang).to.not.equal(lang === 'en' ? undefined : accountEn);
  });

  it('the completeness check catches a missing key, an extra key and a value of the wrong kind', () => {
    const { cancel: _dropped, ...lacking } = accountEn;
    expect(tableProblems(lacking)).to.deep.equal(['missing cancel']);
    expect(tableProblems({ ...accountEn, extra: 'x' })).to.deep.equal(['extra extra']);
    expect(tableProblems({ ...accountEn, emailChanged: 'x' })).to.deep.equal(['emailChanged is a string']);
  });

  for (const lang of LANGUAGES) {
    it(`${lang}: complete, translated, and clean for any address, name or date`, async () => {
      const table = await accountTables.load(lang);
      expect(tableProblems(table)).to.deep.equal([]);
      if (lang !== 'en') {
        const same = enKeys.filter((k) => typeof accountEn[k] === 'string' && table[k] === accountEn[k]);
        expect(same, `${lang}: strings left in English`).to.deep.equal(SAME_AS_ENGLISH[lang] ?? []);
        const script = SCRIPT[lang];
        if (script) for (const k of enKeys) if (typeof table[k] === 'string') expect(table[k] as string, `${lang} ${k}`).to.match(script);
      }
      // A control's accessible name contains its visible text (WCAG 2.5.3, axe's label-in-name).
      const label = table.deletePasskeyLabel('\u2068Phone\u2069').toLocaleLowerCase(lang);
      expect(label, `${lang}: "${table.deletePasskey}" in the label`).to.include(table.deletePasskey.toLocaleLowerCase(lang));
      for (const key of enKeys.filter((k) => typeof accountEn[k] === 'function')) {
        const text = (table[key] as (value: string) => string)('\u2068jane@example.com\u2069');
        expect(text, `${lang} ${key}`).to.include('jane@example.com');
        expect(text, `${lang} ${key}`).to.not.match(BAD_OUTPUT);
      }
    });
  }

  for (const lang of LANGUAGES) {
    it(`${lang}: the element speaks it, in its direction, and passes axe`, async () => {
      const { email } = await signedInUser(pool);
      const account = await createAccount(pool, { lang });
      await waitForStatus(account, 'signed-in');
      const t = await accountTables.load(lang);
      await waitUntil(() => part(account, 'change-email-button')?.textContent?.trim() === t.changeEmail, `${lang} rendered`, { timeout: 5000 });
      const root = account.shadowRoot!.querySelector<HTMLElement>('.root')!;
      expect(root.lang).to.equal(lang);
      expect(root.dir).to.equal(directionOf(lang));
      expect(mustPart(account, 'email').getAttribute('dir'), 'the address reads left to right').to.equal('ltr');
      expect(mustPart(account, 'sign-out-everywhere-button').textContent?.trim()).to.equal(t.signOutEverywhere);
      expect(mustPart(account, 'delete-account-button').textContent?.trim()).to.equal(t.deleteAccount);
      await askForNewEmail(account, `${lang}-${crypto.randomUUID()}@example.com`);
      expect(mustPart(account, 'code-input').getAttribute('dir')).to.equal('ltr');
      expect(account.shadowRoot!.querySelector('#destination')!.textContent).to.include('\u2068');
      expect(email).to.not.equal('');
      await expect(account).shadowDom.to.be.accessible();
    });
  }

  it('follows a change of lang at run time', async () => {
    await signedInUser(pool);
    const account = await createAccount(pool, { lang: 'de' });
    await waitForStatus(account, 'signed-in');
    const de = await accountTables.load('de');
    await waitUntil(() => part(account, 'change-email-button')?.textContent?.trim() === de.changeEmail, 'German', { timeout: 5000 });
    account.setAttribute('lang', 'he');
    const he = await accountTables.load('he');
    await waitUntil(() => part(account, 'change-email-button')?.textContent?.trim() === he.changeEmail, 'Hebrew', { timeout: 5000 });
    expect(account.shadowRoot!.querySelector<HTMLElement>('.root')!.dir).to.equal('rtl');
  });
});
