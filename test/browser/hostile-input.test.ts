// Hostile and odd input, table-driven: each row is typed into the email or the code field and gets
// its expected outcome — accepted as X, cleaned to X, or refused with a translated message and no
// request (counted at the emulator's request log), the typed email kept.
//
// The rules (src/email.ts, documented in docs/security.md, "Input rules"): invisible format characters
// (zero-width, BOM, bidi marks and overrides) are stripped; the address is trimmed and lowercased;
// a Unicode domain becomes Punycode (SES delivers only to ASCII domains); a Unicode local part is
// refused (SES takes only 7-bit ASCII local parts). Codes: any Unicode decimal digits become ASCII,
// spaces and dashes go, a code pasted with text around it is the one group of the right length;
// too short or too long is refused without a request.
import { expect, oneEvent } from '@open-wc/testing';
import { enabled } from 'virtual:emulator';
import de from '../../src/i18n/de.js';
import { en as enFirst } from '../../src/i18n/en.js';
import { enFlow } from '../../src/i18n/en-flow.js';
import { enPasskeys } from '../../src/i18n/en-passkeys.js';

/** English as a whole: what is always bundled and what comes with the flow. */
const en = { ...enFirst, ...enFlow, ...enPasskeys };
import type { PasswordlessLogin } from '../../src/passwordless-login.js';
import {
  clearRequests,
  createLogin,
  emailToCode,
  errorText,
  freshPage,
  mailsTo,
  makeReturningUser,
  mustPart,
  operations,
  stepOf,
  submitEmail,
  typeValue,
  waitForStep,
} from './element-helpers.js';

type Outcome =
  | { accepted: string }
  | { refused: 'email-required' | 'invalid-email' | 'code-incomplete'; shows?: string };

interface Row {
  what: string;
  input: string;
  expect: Outcome;
}

/** Settles the request log: anything the element was going to send has arrived by then. */
const settle = () => new Promise((r) => setTimeout(r, 150));

const id = () => crypto.randomUUID().slice(0, 8);

/** `{id}` in an email row is replaced by a fresh token, so accepted rows are new users each run. */
const EMAIL_ROWS: Row[] = [
  // Empty and blank.
  { what: 'empty', input: '', expect: { refused: 'email-required' } },
  { what: 'spaces only', input: '   ', expect: { refused: 'email-required' } },
  { what: 'tabs and newlines only', input: '\t\n ', expect: { refused: 'email-required' } },
  { what: 'a zero-width space only (stripped, then empty)', input: '\u200b', expect: { refused: 'email-required' } },
  // Shape.
  { what: 'missing @', input: 'plainaddress.example.com', expect: { refused: 'invalid-email' } },
  { what: 'double @', input: 'two@@example.com', expect: { refused: 'invalid-email' } },
  { what: 'two @ apart', input: 'a@b@example.com', expect: { refused: 'invalid-email' } },
  { what: 'nothing before @', input: '@example.com', expect: { refused: 'invalid-email' } },
  { what: 'nothing after @', input: 'user@', expect: { refused: 'invalid-email' } },
  { what: 'domain without a dot', input: 'user@localhost', expect: { refused: 'invalid-email' } },
  { what: 'trailing dot in the domain', input: 'user@example.com.', expect: { refused: 'invalid-email' } },
  { what: 'leading dot in the local part', input: '.user@example.com', expect: { refused: 'invalid-email' } },
  { what: 'trailing dot in the local part', input: 'user.@example.com', expect: { refused: 'invalid-email' } },
  { what: 'consecutive dots in the local part', input: 'us..er@example.com', expect: { refused: 'invalid-email' } },
  { what: 'consecutive dots in the domain', input: 'user@exa..mple.com', expect: { refused: 'invalid-email' } },
  { what: 'domain label starting with a dash', input: 'user@-example.com', expect: { refused: 'invalid-email' } },
  { what: 'a space inside the local part', input: 'us er@example.com', expect: { refused: 'invalid-email' } },
  { what: 'a space inside the domain', input: 'user@exam ple.com', expect: { refused: 'invalid-email' } },
  // Length.
  { what: 'local part of 65 characters', input: `${'a'.repeat(65)}@example.com`, expect: { refused: 'invalid-email' } },
  {
    what: 'more than 254 characters in all',
    input: `${'a'.repeat(60)}@${`${'b'.repeat(60)}.`.repeat(4)}com`,
    expect: { refused: 'invalid-email' },
  },
  // Unicode local parts cannot be delivered by SES.
  { what: 'Chinese local part and IDN domain', input: '用户@例子.广告', expect: { refused: 'invalid-email' } },
  { what: 'umlaut in the local part', input: 'jürgen@example.com', expect: { refused: 'invalid-email' } },
  { what: 'full-width letters', input: 'ｕｓｅｒ@example.com', expect: { refused: 'invalid-email' } },
  // Markup.
  { what: 'a script tag', input: '<script>alert(1)</script>@x.com', expect: { refused: 'invalid-email' } },
  { what: 'an attribute breakout', input: '"><img src=x onerror=alert(1)>', expect: { refused: 'invalid-email' } },
  { what: 'markup in the domain', input: 'user@<b>example</b>.com', expect: { refused: 'invalid-email' } },
  // Accepted, some cleaned.
  { what: 'plain', input: 'plain-{id}@example.com', expect: { accepted: 'plain-{id}@example.com' } },
  { what: 'uppercase (lowercased)', input: 'Upper-{id}@Example.COM', expect: { accepted: 'upper-{id}@example.com' } },
  { what: 'surrounding spaces (trimmed)', input: '  spaced-{id}@example.com \t', expect: { accepted: 'spaced-{id}@example.com' } },
  { what: 'plus-addressing', input: 'plus-{id}+news@example.com', expect: { accepted: 'plus-{id}+news@example.com' } },
  { what: 'IDN domain (Punycode)', input: 'idn-{id}@bücher.de', expect: { accepted: 'idn-{id}@xn--bcher-kva.de' } },
  { what: 'IDN domain and TLD (Punycode)', input: 'idn-{id}@例子.广告', expect: { accepted: 'idn-{id}@xn--fsqu00a.xn--4rr70v' } },
  { what: 'zero-width space (stripped)', input: 'zw\u200b-{id}@example.com', expect: { accepted: 'zw-{id}@example.com' } },
  { what: 'BOM in front (stripped)', input: '\ufeffbom-{id}@example.com', expect: { accepted: 'bom-{id}@example.com' } },
  { what: 'right-to-left override (stripped)', input: 'rlo-{id}\u202e@example.com', expect: { accepted: 'rlo-{id}@example.com' } },
  { what: 'left-to-right mark (stripped)', input: '\u200elrm-{id}@example.com', expect: { accepted: 'lrm-{id}@example.com' } },
  {
    what: 'local part of exactly 64 characters',
    input: `${'l'.repeat(55)}-{id}@example.com`,
    expect: { accepted: `${'l'.repeat(55)}-{id}@example.com` },
  },
  { what: "apostrophe and ampersand", input: "o'brien&co-{id}@example.com", expect: { accepted: "o'brien&co-{id}@example.com" } },
];

