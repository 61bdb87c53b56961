// Who a USERNAME names: a user's sub signs in as their email does (Cognito takes the internal
// username too), and a name nobody has gets the answers of a made-up user with real users' factors,
// the same every time, so that nothing tells it apart (PreventUserExistenceErrors).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import {
  CompleteWebAuthnRegistrationCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
  StartWebAuthnRegistrationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createSrpSession, signSrpSession, wrapAuthChallenge, wrapInitiateAuth } from 'cognito-srp-helper';
import { SoftAuthenticator } from './authenticator.js';
import { answerOtp, confirm, failure, harness, newEmail, signUp, startOtp, type Harness } from './helpers.js';

const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('signing in with the sub as USERNAME', () => {
  let h: Harness;
  before(async () => (h = await harness()));
  after(() => h.close());

  it('the sub (any case) starts an EMAIL_OTP sign-in: the code goes to the email, the tokens are the user\'s', async () => {
    const email = newEmail();
    const { UserSub } = await signUp(h, email);
    await confirm(h, email);
    for (const name of [UserSub!, UserSub!.toUpperCase()]) {
      const started = await startOtp(h, name);
      assert.equal(started.ChallengeName, 'EMAIL_OTP');
      assert.equal(started.ChallengeParameters!.CODE_DELIVERY_DESTINATION, `${email[0]}***@e***`);
      const done = await answerOtp(h, name, started.Session, await h.lastCode(email, 'sign-in'));
      const id = claims(done.AuthenticationResult!.IdToken!);
      assert.equal(id.sub, UserSub);
      assert.equal(id.email, email);
    }
  });

  it('a challenge started with the email may be answered with the sub, and the other way round; not with another user', async () => {
    const email = newEmail();
    const { UserSub } = await signUp(h, email);
    await confirm(h, email);
    const byEmail = await startOtp(h, email);
    assert.ok((await answerOtp(h, UserSub!, byEmail.Session, await h.lastCode(email, 'sign-in'))).AuthenticationResult);
    const bySub = await startOtp(h, UserSub!);
    const other = newEmail();
    await signUp(h, other);
    await confirm(h, other);
    const code = await h.lastCode(email, 'sign-in');
    assert.equal((await failure(answerOtp(h, other, bySub.Session, code))).message, 'Invalid session for the user.');
    assert.ok((await answerOtp(h, email, bySub.Session, code)).AuthenticationResult);
  });

  it('a sub that is nobody\'s is an unknown user: a simulated challenge, no mail', async () => {
    const started = await startOtp(h, '7d1f2c7e-0000-4000-8000-000000000000');
    assert.equal(started.ChallengeName, 'EMAIL_OTP');
    assert.equal((await failure(answerOtp(h, '7d1f2c7e-0000-4000-8000-000000000000', started.Session, '12345678'))).name, 'CodeMismatchException');
  });
});

