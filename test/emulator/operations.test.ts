// Every operation and every applicable row of the spec's error table, through the unmodified AWS SDK v3.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ConfirmSignUpCommand,
  DeleteUserCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { answerOtp, confirm, failure, harness, newEmail, newSignedInUser, signUp, startOtp, wrong, type Harness } from './helpers.js';

describe('sign-up', () => {
  let h: Harness;
  before(async () => (h = await harness()));
  after(() => h.close());

  it('SignUp without a password sends a 6-digit code and answers like Cognito', async () => {
    const email = newEmail();
    const r = await signUp(h, email, [{ Name: 'locale', Value: 'de' }, { Name: 'given_name', Value: 'Ada' }]);
    assert.equal(r.UserConfirmed, false);
    assert.match(r.UserSub ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual(r.CodeDeliveryDetails, { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'u***@e***' });
    assert.ok(r.Session && r.Session.length > 20);
    const mails = await h.mails(email);
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.kind, 'sign-up');
    assert.match(mails[0]!.code, /^\d{6}$/);
    assert.ok(mails[0]!.text.includes(mails[0]!.code));
    assert.ok(!Number.isNaN(Date.parse(mails[0]!.sentAt)));
  });

  it('SignUp refuses a taken email (any case), a non-email username, unknown and read-only attributes, an unknown client', async () => {
    const email = newEmail();
    await signUp(h, email);
    assert.deepEqual(await failure(signUp(h, email.toUpperCase())), {
      name: 'UsernameExistsException',
      message: 'An account with the given email already exists.',
      status: 400,
    });
    const notEmail = await failure(signUp(h, 'alice'));
    assert.equal(notEmail.name, 'InvalidParameterException');
    assert.equal(notEmail.message, 'Username should be an email.');
    const unknownAttr = await failure(signUp(h, newEmail(), [{ Name: 'shoe_size', Value: '42' }]));
    assert.equal(unknownAttr.name, 'InvalidParameterException');
    assert.match(unknownAttr.message, /^Attributes did not conform to the schema: shoe_size/);
    const readOnly = await failure(signUp(h, newEmail(), [{ Name: 'email_verified', Value: 'true' }]));
    assert.equal(readOnly.name, 'NotAuthorizedException');
    const badClient = await failure(
      h.client.send(new SignUpCommand({ ClientId: 'nosuchclient', Username: newEmail() })),
    );
    assert.equal(badClient.name, 'ResourceNotFoundException');
  });

  it('SignUp with a too short password is InvalidPasswordException', async () => {
    const r = await failure(h.client.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username: newEmail(), Password: 'short' })));
    assert.equal(r.name, 'InvalidPasswordException');
  });

  it('ConfirmSignUp: wrong code, right code, then already confirmed', async () => {
    const email = newEmail();
    await signUp(h, email);
    const code = await h.lastCode(email, 'sign-up');
    const mismatch = await failure(
      h.client.send(new ConfirmSignUpCommand({ ClientId: h.emulator.clientId, Username: email, ConfirmationCode: wrong(code) })),
    );
    assert.deepEqual(mismatch, { name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.', status: 400 });
    const ok = await h.client.send(new ConfirmSignUpCommand({ ClientId: h.emulator.clientId, Username: email, ConfirmationCode: code }));
    assert.ok(ok.Session);
    const again = await failure(
      h.client.send(new ConfirmSignUpCommand({ ClientId: h.emulator.clientId, Username: email, ConfirmationCode: code })),
    );
    assert.deepEqual(again, { name: 'NotAuthorizedException', message: 'User cannot be confirmed. Current status is CONFIRMED', status: 400 });
  });

  it('ConfirmSignUp: too many wrong codes lock the code until a new one is sent', async () => {
    const email = newEmail();
    await signUp(h, email);
    const code = await h.lastCode(email, 'sign-up');
    const send = (c: string) =>
      h.client.send(new ConfirmSignUpCommand({ ClientId: h.emulator.clientId, Username: email, ConfirmationCode: c }));
    for (let i = 0; i < 5; i += 1) assert.equal((await failure(send(wrong(code)))).name, 'CodeMismatchException');
    assert.equal((await failure(send(code))).name, 'TooManyFailedAttemptsException');
    await h.client.send(new ResendConfirmationCodeCommand({ ClientId: h.emulator.clientId, Username: email }));
    const fresh = await h.lastCode(email, 'sign-up');
    await send(fresh);
  });

  it('ResendConfirmationCode sends a new code that replaces the old one; confirmed users are refused', async () => {
    const email = newEmail();
    await signUp(h, email);
    const first = await h.lastCode(email, 'sign-up');
    const r = await h.client.send(new ResendConfirmationCodeCommand({ ClientId: h.emulator.clientId, Username: email }));
    assert.deepEqual(r.CodeDeliveryDetails, { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'u***@e***' });
    const second = await h.lastCode(email, 'sign-up');
    assert.equal((await h.mails(email)).length, 2);
    if (first !== second) {
      const old = await failure(
        h.client.send(new ConfirmSignUpCommand({ ClientId: h.emulator.clientId, Username: email, ConfirmationCode: first })),
      );
      assert.equal(old.name, 'CodeMismatchException');
    }
    await h.client.send(new ConfirmSignUpCommand({ ClientId: h.emulator.clientId, Username: email, ConfirmationCode: second }));
    const confirmed = await failure(h.client.send(new ResendConfirmationCodeCommand({ ClientId: h.emulator.clientId, Username: email })));
    assert.deepEqual(confirmed, { name: 'InvalidParameterException', message: 'User is already confirmed.', status: 400 });
  });

  it('ConfirmSignUp with an expired code is ExpiredCodeException', async (t) => {
    const email = newEmail();
    await signUp(h, email);
    const code = await h.lastCode(email, 'sign-up');
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() + 24 * 3600 * 1000 + 1000 });
    const r = await failure(
      h.client.send(new ConfirmSignUpCommand({ ClientId: h.emulator.clientId, Username: email, ConfirmationCode: code })),
    );
    t.mock.timers.reset();
    assert.deepEqual(r, { name: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.', status: 400 });
  });
});

