// The Custom Message trigger: every trigger it handles × every language, fallbacks, escaping, the
// triggers it must leave alone, and the bundled copy that ships inline in the template.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import {
  CODE_PLACEHOLDER,
  KIND_BY_TRIGGER,
  LANGUAGES,
  handler,
  renderEmail,
  resolveLanguage,
  type CustomMessageTriggerEvent,
  type EmailKind,
  type Language,
} from '../lambda/custom-message/index.js';
import { MESSAGES } from '../lambda/custom-message/messages.js';
import { bundleTrigger } from '../lib/lambda-code.js';
import { SHIPPED_TEMPLATE_PATH } from '../lib/template.js';
import { countOccurrences, htmlProblems, visibleText } from './helpers.js';

const HANDLED_TRIGGERS = [
  'CustomMessage_SignUp',
  'CustomMessage_ResendCode',
  'CustomMessage_Authentication',
  'CustomMessage_UpdateUserAttribute',
  'CustomMessage_VerifyUserAttribute',
];
const UNTOUCHED_TRIGGERS = ['CustomMessage_AdminCreateUser', 'CustomMessage_ForgotPassword', 'PreSignUp_SignUp'];
const RTL: readonly Language[] = ['ar', 'he'];
const NON_LATIN: readonly Language[] = ['ja', 'zh', 'ar', 'he'];
/** A few scripts' letters, to prove a translation is written in its own script. */
const SCRIPT: Partial<Record<Language, RegExp>> = {
  ja: /[\u3040-\u30ff]/, // kana
  zh: /[\u4e00-\u9fff]/,
  ar: /[\u0600-\u06ff]/,
  he: /[\u0590-\u05ff]/,
};
/** Words that exist only in English among our Latin-script languages. */
const ENGLISH_WORDS = /\b(your|the|this|sign|enter|expires|valid|hours|never|share|ignore|you|if|someone|mistake|finish)\b/i;

/** Cognito's event for a trigger, as the service sends it. */
function cognitoEvent(
  triggerSource: string,
  userAttributes: Record<string, string> = {},
  extra: Partial<CustomMessageTriggerEvent['request']> = {},
): CustomMessageTriggerEvent {
  return {
    version: '1',
    triggerSource,
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_AbCdEf123',
    userName: '5f7e0a3c-1111-2222-3333-444455556666',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: '1example23456789' },
    request: {
      userAttributes: {
        sub: '5f7e0a3c-1111-2222-3333-444455556666',
        email: 'jane@example.com',
        email_verified: 'false',
        'cognito:user_status': 'UNCONFIRMED',
        ...userAttributes,
      },
      codeParameter: CODE_PLACEHOLDER,
      linkParameter: '{##Click Here##}',
      usernameParameter: null,
      ...extra,
    },
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  };
}

/** Every English sentence of a kind, with and without an app name. */
function englishSentences(kind: EmailKind): string[] {
  const en = MESSAGES.en[kind];
  return [en.subject(), en.subject('Acme'), en.heading, en.intro(), en.intro('Acme'), en.expiry, en.ignore, MESSAGES.en.doNotShare];
}

