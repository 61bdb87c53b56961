// Signing in with a passkey: the WEB_AUTHN factor of USER_AUTH, preferred or chosen through
// SELECT_CHALLENGE, through the unmodified AWS SDK v3, with assertions from a software
// authenticator; every forged or replayed assertion refused.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import {
  CompleteWebAuthnRegistrationCommand,
  DeleteWebAuthnCredentialCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  StartWebAuthnRegistrationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { SoftAuthenticator, type Forgery, type PasskeyCredential } from './authenticator.js';
import { failure, harness, newEmail, signedInUser, type Harness } from './helpers.js';

/** A signed-in user with a passkey on `authenticator`. */
async function userWithPasskey(h: Harness, authenticator = new SoftAuthenticator()) {
  const user = await signedInUser(h);
  const { CredentialCreationOptions } = await h.client.send(new StartWebAuthnRegistrationCommand({ AccessToken: user.accessToken }));
  const credential = authenticator.create(CredentialCreationOptions as Record<string, unknown>);
  await h.client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken: user.accessToken, Credential: credential as never }));
  return { ...user, authenticator, credentialId: credential.id as string };
}

const initiate = (h: Harness, email: string, preferred?: string) =>
  h.client.send(
    new InitiateAuthCommand({
      ClientId: h.emulator.clientId,
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: email, ...(preferred ? { PREFERRED_CHALLENGE: preferred } : {}) },
    }),
  );

const answer = (h: Harness, email: string, session: string | undefined, credential: unknown) =>
  h.client.send(
    new RespondToAuthChallengeCommand({
      ClientId: h.emulator.clientId,
      ChallengeName: 'WEB_AUTHN',
      Session: session,
      ChallengeResponses: { USERNAME: email, CREDENTIAL: JSON.stringify(credential) },
    }),
  );

/** InitiateAuth preferring WEB_AUTHN; the challenge's options and session. */
async function passkeyChallenge(h: Harness, email: string) {
  const r = await initiate(h, email, 'WEB_AUTHN');
  assert.equal(r.ChallengeName, 'WEB_AUTHN');
  return { options: r.ChallengeParameters!.CREDENTIAL_REQUEST_OPTIONS!, session: r.Session };
}

/** One forged assertion must be refused with NotAuthorizedException. */
async function refused(h: Harness, email: string, authenticator: SoftAuthenticator, forge: Forgery, credential?: PasskeyCredential) {
  const { options, session } = await passkeyChallenge(h, email);
  const error = await failure(answer(h, email, session, authenticator.get(options, forge, credential)));
  assert.equal(error.name, 'NotAuthorizedException', JSON.stringify(forge));
  assert.equal(error.status, 400);
  return error;
}