describe('sign-in', () => {
  let h: Harness;
  before(async () => (h = await harness({ authSessionValiditySeconds: 2 })));
  after(() => h.close());

  it('the ConfirmSignUp session signs the new user in once, without another code', async () => {
    const email = newEmail();
    await signUp(h, email);
    const { Session } = await confirm(h, email);
    const auth = (session: string | undefined) =>
      h.client.send(new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email }, Session: session }));
    const r = await auth(Session);
    assert.equal(r.AuthenticationResult?.TokenType, 'Bearer');
    assert.equal(r.AuthenticationResult?.ExpiresIn, 3600);
    assert.ok(r.AuthenticationResult?.RefreshToken);
    assert.deepEqual(r.ChallengeParameters, {});
    assert.equal((await h.mails(email)).length, 1);
    assert.deepEqual(await failure(auth(Session)), {
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session can only be used once.',
      status: 400,
    });
  });

  it('the ConfirmSignUp session expires after the session validity', async () => {
    const email = newEmail();
    await signUp(h, email);
    const { Session } = await confirm(h, email);
    await new Promise((r) => setTimeout(r, 2100));
    const r = await failure(
      h.client.send(new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email }, Session })),
    );
    assert.equal(r.message, 'Invalid session for the user, session is expired.');
  });

  it('USER_AUTH with EMAIL_OTP preferred: 8-digit code, wrong codes keep the session, success verifies email and is single-use', async () => {
    const email = newEmail();
    await newSignedInUser(h, email);
    const start = await startOtp(h, email);
    assert.equal(start.ChallengeName, 'EMAIL_OTP');
    assert.deepEqual(start.AvailableChallenges, ['EMAIL_OTP']);
    assert.deepEqual(start.ChallengeParameters, { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'u***@e***' });
    const code = await h.lastCode(email, 'sign-in');
    assert.match(code, /^\d{8}$/);
    for (let i = 0; i < 6; i += 1) {
      assert.deepEqual(await failure(answerOtp(h, email, start.Session, wrong(code))), {
        name: 'CodeMismatchException',
        message: 'Invalid code or auth state for the user.',
        status: 400,
      });
    }
    const done = await answerOtp(h, email, start.Session, code);
    assert.ok(done.AuthenticationResult?.AccessToken);
    const reuse = await failure(answerOtp(h, email, start.Session, code));
    assert.equal(reuse.message, 'Invalid session for the user, session can only be used once.');
    const user = await h.client.send(new GetUserCommand({ AccessToken: done.AuthenticationResult.AccessToken }));
    assert.equal(user.UserAttributes?.find((a) => a.Name === 'email_verified')?.Value, 'true');
  });

  it('USER_AUTH without a preference offers SELECT_CHALLENGE; answering EMAIL_OTP sends a code', async () => {
    const email = newEmail();
    await newSignedInUser(h, email);
    const start = await h.client.send(
      new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email } }),
    );
    assert.equal(start.ChallengeName, 'SELECT_CHALLENGE');
    assert.deepEqual(start.AvailableChallenges, ['EMAIL_OTP']);
    const select = (answer: string) =>
      h.client.send(
        new RespondToAuthChallengeCommand({
          ClientId: h.emulator.clientId,
          ChallengeName: 'SELECT_CHALLENGE',
          Session: start.Session,
          ChallengeResponses: { USERNAME: email, ANSWER: answer },
        }),
      );
    assert.equal((await failure(select('PASSWORD'))).name, 'InvalidParameterException');
    const otp = await select('EMAIL_OTP');
    assert.equal(otp.ChallengeName, 'EMAIL_OTP');
    assert.notEqual(otp.Session, start.Session);
    const done = await answerOtp(h, email, otp.Session, await h.lastCode(email, 'sign-in'));
    assert.ok(done.AuthenticationResult?.IdToken);
  });

  it('a new code invalidates the previous one', async () => {
    const email = newEmail();
    await newSignedInUser(h, email);
    const first = await startOtp(h, email);
    const firstCode = await h.lastCode(email, 'sign-in');
    const second = await startOtp(h, email);
    const secondCode = await h.lastCode(email, 'sign-in');
    assert.equal((await failure(answerOtp(h, email, first.Session, firstCode))).name, 'CodeMismatchException');
    const done = await answerOtp(h, email, second.Session, secondCode);
    assert.ok(done.AuthenticationResult);
  });

  it('an OTP session expires after the session validity', async () => {
    const email = newEmail();
    await newSignedInUser(h, email);
    const start = await startOtp(h, email);
    const code = await h.lastCode(email, 'sign-in');
    await new Promise((r) => setTimeout(r, 2100));
    assert.deepEqual(await failure(answerOtp(h, email, start.Session, code)), {
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
      status: 400,
    });
  });

  it('a garbage session is "Invalid session for the user."', async () => {
    const email = newEmail();
    await newSignedInUser(h, email);
    for (const session of ['garbage', 'AYABx.y', `AYAB${'a'.repeat(40)}.${'b'.repeat(43)}`]) {
      assert.deepEqual(await failure(answerOtp(h, email, session, '12345678')), {
        name: 'NotAuthorizedException',
        message: 'Invalid session for the user.',
        status: 400,
      });
    }
  });

  it('an unconfirmed user is UserNotConfirmedException', async () => {
    const email = newEmail();
    await signUp(h, email);
    assert.deepEqual(await failure(startOtp(h, email)), {
      name: 'UserNotConfirmedException',
      message: 'User is not confirmed.',
      status: 400,
    });
  });

  it('InitiateAuth with an unknown client is ResourceNotFoundException; a missing USERNAME is InvalidParameterException', async () => {
    const r = await failure(
      h.client.send(new InitiateAuthCommand({ ClientId: 'nosuchclient', AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: newEmail() } })),
    );
    assert.equal(r.name, 'ResourceNotFoundException');
    const missing = await failure(h.client.send(new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: {} })));
    assert.deepEqual(missing, { name: 'InvalidParameterException', message: 'Missing required parameter USERNAME', status: 400 });
    const srp = await failure(
      h.client.send(new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'x@y.z' } })),
    );
    assert.equal(srp.name, 'InvalidParameterException');
  });
});

