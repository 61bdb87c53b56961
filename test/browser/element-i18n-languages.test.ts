// The twelve shipped languages: every table complete against English, every count and countdown
// right for representative numbers (checked against hand-written strings for the languages with
// more than two plural forms), Arabic and Hebrew laid out right to left with left-to-right fields and
// isolated addresses, region fallbacks, and switching `lang` at run time.
import { expect, waitUntil } from '@open-wc/testing';
import { enabled } from 'virtual:emulator';
import { en as enFirst, type Messages } from '../../src/i18n/en.js';
import { enFlow } from '../../src/i18n/en-flow.js';
import { enPasskeys } from '../../src/i18n/en-passkeys.js';
import { SUPPORTED_LANGUAGES, directionOf, loadMessages as loadFirst, resolveLanguage, type Messages as Whole } from '../../src/i18n/index.js';
import { createLogin, emailToCode, freshPage, mustPart, part, uniqueEmail } from './element-helpers.js';
import type { PasswordlessLogin } from '../../src/passwordless-login.js';

/** A language's whole table: English is en.ts plus en-flow.ts and en-passkeys.ts (which come with the flow and with passkey code), the others are one file. */
async function loadMessages(lang: string): Promise<Whole> {
  const table = await loadFirst(lang);
  return (lang === 'en' ? { ...table, ...enFlow, ...enPasskeys } : table) as Whole;
}

const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'ja', 'zh', 'ar', 'he'];
const RTL = ['ar', 'he'];
/** Representative counts: each plural category of every shipped language is hit by one of these. */
const NUMBERS = [0, 1, 2, 3, 5, 11, 21, 22, 25, 100];
/** Messages that take a count, and those that take text from outside (an address). */
const COUNT_KEYS = ['codeHint', 'resendIn', 'errorCodeIncomplete'] as const;
const TEXT_KEYS = ['codeSentTo', 'signedInAs'] as const;

/** English as a whole: what is always bundled, and what comes with the flow and with passkey code. */
const en: Messages = { ...enFirst, ...enFlow, ...enPasskeys };
type Key = keyof Messages;
const enKeys = Object.keys(en).sort() as Key[];

/** What is wrong with a table compared with English: missing or extra keys, values of another kind. */
function tableProblems(table: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of enKeys) {
    if (!(key in table)) problems.push(`missing ${key}`);
    else if (typeof table[key] !== typeof en[key]) problems.push(`${key} is a ${typeof table[key]}, not a ${typeof en[key]}`);
    else if (typeof en[key] === 'function' && (table[key] as () => string).length !== (en[key] as () => string).length) {
      problems.push(`${key} takes ${(table[key] as () => string).length} arguments`);
    } else if (typeof table[key] === 'string' && (table[key] as string).trim() === '') problems.push(`${key} is empty`);
  }
  for (const key of Object.keys(table)) if (!(key in en)) problems.push(`extra ${key}`);
  return problems;
}