describe('signing in with a passkey (user verification preferred)', () => {
  let h: Harness;
  before(async () => {
    h = await harness();
  });
  after(() => h.close());

  it('PREFERRED_CHALLENGE WEB_AUTHN: one challenge with request options as a JSON string, one answer, tokens', async () => {
    const { email, authenticator, credentialId } = await userWithPasskey(h);
    const r = await initiate(h, email, 'WEB_AUTHN');
    assert.equal(r.ChallengeName, 'WEB_AUTHN');
    assert.deepEqual(r.AvailableChallenges, ['WEB_AUTHN']);
    assert.deepEqual(Object.keys(r.ChallengeParameters!), ['CREDENTIAL_REQUEST_OPTIONS']);
    const options = JSON.parse(r.ChallengeParameters!.CREDENTIAL_REQUEST_OPTIONS!) as Record<string, unknown>;
    assert.match(options.challenge as string, /^[A-Za-z0-9_-]{22}$/);
    assert.equal(options.timeout, 180000);
    assert.equal(options.rpId, 'localhost');
    assert.equal(options.userVerification, 'preferred');
    assert.deepEqual(options.allowCredentials, [{ type: 'public-key', id: credentialId, transports: ['internal'] }]);
    const done = await answer(h, email, r.Session, authenticator.get(r.ChallengeParameters!.CREDENTIAL_REQUEST_OPTIONS!));
    assert.ok(done.AuthenticationResult?.AccessToken && done.AuthenticationResult.IdToken && done.AuthenticationResult.RefreshToken);
    const me = await h.client.send(new GetUserCommand({ AccessToken: done.AuthenticationResult.AccessToken }));
    assert.equal(me.UserAttributes?.find((a) => a.Name === 'email')?.Value, email);
    assert.deepEqual(await h.mails(email).then((m) => m.filter((x) => x.kind === 'sign-in')), [], 'no code was mailed');
  });

  it('SELECT_CHALLENGE lists WEB_AUTHN first for a user with a passkey; ANSWER WEB_AUTHN leads to the challenge', async () => {
    const { email, authenticator } = await userWithPasskey(h);
    const select = await initiate(h, email);
    assert.equal(select.ChallengeName, 'SELECT_CHALLENGE');
    assert.deepEqual(select.AvailableChallenges, ['WEB_AUTHN', 'EMAIL_OTP']);
    const challenge = await h.client.send(
      new RespondToAuthChallengeCommand({
        ClientId: h.emulator.clientId,
        ChallengeName: 'SELECT_CHALLENGE',
        Session: select.Session,
        ChallengeResponses: { USERNAME: email, ANSWER: 'WEB_AUTHN' },
      }),
    );
    assert.equal(challenge.ChallengeName, 'WEB_AUTHN');
    assert.notEqual(challenge.Session, select.Session);
    const done = await answer(h, email, challenge.Session, authenticator.get(challenge.ChallengeParameters!.CREDENTIAL_REQUEST_OPTIONS!));
    assert.ok(done.AuthenticationResult?.AccessToken);
  });

  it('a user without a passkey who prefers WEB_AUTHN is offered a choice without it (no error, no mail)', async () => {
    const { email } = await signedInUser(h);
    const r = await initiate(h, email, 'WEB_AUTHN');
    assert.equal(r.ChallengeName, 'SELECT_CHALLENGE');
    assert.deepEqual(r.AvailableChallenges, ['EMAIL_OTP']);
    // An unknown user looks like a real one (PreventUserExistenceErrors): one with a passkey or one
    // without, the same every time (test/emulator/usernames.test.ts covers the rest).
    const name = newEmail();
    const unknown = await initiate(h, name, 'WEB_AUTHN');
    assert.equal((await initiate(h, name, 'WEB_AUTHN')).ChallengeName, unknown.ChallengeName);
    if (unknown.ChallengeName === 'SELECT_CHALLENGE') assert.ok(!unknown.AvailableChallenges?.includes('WEB_AUTHN'));
    else assert.equal(unknown.ChallengeName, 'WEB_AUTHN');
    assert.deepEqual(await h.mails(email).then((m) => m.filter((x) => x.kind === 'sign-in')), []);
  });

  it('a replayed assertion is refused: on its own used session, and on a new session', async () => {
    const { email, authenticator } = await userWithPasskey(h);
    const { options, session } = await passkeyChallenge(h, email);
    const assertion = authenticator.get(options);
    await answer(h, email, session, assertion);
    const sameSession = await failure(answer(h, email, session, assertion));
    assert.equal(sameSession.name, 'NotAuthorizedException');
    assert.match(sameSession.message, /only be used once/);
    const next = await passkeyChallenge(h, email);
    const newSession = await failure(answer(h, email, next.session, assertion));
    assert.equal(newSession.name, 'NotAuthorizedException');
    assert.match(newSession.message, /challenge/);
  });

  it('an assertion whose sign counter does not move forward is refused (a cloned authenticator)', async () => {
    const { email, authenticator } = await userWithPasskey(h);
    const first = await passkeyChallenge(h, email);
    await answer(h, email, first.session, authenticator.get(first.options, { counter: 5 }));
    const error = await refused(h, email, authenticator, { counter: 5 });
    assert.match(error.message, /counter/i);
    await refused(h, email, authenticator, { counter: 3 });
  });

  it('refuses wrong origins, wrong RP IDs, forged signatures, another challenge and the wrong ceremony type', async () => {
    const { email, authenticator } = await userWithPasskey(h);
    assert.match((await refused(h, email, authenticator, { origin: 'https://evil.example' })).message, /origin/);
    await refused(h, email, authenticator, { origin: 'http://127.0.0.1:8000' });
    assert.match((await refused(h, email, authenticator, { rpId: 'evil.example' })).message, /relying party/);
    await refused(h, email, authenticator, { signWith: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey });
    await refused(h, email, authenticator, { challenge: 'AAAAAAAAAAAAAAAAAAAAAA' });
    await refused(h, email, authenticator, { type: 'webauthn.create' });
    await refused(h, email, authenticator, { userHandle: Buffer.from('someone-else').toString('base64url') });
  });

  it('refuses another user\'s passkey, and a deleted one', async () => {
    const alice = await userWithPasskey(h);
    const bob = await userWithPasskey(h);
    // Bob's own, valid passkey, offered in Alice's sign-in.
    await refused(h, alice.email, bob.authenticator, {}, bob.authenticator.credentials[0]);
    // Alice keeps a second passkey so WEB_AUTHN is still offered after the first is deleted.
    const second = new SoftAuthenticator();
    const { CredentialCreationOptions } = await h.client.send(new StartWebAuthnRegistrationCommand({ AccessToken: alice.accessToken }));
    const credential = second.create(CredentialCreationOptions as Record<string, unknown>);
    await h.client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken: alice.accessToken, Credential: credential as never }));
    await h.client.send(new DeleteWebAuthnCredentialCommand({ AccessToken: alice.accessToken, CredentialId: alice.credentialId }));
    const deleted = await refused(h, alice.email, alice.authenticator, {}, alice.authenticator.credentials[0]);
    assert.match(deleted.message, /unknown credential/);
    const { options, session } = await passkeyChallenge(h, alice.email);
    assert.ok((await answer(h, alice.email, session, second.get(options))).AuthenticationResult);
    // With no passkey left, WEB_AUTHN is no longer offered.
    await h.client.send(new DeleteWebAuthnCredentialCommand({ AccessToken: alice.accessToken, CredentialId: credential.id as string }));
    assert.deepEqual((await initiate(h, alice.email)).AvailableChallenges, ['EMAIL_OTP']);
  });

  it('a refused assertion leaves the session usable; malformed answers are InvalidParameterException', async () => {
    const { email, authenticator } = await userWithPasskey(h);
    const { options, session } = await passkeyChallenge(h, email);
    const bad = await failure(answer(h, email, session, authenticator.get(options, { origin: 'https://evil.example' })));
    assert.equal(bad.name, 'NotAuthorizedException');
    for (const junk of ['not json', { id: 'x' }, { id: 'x', rawId: 'x', type: 'public-key', response: { clientDataJSON: '!', authenticatorData: 'A', signature: 'A' } }]) {
      const responses = { USERNAME: email, CREDENTIAL: typeof junk === 'string' ? junk : JSON.stringify(junk) };
      const error = await failure(
        h.client.send(new RespondToAuthChallengeCommand({ ClientId: h.emulator.clientId, ChallengeName: 'WEB_AUTHN', Session: session, ChallengeResponses: responses })),
      );
      assert.equal(error.name, 'InvalidParameterException', JSON.stringify(junk));
    }
    const missing = await failure(
      h.client.send(new RespondToAuthChallengeCommand({ ClientId: h.emulator.clientId, ChallengeName: 'WEB_AUTHN', Session: session, ChallengeResponses: { USERNAME: email } })),
    );
    assert.match(missing.message, /CREDENTIAL/);
    assert.ok((await answer(h, email, session, authenticator.get(options))).AuthenticationResult);
  });

  it('with user verification preferred, an assertion without it is accepted', async () => {
    const { email, authenticator } = await userWithPasskey(h);
    const { options, session } = await passkeyChallenge(h, email);
    assert.ok((await answer(h, email, session, authenticator.get(options, { uv: false }))).AuthenticationResult);
  });

  it('a WEB_AUTHN session cannot answer an EMAIL_OTP challenge, nor the other way round', async () => {
    const { email, authenticator } = await userWithPasskey(h);
    const { options, session } = await passkeyChallenge(h, email);
    const asOtp = await failure(
      h.client.send(new RespondToAuthChallengeCommand({ ClientId: h.emulator.clientId, ChallengeName: 'EMAIL_OTP', Session: session, ChallengeResponses: { USERNAME: email, EMAIL_OTP_CODE: '12345678' } })),
    );
    assert.equal(asOtp.name, 'NotAuthorizedException');
    const otp = await initiate(h, email, 'EMAIL_OTP');
    const asPasskey = await failure(answer(h, email, otp.Session, authenticator.get(options)));
    assert.equal(asPasskey.name, 'NotAuthorizedException');
  });
});