describe('PreventUserExistenceErrors', () => {
  let enabled: Harness;
  let legacy: Harness;
  before(async () => {
    enabled = await harness({ userExistenceErrors: 'enabled' });
    legacy = await harness({ userExistenceErrors: 'legacy' });
  });
  after(async () => {
    await enabled.close();
    await legacy.close();
  });

  it('enabled: an unknown user gets a simulated challenge, no mail, and a code never matches', async () => {
    const email = 'nobody@example.org';
    const start = await startOtp(enabled, email);
    assert.equal(start.ChallengeName, 'EMAIL_OTP');
    assert.equal(start.ChallengeParameters?.CODE_DELIVERY_DESTINATION, 'n***@e***');
    assert.deepEqual(await enabled.mails(email), []);
    assert.deepEqual(await failure(answerOtp(enabled, email, start.Session, '12345678')), {
      name: 'CodeMismatchException',
      message: 'Invalid code or auth state for the user.',
      status: 400,
    });
    const select = await enabled.client.send(
      new InitiateAuthCommand({ ClientId: enabled.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email } }),
    );
    assert.equal(select.ChallengeName, 'SELECT_CHALLENGE');
    const resend = await enabled.client.send(new ResendConfirmationCodeCommand({ ClientId: enabled.emulator.clientId, Username: email }));
    assert.equal(resend.CodeDeliveryDetails?.Destination, 'n***@e***');
    assert.deepEqual(await enabled.mails(email), []);
    const confirmUnknown = await failure(
      enabled.client.send(new ConfirmSignUpCommand({ ClientId: enabled.emulator.clientId, Username: email, ConfirmationCode: '123456' })),
    );
    assert.equal(confirmUnknown.name, 'CodeMismatchException');
  });

  it('legacy: an unknown user is UserNotFoundException', async () => {
    const email = 'nobody@example.org';
    assert.deepEqual(await failure(startOtp(legacy, email)), { name: 'UserNotFoundException', message: 'User does not exist.', status: 400 });
    const resend = await failure(legacy.client.send(new ResendConfirmationCodeCommand({ ClientId: legacy.emulator.clientId, Username: email })));
    assert.deepEqual(resend, { name: 'UserNotFoundException', message: 'Username/client id combination not found.', status: 400 });
    const confirmUnknown = await failure(
      legacy.client.send(new ConfirmSignUpCommand({ ClientId: legacy.emulator.clientId, Username: email, ConfirmationCode: '123456' })),
    );
    assert.equal(confirmUnknown.message, 'Username/client id combination not found.');
  });
});

