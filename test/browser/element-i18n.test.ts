// Languages: the element's own lang, the nearest lang up the tree (across shadow roots), the
// document's, fallbacks, lazy loading, and the `translations` override.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { enabled } from 'virtual:emulator';
import { en as enFirst } from '../../src/i18n/en.js';
import { enFlow } from '../../src/i18n/en-flow.js';
import { enPasskeys } from '../../src/i18n/en-passkeys.js';

/** English as a whole: the rest of it comes with the flow (en-flow.ts); other tables are whole. */
const en = { ...enFirst, ...enFlow, ...enPasskeys };
import { SUPPORTED_LANGUAGES, loadMessages as loadFirst, type Messages as Whole } from '../../src/i18n/index.js';
import {
  part,
  claims,
  codeToSignedIn,
  createLogin,
  emailToCode,
  freshPage,
  mustPart,
  nthMail,
  submitEmail,
  uniqueEmail,
} from './element-helpers.js';
import type { PasswordlessLogin } from '../../src/passwordless-login.js';

/** A language's whole table: English is en.ts plus en-flow.ts and en-passkeys.ts (which come with the flow and with passkey code), the others are one file. */
async function loadMessages(lang: string): Promise<Whole> {
  const table = await loadFirst(lang);
  return (lang === 'en' ? { ...table, ...enFlow, ...enPasskeys } : table) as Whole;
}

const buttonText = (el: HTMLElement) => part(el, 'submit-button')?.textContent;
const waitForText = (el: HTMLElement, text: string) =>
  waitUntil(() => buttonText(el) === text, `button says ${text}`, { timeout: 3000 });

describe('<passwordless-login> languages', () => {
  const documentLang = document.documentElement.lang;
  beforeEach(freshPage);
  afterEach(() => {
    document.documentElement.lang = documentLang;
  });

  it('ships complete tables: every language has every English key, of the same kind', async () => {
    expect(SUPPORTED_LANGUAGES).to.include.members(['en', 'de', 'fr', 'es', 'ja']);
    for (const lang of SUPPORTED_LANGUAGES) {
      const table: Record<string, unknown> = await loadMessages(lang);
      expect(Object.keys(table).sort(), lang).to.deep.equal(Object.keys(en).sort());
      for (const [key, value] of Object.entries(en)) {
        expect(typeof table[key], `${lang}.${key}`).to.equal(typeof value);
      }
      if (lang !== 'en') expect(table.continue, lang).not.to.equal(en.continue);
    }
  });

  it('uses its own lang attribute, loading the table lazily, and follows changes', async () => {
    const el = await createLogin(enabled, { lang: 'de' });
    await waitForText(el, 'Weiter');
    expect(mustPart<HTMLInputElement>(el, 'email-input').labels?.[0]?.textContent).to.equal('E-Mail-Adresse');
    el.setAttribute('lang', 'ja');
    await waitForText(el, '次へ');
  });

  it('falls back from a region to the base language, and from an unknown one to English', async () => {
    const el = await createLogin(enabled, { lang: 'fr-CA' });
    await waitForText(el, 'Continuer');
    el.setAttribute('lang', 'xx');
    await waitForText(el, 'Continue');
  });

  it("takes the nearest lang up the tree, across shadow roots, else the document's", async () => {
    document.documentElement.lang = 'es';
    const outer = await fixture<HTMLElement>(html`<section lang="ja"><div></div></section>`);
    const host = outer.querySelector('div')!;
    const root = host.attachShadow({ mode: 'open' });
    const el = document.createElement('passwordless-login') as PasswordlessLogin;
    root.append(el);
    await waitForText(el, '次へ');

    const plain = await createLogin(enabled);
    await waitForText(plain, 'Continuar');
    document.documentElement.lang = 'de';
    await waitForText(plain, 'Weiter');
  });

  it('translations overrides any string, error messages and their login-error included', async () => {
    const el = await createLogin(enabled, { lang: 'de' });
    el.translations = { continue: 'Los', errorInvalidEmail: 'Bitte prüfen.' };
    await waitForText(el, 'Los');
    expect(mustPart<HTMLInputElement>(el, 'email-input').labels?.[0]?.textContent, 'the rest stays German').to.equal('E-Mail-Adresse');
    const failed = oneEvent(el, 'login-error');
    await submitEmail(el, 'kaputt');
    expect((await failed).detail).to.deep.equal({ code: 'invalid-email', message: 'Bitte prüfen.' });
  });

  it('speaks the language through the code step, plurals included, and records it as the locale', async () => {
    const email = uniqueEmail('sprache');
    const el = await createLogin(enabled, { lang: 'de' });
    await waitForText(el, 'Weiter');
    await emailToCode(el, email);
    const resend = mustPart(el, 'resend-button').textContent ?? '';
    expect(resend).to.match(/^Erneut senden in \d+ Sekunden$/);
    expect(mustPart(el, 'change-email-button').textContent).to.equal('Andere E-Mail-Adresse verwenden');
    const detail = await codeToSignedIn(el, (await nthMail(enabled, email)).code);
    expect(claims(detail.tokens.idToken).locale).to.equal('de');
    expect(mustPart(el, 'sign-out-button').textContent).to.equal('Abmelden');
  });

  it('plural forms come from Intl.PluralRules', async () => {
    const de = await loadMessages('de');
    expect(de.resendIn(1)).to.equal('Erneut senden in 1 Sekunde');
    expect(de.resendIn(2)).to.equal('Erneut senden in 2 Sekunden');
    expect(en.resendIn(1)).to.equal('Resend code in 1 second');
    expect((await loadMessages('fr')).resendIn(1)).to.equal('Renvoyer le code dans 1 seconde');
  });
});
