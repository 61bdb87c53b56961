// An email change, as the Custom Message trigger handles it: the code email to the new address (in
// custom-message.test.ts with the other kinds), and the notice to the address in force, rendered in
// every language and sent through the real AWS SDK's SESv2 client to a stand-in SES endpoint.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, describe, it, type TestContext } from 'node:test';
import { CODE_PLACEHOLDER, LANGUAGES, handler, renderNotice, type CustomMessageTriggerEvent } from '../lambda/custom-message/index.js';
import { MESSAGES, appText } from '../lambda/custom-message/messages.js';
import { noticeSender } from '../lambda/custom-message/notice.js';
import { htmlProblems, visibleText } from './helpers.js';

const OLD = 'jane@example.com';
const SCRIPT: Partial<Record<string, RegExp>> = { ja: /[\u3040-\u30ff]/, zh: /[\u4e00-\u9fff]/, ar: /[\u0600-\u06ff]/, he: /[\u0590-\u05ff]/ };
const ENGLISH_WORDS = /\b(your|the|this|sign|signed|someone|changed|nothing|until|devices|wasn’t|you|if)\b/i;

function event(triggerSource: string, attributes: Record<string, string> = {}): CustomMessageTriggerEvent {
  return {
    version: '1',
    triggerSource,
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_AbCdEf123',
    userName: '5f7e0a3c-1111-2222-3333-444455556666',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: '1example23456789' },
    request: {
      userAttributes: { sub: '5f7e0a3c-1111-2222-3333-444455556666', email: OLD, email_verified: 'true', 'cognito:user_status': 'CONFIRMED', ...attributes },
      codeParameter: CODE_PLACEHOLDER,
      linkParameter: '{##Click Here##}',
      usernameParameter: null,
    },
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  };
}

describe('appText: one sentence with and without the site’s name', () => {
  it('keeps [with|without] and [with] by whether there is a name, and puts the name in as text', () => {
    const t = appText('Your [{app} |own ]code[ for {app}]');
    assert.equal(t(), 'Your own code');
    assert.equal(t('Acme'), 'Your Acme code for Acme');
    assert.equal(t('$& $1 [x] {app}'), 'Your $& $1 [x] {app} code for $& $1 [x] {app}', 'no replacement patterns');
  });
});

