/**
 * WEB_AUTHN: a passkey. Offered to users who registered one, when the pool allows passkeys. The
 * challenge carries the request options for `navigator.credentials.get()`; the answer is the
 * assertion, verified in ../../webauthn.ts.
 */
import { errors } from '../../errors.js';
import type { User } from '../../store.js';
import { newChallenge, requestOptions, verifyAssertion } from '../../webauthn.js';
import type { PoolDeps } from '../context.js';
import { signIn } from '../token-families.js';
import type { FactorRequest, FirstFactor } from './factor.js';

export const webAuthn: FirstFactor = {
  name: 'WEB_AUTHN',
  offeredTo: (user, config) => config.passkeys !== null && (user.passkeys?.length ?? 0) > 0,
  async start(d, user, request) {
    return webAuthnChallenge(d, user, request, false);
  },
  async simulate(d, phantom, request) {
    return webAuthnChallenge(d, phantom, request, true);
  },
  challenges: {
    WEB_AUTHN: {
      sessionKind: 'webauthn',
      async answer(d, session, responses) {
        const credential = responses.CREDENTIAL;
        if (credential === undefined) throw errors.missingAuthParameter('CREDENTIAL');
        // A made-up user's passkey is checked like a real one, and its signature never verifies.
        const user = session.simulated ? session.phantom : d.store.userBySub(session.sub!);
        // The pool stopped allowing passkeys, or the user was deleted, since the challenge.
        if (user === undefined || d.config.passkeys === null) throw errors.sessionInvalid();
        // A refused assertion leaves the session usable, as a wrong code does: the user may retry.
        await verifyAssertion(d.config.passkeys, user, session.challenge!, credential);
        d.sessions.markUsed(session.id);
        d.store.save();
        return signIn(d, user, session.clientId);
      },
    },
  },
};

/** The WEB_AUTHN challenge for `user` (made up, in a simulated session, when `simulated`). */
function webAuthnChallenge(d: PoolDeps, user: User, { username, clientId }: FactorRequest, simulated: boolean) {
  const challenge = newChallenge();
  const session = simulated
    ? d.sessions.issue({ kind: 'webauthn', username, clientId, challenge, phantomSub: user.sub }, true)
    : d.sessions.issue({ kind: 'webauthn', username, clientId, sub: user.sub, challenge });
  return {
    // [U] as for a directly chosen EMAIL_OTP.
    AvailableChallenges: ['WEB_AUTHN'],
    ChallengeName: 'WEB_AUTHN',
    ChallengeParameters: { CREDENTIAL_REQUEST_OPTIONS: requestOptions(d.config.passkeys!, user, challenge) },
    Session: session,
  };
}
