// What a client may send at sign-up, as a real pool judges it: a blank password (passwordless),
// the password policy (Cognito's default, or the one configured), the custom-attribute schema and
// `updated_at`. All through the unmodified AWS SDK v3.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  GetUserCommand,
  InitiateAuthCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DEFAULT_PASSWORD_POLICY, startEmulator } from '../../emulator/index.js';
import { failure, harness, newEmail, newSignedInUser, type Harness } from './helpers.js';

const policy = (why: string) => ({ name: 'InvalidPasswordException', message: `Password did not conform with policy: ${why}`, status: 400 });

describe('SignUp passwords', () => {
  let h: Harness;
  before(async () => (h = await harness()));
  after(() => h.close());

  const signUp = (Password: string | undefined, Username = newEmail()) =>
    h.client.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username, Password }));
  const firstFactors = async (email: string) => {
    await h.client.send(new ConfirmSignUpCommand({ ClientId: h.emulator.clientId, Username: email, ConfirmationCode: await h.lastCode(email, 'sign-up') }));
    const r = await h.client.send(new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email } }));
    return r.AvailableChallenges;
  };

  it('a blank Password, like an omitted one, makes a user without a password', async () => {
    const blank = newEmail();
    const r = await signUp('', blank);
    assert.equal(r.UserConfirmed, false);
    assert.deepEqual(await firstFactors(blank), ['EMAIL_OTP']);
    // Nothing to sign in with by password: PASSWORD is not a choice for this user.
    const asked = await h.client.send(
      new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: blank, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: '' } }),
    );
    assert.equal(asked.ChallengeName, 'SELECT_CHALLENGE');
    const withPassword = newEmail();
    await signUp('Correct-Horse-9', withPassword);
    assert.deepEqual(await firstFactors(withPassword), ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP']);
  });

  it("the default policy is Cognito's: 8 characters, lowercase, uppercase, digits and symbols, each with Cognito's message", async () => {
    assert.deepEqual(await failure(signUp('Aa1!')), policy('Password not long enough'));
    assert.deepEqual(await failure(signUp('aaaaaaa1!')), policy('Password must have uppercase characters'));
    assert.deepEqual(await failure(signUp('AAAAAAA1!')), policy('Password must have lowercase characters'));
    assert.deepEqual(await failure(signUp('Aaaaaaaa!')), policy('Password must have numeric characters'));
    assert.deepEqual(await failure(signUp('Aaaaaaaa1')), policy('Password must have symbol characters'));
    // Letters outside Basic Latin are neither upper nor lower case to Cognito, nor symbols.
    assert.deepEqual(await failure(signUp('ÄÖÜäöüa1!')), policy('Password must have uppercase characters'));
    assert.deepEqual(await failure(signUp('Aaaaaaa1€')), policy('Password must have symbol characters'));
    assert.equal(DEFAULT_PASSWORD_POLICY.minimumLength, 8);
  });

  it("accepts every character of Cognito's symbol set, and an inner space", async () => {
    for (const symbol of '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ')
      assert.equal((await signUp(`Aaaaaa1${symbol}a`)).UserConfirmed, false, JSON.stringify(symbol));
  });

  it("refuses what the Password member's own constraints refuse, before the policy, without echoing it", async () => {
    for (const password of [' Leading-Space-1', 'Trailing-Space-1 ', 'x']) {
      const r = await failure(signUp(password));
      assert.equal(r.name, 'InvalidParameterException', JSON.stringify(password));
      assert.equal(r.message, "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\S]+.*[\\S]+$");
    }
    const long = await failure(signUp(`Aa1!${'x'.repeat(253)}`));
    assert.equal(long.name, 'InvalidParameterException');
    assert.match(long.message, /Member must have length less than or equal to 256$/);
  });
});