describe('the notice to the address in force', () => {
  for (const language of LANGUAGES) {
    it(`in ${language}: translated, laid out, no code`, () => {
      const notice = renderNotice(language);
      const m = MESSAGES[language].changeNotice;
      assert.equal(notice.language, language);
      assert.equal(notice.subject, m.subject());
      assert.deepEqual(htmlProblems(notice.html), []);
      assert.match(notice.html, new RegExp(`<html lang="${language}" dir="${['ar', 'he'].includes(language) ? 'rtl' : 'ltr'}">`));
      const text = visibleText(notice.html);
      for (const line of [m.heading, m.intro(), m.ifNotYou]) {
        assert.ok(text.includes(line), `html has ${line}`);
        assert.ok(notice.text.includes(line), `text has ${line}`);
      }
      assert.doesNotMatch(notice.html, /\{####\}|<img|<script|src=/);
      if (language !== 'en') {
        assert.notEqual(notice.subject, MESSAGES.en.changeNotice.subject());
        const script = SCRIPT[language];
        if (script) {
          assert.match(text, script);
          assert.doesNotMatch(`${notice.subject} ${text}`, /[A-Za-z]/, 'no Latin letters');
        } else assert.doesNotMatch(`${notice.subject} ${text}`, ENGLISH_WORDS, 'no English words');
      }
    });
  }

  it('names the site, escaped and isolated, in the subject', () => {
    const notice = renderNotice('he', { appName: '<b>Acme</b>' });
    assert.ok(notice.subject.includes('<b>Acme</b>'), 'a subject is plain text');
    assert.doesNotMatch(notice.html, /<b>Acme/);
    assert.match(notice.html, /&lt;b&gt;Acme&lt;\/b&gt;/);
  });
});

describe('the handler sends the notice through SES', () => {
  interface Call {
    path: string;
    headers: IncomingHttpHeaders;
    body: Record<string, any>;
  }
  let server: Server;
  const calls: Call[] = [];
  let answer: { status: number; body: object; type?: string } = { status: 200, body: { MessageId: 'm-1' } };
  const saved = { ...process.env };

  before(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        calls.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        res.writeHead(answer.status, { 'content-type': 'application/json', ...(answer.type ? { 'x-amzn-errortype': answer.type } : {}) });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  afterEach(() => {
    calls.length = 0;
    answer = { status: 200, body: { MessageId: 'm-1' } };
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  /** The stack's environment for the function, with the SDK pointed at the stand-in. */
  function configure(env: Record<string, string>) {
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_SESV2: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_REGION: 'eu-west-1',
      ...env,
    });
  }
  const quiet = (t: TestContext) => t.mock.method(console, 'warn', () => undefined);

  it('a changed email: the notice to the old address in the user’s language, from the pool’s sender and identity, then the code email', async () => {
    configure({
      SES_FROM: '"Acme" <no-reply@acme.example>',
      SES_IDENTITY_ARN: 'arn:aws:ses:eu-central-1:123456789012:identity/acme.example',
      APP_NAME: 'Acme',
    });
    const out = await handler(event('CustomMessage_UpdateUserAttribute', { locale: 'de' }));
    assert.equal(calls.length, 1);
    const [call] = calls;
    assert.equal(call!.path, '/v2/email/outbound-emails');
    // Signed for the identity's region, which may differ from the function's.
    assert.match(String(call!.headers.authorization), /\/eu-central-1\/ses\/aws4_request/);
    const expected = renderNotice('de', { appName: 'Acme' });
    assert.deepEqual(call!.body, {
      FromEmailAddress: '"Acme" <no-reply@acme.example>',
      FromEmailAddressIdentityArn: 'arn:aws:ses:eu-central-1:123456789012:identity/acme.example',
      Destination: { ToAddresses: [OLD] },
      Content: {
        Simple: {
          Subject: { Data: expected.subject, Charset: 'UTF-8' },
          Body: { Html: { Data: expected.html, Charset: 'UTF-8' }, Text: { Data: expected.text, Charset: 'UTF-8' } },
        },
      },
    });
    assert.equal(out.response.emailSubject, MESSAGES.de.changeEmail.subject('Acme'));
    assert.ok(out.response.emailMessage!.includes(CODE_PLACEHOLDER));
  });

  it('a new code for a pending change (VerifyUserAttribute) sends no second notice', async () => {
    configure({ SES_FROM: 'no-reply@acme.example' });
    const out = await handler(event('CustomMessage_VerifyUserAttribute', { locale: 'fr' }));
    assert.equal(calls.length, 0);
    assert.equal(out.response.emailSubject, MESSAGES.fr.changeEmail.subject());
  });

  it('SES refusing the notice fails the trigger, so Cognito refuses the change', async () => {
    configure({ SES_FROM: 'no-reply@acme.example' });
    answer = { status: 400, body: { message: 'Email address is not verified.' }, type: 'MessageRejected' };
    await assert.rejects(handler(event('CustomMessage_UpdateUserAttribute')), /Email address is not verified/);
  });

  it('without an SES sender, or without a verified address in force, nothing is sent and the code email still goes', async (t) => {
    const warn = quiet(t);
    configure({});
    const noSender = await handler(event('CustomMessage_UpdateUserAttribute'));
    configure({ SES_FROM: 'no-reply@acme.example' });
    const unverified = await handler(event('CustomMessage_UpdateUserAttribute', { email: 'new@example.com', email_verified: 'false' }));
    assert.equal(calls.length, 0);
    assert.equal(warn.mock.callCount(), 2, 'the log says why');
    for (const out of [noSender, unverified]) assert.equal(out.response.emailSubject, MESSAGES.en.changeEmail.subject());
  });

  it('reads its sender from the environment the stack sets', () => {
    assert.equal(noticeSender({ SES_FROM: ' ', AWS_REGION: 'eu-west-1' }), undefined);
    assert.deepEqual(noticeSender({ SES_FROM: 'a@b.example', AWS_REGION: 'eu-west-1' }), { from: 'a@b.example', region: 'eu-west-1' });
    assert.deepEqual(noticeSender({ SES_FROM: 'a@b.example', SES_IDENTITY_ARN: 'arn:aws:ses:ap-south-1:1:identity/b.example', AWS_REGION: 'eu-west-1' }), {
      from: 'a@b.example',
      identityArn: 'arn:aws:ses:ap-south-1:1:identity/b.example',
      region: 'ap-south-1',
    });
  });
});