describe('passkey sign-in, other pool settings', () => {
  it('user verification required: asked for, and an assertion without it is refused', async () => {
    const h = await harness({ passkeys: { userVerification: 'required' } });
    try {
      const { email, authenticator } = await userWithPasskey(h);
      const { options } = await passkeyChallenge(h, email);
      assert.equal(JSON.parse(options).userVerification, 'required');
      await refused(h, email, authenticator, { uv: false });
      const ok = await passkeyChallenge(h, email);
      assert.ok((await answer(h, email, ok.session, authenticator.get(ok.options))).AuthenticationResult);
    } finally {
      await h.close();
    }
  });

  it('a pool restarted with passkeys off no longer offers WEB_AUTHN to users who registered one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-passkeys-'));
    const dataFile = join(dir, 'pool.json');
    try {
      const on = await harness({ dataFile });
      const { email, authenticator } = await userWithPasskey(on);
      const { options, session } = await passkeyChallenge(on, email);
      await on.close();
      const off = await harness({ dataFile, passkeys: false });
      try {
        const r = await initiate(off, email, 'WEB_AUTHN');
        assert.equal(r.ChallengeName, 'SELECT_CHALLENGE');
        assert.deepEqual(r.AvailableChallenges, ['EMAIL_OTP']);
        // A session from before the restart is gone with it.
        assert.equal((await failure(answer(off, email, session, authenticator.get(options)))).name, 'NotAuthorizedException');
      } finally {
        await off.close();
      }
      // Back on: the stored passkey and its counter still work.
      const again = await harness({ dataFile });
      try {
        const { options: o, session: s } = await passkeyChallenge(again, email);
        assert.ok((await answer(again, email, s, authenticator.get(o))).AuthenticationResult);
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
