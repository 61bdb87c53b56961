// The production pool's seal trigger (infra/lambda/seal-account, the real handler, its AWS SDK calls
// reaching the emulator) against the account takeover before an owner signs up: the attacker's
// password dies at confirmation, attributes someone else set are dropped, and when the trigger
// fails the token gate keeps the account shut until it is sealed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { answerOtp, confirm, failure, harness, newEmail, startOtp, type Harness } from './helpers.js';

const PASSWORD = 'Attacker-Chosen-Pa55!';

describe('the seal trigger (Post confirmation + Pre token generation)', () => {
  let h: Harness;
  before(async () => (h = await harness({ triggers: true })));
  after(() => h.close());

  const attackerSignsUp = (victim: string, extra: Array<{ Name: string; Value: string }> = []) =>
    h.client.send(
      new SignUpCommand({ ClientId: h.emulator.clientId, Username: victim, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: victim }, ...extra] }),
    );
  const passwordSignIn = (victim: string) =>
    h.client.send(
      new InitiateAuthCommand({
        ClientId: h.emulator.clientId,
        AuthFlow: 'USER_AUTH',
        AuthParameters: { USERNAME: victim, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD },
      }),
    );
  const attributes = async (username: string) =>
    Object.fromEntries(
      (await h.admin.send(new AdminGetUserCommand({ UserPoolId: h.emulator.userPoolId, Username: username }))).UserAttributes!.map((a) => [a.Name, a.Value]),
    );
  const faults = (body: object | null) =>
    fetch(`${h.emulator.endpoint}/_emulator/faults`, body ? { method: 'PUT', body: JSON.stringify(body) } : { method: 'DELETE' });

  it('before confirmation the attacker cannot sign in; after the owner confirms, their password is gone', async () => {
    const victim = newEmail();
    await attackerSignsUp(victim);
    assert.equal((await failure(passwordSignIn(victim))).name, 'UserNotConfirmedException');

    const { Session } = await confirm(h, victim); // the owner, with the code from their mailbox
    assert.deepEqual(await failure(passwordSignIn(victim)), { name: 'NotAuthorizedException', message: 'Incorrect username or password.', status: 400 });
    // SELECT_CHALLENGE → PASSWORD, the other way to choose the factor.
    const select = await h.client.send(
      new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: victim } }),
    );
    assert.equal(select.ChallengeName, 'SELECT_CHALLENGE');
    const answered = await failure(
      h.client.send(
        new RespondToAuthChallengeCommand({
          ClientId: h.emulator.clientId,
          ChallengeName: 'SELECT_CHALLENGE',
          Session: select.Session,
          ChallengeResponses: { USERNAME: victim, ANSWER: 'PASSWORD', PASSWORD },
        }),
      ),
    );
    assert.deepEqual(answered, { name: 'NotAuthorizedException', message: 'Incorrect username or password.', status: 400 });

    // The owner is signed in (the ConfirmSignUp session) and the account carries the seal.
    const owner = await h.client.send(
      new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: victim }, Session }),
    );
    assert.ok(owner.AuthenticationResult?.IdToken);
    assert.ok(!Number.isNaN(Date.parse((await attributes(victim))['custom:sealed_at']!)));
  });

  it('also seals someone who signed up without a password (none can be added with a stolen token later)', async () => {
    const email = newEmail();
    await h.client.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username: email, UserAttributes: [{ Name: 'email', Value: email }] }));
    await confirm(h, email);
    assert.ok((await attributes(email))['custom:sealed_at']);
    const select = await h.client.send(
      new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email } }),
    );
    assert.ok(select.AvailableChallenges?.includes('PASSWORD'), 'a password exists, and nobody knows it');
    assert.ok(select.AvailableChallenges?.includes('EMAIL_OTP'));
  });

  it('drops attributes set before confirmation other than email and locale', async () => {
    const victim = newEmail();
    await attackerSignsUp(victim, [{ Name: 'locale', Value: 'ja' }]);
    // What a future app client allowed to write `name` at sign-up would let an attacker pre-set.
    await h.admin.send(
      new AdminUpdateUserAttributesCommand({ UserPoolId: h.emulator.userPoolId, Username: victim, UserAttributes: [{ Name: 'name', Value: 'Support Team' }] }),
    );
    await confirm(h, victim);
    const after = await attributes(victim);
    assert.equal(after.name, undefined);
    assert.equal(after.locale, 'ja');
    assert.equal(after.email, victim);
  });

  it('fails closed: when sealing fails at confirmation, no tokens are issued until the gate has sealed the account', async () => {
    const victim = newEmail();
    await attackerSignsUp(victim);
    // Cognito's admin API fails for the trigger (throttling, an outage): every AdminSetUserPassword.
    await faults({ internalError: 1, operations: ['AdminSetUserPassword'] });
    try {
      const confirmation = await failure(confirm(h, victim));
      assert.equal(confirmation.name, 'UserLambdaValidationException');
      assert.match(confirmation.message, /^PostConfirmation failed with error /);
      assert.equal((await attributes(victim))['custom:sealed_at'], undefined, 'not sealed');
      // The confirmation stood, the attacker's password with it: the gate refuses the tokens.
      const gated = await failure(passwordSignIn(victim));
      assert.equal(gated.name, 'UserLambdaValidationException');
      assert.match(gated.message, /^PreTokenGeneration failed with error /);
      // The owner is kept out too while the account cannot be sealed: closed, not open.
      const challenge = await startOtp(h, victim);
      const ownerGated = await failure(answerOtp(h, victim, challenge.Session, await h.lastCode(victim, 'sign-in')));
      assert.equal(ownerGated.name, 'UserLambdaValidationException');
    } finally {
      await faults(null);
    }
    // Cognito works again: the attacker's next try seals the account and is refused…
    assert.deepEqual(await failure(passwordSignIn(victim)), {
      name: 'UserLambdaValidationException',
      message: 'PreTokenGeneration failed with error This account has just been secured. Sign in again..',
      status: 400,
    });
    // …and from then on the password is simply wrong, while the owner signs in with a code.
    assert.equal((await failure(passwordSignIn(victim))).name, 'NotAuthorizedException');
    const challenge = await startOtp(h, victim);
    const owner = await answerOtp(h, victim, challenge.Session, (await h.mails(victim)).filter((m) => m.kind === 'sign-in').at(-1)!.code);
    assert.ok(owner.AuthenticationResult?.IdToken);
  });

  it('an account without the mark (created before the trigger, or by an administrator without it) is sealed at its next token issuance', async () => {
    const email = newEmail();
    await h.admin.send(
      new AdminCreateUserCommand({
        UserPoolId: h.emulator.userPoolId,
        Username: email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }],
      }),
    );
    const first = await startOtp(h, email);
    const refused = await failure(answerOtp(h, email, first.Session, await h.lastCode(email, 'sign-in')));
    assert.equal(refused.message, 'PreTokenGeneration failed with error This account has just been secured. Sign in again..');
    assert.ok((await attributes(email))['custom:sealed_at']);
    const second = await startOtp(h, email);
    const signedIn = await answerOtp(h, email, second.Session, (await h.mails(email)).at(-1)!.code);
    assert.ok(signedIn.AuthenticationResult?.RefreshToken);
    const refreshed = await h.client.send(
      new GetTokensFromRefreshTokenCommand({ ClientId: h.emulator.clientId, RefreshToken: signedIn.AuthenticationResult!.RefreshToken }),
    );
    assert.ok(refreshed.AuthenticationResult?.IdToken, 'a sealed account refreshes normally');
  });
});