describe('a configured password policy', () => {
  it('applies the given length and classes; unset ones keep the default', async () => {
    const h = await harness({ passwordPolicy: { minimumLength: 6, requireUppercase: false, requireSymbols: false } });
    try {
      const signUp = (Password: string) => h.client.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username: newEmail(), Password }));
      assert.equal((await signUp('abcde1')).UserConfirmed, false);
      assert.deepEqual(await failure(signUp('abcd1')), policy('Password not long enough'));
      assert.deepEqual(await failure(signUp('abcdef')), policy('Password must have numeric characters'));
      assert.deepEqual(await failure(signUp('ABCDE1')), policy('Password must have lowercase characters'));
    } finally {
      await h.close();
    }
  });

  it('refuses a policy Cognito would not accept', async () => {
    await assert.rejects(startEmulator({ log: false, passwordPolicy: { minimumLength: 5 } }), /minimumLength/);
    await assert.rejects(startEmulator({ log: false, passwordPolicy: { requireEmoji: true } as never }), /requireEmoji/);
  });

  it('--password-policy and --custom-attribute set them from the command line', async () => {
    const child = spawn(process.execPath, ['dist/emulator/cli.js', '--port', '0', '--password-policy', 'min=10,numbers', '--custom-attribute', 'age:Number'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const first = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
      const { endpoint, clientId, region } = JSON.parse(first) as { endpoint: string; clientId: string; region: string };
      const client = new CognitoIdentityProviderClient({ endpoint, region, maxAttempts: 1 });
      const signUp = (Password: string, attrs: Array<{ Name: string; Value: string }> = []) =>
        client.send(new SignUpCommand({ ClientId: clientId, Username: newEmail(), Password, UserAttributes: attrs }));
      assert.equal((await signUp('abcdefghi1', [{ Name: 'custom:age', Value: '42' }])).UserConfirmed, false);
      assert.deepEqual(await failure(signUp('abcdefgh1')), policy('Password not long enough'));
      assert.deepEqual(await failure(signUp('abcdefghij')), policy('Password must have numeric characters'));
      assert.equal((await failure(signUp('abcdefghi1', [{ Name: 'custom:age', Value: 'old' }]))).name, 'InvalidParameterException');
      client.destroy();
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe('the custom-attribute schema and updated_at', () => {
  let h: Harness;
  before(
    async () =>
      (h = await harness({
        customAttributes: [{ name: 'tier' }, { name: 'custom:age', type: 'Number', min: 0, max: 150 }, { name: 'plan', mutable: false }],
      })),
  );
  after(() => h.close());

  const signUp = (attrs: Array<{ Name: string; Value: string }>) =>
    h.client.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username: newEmail(), UserAttributes: attrs }));

  it("refuses a custom attribute the pool does not define, with Cognito's message", async () => {
    const unknown = await failure(signUp([{ Name: 'custom:foo', Value: 'x' }]));
    assert.deepEqual(unknown, {
      name: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: Type for attribute {custom:foo} could not be determined',
      status: 400,
    });
    const plain = await harness();
    try {
      // The default schema has no custom attributes at all, as the pool in infra/.
      const r = await failure(plain.client.send(new SignUpCommand({ ClientId: plain.emulator.clientId, Username: newEmail(), UserAttributes: [{ Name: 'custom:tier', Value: 'gold' }] })));
      assert.equal(r.message, 'Attributes did not conform to the schema: Type for attribute {custom:tier} could not be determined');
    } finally {
      await plain.close();
    }
  });

  it('keeps the defined ones, and checks each value against its type', async () => {
    assert.equal((await signUp([{ Name: 'custom:tier', Value: 'gold' }, { Name: 'custom:age', Value: '42' }, { Name: 'custom:plan', Value: 'pro' }])).UserConfirmed, false);
    for (const value of ['forty', '4.2', '151', '-1']) {
      const r = await failure(signUp([{ Name: 'custom:age', Value: value }]));
      assert.equal(r.name, 'InvalidParameterException', value);
      assert.match(r.message, /^Attributes did not conform to the schema: custom:age: Number must be/);
    }
    assert.match((await failure(signUp([{ Name: 'custom:tier', Value: 'x'.repeat(2049) }]))).message, /custom:tier: String must be/);
  });

  it('updated_at is a Number, as in Cognito: seconds since the epoch, not a date string', async () => {
    assert.equal((await signUp([{ Name: 'updated_at', Value: '1767225600' }])).UserConfirmed, false);
    for (const value of ['2026-01-01T00:00:00Z', 'yesterday', '']) {
      const r = await failure(signUp([{ Name: 'updated_at', Value: value }]));
      assert.equal(r.name, 'InvalidParameterException', value);
      assert.match(r.message, /^Attributes did not conform to the schema: updated_at: /);
    }
  });

  it('UpdateUserAttributes applies the same schema, and refuses to change an immutable one', async () => {
    const { AccessToken } = await newSignedInUser(h);
    const update = (Name: string, Value: string) =>
      h.client.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name, Value }] }));
    await update('custom:tier', 'silver');
    await update('updated_at', '1767225601');
    const attrs = Object.fromEntries(((await h.client.send(new GetUserCommand({ AccessToken }))).UserAttributes ?? []).map((a) => [a.Name, a.Value]));
    assert.equal(attrs['custom:tier'], 'silver');
    assert.equal(attrs.updated_at, '1767225601');
    assert.match((await failure(update('custom:plan', 'free'))).message, /custom:plan: Attribute cannot be updated/);
    assert.match((await failure(update('custom:nope', 'x'))).message, /Type for attribute \{custom:nope\} could not be determined/);
    assert.match((await failure(update('updated_at', 'now'))).message, /updated_at: /);
  });
});
