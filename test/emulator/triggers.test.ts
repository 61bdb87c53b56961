// The pool's Lambda triggers as the emulator runs them: Cognito's Post confirmation and Pre token
// generation events, a failing or hanging trigger, and the worker environment that points each
// emulator's triggers at that emulator (several emulators in one process, each its own).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AdminConfirmSignUpCommand, AdminGetUserCommand, GetTokensFromRefreshTokenCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { startEmulator } from '../../emulator/index.js';
import { confirm, failure, harness, newSignedInUser, signUp, type Harness } from './helpers.js';

const ECHO = 'test/emulator/fixtures/echo-trigger.mjs';
let counter = 0;
const email = (tag: 'echo' | 'hang' | 'pass') => `${tag}-${++counter}-${process.pid}@example.com`;

/** The event and environment the echo trigger reported through Cognito's error message. */
function echoed(message: string, trigger: string) {
  const prefix = `${trigger} failed with error `;
  assert.ok(message.startsWith(prefix), message);
  return JSON.parse(message.slice(prefix.length, -1)) as { event: any; env: Record<string, string | null>; remaining: number };
}

describe('Post confirmation trigger', () => {
  let h: Harness;
  before(async () => (h = await harness({ triggers: { postConfirmation: ECHO }, triggerEnvironment: { APP_NAME: 'Example Shop' } })));
  after(() => h.close());

  it('gets Cognito’s event after ConfirmSignUp, the account already confirmed and verified', async () => {
    const address = email('echo');
    const { UserSub } = await signUp(h, address, [{ Name: 'locale', Value: 'fr' }]);
    const error = await failure(confirm(h, address));
    assert.equal(error.name, 'UserLambdaValidationException');
    const { event, remaining } = echoed(error.message, 'PostConfirmation');
    assert.deepEqual(event, {
      version: '1',
      triggerSource: 'PostConfirmation_ConfirmSignUp',
      region: h.emulator.region,
      userPoolId: h.emulator.userPoolId,
      userName: UserSub,
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: h.emulator.clientId },
      request: {
        userAttributes: { sub: UserSub, email: address, locale: 'fr', email_verified: 'true', 'cognito:user_status': 'CONFIRMED' },
      },
      response: {},
    });
    assert.ok(remaining > 4000 && remaining <= 5000, `${remaining} ms left of Cognito's 5 s`);
  });

  it('[U] a failed trigger fails the call, and the confirmation stands (the less forgiving reading)', async () => {
    const address = email('echo');
    await signUp(h, address);
    assert.equal((await failure(confirm(h, address))).name, 'UserLambdaValidationException');
    const user = await h.admin.send(new AdminGetUserCommand({ UserPoolId: h.emulator.userPoolId, Username: address }));
    assert.equal(user.UserStatus, 'CONFIRMED');
  });

  it('also runs after AdminConfirmSignUp, with no client', async () => {
    const address = email('echo');
    await signUp(h, address);
    const error = await failure(h.admin.send(new AdminConfirmSignUpCommand({ UserPoolId: h.emulator.userPoolId, Username: address })));
    const { event } = echoed(error.message, 'PostConfirmation');
    assert.equal(event.triggerSource, 'PostConfirmation_ConfirmSignUp');
    assert.equal(event.callerContext.clientId, 'CLIENT_ID_NOT_APPLICABLE');
    assert.equal(event.request.userAttributes.email_verified, 'false');
  });

  it('runs with the emulator as the AWS endpoint, its region, dummy credentials, UTC, and the given environment', async () => {
    const address = email('echo');
    await signUp(h, address);
    const { env } = echoed((await failure(confirm(h, address))).message, 'PostConfirmation');
    assert.deepEqual(env, {
      AWS_REGION: h.emulator.region,
      AWS_ACCESS_KEY_ID: 'AKIAEMULATORLOCAL000',
      AWS_ENDPOINT_URL: h.emulator.endpoint,
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: h.emulator.endpoint,
      AWS_PROFILE: null,
      APP_NAME: 'Example Shop',
      TZ: 'UTC',
    });
  });
});

describe('Pre token generation trigger', () => {
  let h: Harness;
  before(async () => (h = await harness({ triggers: { preTokenGeneration: ECHO } })));
  after(() => h.close());

  it('gets Cognito’s event before a sign-in’s tokens; a throw means no tokens', async () => {
    const address = email('echo');
    const { UserSub } = await signUp(h, address);
    const { Session } = await confirm(h, address);
    const error = await failure(
      h.client.send(new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: address }, Session })),
    );
    assert.equal(error.name, 'UserLambdaValidationException');
    const { event } = echoed(error.message, 'PreTokenGeneration');
    assert.deepEqual(event, {
      version: '1',
      triggerSource: 'TokenGeneration_Authentication',
      region: h.emulator.region,
      userPoolId: h.emulator.userPoolId,
      userName: UserSub,
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: h.emulator.clientId },
      request: {
        userAttributes: { sub: UserSub, email: address, email_verified: 'true', 'cognito:user_status': 'CONFIRMED' },
        groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null },
      },
      response: { claimsOverrideDetails: null },
    });
  });

  it('runs before refreshed tokens too (TokenGeneration_RefreshTokens)', async () => {
    const tokens = await newSignedInUser(h, email('pass'));
    const refreshed = await h.client.send(new GetTokensFromRefreshTokenCommand({ ClientId: h.emulator.clientId, RefreshToken: tokens.RefreshToken }));
    assert.ok(refreshed.AuthenticationResult?.IdToken, 'a trigger that returns the event lets tokens through');
  });

  it('a trigger that does not answer within 5 seconds fails the call, and the next call gets a fresh worker', async () => {
    const address = email('hang');
    await signUp(h, address);
    const { Session } = await confirm(h, address);
    const started = Date.now();
    const error = await failure(
      h.client.send(new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: address }, Session })),
    );
    assert.deepEqual(error, { name: 'UserLambdaValidationException', message: 'PreTokenGeneration failed with error Task timed out after 5.00 seconds.', status: 400 });
    assert.ok(Date.now() - started >= 4900);
    assert.ok(await newSignedInUser(h, email('pass')));
  });
});

describe('one worker per emulator', () => {
  it('two emulators in one process each point their triggers at themselves', async () => {
    const [a, b] = await Promise.all([
      harness({ triggers: { postConfirmation: ECHO } }),
      harness({ triggers: { postConfirmation: ECHO } }),
    ]);
    try {
      for (const h of [a, b]) {
        const address = email('echo');
        await signUp(h, address);
        const { env } = echoed((await failure(confirm(h, address))).message, 'PostConfirmation');
        assert.equal(env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, h.emulator.endpoint);
      }
      assert.notEqual(a.emulator.endpoint, b.emulator.endpoint);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('a trigger module that cannot be loaded is a startup error', async () => {
    await assert.rejects(
      startEmulator({ log: false, triggers: { preTokenGeneration: 'test/emulator/fixtures/missing.mjs' } }),
      /Cannot load the pre token generation module/,
    );
  });
});
