// The production pool's settings the emulator honours, so that tests can prove the defences built on
// them: self sign-up off, refresh-token rotation, admin-only account recovery, and the seal mark
// that the app client can neither write nor read.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  AdminCreateUserCommand,
  AdminUpdateUserAttributesCommand,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { answerOtp, confirm, failure, harness, newEmail, newSignedInUser, signUp, startOtp, type Harness } from './helpers.js';

const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('self sign-up off (AllowAdminCreateUserOnly)', () => {
  let h: Harness;
  before(async () => (h = await harness({ selfSignUp: false })));
  after(() => h.close());

  it('refuses the public SignUp, with or without a password, and sends nothing', async () => {
    for (const Password of [undefined, 'Attacker-Chosen-Pa55']) {
      const email = newEmail();
      assert.deepEqual(await failure(h.client.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username: email, Password }))), {
        name: 'NotAuthorizedException',
        message: 'SignUp is not permitted for this user pool',
        status: 400,
      });
      assert.deepEqual(await h.mails(email), []);
    }
  });

  it('lets an administrator create the account, which then signs in with an email code', async () => {
    const email = newEmail();
    await h.admin.send(
      new AdminCreateUserCommand({
        UserPoolId: h.emulator.userPoolId,
        Username: email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }],
      }),
    );
    const challenge = await startOtp(h, email);
    const r = await answerOtp(h, email, challenge.Session, await h.lastCode(email, 'sign-in'));
    assert.equal(claims(r.AuthenticationResult!.IdToken!).email, email);
  });
});

describe('refresh-token rotation', () => {
  let h: Harness;
  before(async () => (h = await harness({ refreshTokenRotation: { retryGracePeriodSeconds: 1 } })));
  after(() => h.close());
  const refresh = (token: string | undefined) =>
    h.client.send(new GetTokensFromRefreshTokenCommand({ ClientId: h.emulator.clientId, RefreshToken: token }));

  it('each refresh hands out a new refresh token of the same sign-in; the old one works for the grace period, then not', async () => {
    const first = await newSignedInUser(h);
    const second = (await refresh(first.RefreshToken)).AuthenticationResult!;
    assert.ok(second.RefreshToken && second.RefreshToken !== first.RefreshToken);
    assert.equal(claims(second.AccessToken!).origin_jti, claims(first.AccessToken!).origin_jti, 'one sign-in, one family');
    // A retry within the grace period (a lost answer, a second tab) still works…
    const retry = (await refresh(first.RefreshToken)).AuthenticationResult!;
    assert.ok(retry.RefreshToken && retry.IdToken);
    await sleep(1100);
    // …after it, the rotated-out token is refused, while the newest one works.
    assert.deepEqual(await failure(refresh(first.RefreshToken)), {
      name: 'RefreshTokenReuseException',
      message: 'Refresh token has already been used.',
      status: 400,
    });
    const third = (await refresh(retry.RefreshToken)).AuthenticationResult!;
    assert.ok(third.RefreshToken);
  });

  it('a rotated token can still revoke its sign-in; then none of its tokens works', async () => {
    const first = await newSignedInUser(h);
    const second = (await refresh(first.RefreshToken)).AuthenticationResult!;
    await h.client.send(new RevokeTokenCommand({ ClientId: h.emulator.clientId, Token: second.RefreshToken }));
    assert.equal((await failure(refresh(second.RefreshToken))).message, 'Refresh Token has been revoked');
    assert.equal((await failure(refresh(first.RefreshToken))).message, 'Refresh Token has been revoked');
  });

  it('refuses REFRESH_TOKEN_AUTH: a rotating client has no ALLOW_REFRESH_TOKEN_AUTH', async () => {
    const first = await newSignedInUser(h);
    assert.deepEqual(
      await failure(
        h.client.send(new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: first.RefreshToken! } })),
      ),
      { name: 'InvalidParameterException', message: 'REFRESH_TOKEN_AUTH flow not enabled for this client', status: 400 },
    );
  });

  it('is off unless asked for: the refresh token then never changes (Cognito’s default)', async () => {
    const plain = await harness();
    try {
      const first = await newSignedInUser(plain);
      const again = await plain.client.send(new GetTokensFromRefreshTokenCommand({ ClientId: plain.emulator.clientId, RefreshToken: first.RefreshToken }));
      assert.equal(again.AuthenticationResult?.RefreshToken, undefined);
    } finally {
      await plain.close();
    }
  });
});

describe('account recovery: admin only', () => {
  let h: Harness;
  before(async () => (h = await harness()));
  after(() => h.close());

  it('refuses ForgotPassword and ConfirmForgotPassword alike for an account and an unknown address, and mails nothing', async () => {
    const known = newEmail();
    await newSignedInUser(h, known);
    const answers: Array<{ name: string; message: string }> = [];
    for (const email of [known, newEmail()]) {
      answers.push(await failure(h.client.send(new ForgotPasswordCommand({ ClientId: h.emulator.clientId, Username: email }))));
      answers.push(
        await failure(
          h.client.send(new ConfirmForgotPasswordCommand({ ClientId: h.emulator.clientId, Username: email, ConfirmationCode: '123456', Password: 'New-Pa55word' })),
        ),
      );
    }
    assert.ok(answers.every((a) => a.name === 'NotAuthorizedException' && a.message === answers[0]!.message), JSON.stringify(answers));
    assert.equal((await h.mails(known)).filter((m) => m.kind !== 'sign-up').length, 0);
  });
});

describe('the seal mark (custom:sealed_at)', () => {
  let h: Harness;
  before(async () => (h = await harness()));
  after(() => h.close());

  it('cannot be written by a SignUp', async () => {
    const r = await failure(signUp(h, newEmail(), [{ Name: 'custom:sealed_at', Value: 'forged' }]));
    assert.deepEqual(r, { name: 'NotAuthorizedException', message: 'A client attempted to write unauthorized attribute', status: 400 });
  });

  it('is not shown to the app client: not in the ID token, not in GetUser', async () => {
    const email = newEmail();
    await signUp(h, email);
    await h.admin.send(
      new AdminUpdateUserAttributesCommand({ UserPoolId: h.emulator.userPoolId, Username: email, UserAttributes: [{ Name: 'custom:sealed_at', Value: 'x' }] }),
    );
    const { Session } = await confirm(h, email);
    const r = await h.client.send(new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email }, Session }));
    assert.equal(claims(r.AuthenticationResult!.IdToken!)['custom:sealed_at'], undefined);
    const user = await h.client.send(new GetUserCommand({ AccessToken: r.AuthenticationResult!.AccessToken }));
    assert.ok(!user.UserAttributes!.some((a) => a.Name === 'custom:sealed_at'));
    assert.ok(user.UserAttributes!.some((a) => a.Name === 'email'));
  });
});
