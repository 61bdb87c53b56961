// PASSWORD_SRP (USER_AUTH) as Cognito answers it: a PASSWORD_VERIFIER challenge whose proof two
// clients nobody here wrote compute: aws-amplify's own `signIn` (its SRP in
// @aws-amplify/auth/.../utils/srp) and the AWS SDK v3 with cognito-srp-helper.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
  type InitiateAuthCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import { confirmSignIn, fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import { createSrpSession, signSrpSession, wrapAuthChallenge, wrapInitiateAuth } from 'cognito-srp-helper';
import { failure, harness, newEmail, type Harness } from './helpers.js';

const PASSWORD = 'Correct-Horse-9';

/** The payload of a JWT, unchecked (the token tests check signatures). */
const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('PASSWORD_SRP', () => {
  let h: Harness;
  before(async () => (h = await harness()));
  after(() => h.close());

  /** A confirmed user with a password; returns the email and the sub. */
  async function userWithPassword(password = PASSWORD) {
    const email = newEmail();
    const { UserSub } = await h.client.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username: email, Password: password }));
    await h.client.send(new ConfirmSignUpCommand({ ClientId: h.emulator.clientId, Username: email, ConfirmationCode: await h.lastCode(email, 'sign-up') }));
    return { email, sub: UserSub! };
  }

  /** InitiateAuth USER_AUTH preferring PASSWORD_SRP, through cognito-srp-helper; the helper's session and the answer. */
  async function startSrp(email: string, password = PASSWORD) {
    const srp = createSrpSession(email, password, h.emulator.userPoolId, false);
    const started = await h.client.send(
      new InitiateAuthCommand(
        wrapInitiateAuth(srp, { ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'PASSWORD_SRP' } }),
      ),
    );
    return { srp, started };
  }

  function prove(srp: ReturnType<typeof createSrpSession>, started: InitiateAuthCommandOutput, overrides: Record<string, string> = {}) {
    const signed = signSrpSession(srp, started);
    const request = wrapAuthChallenge(signed, {
      ClientId: h.emulator.clientId,
      ChallengeName: 'PASSWORD_VERIFIER' as const,
      Session: started.Session,
      ChallengeResponses: { USERNAME: started.ChallengeParameters!.USER_ID_FOR_SRP! },
    });
    request.ChallengeResponses = { ...request.ChallengeResponses, ...overrides };
    return h.client.send(new RespondToAuthChallengeCommand(request));
  }

  it('is offered beside PASSWORD to users with a password', async () => {
    const { email } = await userWithPassword();
    const r = await h.client.send(new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email } }));
    assert.deepEqual(r.AvailableChallenges, ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP']);
  });

  it("answers PASSWORD_VERIFIER with Cognito's parameters, the internal username (sub) as USER_ID_FOR_SRP and a stable salt", async () => {
    const { email, sub } = await userWithPassword();
    const { started } = await startSrp(email);
    assert.equal(started.ChallengeName, 'PASSWORD_VERIFIER');
    const p = started.ChallengeParameters!;
    assert.deepEqual(Object.keys(p).sort(), ['SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME', 'USER_ID_FOR_SRP']);
    assert.equal(p.USER_ID_FOR_SRP, sub);
    assert.equal(p.USERNAME, sub);
    assert.match(p.SALT!, /^[0-9a-f]+$/);
    assert.match(p.SRP_B!, /^[0-9a-f]{700,}$/);
    assert.match(p.SECRET_BLOCK!, /^[A-Za-z0-9+/]+={0,2}$/);
    const again = await startSrp(email);
    assert.equal(again.started.ChallengeParameters!.SALT, p.SALT);
    assert.notEqual(again.started.ChallengeParameters!.SRP_B, p.SRP_B);
  });

  it('the AWS SDK with cognito-srp-helper proves the password and gets the user\'s tokens', async () => {
    const { email, sub } = await userWithPassword();
    const { srp, started } = await startSrp(email);
    const done = await prove(srp, started);
    assert.ok(done.AuthenticationResult?.IdToken);
    assert.equal(claims(done.AuthenticationResult.IdToken).sub, sub);
    // No code was mailed for it.
    assert.deepEqual((await h.mails(email)).filter((m) => m.kind === 'sign-in'), []);
  });

  it('through SELECT_CHALLENGE too (ANSWER PASSWORD_SRP with SRP_A)', async () => {
    const { email, sub } = await userWithPassword();
    const choice = await h.client.send(new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email } }));
    const srp = createSrpSession(email, PASSWORD, h.emulator.userPoolId, false);
    const verifier = await h.client.send(
      new RespondToAuthChallengeCommand({
        ClientId: h.emulator.clientId,
        ChallengeName: 'SELECT_CHALLENGE',
        Session: choice.Session,
        ChallengeResponses: { USERNAME: email, ANSWER: 'PASSWORD_SRP', SRP_A: srp.largeA },
      }),
    );
    assert.equal(verifier.ChallengeName, 'PASSWORD_VERIFIER');
    const done = await prove(srp, verifier as InitiateAuthCommandOutput);
    assert.equal(claims(done.AuthenticationResult!.AccessToken!).sub, sub);
  });

  it('a wrong password, an altered proof or another secret block is "Incorrect username or password.", and the challenge is spent', async () => {
    const { email } = await userWithPassword();
    const incorrect = { name: 'NotAuthorizedException', message: 'Incorrect username or password.', status: 400 };
    const wrong = await startSrp(email, 'Wrong-Horse-9');
    assert.deepEqual(await failure(prove(wrong.srp, wrong.started)), incorrect);
    assert.match((await failure(prove(wrong.srp, wrong.started))).message, /only be used once/);
    const altered = await startSrp(email);
    const signature = signSrpSession(altered.srp, altered.started).passwordSignature;
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    assert.deepEqual(await failure(prove(altered.srp, altered.started, { PASSWORD_CLAIM_SIGNATURE: flipped })), incorrect);
    const first = await startSrp(email);
    const second = await startSrp(email);
    const otherBlock = { PASSWORD_CLAIM_SECRET_BLOCK: second.started.ChallengeParameters!.SECRET_BLOCK! };
    assert.deepEqual(await failure(prove(first.srp, first.started, otherBlock)), incorrect);
  });

  it('refuses missing or malformed proof parameters and a bad SRP_A', async () => {
    const { email } = await userWithPassword();
    const { srp, started } = await startSrp(email);
    const badTime = await failure(prove(srp, started, { TIMESTAMP: '2026-01-05T09:04:07Z' }));
    assert.equal(badTime.name, 'InvalidParameterException');
    const noA = await failure(h.client.send(new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'PASSWORD_SRP' } })));
    assert.deepEqual(noA, { name: 'InvalidParameterException', message: 'Missing required parameter SRP_A', status: 400 });
    for (const SRP_A of ['0', 'not-hex']) {
      const bad = await failure(h.client.send(new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'PASSWORD_SRP', SRP_A } })));
      assert.equal(bad.name, 'InvalidParameterException', SRP_A);
    }
  });

  it('a user without a password who prefers PASSWORD_SRP is offered the factors they have', async () => {
    const email = newEmail();
    await h.client.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username: email }));
    await h.client.send(new ConfirmSignUpCommand({ ClientId: h.emulator.clientId, Username: email, ConfirmationCode: await h.lastCode(email, 'sign-up') }));
    const { started } = await startSrp(email);
    assert.equal(started.ChallengeName, 'SELECT_CHALLENGE');
    assert.deepEqual(started.AvailableChallenges, ['EMAIL_OTP']);
  });

  describe("aws-amplify's own signIn", () => {
    before(() => {
      Amplify.configure({
        Auth: { Cognito: { userPoolId: h.emulator.userPoolId, userPoolClientId: h.emulator.clientId, userPoolEndpoint: h.emulator.endpoint, loginWith: { email: true } } },
      });
    });
    afterEach(() => signOut());

    it('USER_AUTH preferring PASSWORD_SRP signs in with the password', async () => {
      const { email, sub } = await userWithPassword();
      const r = await signIn({ username: email, password: PASSWORD, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'PASSWORD_SRP' } });
      assert.equal(r.nextStep.signInStep, 'DONE');
      assert.equal(r.isSignedIn, true);
      assert.equal((await fetchAuthSession()).userSub, sub);
    });

    it('USER_AUTH, choosing PASSWORD_SRP from the offered factors, then the password', async () => {
      const { email, sub } = await userWithPassword();
      const first = await signIn({ username: email, options: { authFlowType: 'USER_AUTH' } });
      assert.equal(first.nextStep.signInStep, 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION');
      const chosen = await confirmSignIn({ challengeResponse: 'PASSWORD_SRP' });
      assert.equal(chosen.nextStep.signInStep, 'CONFIRM_SIGN_IN_WITH_PASSWORD');
      const done = await confirmSignIn({ challengeResponse: PASSWORD });
      assert.equal(done.isSignedIn, true);
      assert.equal((await fetchAuthSession()).userSub, sub);
    });

    it('a wrong password is NotAuthorizedException', async () => {
      const { email } = await userWithPassword();
      await assert.rejects(
        signIn({ username: email, password: 'Wrong-Horse-9', options: { authFlowType: 'USER_AUTH', preferredChallenge: 'PASSWORD_SRP' } }),
        (e: Error) => e.name === 'NotAuthorizedException' && e.message === 'Incorrect username or password.',
      );
    });
  });
});