describe('Custom Message trigger: each handled trigger in each language', () => {
  for (const triggerSource of HANDLED_TRIGGERS) {
    const kind = KIND_BY_TRIGGER[triggerSource]!;
    for (const language of LANGUAGES) {
      it(`${triggerSource} in ${language}`, async () => {
        const out = await handler(cognitoEvent(triggerSource, { locale: language }));
        const subject = out.response.emailSubject!;
        const html = out.response.emailMessage!;

        assert.equal(subject, MESSAGES[language][kind].subject());
        assert.ok(subject.trim().length > 0 && subject.length <= 140, 'subject present, within Cognito limit');
        assert.ok(!subject.includes(CODE_PLACEHOLDER), 'no code in the subject');
        assert.equal(countOccurrences(html, CODE_PLACEHOLDER), 1, 'body holds {####} exactly once');
        assert.ok(html.length <= 20_000, 'within Cognito emailMessage limit');
        assert.ok(html.startsWith('<!DOCTYPE html>\n<html '), 'a full HTML document');
        const dir = RTL.includes(language) ? 'rtl' : 'ltr';
        assert.match(html, new RegExp(`<html lang="${language}" dir="${dir}">`));
        assert.deepEqual(htmlProblems(html), []);
        assert.doesNotMatch(html, /<img|<link|<style|<script|src=|url\(/i, 'no images, no external resources, inline styles only');
        assert.match(html, /role="presentation"/);
        assert.match(html, /<div dir="ltr" style="[^"]*font-family:ui-monospace[^"]*letter-spacing:[^"]*user-select:all[^"]*">\{####\}<\/div>/, 'large monospace code, copyable as one piece');
        assert.equal(out.response.smsMessage, null, 'SMS untouched');

        const text = visibleText(html);
        assert.ok(text.includes(MESSAGES[language][kind].heading));
        assert.ok(text.includes(MESSAGES[language].doNotShare));
        if (kind === 'signUp') assert.notEqual(MESSAGES[language].signUp.heading, MESSAGES[language].signIn.heading);

        if (language !== 'en') {
          assert.notEqual(subject, MESSAGES.en[kind].subject(), 'subject translated');
          for (const sentence of englishSentences(kind)) {
            assert.ok(!text.includes(sentence) && !subject.includes(sentence), `no English: ${sentence}`);
          }
          const script = SCRIPT[language];
          if (script) assert.match(text, script);
          if (NON_LATIN.includes(language)) {
            assert.doesNotMatch(text.replace(CODE_PLACEHOLDER, ''), /[A-Za-z]/, 'no Latin letters at all');
            assert.doesNotMatch(subject, /[A-Za-z]/);
          } else {
            assert.doesNotMatch(`${subject} ${text}`, ENGLISH_WORDS, 'no English words');
          }
        }
      });
    }
  }
});

describe('renderEmail', () => {
  it('writes the same message as HTML and as text, each with the code once', () => {
    for (const kind of ['signUp', 'signIn', 'changeEmail'] as const) {
      for (const language of LANGUAGES) {
        const email = renderEmail(kind, language, '12345678', { appName: 'Acme' });
        assert.equal(email.language, language);
        assert.equal(countOccurrences(email.html, '12345678'), 1);
        assert.equal(countOccurrences(email.text, '12345678'), 1);
        assert.doesNotMatch(email.text, /<[a-z/]/i, 'text has no markup');
        const m = MESSAGES[language][kind];
        for (const line of [m.heading, m.intro('Acme'), m.expiry, m.ignore, MESSAGES[language].doNotShare]) {
          assert.ok(email.text.includes(line), `text has: ${line}`);
          assert.ok(visibleText(email.html).includes(line), `html has: ${line}`);
        }
        assert.ok(email.subject.includes('Acme'), 'subject names the app');
        assert.match(email.html, /<bdi>Acme<\/bdi>/, 'app name isolated for bidi');
      }
    }
  });

  it('uses the placeholder when no code is given', () => {
    assert.equal(countOccurrences(renderEmail('signIn', 'en').html, '{####}'), 1);
  });

  it('escapes the app name in HTML and strips line breaks from the subject', () => {
    const name = '<script>alert("x")</script> & \'Co\'\r\nBcc: evil@example.com';
    const email = renderEmail('signIn', 'en', CODE_PLACEHOLDER, { appName: name });
    assert.doesNotMatch(email.html, /<script|alert\("x"\)/);
    assert.match(email.html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &#39;Co&#39; Bcc: evil@example\.com/);
    assert.doesNotMatch(email.subject, /[\r\n]/);
    assert.deepEqual(htmlProblems(email.html), []);
  });

  it('treats a blank app name as none', () => {
    assert.equal(renderEmail('signUp', 'de', CODE_PLACEHOLDER, { appName: '  ' }).subject, MESSAGES.de.signUp.subject());
  });

  it('lays Arabic and Hebrew out right to left, and keeps the code left to right', () => {
    for (const language of RTL) {
      const email = renderEmail('signIn', language);
      assert.equal(email.dir, 'rtl');
      assert.match(email.html, /dir="rtl"[^>]*>/);
      assert.match(email.html, /text-align:right/);
      assert.doesNotMatch(email.html, /text-align:left/);
      assert.match(email.html, /<div dir="ltr"[^>]*>\{####\}/);
    }
    assert.doesNotMatch(renderEmail('signIn', 'fr').html, /rtl|text-align:right/);
  });
});

describe('language fallback', () => {
  const cases: [string | undefined | null, Language][] = [
    ['de', 'de'],
    ['pt-BR', 'pt'],
    ['pt_PT', 'pt'],
    ['zh-Hans', 'zh'],
    ['zh-Hant-TW', 'zh'],
    ['ZH-cn', 'zh'],
    ['ja-JP', 'ja'],
    ['ar-EG', 'ar'],
    ['he-IL', 'he'],
    ['iw', 'he'],
    ['nl-BE', 'nl'],
    ['en-GB', 'en'],
    ['fr-CA,fr;q=0.9,en;q=0.8', 'fr'],
    ['sv-SE,de;q=0.8', 'de'],
    ['sv', 'en'],
    ['klingon', 'en'],
    ['', 'en'],
    [' ', 'en'],
    [undefined, 'en'],
    [null, 'en'],
  ];
  for (const [locale, expected] of cases) {
    it(`${JSON.stringify(locale)} → ${expected}`, () => assert.equal(resolveLanguage(locale), expected));
  }

  it('writes English when the user has no locale attribute', async () => {
    const out = await handler(cognitoEvent('CustomMessage_SignUp'));
    assert.equal(out.response.emailSubject, MESSAGES.en.signUp.subject());
    assert.match(out.response.emailMessage!, /<html lang="en" dir="ltr">/);
  });

  it('writes the base language for a regional tag', async () => {
    const out = await handler(cognitoEvent('CustomMessage_Authentication', { locale: 'es-MX' }));
    assert.equal(out.response.emailSubject, MESSAGES.es.signIn.subject());
  });

  it('falls back to a locale in the client metadata, the attribute winning', async () => {
    const fromMetadata = await handler(cognitoEvent('CustomMessage_Authentication', {}, { clientMetadata: { locale: 'it' } }));
    assert.equal(fromMetadata.response.emailSubject, MESSAGES.it.signIn.subject());
    const both = await handler(cognitoEvent('CustomMessage_Authentication', { locale: 'pl' }, { clientMetadata: { locale: 'it' } }));
    assert.equal(both.response.emailSubject, MESSAGES.pl.signIn.subject());
  });
});

describe('handler', () => {
  for (const triggerSource of UNTOUCHED_TRIGGERS) {
    it(`leaves ${triggerSource} untouched`, async () => {
      const event = cognitoEvent(triggerSource, { locale: 'de' });
      const before = structuredClone(event);
      const out = await handler(event);
      assert.deepEqual(out, before);
      assert.equal(out.response.emailMessage, null);
    });
  }

  it('does not change the event it was given', async () => {
    const event = cognitoEvent('CustomMessage_SignUp', { locale: 'fr' });
    const before = structuredClone(event);
    const out = await handler(event);
    assert.deepEqual(event, before);
    assert.notEqual(out.response.emailMessage, null);
    assert.deepEqual({ ...out, response: before.response }, before, 'only the response changes');
  });

  it('names the site from APP_NAME', async () => {
    const saved = process.env.APP_NAME;
    process.env.APP_NAME = 'Acme Shop';
    try {
      const out = await handler(cognitoEvent('CustomMessage_Authentication', { locale: 'nl' }));
      assert.equal(out.response.emailSubject, 'Je inlogcode voor Acme Shop');
      assert.match(out.response.emailMessage!, /<bdi>Acme Shop<\/bdi>/);
    } finally {
      if (saved === undefined) delete process.env.APP_NAME;
      else process.env.APP_NAME = saved;
    }
  });

  it('uses the sign-up wording for sign-up and resend, the sign-in wording for authentication', async () => {
    const signUp = await handler(cognitoEvent('CustomMessage_SignUp'));
    const resend = await handler(cognitoEvent('CustomMessage_ResendCode'));
    const signIn = await handler(cognitoEvent('CustomMessage_Authentication'));
    assert.equal(signUp.response.emailMessage, resend.response.emailMessage);
    assert.notEqual(signUp.response.emailSubject, signIn.response.emailSubject);
    assert.match(signUp.response.emailMessage!, /24 hours/);
    assert.match(signIn.response.emailMessage!, /few minutes/);
  });
});

describe('the bundled handler (what Lambda runs)', () => {
  type HandlerModule = { handler: typeof handler };
  const load = (code: string): HandlerModule => {
    const module = { exports: {} as HandlerModule };
    new Function('module', 'exports', 'require', code)(module, module.exports, createRequire(import.meta.url));
    return module.exports;
  };
  const sample = () => cognitoEvent('CustomMessage_Authentication', { locale: 'ar' });

  it('is one dependency-free CommonJS file that behaves like the source', async () => {
    const code = bundleTrigger('custom-message');
    assert.doesNotMatch(code, /require\(["'](?!node:)/, 'requires nothing');
    assert.deepEqual(await load(code).handler(sample()), await handler(sample()));
  });

  it('ships inline in the committed template and works from there', async () => {
    const template = JSON.parse(readFileSync(SHIPPED_TEMPLATE_PATH, 'utf8'));
    const fn = Object.values<{ Type: string; Properties: { Code: { ZipFile: string } } }>(template.Resources).find(
      (r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Code.ZipFile.includes('Custom Message trigger'),
    )!;
    assert.deepEqual(await load(fn.Properties.Code.ZipFile).handler(sample()), await handler(sample()));
  });
});