const BAD_OUTPUT = /undefined|NaN|null|\[object|\$\{/;

const buttonText = (el: HTMLElement) => part(el, 'submit-button')?.textContent;
const waitForText = (el: HTMLElement, text: string) =>
  waitUntil(() => buttonText(el) === text, `button says ${text}`, { timeout: 3000 });
const form = (el: PasswordlessLogin) => mustPart(el, 'form');
const root = (el: PasswordlessLogin) => el.shadowRoot!.querySelector<HTMLElement>('.root')!;

describe('<passwordless-login> the twelve languages', () => {
  const documentLang = document.documentElement.lang;
  beforeEach(freshPage);
  afterEach(() => {
    document.documentElement.lang = documentLang;
  });

  it('ships exactly the twelve languages, English first', () => {
    expect([...SUPPORTED_LANGUAGES].sort()).to.deep.equal([...LANGUAGES].sort());
    expect(SUPPORTED_LANGUAGES[0]).to.equal('en');
  });

  it('the completeness check catches a missing key, an extra key and a value of the wrong kind', () => {
    const { resend: _dropped, ...lacking } = en;
    expect(tableProblems(lacking)).to.deep.equal(['missing resend']);
    expect(tableProblems({ ...en, resendSoon: 'x' })).to.deep.equal(['extra resendSoon']);
    expect(tableProblems({ ...en, resendIn: 'Resend code soon' })).to.deep.equal(['resendIn is a string, not a function']);
    expect(tableProblems({ ...en, continue: ' ' })).to.deep.equal(['continue is empty']);
  });

  for (const lang of LANGUAGES) {
    it(`${lang}: has every English key and no other, each of the same kind`, async () => {
      // English's later strings live in en-flow.ts and en-passkeys.ts (loaded with the code that
      // shows them); every other table is whole.
      const table: Record<string, unknown> = await loadMessages(lang);
      expect(tableProblems(table), lang).to.deep.equal([]);
      if (lang !== 'en') {
        // A language that silently fell back to English would pass the key check: make sure it did not.
        const untranslated = enKeys.filter((k) => typeof en[k] === 'string' && table[k] === en[k]);
        expect(untranslated, `${lang}: strings left in English`).to.deep.equal([]);
      }
    });

    it(`${lang}: every message function returns a clean string for every count and address`, async () => {
      const table = await loadMessages(lang);
      const functions = enKeys.filter((k) => typeof en[k] === 'function');
      expect(functions.sort(), 'each message function is either a count or a text one').to.deep.equal(
        [...COUNT_KEYS, ...TEXT_KEYS].sort(),
      );
      for (const key of COUNT_KEYS) {
        for (const n of [...NUMBERS, 6, 8, 12, 24, 102, 103, 111]) {
          const out = table[key](n);
          expect(out, `${lang}.${key}(${n})`).to.be.a('string');
          expect(out.trim(), `${lang}.${key}(${n})`).to.equal(out);
          expect(out, `${lang}.${key}(${n})`).not.to.equal('');
          expect(out, `${lang}.${key}(${n})`).not.to.match(BAD_OUTPUT);
          // One and two may be words ("ثانيتين", "שתי שניות", "la cifra"); any other count is shown.
          if (n !== 1 && n !== 2) expect(out, `${lang}.${key}(${n})`).to.include(String(n));
        }
      }
      for (const key of TEXT_KEYS) {
        for (const text of ['a***@e***', 'name@example.com', '\u2068x***@y***\u2069']) {
          const out = table[key](text);
          expect(out, `${lang}.${key}`).to.include(text);
          expect(out, `${lang}.${key}`).not.to.match(BAD_OUTPUT);
        }
      }
    });
  }

  describe('counts and countdowns, against hand-written strings', () => {
    const check = async (lang: string, key: (typeof COUNT_KEYS)[number], expected: Record<number, string>) => {
      const table = await loadMessages(lang);
      const actual = Object.fromEntries(Object.keys(expected).map((n) => [n, table[key](Number(n))]));
      expect(actual, `${lang}.${key}`).to.deep.equal(expected);
    };

    it('Polish: one / few / many, in the accusative after "za" (1 sekundę, 22 sekundy, 25 sekund)', async () => {
      const r = 'Wyślij kod ponownie za';
      await check('pl', 'resendIn', {
        0: `${r} 0 sekund`,
        1: `${r} 1 sekundę`,
        2: `${r} 2 sekundy`,
        3: `${r} 3 sekundy`,
        4: `${r} 4 sekundy`,
        5: `${r} 5 sekund`,
        11: `${r} 11 sekund`,
        12: `${r} 12 sekund`,
        14: `${r} 14 sekund`,
        21: `${r} 21 sekund`,
        22: `${r} 22 sekundy`,
        24: `${r} 24 sekundy`,
        25: `${r} 25 sekund`,
        100: `${r} 100 sekund`,
        102: `${r} 102 sekundy`,
        112: `${r} 112 sekund`,
      });
      await check('pl', 'errorCodeIncomplete', {
        1: 'Wpisz 1 cyfrę kodu.',
        2: 'Wpisz wszystkie 2 cyfry kodu.',
        5: 'Wpisz wszystkie 5 cyfr kodu.',
        6: 'Wpisz wszystkie 6 cyfr kodu.',
        8: 'Wpisz wszystkie 8 cyfr kodu.',
        22: 'Wpisz wszystkie 22 cyfry kodu.',
        25: 'Wpisz wszystkie 25 cyfr kodu.',
      });
      await check('pl', 'codeHint', { 6: 'Wpisz 6-cyfrowy kod.', 8: 'Wpisz 8-cyfrowy kod.' });
    });

    it('Arabic: zero / one / two / few / many / other (ثانية واحدة، ثانيتين، 3 ثوانٍ، 11 ثانية، 100 ثانية)', async () => {
      const r = 'إعادة إرسال الرمز بعد';
      await check('ar', 'resendIn', {
        0: `${r} 0 ثانية`,
        1: `${r} ثانية واحدة`,
        2: `${r} ثانيتين`,
        3: `${r} 3 ثوانٍ`,
        5: `${r} 5 ثوانٍ`,
        10: `${r} 10 ثوانٍ`,
        11: `${r} 11 ثانية`,
        21: `${r} 21 ثانية`,
        22: `${r} 22 ثانية`,
        25: `${r} 25 ثانية`,
        30: `${r} 30 ثانية`,
        100: `${r} 100 ثانية`,
        103: `${r} 103 ثوانٍ`,
        111: `${r} 111 ثانية`,
      });
      const h = (digits: string) => `أدخل الرمز المكوّن من ${digits}.`;
      await check('ar', 'codeHint', {
        0: h('0 رقم'),
        1: h('رقم واحد'),
        2: h('رقمين'),
        3: h('3 أرقام'),
        6: h('6 أرقام'),
        8: h('8 أرقام'),
        11: h('11 رقمًا'),
        21: h('21 رقمًا'),
        25: h('25 رقمًا'),
        100: h('100 رقم'),
      });
      await check('ar', 'errorCodeIncomplete', {
        2: 'أدخل الرمز المكوّن من رقمين كاملًا.',
        6: 'أدخل الرمز المكوّن من 6 أرقام كاملًا.',
        8: 'أدخل الرمز المكوّن من 8 أرقام كاملًا.',
        11: 'أدخل الرمز المكوّن من 11 رقمًا كاملًا.',
      });
    });

    it('Hebrew: one / two / other (שנייה אחת, שתי שניות, 20 שניות)', async () => {
      const r = 'שליחת הקוד מחדש בעוד';
      await check('he', 'resendIn', {
        0: `${r} 0 שניות`,
        1: `${r} שנייה אחת`,
        2: `${r} שתי שניות`,
        3: `${r} 3 שניות`,
        5: `${r} 5 שניות`,
        11: `${r} 11 שניות`,
        20: `${r} 20 שניות`,
        21: `${r} 21 שניות`,
        22: `${r} 22 שניות`,
        25: `${r} 25 שניות`,
        100: `${r} 100 שניות`,
      });
      await check('he', 'codeHint', {
        1: 'יש להזין קוד בן ספרה אחת.',
        2: 'יש להזין קוד בן שתי ספרות.',
        6: 'יש להזין קוד בן 6 ספרות.',
        8: 'יש להזין קוד בן 8 ספרות.',
      });
      await check('he', 'errorCodeIncomplete', {
        1: 'יש להזין את הספרה של הקוד.',
        2: 'יש להזין את שתי הספרות של הקוד.',
        6: 'יש להזין את כל 6 הספרות של הקוד.',
        8: 'יש להזין את כל 8 הספרות של הקוד.',
      });
    });

    it('one / other languages, and Chinese and Japanese without plural forms', async () => {
      const expected: Record<string, [string, string, string]> = {
        en: ['Resend code in 0 seconds', 'Resend code in 1 second', 'Resend code in 21 seconds'],
        de: ['Erneut senden in 0 Sekunden', 'Erneut senden in 1 Sekunde', 'Erneut senden in 21 Sekunden'],
        fr: ['Renvoyer le code dans 0 seconde', 'Renvoyer le code dans 1 seconde', 'Renvoyer le code dans 21 secondes'],
        es: ['Reenviar código en 0 segundos', 'Reenviar código en 1 segundo', 'Reenviar código en 21 segundos'],
        it: ['Invia di nuovo il codice tra 0 secondi', 'Invia di nuovo il codice tra 1 secondo', 'Invia di nuovo il codice tra 21 secondi'],
        // pt-PT plural rules: "0 segundos" (Brazil's rules would say "0 segundo").
        pt: ['Reenviar código em 0 segundos', 'Reenviar código em 1 segundo', 'Reenviar código em 21 segundos'],
        nl: ['Code opnieuw sturen over 0 seconden', 'Code opnieuw sturen over 1 seconde', 'Code opnieuw sturen over 21 seconden'],
        ja: ['0秒後に再送信できます', '1秒後に再送信できます', '21秒後に再送信できます'],
        zh: ['0 秒后可重新发送', '1 秒后可重新发送', '21 秒后可重新发送'],
      };
      for (const [lang, [zero, one, many]] of Object.entries(expected)) {
        const table = await loadMessages(lang);
        expect([table.resendIn(0), table.resendIn(1), table.resendIn(21)], lang).to.deep.equal([zero, one, many]);
      }
      expect((await loadMessages('it')).errorCodeIncomplete(6)).to.equal('Inserisci tutte le 6 cifre del codice.');
      expect((await loadMessages('pt')).codeHint(1)).to.equal('Insira o código de 1 dígito.');
      expect((await loadMessages('nl')).codeHint(8)).to.equal('Voer de 8-cijferige code in.');
      expect((await loadMessages('zh')).codeHint(6)).to.equal('请输入 6 位验证码。');
    });
  });

  it('falls back from regions and scripts to the shipped language; zh-TW and zh-Hant get Simplified Chinese', async () => {
    const cases: Record<string, string> = {
      'pt-BR': 'pt', 'pt-PT': 'pt', pt_br: 'pt', 'zh-Hans': 'zh', 'zh-CN': 'zh', 'zh-SG': 'zh', 'zh-TW': 'zh',
      'zh-Hant': 'zh', 'zh-Hant-TW': 'zh', 'ar-EG': 'ar', 'ar-SA': 'ar', 'he-IL': 'he', 'nl-BE': 'nl',
      'it-CH': 'it', 'pl-PL': 'pl', 'ja-JP': 'ja', 'fa-IR': 'en', 'ru-RU': 'en',
    };
    const resolved = Object.fromEntries(Object.keys(cases).map((tag) => [tag, resolveLanguage(tag)]));
    expect(resolved).to.deep.equal(cases);
    expect(RTL.map(directionOf)).to.deep.equal(['rtl', 'rtl']);
    expect(LANGUAGES.filter((l) => !RTL.includes(l)).map(directionOf)).to.deep.equal(Array(10).fill('ltr'));

    const el = await createLogin(enabled, { lang: 'pt-BR' });
    await waitForText(el, 'Continuar');
    el.setAttribute('lang', 'zh-TW');
    await waitForText(el, '继续');
    el.setAttribute('lang', 'ar-EG');
    await waitForText(el, 'متابعة');
    expect(getComputedStyle(form(el)).direction).to.equal('rtl');
  });

  it('switching lang at run time re-renders in each language, direction included', async () => {
    const el = await createLogin(enabled, { lang: 'en' });
    await waitForText(el, 'Continue');
    for (const lang of ['it', 'pt', 'nl', 'pl', 'zh', 'ar', 'he', 'ja', 'de', 'en']) {
      el.setAttribute('lang', lang);
      const table = await loadMessages(lang);
      await waitForText(el, table.continue);
      await el.updateComplete;
      const label = mustPart<HTMLInputElement>(el, 'email-input').labels?.[0]?.textContent;
      expect(label, lang).to.equal(table.emailLabel);
      expect(form(el).getAttribute('aria-label'), lang).to.equal(table.formLabel);
      expect(root(el).lang, lang).to.equal(lang);
      expect(getComputedStyle(form(el)).direction, lang).to.equal(RTL.includes(lang) ? 'rtl' : 'ltr');
    }
    // The page's language too, when the element has none of its own.
    el.removeAttribute('lang');
    document.documentElement.lang = 'he';
    await waitForText(el, 'המשך');
    expect(getComputedStyle(form(el)).direction).to.equal('rtl');
  });

  for (const lang of RTL) {
    it(`${lang}: lays out right to left, fields left to right, addresses isolated, and passes axe`, async () => {
      const t = await loadMessages(lang);
      const el = await createLogin(enabled, { lang });
      await waitForText(el, t.continue);
      await el.updateComplete;

      const emailInput = mustPart<HTMLInputElement>(el, 'email-input');
      expect(root(el).dir).to.equal('rtl');
      expect(getComputedStyle(form(el)).direction).to.equal('rtl');
      expect(getComputedStyle(emailInput).direction, 'the email field').to.equal('ltr');
      // The label sits at the right edge of the form, and the field's text lines up with it.
      const formBox = form(el).getBoundingClientRect();
      const labelBox = emailInput.labels![0]!.getBoundingClientRect();
      expect(Math.abs(labelBox.right - formBox.right), 'label at the right edge').to.be.lessThan(1);
      expect(getComputedStyle(emailInput).textAlign, 'email text aligned right').to.equal('right');
      await expect(el).to.be.accessible();

      const email = uniqueEmail('rtl');
      const { destination } = await emailToCode(el, email);
      const codeInput = mustPart<HTMLInputElement>(el, 'code-input');
      expect(getComputedStyle(form(el)).direction).to.equal('rtl');
      expect(getComputedStyle(codeInput).direction, 'the code field').to.equal('ltr');
      const resend = mustPart(el, 'resend-button').textContent ?? '';
      expect([t.resendIn(30), t.resendIn(29)], 'the countdown').to.include(resend);

      // The masked address is isolated, and so renders in its own order: its first character to the
      // left of its last, not with its trailing "***" pulled to the far side of the sentence.
      const sentence = el.shadowRoot!.getElementById('destination')!;
      expect(sentence.textContent).to.equal(t.codeSentTo(`\u2068${destination}\u2069`));
      const text = [...sentence.childNodes].find((n): n is Text => n.nodeType === Node.TEXT_NODE && n.textContent !== '')!;
      const at = text.data.indexOf(destination);
      const box = (offset: number) => {
        const range = document.createRange();
        range.setStart(text, offset);
        range.setEnd(text, offset + 1);
        return range.getBoundingClientRect();
      };
      const first = box(at);
      const last = box(at + destination.length - 1);
      expect(destination).to.match(/^.\*+@.\*+$/);
      expect(first.left, `${destination} reads left to right`).to.be.lessThan(last.left);
      expect(Math.abs(first.top - last.top), 'on one line').to.be.lessThan(2);
      await expect(el).to.be.accessible();
    });
  }

  it('the order check above is sharp: without isolates the same Arabic sentence garbles the address', async () => {
    const t = await loadMessages('ar');
    const p = document.createElement('p');
    p.dir = 'rtl';
    p.style.width = '40em';
    p.textContent = t.codeSentTo('u***@e***');
    document.body.append(p);
    try {
      const text = p.firstChild as Text;
      const at = text.data.indexOf('u***@e***');
      const box = (offset: number) => {
        const range = document.createRange();
        range.setStart(text, offset);
        range.setEnd(text, offset + 1);
        return range.getBoundingClientRect();
      };
      // The trailing "***" resolves to the sentence's direction and jumps to the left of the "u".
      expect(box(at).left).to.be.greaterThan(box(at + 8).left);
    } finally {
      p.remove();
    }
  });

  it('left-to-right languages keep ltr, with the field text at the left', async () => {
    const el = await createLogin(enabled, { lang: 'pl' });
    await waitForText(el, 'Dalej');
    expect(getComputedStyle(form(el)).direction).to.equal('ltr');
    const input = mustPart(el, 'email-input');
    expect(getComputedStyle(input).direction).to.equal('ltr');
    expect(getComputedStyle(input).textAlign, 'start of an ltr field: the left').to.equal('start');
    await expect(el).to.be.accessible();
  });
});
