/**
 * PASSWORD_SRP: the password proven without being sent (SRP-6a, ../../srp.ts). Offered to users
 * who have a password, beside PASSWORD. Choosing it with SRP_A answers a PASSWORD_VERIFIER
 * challenge (SALT, SRP_B, SECRET_BLOCK, USERNAME and USER_ID_FOR_SRP, both the sub); the client
 * answers with PASSWORD_CLAIM_SIGNATURE, PASSWORD_CLAIM_SECRET_BLOCK and TIMESTAMP.
 */
import { randomUUID } from 'node:crypto';
import { errors } from '../../errors.js';
import { Sealer } from '../../sealed.js';
import { parseA, serverEphemeral, TIMESTAMP, verifyClaim } from '../../srp.js';
import type { User } from '../../store.js';
import type { PoolDeps } from '../context.js';
import { srpPoolName } from '../passwords.js';
import { phantomVerifier } from '../phantoms.js';
import { signIn } from '../token-families.js';
import type { FactorRequest, FirstFactor } from './factor.js';

/**
 * SECRET_BLOCK: opaque to clients, as Cognito's (an encrypted blob of about the same size). One
 * sealer per process is enough: a block is accepted only by the session it was issued with.
 */
const secretBlocks = new Sealer('srp-secret-block', 'base64');

function verifierChallenge(d: PoolDeps, user: User, { username, clientId, parameters }: FactorRequest, simulated: boolean) {
  const srpA = parameters.SRP_A;
  if (srpA === undefined || srpA === '') throw errors.missingAuthParameter('SRP_A');
  // [U] Cognito's text for an A that is not a public value (A mod N = 0, or not hex).
  if (parseA(srpA) === null) throw errors.invalidParameter('SRP_A is not a valid SRP public value.');
  // A user kept before SRP existed has no verifier yet (it is made at the next PASSWORD sign-in):
  // answered like anyone else, their proof simply never verifies.
  const stored = simulated || user.srp === undefined ? phantomVerifier(d, user) : user.srp;
  const ephemeral = serverEphemeral(stored);
  const secretBlock = secretBlocks.seal({ n: randomUUID() });
  const session = simulated
    ? d.sessions.issue({ kind: 'srp', username, clientId, phantomSub: user.sub }, true)
    : d.sessions.issue({ kind: 'srp', username, clientId, sub: user.sub, srp: { A: srpA, ...ephemeral, secretBlock } });
  return {
    // [U] as for a directly chosen EMAIL_OTP.
    AvailableChallenges: ['PASSWORD_SRP'],
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: {
      SALT: stored.salt,
      SECRET_BLOCK: secretBlock,
      SRP_B: ephemeral.B,
      // The internal username, which is the sub when email is the username attribute [FIELD].
      USERNAME: user.sub,
      USER_ID_FOR_SRP: user.sub,
    },
    Session: session,
  };
}

export const passwordSrp: FirstFactor = {
  name: 'PASSWORD_SRP',
  // As PASSWORD: only users who have a password (they may sign up without one).
  offeredTo: (user) => user.passwordHash !== undefined,
  async start(d, user, request) {
    return verifierChallenge(d, user, request, false);
  },
  async simulate(d, phantom, request) {
    return verifierChallenge(d, phantom, request, true);
  },
  challenges: {
    PASSWORD_VERIFIER: {
      sessionKind: 'srp',
      async answer(d, session, responses) {
        for (const name of ['PASSWORD_CLAIM_SIGNATURE', 'PASSWORD_CLAIM_SECRET_BLOCK', 'TIMESTAMP'])
          if (responses[name] === undefined || responses[name] === '') throw errors.missingAuthParameter(name);
        const signature = responses.PASSWORD_CLAIM_SIGNATURE!;
        const secretBlock = responses.PASSWORD_CLAIM_SECRET_BLOCK!;
        const timestamp = responses.TIMESTAMP!;
        // [U] Cognito's text for a TIMESTAMP not in its format.
        if (!TIMESTAMP.test(timestamp)) throw errors.invalidParameter('TIMESTAMP is not in the format "EEE MMM d HH:mm:ss UTC yyyy".');
        // A made-up user's password is one nobody knows.
        if (session.simulated) throw errors.incorrectPassword();
        const user = d.store.userBySub(session.sub!);
        if (user === undefined) throw errors.sessionInvalid();
        // [U] One proof per challenge: the client starts over after a wrong password, as Amplify does.
        d.sessions.markUsed(session.id);
        const srp = session.srp!;
        if (secretBlock !== srp.secretBlock || user.srp === undefined) throw errors.incorrectPassword();
        const A = BigInt(`0x${srp.A}`);
        const proven = verifyClaim({ poolName: srpPoolName(d), userId: user.sub, A, ephemeral: srp, stored: user.srp, secretBlock, timestamp, signature });
        if (!proven) throw errors.incorrectPassword();
        return signIn(d, user, session.clientId);
      },
    },
  },
};
