// Challenge sessions are opaque, as Cognito's: the same length and alphabet whatever they hold, a
// simulated one (a user who does not exist) indistinguishable from a real one, nothing readable
// inside, any change detected.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { answerOtp, confirm, failure, harness, newEmail, signUp, startOtp, type Harness } from './helpers.js';

/** Every readable trace a session could carry of what it is about. */
function assertReveals(session: string, nothingOf: string[]) {
  const decoded = [Buffer.from(session, 'base64url'), Buffer.from(session.replace(/^AYAB/, ''), 'base64url')];
  for (const bytes of decoded) {
    for (const text of [bytes.toString('utf8'), bytes.toString('latin1')]) {
      for (const secret of [...nothingOf, 'select', 'confirm', 'signup', 'EMAIL_OTP'])
        assert.ok(!text.toLowerCase().includes(secret.toLowerCase()), `the session reveals ${JSON.stringify(secret)}`);
    }
    // No readable run at all, as JSON or any text would leave (random bytes make one this long ~never).
    assert.doesNotMatch(bytes.toString('latin1'), /[\x20-\x7e]{20}/);
  }
}

describe('challenge sessions', () => {
  let h: Harness;
  before(async () => (h = await harness()));
  after(() => h.close());

  const initiate = (USERNAME: string, PREFERRED_CHALLENGE?: string) =>
    h.client.send(new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME, ...(PREFERRED_CHALLENGE ? { PREFERRED_CHALLENGE } : {}) } }));

  it('real and simulated sessions have one length and alphabet, start like Cognito\'s, and reveal nothing', async () => {
    const known = newEmail();
    const signedUp = await signUp(h, known);
    const confirmed = await confirm(h, known);
    const sessions: Record<string, string> = {
      signUp: signedUp.Session!,
      confirmSignUp: confirmed.Session!,
      realOtp: (await startOtp(h, known)).Session!,
      realChoice: (await initiate(known)).Session!,
    };
    // Unknown users, PreventUserExistenceErrors on: simulated sessions, nothing stored.
    const unknown = newEmail();
    sessions.simulatedOtp = (await startOtp(h, unknown)).Session!;
    sessions.simulatedChoice = (await initiate(unknown)).Session!;
    sessions.longName = (await startOtp(h, `${'x'.repeat(300)}@example.com`)).Session!;

    const lengths = new Set(Object.values(sessions).map((s) => s.length));
    assert.deepEqual([...lengths], [1488], JSON.stringify(Object.fromEntries(Object.entries(sessions).map(([k, v]) => [k, v.length]))));
    for (const [what, session] of Object.entries(sessions)) {
      assert.match(session, /^AYABe[A-Za-z0-9_-]+$/, what);
      assertReveals(session, [known, unknown, known.split('@')[0]!, unknown.split('@')[0]!, h.emulator.clientId, signedUp.UserSub!, 'xxxxxxxx']);
    }
    // Two sessions for the same thing share nothing either.
    const again = (await startOtp(h, unknown)).Session!;
    assert.notEqual(again, sessions.simulatedOtp);
    assert.notEqual(again.slice(8, 40), sessions.simulatedOtp!.slice(8, 40));
  });

  it('a session changed in any one character, or cut, is refused as Cognito refuses a bad session', async () => {
    const email = newEmail();
    await signUp(h, email);
    await confirm(h, email);
    const { Session } = await startOtp(h, email);
    const code = await h.lastCode(email, 'sign-in');
    const invalid = { name: 'NotAuthorizedException', message: 'Invalid session for the user.', status: 400 };
    for (const at of [0, 5, 40, 700, Session!.length - 1]) {
      const c = Session![at]!;
      const changed = `${Session!.slice(0, at)}${c === 'A' ? 'B' : 'A'}${Session!.slice(at + 1)}`;
      assert.deepEqual(await failure(answerOtp(h, email, changed, code)), invalid, `changed at ${at}`);
    }
    assert.deepEqual(await failure(answerOtp(h, email, Session!.slice(0, -4), code)), invalid);
    assert.deepEqual(await failure(answerOtp(h, email, `${Session!}AAAA`, code)), invalid);
    // The untouched session still works.
    assert.ok((await answerOtp(h, email, Session, code)).AuthenticationResult);
  });

  it("another emulator's sessions are not this pool's", async () => {
    const other = await harness();
    try {
      const email = newEmail();
      await signUp(other, email);
      await confirm(other, email);
      const foreign = (await startOtp(other, email)).Session!;
      const r = await failure(
        h.client.send(new RespondToAuthChallengeCommand({ ClientId: h.emulator.clientId, ChallengeName: 'EMAIL_OTP', Session: foreign, ChallengeResponses: { USERNAME: email, EMAIL_OTP_CODE: '12345678' } })),
      );
      assert.equal(r.message, 'Invalid session for the user.');
    } finally {
      await other.close();
    }
  });
});