/** The code step is a returning user's (8 digits); accepted rows send a wrong code and get `wrong-code`. */
const CODE_ROWS: Row[] = [
  { what: 'eight digits', input: '13572468', expect: { accepted: '13572468' } },
  { what: 'spaces around and inside', input: ' 1357 2468 ', expect: { accepted: '13572468' } },
  { what: 'a dash', input: '1357-2468', expect: { accepted: '13572468' } },
  { what: 'pasted sentence', input: 'Your code is 13572468.', expect: { accepted: '13572468' } },
  {
    what: 'pasted mail with another number',
    input: 'Your code is 13572468. It expires in 24 hours.',
    expect: { accepted: '13572468' },
  },
  { what: 'full-width digits', input: '１３５７２４６８', expect: { accepted: '13572468' } },
  { what: 'Arabic-Indic digits', input: '١٣٥٧٢٤٦٨', expect: { accepted: '13572468' } },
  { what: 'Persian digits', input: '۱۳۵۷۲۴۶۸', expect: { accepted: '13572468' } },
  { what: 'a zero-width space inside', input: '1357\u200b2468', expect: { accepted: '13572468' } },
  { what: 'empty', input: '', expect: { refused: 'code-incomplete', shows: '' } },
  { what: 'spaces only', input: '    ', expect: { refused: 'code-incomplete', shows: '' } },
  { what: 'too short', input: '1357246', expect: { refused: 'code-incomplete', shows: '1357246' } },
  { what: 'too long (not cut and sent)', input: '135724680', expect: { refused: 'code-incomplete', shows: '135724680' } },
  { what: 'letters only', input: 'abcdefgh', expect: { refused: 'code-incomplete', shows: '' } },
  { what: 'letters between digits', input: '13ab57cd', expect: { refused: 'code-incomplete', shows: '1357' } },
  { what: 'a letter O for a zero', input: '1357246O', expect: { refused: 'code-incomplete', shows: '1357246' } },
  { what: 'a six-digit code', input: '13-57-24', expect: { refused: 'code-incomplete', shows: '135724' } },
  { what: 'two codes pasted', input: 'Codes 13572468 and 86427531', expect: { refused: 'code-incomplete', shows: '1357246886427531' } },
  { what: 'markup', input: '<img src=x onerror=alert(1)>', expect: { refused: 'code-incomplete', shows: '1' } },
];

const EMAIL_MESSAGES = { 'email-required': en.errorEmailRequired, 'invalid-email': en.errorInvalidEmail };

