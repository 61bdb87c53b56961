// The seal trigger's own logic: the password it sets, the attributes it deletes, the order of its
// calls (the mark last, so that it only ever means "done"), and its bundle. Its behaviour against a
// user pool is proven end to end against the local emulator, which runs this same code
// (test/node/takeover.e2e.test.ts in the repository root).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { KEPT_ATTRIBUTES, SEAL_ATTRIBUTE, handler, randomPassword, strayAttributes } from '../lambda/seal-account/index.js';
import { seal } from '../lambda/seal-account/seal.js';
import { bundleTrigger } from '../lib/lambda-code.js';

/** Records the commands sent; `failOn` makes that command throw as Cognito would. */
function recordingClient(failOn?: string) {
  const sent: Array<{ command: string; input: Record<string, unknown> }> = [];
  const client = {
    async send(command: { constructor: { name: string }; input: Record<string, unknown> }) {
      const name = command.constructor.name.replace(/Command$/, '');
      sent.push({ command: name, input: command.input });
      if (name === failOn) throw Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' });
      return {};
    },
  };
  return { client: client as unknown as CognitoIdentityProviderClient, sent };
}

const target = (attributes: Record<string, string>) => ({ userPoolId: 'eu-west-1_AbC123', username: 'sub-1', attributes });

describe('randomPassword', () => {
  it('is long, never repeats, and has every character class a password policy may require', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = randomPassword();
      assert.ok(password.length >= 64 && password.length <= 256, `${password.length} characters`);
      for (const cls of [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/]) assert.match(password, cls);
      assert.ok(!seen.has(password));
      seen.add(password);
    }
  });
});

describe('strayAttributes', () => {
  it('keeps the email, the locale, what Cognito manages and the mark; deletes anything else', () => {
    assert.deepEqual([...KEPT_ATTRIBUTES].sort(), ['email', 'locale']);
    assert.deepEqual(
      strayAttributes({
        sub: 's', email: 'a@example.com', email_verified: 'true', locale: 'de', 'cognito:user_status': 'CONFIRMED',
        [SEAL_ATTRIBUTE]: '2026-01-01T00:00:00.000Z', name: 'Support Team', picture: 'https://tracker.example/p.gif',
        'custom:plan': 'gold',
      }).sort(),
      ['custom:plan', 'name', 'picture'],
    );
  });
});

describe('seal', () => {
  it('replaces the password (permanent), deletes stray attributes, and writes the mark last', async () => {
    const { client, sent } = recordingClient();
    await seal(client, target({ email: 'a@example.com', name: 'Support Team' }));
    assert.deepEqual(sent.map((s) => s.command), ['AdminSetUserPassword', 'AdminDeleteUserAttributes', 'AdminUpdateUserAttributes']);
    assert.equal(sent[0]!.input.Permanent, true);
    assert.equal(sent[0]!.input.Username, 'sub-1');
    assert.equal(sent[0]!.input.UserPoolId, 'eu-west-1_AbC123');
    assert.deepEqual(sent[1]!.input.UserAttributeNames, ['name']);
    const [mark] = sent[2]!.input.UserAttributes as Array<{ Name: string; Value: string }>;
    assert.equal(mark!.Name, SEAL_ATTRIBUTE);
    assert.ok(Math.abs(Date.parse(mark!.Value) - Date.now()) < 60_000);
  });

  it('writes no mark when the password could not be replaced', async () => {
    const { client, sent } = recordingClient('AdminSetUserPassword');
    await assert.rejects(seal(client, target({ email: 'a@example.com' })), /Rate exceeded/);
    assert.deepEqual(sent.map((s) => s.command), ['AdminSetUserPassword']);
  });

  it('keeps a password its owner just set with a code from their mailbox', async () => {
    const { client, sent } = recordingClient();
    await seal(client, target({ email: 'a@example.com' }), { keepPassword: true });
    assert.deepEqual(sent.map((s) => s.command), ['AdminUpdateUserAttributes']);
  });
});

describe('handler', () => {
  it('leaves a sealed account’s token issuance and other triggers alone, without calling Cognito', async () => {
    for (const triggerSource of ['TokenGeneration_Authentication', 'TokenGeneration_RefreshTokens', 'PreSignUp_SignUp', 'CustomMessage_SignUp']) {
      const event = {
        triggerSource,
        userPoolId: 'eu-west-1_AbC123',
        userName: 'sub-1',
        request: { userAttributes: { email: 'a@example.com', [SEAL_ATTRIBUTE]: '2026-01-01T00:00:00.000Z' } },
        response: {},
      };
      assert.deepEqual(await handler(structuredClone(event)), event, triggerSource);
    }
  });
});

describe('the bundled handler (what Lambda runs)', () => {
  it('is one CommonJS file that loads only Node built-ins and the runtime’s AWS SDK, lazily', () => {
    const code = bundleTrigger('seal-account');
    const loaded = [...code.matchAll(/(?:require|import)\("([^"]+)"\)/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(loaded)].sort(), ['@aws-sdk/client-cognito-identity-provider', 'node:crypto']);
    assert.doesNotMatch(code, /require\("@aws-sdk/, 'the SDK is imported only when sealing');
    const module = { exports: {} as { handler: typeof handler } };
    new Function('module', 'exports', 'require', code)(module, module.exports, createRequire(import.meta.url));
    assert.equal(typeof module.exports.handler, 'function');
  });
});
