// The administrator operations the pool's triggers and a site's back office call, through the
// unmodified AWS SDK v3 (SigV4-signed with dummy credentials), with Cognito's shapes and errors.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { answerOtp, failure, harness, newEmail, newSignedInUser, signUp, startOtp, type Harness } from './helpers.js';

describe('admin operations', () => {
  let h: Harness;
  let pool: string;
  before(async () => {
    h = await harness();
    pool = h.emulator.userPoolId;
  });
  after(() => h.close());

  it('refuse a call without a SigV4 signature, as Cognito authorizes them with IAM', async () => {
    const email = newEmail();
    await signUp(h, email);
    const response = await fetch(h.emulator.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.AdminSetUserPassword' },
      body: JSON.stringify({ UserPoolId: pool, Username: email, Password: 'Chosen-By-A-Browser-1', Permanent: true }),
    });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
    const user = await h.admin.send(new AdminGetUserCommand({ UserPoolId: pool, Username: email }));
    assert.equal(user.UserStatus, 'UNCONFIRMED', 'the unsigned call changed nothing');
  });

  it('name the pool and say whether the user exists', async () => {
    assert.equal((await failure(h.admin.send(new AdminGetUserCommand({ UserPoolId: 'us-east-1_Other', Username: newEmail() })))).name, 'ResourceNotFoundException');
    assert.deepEqual(await failure(h.admin.send(new AdminGetUserCommand({ UserPoolId: pool, Username: newEmail() }))), {
      name: 'UserNotFoundException',
      message: 'User does not exist.',
      status: 400,
    });
  });

  it('AdminGetUser answers by email or by Cognito username (the sub), with every attribute and epoch-second dates', async () => {
    const email = newEmail();
    const { UserSub } = await signUp(h, email, [{ Name: 'locale', Value: 'nl' }]);
    for (const username of [email, email.toUpperCase(), UserSub!]) {
      const user = await h.admin.send(new AdminGetUserCommand({ UserPoolId: pool, Username: username }));
      assert.equal(user.Username, UserSub);
      assert.equal(user.UserStatus, 'UNCONFIRMED');
      assert.equal(user.Enabled, true);
      assert.ok(user.UserCreateDate instanceof Date && Math.abs(user.UserCreateDate.getTime() - Date.now()) < 60_000);
      assert.deepEqual(
        Object.fromEntries(user.UserAttributes!.map((a) => [a.Name, a.Value])),
        { sub: UserSub, email, locale: 'nl', email_verified: 'false' },
      );
    }
  });

  it('AdminCreateUser (no invitation, no password) makes a confirmed user who signs in with an email code', async () => {
    const email = newEmail();
    const created = await h.admin.send(
      new AdminCreateUserCommand({
        UserPoolId: pool,
        Username: email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }, { Name: 'custom:sealed_at', Value: 'admin' }],
      }),
    );
    assert.equal(created.User?.UserStatus, 'CONFIRMED');
    assert.equal(created.User?.Attributes?.find((a) => a.Name === 'custom:sealed_at')?.Value, 'admin');
    assert.deepEqual(await h.mails(email), [], 'no invitation');
    const challenge = await startOtp(h, email);
    assert.equal(challenge.ChallengeName, 'EMAIL_OTP');
    const signedIn = await answerOtp(h, email, challenge.Session, await h.lastCode(email, 'sign-in'));
    assert.ok(signedIn.AuthenticationResult?.IdToken);
    assert.equal((await failure(h.admin.send(new AdminCreateUserCommand({ UserPoolId: pool, Username: email, MessageAction: 'SUPPRESS' })))).name, 'UsernameExistsException');
  });

  it('AdminCreateUser says what the emulator does not do (temporary passwords, invitations)', async () => {
    const temporary = await failure(
      h.admin.send(new AdminCreateUserCommand({ UserPoolId: pool, Username: newEmail(), MessageAction: 'SUPPRESS', TemporaryPassword: 'Temp-Pa55word' })),
    );
    assert.equal(temporary.name, 'InvalidParameterException');
    assert.match(temporary.message, /does not implement temporary passwords/);
    const invitation = await failure(h.admin.send(new AdminCreateUserCommand({ UserPoolId: pool, Username: newEmail() })));
    assert.match(invitation.message, /does not implement invitation messages/);
  });

  it('AdminSetUserPassword (permanent) sets a password that signs in, and confirms an unconfirmed account', async () => {
    const email = newEmail();
    await signUp(h, email);
    await h.admin.send(new AdminSetUserPasswordCommand({ UserPoolId: pool, Username: email, Password: 'Admin-Chosen-Pa55', Permanent: true }));
    assert.equal((await h.admin.send(new AdminGetUserCommand({ UserPoolId: pool, Username: email }))).UserStatus, 'CONFIRMED');
    const r = await h.client.send(
      new InitiateAuthCommand({
        ClientId: h.emulator.clientId,
        AuthFlow: 'USER_AUTH',
        AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'Admin-Chosen-Pa55' },
      }),
    );
    assert.ok(r.AuthenticationResult?.AccessToken);
    assert.equal((await failure(h.admin.send(new AdminSetUserPasswordCommand({ UserPoolId: pool, Username: email, Password: 'short', Permanent: true })))).name, 'InvalidPasswordException');
    assert.match((await failure(h.admin.send(new AdminSetUserPasswordCommand({ UserPoolId: pool, Username: email, Password: 'Temp-Pa55word' })))).message, /temporary passwords/);
  });

  it('AdminUpdateUserAttributes and AdminDeleteUserAttributes change any attribute but the sub, and never remove the email', async () => {
    const email = newEmail();
    await signUp(h, email, [{ Name: 'locale', Value: 'de' }]);
    await h.admin.send(
      new AdminUpdateUserAttributesCommand({ UserPoolId: pool, Username: email, UserAttributes: [{ Name: 'name', Value: 'Ada' }, { Name: 'custom:sealed_at', Value: 'now' }] }),
    );
    await h.admin.send(new AdminDeleteUserAttributesCommand({ UserPoolId: pool, Username: email, UserAttributeNames: ['locale'] }));
    const attrs = Object.fromEntries((await h.admin.send(new AdminGetUserCommand({ UserPoolId: pool, Username: email }))).UserAttributes!.map((a) => [a.Name, a.Value]));
    assert.equal(attrs.name, 'Ada');
    assert.equal(attrs['custom:sealed_at'], 'now');
    assert.equal(attrs.locale, undefined);
    assert.equal((await failure(h.admin.send(new AdminDeleteUserAttributesCommand({ UserPoolId: pool, Username: email, UserAttributeNames: ['email'] })))).name, 'InvalidParameterException');
    assert.equal((await failure(h.admin.send(new AdminUpdateUserAttributesCommand({ UserPoolId: pool, Username: email, UserAttributes: [{ Name: 'sub', Value: 'x' }] })))).name, 'InvalidParameterException');
    assert.equal((await failure(h.admin.send(new AdminUpdateUserAttributesCommand({ UserPoolId: pool, Username: email, UserAttributes: [{ Name: 'custom:nope', Value: 'x' }] })))).name, 'InvalidParameterException');
  });

  it('AdminUserGlobalSignOut ends every sign-in; AdminDeleteUser removes the account', async () => {
    const email = newEmail();
    const tokens = await newSignedInUser(h, email);
    await h.admin.send(new AdminUserGlobalSignOutCommand({ UserPoolId: pool, Username: email }));
    assert.deepEqual(
      await failure(h.client.send(new GetTokensFromRefreshTokenCommand({ ClientId: h.emulator.clientId, RefreshToken: tokens.RefreshToken }))),
      { name: 'NotAuthorizedException', message: 'Refresh Token has been revoked', status: 400 },
    );
    await h.admin.send(new AdminDeleteUserCommand({ UserPoolId: pool, Username: email }));
    assert.equal((await failure(h.admin.send(new AdminGetUserCommand({ UserPoolId: pool, Username: email })))).name, 'UserNotFoundException');
  });

  it('AdminConfirmSignUp confirms an unconfirmed account once (the email stays unverified)', async () => {
    const email = newEmail();
    await signUp(h, email);
    await h.admin.send(new AdminConfirmSignUpCommand({ UserPoolId: pool, Username: email }));
    const user = await h.admin.send(new AdminGetUserCommand({ UserPoolId: pool, Username: email }));
    assert.equal(user.UserStatus, 'CONFIRMED');
    assert.equal(user.UserAttributes!.find((a) => a.Name === 'email_verified')?.Value, 'false');
    assert.deepEqual(await failure(h.admin.send(new AdminConfirmSignUpCommand({ UserPoolId: pool, Username: email }))), {
      name: 'NotAuthorizedException',
      message: 'User cannot be confirmed. Current status is CONFIRMED',
      status: 400,
    });
  });
});