describe('<passwordless-login> hostile and odd input', () => {
  before(freshPage);
  after(freshPage);

  it('has at least 40 rows across the two fields', () => {
    expect(EMAIL_ROWS.length + CODE_ROWS.length).to.be.at.least(40);
  });

  describe('email field', () => {
    for (const row of EMAIL_ROWS) {
      const outcome = row.expect;
      const label = 'accepted' in outcome ? `accepts, as typed or cleaned` : `refuses (${outcome.refused})`;
      it(`${row.what}: ${label}`, async () => {
        const token = id();
        const typed = row.input.replaceAll('{id}', token);
        const el = await createLogin(enabled);
        await clearRequests(enabled);
        if ('accepted' in outcome) {
          const address = outcome.accepted.replaceAll('{id}', token);
          await emailToCode(el, typed);
          expect([...(await operations(enabled))].sort()).to.deep.equal(['InitiateAuth', 'SignUp']);
          const mails = await mailsTo(enabled, address);
          expect(mails.map((m) => m.to), `one code mailed to ${address}`).to.deep.equal([address]);
        } else {
          const failed = oneEvent(el, 'login-error');
          await submitEmail(el, typed);
          const message = EMAIL_MESSAGES[outcome.refused as keyof typeof EMAIL_MESSAGES];
          expect((await failed).detail).to.deep.equal({ code: outcome.refused, message });
          await el.updateComplete;
          expect(errorText(el)).to.equal(message);
          // An <input type="email"> itself drops newlines and surrounding ASCII whitespace from its value.
          const kept = typed.replace(/[\r\n]/g, '').replace(/^[\t\f ]+|[\t\f ]+$/g, '');
          expect(mustPart<HTMLInputElement>(el, 'email-input').value, 'the typed email is kept').to.equal(kept);
          expect(mustPart(el, 'email-input').getAttribute('aria-invalid')).to.equal('true');
          expect(stepOf(el)).to.equal('email');
          await settle();
          expect(await operations(enabled), 'no request').to.deep.equal([]);
        }
        el.remove();
      });
    }

    it('the refusal is translated (German)', async () => {
      const el = await createLogin(enabled, { lang: 'de' });
      await new Promise((r) => setTimeout(r, 200)); // the German table loads on first use
      await clearRequests(enabled);
      const failed = oneEvent(el, 'login-error');
      await submitEmail(el, 'two@@example.com');
      expect((await failed).detail.message).to.equal(de.errorInvalidEmail);
      expect(de.errorInvalidEmail).to.not.equal(en.errorInvalidEmail);
      await el.updateComplete;
      expect(errorText(el)).to.equal(de.errorInvalidEmail);
      await settle();
      expect(await operations(enabled)).to.deep.equal([]);
    });
  });

  describe('code field', () => {
    let el: PasswordlessLogin;
    let realCode = '';

    before(async () => {
      await freshPage();
      const email = await makeReturningUser(enabled);
      localStorage.clear();
      // Not a fixture (fixtures are removed after each test): one code step serves every row.
      el = document.createElement('passwordless-login');
      el.setAttribute('user-pool-id', enabled.userPoolId);
      el.setAttribute('client-id', enabled.clientId);
      el.setAttribute('endpoint', enabled.endpoint);
      document.body.append(el);
      await el.updateComplete;
      await emailToCode(el, email);
      expect(el.shadowRoot!.querySelector('[part~="code-input"]')).to.exist;
      const mails = await mailsTo(enabled, email);
      realCode = mails.at(-1)!.code;
    });

    after(() => el.remove());

    for (const row of CODE_ROWS) {
      const outcome = row.expect;
      const label = 'accepted' in outcome ? `sent as ${outcome.accepted}` : `refused, shows "${outcome.shows}"`;
      it(`${row.what}: ${label}`, async () => {
        await waitForStep(el, 'code');
        const input = mustPart<HTMLInputElement>(el, 'code-input');
        await clearRequests(enabled);
        if ('accepted' in outcome) {
          expect(outcome.accepted, 'the table never holds the real code').to.not.equal(realCode);
          const failed = oneEvent(el, 'login-error');
          typeValue(input, row.input); // a complete code submits itself
          expect((await failed).detail.code).to.equal('wrong-code');
          await waitForStep(el, 'code');
          expect(input.value, 'the field shows the cleaned code').to.equal(outcome.accepted);
          expect(await operations(enabled)).to.deep.equal(['RespondToAuthChallenge']);
        } else {
          typeValue(input, row.input);
          expect(input.value, 'the field shows the digits').to.equal(outcome.shows);
          await settle();
          expect(await operations(enabled), 'nothing sent on input').to.deep.equal([]);
          const failed = oneEvent(el, 'login-error');
          mustPart<HTMLButtonElement>(el, 'submit-button').click();
          expect((await failed).detail).to.deep.equal({
            code: 'code-incomplete',
            message: en.errorCodeIncomplete(8),
          });
          await el.updateComplete;
          expect(errorText(el)).to.equal(en.errorCodeIncomplete(8));
          expect(stepOf(el)).to.equal('code');
          await settle();
          expect(await operations(enabled), 'no request on submit').to.deep.equal([]);
        }
      });
    }
  });
});