describe('code send limit', () => {
  let h: Harness;
  before(async () => (h = await harness({ codeSendLimit: { max: 2, windowSeconds: 600 } })));
  after(() => h.close());

  it('beyond the limit, sends are LimitExceededException and nothing is sent', async () => {
    const email = newEmail();
    await signUp(h, email); // send 1
    await h.client.send(new ResendConfirmationCodeCommand({ ClientId: h.emulator.clientId, Username: email })); // send 2
    const r = await failure(h.client.send(new ResendConfirmationCodeCommand({ ClientId: h.emulator.clientId, Username: email })));
    assert.deepEqual(r, { name: 'LimitExceededException', message: 'Attempt limit exceeded, please try after some time.', status: 400 });
    assert.equal((await h.mails(email)).length, 2);
    // The last code sent is still good.
    const { Session } = await confirm(h, email);
    assert.ok(Session);
    assert.equal((await failure(startOtp(h, email))).name, 'LimitExceededException');
  });
});

describe('tokens and sign-out', () => {
  let h: Harness;
  before(async () => (h = await harness()));
  after(() => h.close());

  it('GetTokensFromRefreshToken and REFRESH_TOKEN_AUTH mint new tokens without a new refresh token', async () => {
    const tokens = await newSignedInUser(h);
    const a = await h.client.send(new GetTokensFromRefreshTokenCommand({ ClientId: h.emulator.clientId, RefreshToken: tokens.RefreshToken }));
    assert.ok(a.AuthenticationResult?.AccessToken);
    assert.equal(a.AuthenticationResult.RefreshToken, undefined);
    assert.notEqual(a.AuthenticationResult.AccessToken, tokens.AccessToken);
    const b = await h.client.send(
      new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! } }),
    );
    assert.ok(b.AuthenticationResult?.IdToken);
    assert.equal(b.AuthenticationResult.RefreshToken, undefined);
    const bad = await failure(h.client.send(new GetTokensFromRefreshTokenCommand({ ClientId: h.emulator.clientId, RefreshToken: 'nonsense' })));
    assert.deepEqual(bad, { name: 'NotAuthorizedException', message: 'Invalid Refresh Token', status: 400 });
  });

  it('GetUser returns the attributes with the sub as username; a bad token is refused', async () => {
    const email = newEmail();
    await signUp(h, email, [{ Name: 'locale', Value: 'fr' }]);
    const { Session } = await confirm(h, email);
    const r = await h.client.send(
      new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email }, Session }),
    );
    const user = await h.client.send(new GetUserCommand({ AccessToken: r.AuthenticationResult!.AccessToken }));
    const attrs = Object.fromEntries((user.UserAttributes ?? []).map((a) => [a.Name, a.Value]));
    assert.equal(user.Username, attrs.sub);
    assert.deepEqual({ email: attrs.email, locale: attrs.locale, email_verified: attrs.email_verified }, { email, locale: 'fr', email_verified: 'true' });
    const bad = await failure(h.client.send(new GetUserCommand({ AccessToken: 'a.b.c' })));
    assert.deepEqual(bad, { name: 'NotAuthorizedException', message: 'Invalid Access Token', status: 400 });
    // An ID token is signed by the pool but is not an access token.
    const id = await failure(h.client.send(new GetUserCommand({ AccessToken: r.AuthenticationResult!.IdToken })));
    assert.equal(id.message, 'Invalid Access Token');
  });

  it('RevokeToken revokes the refresh token and the access tokens minted from it', async () => {
    const tokens = await newSignedInUser(h);
    const other = await h.client.send(
      new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! } }),
    );
    const r = await h.client.send(new RevokeTokenCommand({ ClientId: h.emulator.clientId, Token: tokens.RefreshToken }));
    assert.deepEqual({ ...r, $metadata: undefined }, { $metadata: undefined });
    assert.deepEqual(await failure(h.client.send(new GetTokensFromRefreshTokenCommand({ ClientId: h.emulator.clientId, RefreshToken: tokens.RefreshToken }))), {
      name: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
      status: 400,
    });
    for (const token of [tokens.AccessToken, other.AuthenticationResult!.AccessToken]) {
      assert.deepEqual(await failure(h.client.send(new GetUserCommand({ AccessToken: token }))), {
        name: 'NotAuthorizedException',
        message: 'Access Token has been revoked',
        status: 400,
      });
    }
    const wrongClient = await failure(h.client.send(new RevokeTokenCommand({ ClientId: 'nosuchclient', Token: tokens.RefreshToken })));
    assert.equal(wrongClient.name, 'ResourceNotFoundException');
    const jwt = await failure(h.client.send(new RevokeTokenCommand({ ClientId: h.emulator.clientId, Token: tokens.AccessToken })));
    assert.equal(jwt.name, 'UnsupportedTokenTypeException');
  });

  it('GlobalSignOut revokes every sign-in of the user and no other user', async () => {
    const email = newEmail();
    const first = await newSignedInUser(h, email);
    const start = await startOtp(h, email);
    const second = (await answerOtp(h, email, start.Session, await h.lastCode(email, 'sign-in'))).AuthenticationResult!;
    const bystander = await newSignedInUser(h);
    await h.client.send(new GlobalSignOutCommand({ AccessToken: second.AccessToken }));
    for (const t of [first, second]) {
      assert.equal((await failure(h.client.send(new GetUserCommand({ AccessToken: t.AccessToken })))).message, 'Access Token has been revoked');
      assert.equal(
        (await failure(h.client.send(new GetTokensFromRefreshTokenCommand({ ClientId: h.emulator.clientId, RefreshToken: t.RefreshToken })))).message,
        'Refresh Token has been revoked',
      );
    }
    assert.ok((await h.client.send(new GetUserCommand({ AccessToken: bystander.AccessToken }))).Username);
  });

  it('DeleteUser removes the user: tokens revoked, the email free again', async () => {
    const email = newEmail();
    const tokens = await newSignedInUser(h, email);
    await h.client.send(new DeleteUserCommand({ AccessToken: tokens.AccessToken }));
    assert.equal((await failure(h.client.send(new GetUserCommand({ AccessToken: tokens.AccessToken })))).message, 'Access Token has been revoked');
    assert.equal(
      (await failure(h.client.send(new GetTokensFromRefreshTokenCommand({ ClientId: h.emulator.clientId, RefreshToken: tokens.RefreshToken })))).name,
      'NotAuthorizedException',
    );
    const again = await signUp(h, email);
    assert.equal(again.UserConfirmed, false);
  });
});

describe('concurrency', () => {
  let h: Harness;
  before(async () => (h = await harness()));
  after(() => h.close());

  it('ten simultaneous sign-ups of one email create one user', async () => {
    const email = newEmail();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => signUp(h, email)));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    assert.equal((await h.mails(email)).length, 1);
  });

  it('two simultaneous right answers to one OTP session sign in once', async () => {
    const email = newEmail();
    await newSignedInUser(h, email);
    const start = await startOtp(h, email);
    const code = await h.lastCode(email, 'sign-in');
    const results = await Promise.allSettled([answerOtp(h, email, start.Session, code), answerOtp(h, email, start.Session, code)]);
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
  });
});