describe('unknown users (PreventUserExistenceErrors)', () => {
  let h: Harness;
  before(async () => (h = await harness()));
  after(() => h.close());

  const initiate = (USERNAME: string, extra: Record<string, string> = {}) =>
    h.client.send(new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME, ...extra } }));

  /** A confirmed, signed-in user, with a password or without; the email and access token. */
  async function user(password?: string) {
    const email = newEmail();
    await h.client.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username: email, Password: password }));
    const { Session } = await confirm(h, email);
    const r = await h.client.send(new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email }, Session }));
    return { email, accessToken: r.AuthenticationResult!.AccessToken! };
  }

  async function addPasskey(accessToken: string) {
    const { CredentialCreationOptions } = await h.client.send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken }));
    const credential = new SoftAuthenticator().create(CredentialCreationOptions as Record<string, unknown>);
    await h.client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken: accessToken, Credential: credential as never }));
  }

  /** The first factors real users can have in this pool (with or without a password, a passkey), as AvailableChallenges lists them. */
  async function realShapes() {
    const shapes = new Set<string>();
    const plain = await user();
    const withPassword = await user('Correct-Horse-9');
    const passkeyUser = await user();
    await addPasskey(passkeyUser.accessToken);
    const both = await user('Correct-Horse-9');
    await addPasskey(both.accessToken);
    for (const u of [plain, withPassword, passkeyUser, both]) shapes.add(String((await initiate(u.email)).AvailableChallenges));
    return { shapes, passkeyUser };
  }

  it('each unknown name is offered the factors of some real user, the same every time, and gets no mail', async () => {
    const { shapes } = await realShapes();
    assert.equal(shapes.size, 4, [...shapes].join(' | '));
    const seen = new Set<string>();
    for (let i = 0; i < 24; i += 1) {
      const name = newEmail();
      const first = await initiate(name);
      assert.equal(first.ChallengeName, 'SELECT_CHALLENGE');
      const shape = String(first.AvailableChallenges);
      assert.ok(shapes.has(shape), `${shape} is no real user's`);
      // Any case of the name, any time: the same made-up user.
      assert.equal(String((await initiate(name.toUpperCase())).AvailableChallenges), shape);
      seen.add(shape);
      assert.deepEqual(await h.mails(name), []);
    }
    // Not all alike: a fixed answer would tell unknown names from the real users who differ from it.
    assert.ok(seen.size >= 3, [...seen].join(' | '));
  });

  it('a preferred factor the made-up user "has" starts as for a real user; one it lacks gets the choice', async () => {
    let withPassword: string | undefined;
    let without: string | undefined;
    for (let i = 0; (withPassword === undefined || without === undefined) && i < 50; i += 1) {
      const name = newEmail();
      const shape = String((await initiate(name)).AvailableChallenges);
      if (shape.includes('PASSWORD')) withPassword ??= name;
      else without ??= name;
    }
    assert.ok(withPassword && without);
    // PASSWORD: the generic failure a wrong password gets.
    assert.deepEqual(await failure(initiate(withPassword, { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'Correct-Horse-9' })), {
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
      status: 400,
    });
    const lacking = await initiate(without, { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'Correct-Horse-9' });
    assert.equal(lacking.ChallengeName, 'SELECT_CHALLENGE');
    // PASSWORD_SRP: "the same salt and internal user id in UUID format for the same username" (Cognito's docs).
    const srp = createSrpSession(withPassword, 'Correct-Horse-9', h.emulator.userPoolId, false);
    const start = () =>
      h.client.send(new InitiateAuthCommand(wrapInitiateAuth(srp, { ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: withPassword!, PREFERRED_CHALLENGE: 'PASSWORD_SRP' } })));
    const a = await start();
    const b = await start();
    assert.equal(a.ChallengeName, 'PASSWORD_VERIFIER');
    assert.match(a.ChallengeParameters!.USER_ID_FOR_SRP!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(b.ChallengeParameters!.USER_ID_FOR_SRP, a.ChallengeParameters!.USER_ID_FOR_SRP);
    assert.equal(b.ChallengeParameters!.SALT, a.ChallengeParameters!.SALT);
    assert.equal(a.Session!.length, 1488);
    const proof = wrapAuthChallenge(signSrpSession(srp, a), {
      ClientId: h.emulator.clientId,
      ChallengeName: 'PASSWORD_VERIFIER' as const,
      Session: a.Session,
      ChallengeResponses: { USERNAME: a.ChallengeParameters!.USER_ID_FOR_SRP! },
    });
    assert.deepEqual(await failure(h.client.send(new RespondToAuthChallengeCommand(proof))), {
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
      status: 400,
    });
  });

  it("a made-up user's passkey challenge fails as a real user's does when the signature is not theirs", async () => {
    const { passkeyUser } = await realShapes();
    let name: string | undefined;
    for (let i = 0; name === undefined && i < 50; i += 1) {
      const candidate = newEmail();
      if ((await initiate(candidate)).AvailableChallenges?.includes('WEB_AUTHN')) name = candidate;
    }
    assert.ok(name);
    const answer = async (username: string) => {
      const r = await initiate(username, { PREFERRED_CHALLENGE: 'WEB_AUTHN' });
      assert.equal(r.ChallengeName, 'WEB_AUTHN');
      const options = r.ChallengeParameters!.CREDENTIAL_REQUEST_OPTIONS!;
      const listed = (JSON.parse(options) as { allowCredentials: Array<{ id: string }> }).allowCredentials;
      assert.equal(listed.length, 1);
      // The listed credential, signed with a key that is not its own.
      const forged = new SoftAuthenticator().get(options, { userHandle: null }, {
        id: listed[0]!.id,
        privateKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
        userHandle: '',
        rpId: 'localhost',
        counter: 0,
      });
      return failure(
        h.client.send(new RespondToAuthChallengeCommand({ ClientId: h.emulator.clientId, ChallengeName: 'WEB_AUTHN', Session: r.Session, ChallengeResponses: { USERNAME: username, CREDENTIAL: JSON.stringify(forged) } })),
      );
    };
    const real = await answer(passkeyUser.email);
    const made = await answer(name);
    assert.equal(real.name, 'NotAuthorizedException');
    assert.deepEqual(made, real);
  });
});
