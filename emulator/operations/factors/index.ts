/**
 * The first factors the pool offers, in the order AvailableChallenges lists them, and the
 * challenges they answer. Adding a factor: its file in this folder and one entry in FACTORS.
 */
import type { PoolConfig } from '../../options.js';
import type { User } from '../../store.js';
import { emailOtp } from './email-otp.js';
import type { ChallengeAnswer, FirstFactor } from './factor.js';
import { password } from './password.js';
import { passwordSrp } from './password-srp.js';
import { webAuthn } from './web-authn.js';

export type { ChallengeAnswer, FactorRequest, FirstFactor } from './factor.js';
export { otpChallenge } from './email-otp.js';

/** Passkeys first, as Cognito lists them [FIELD]; [U] PASSWORD_SRP beside PASSWORD. */
const FACTORS: readonly FirstFactor[] = [webAuthn, password, passwordSrp, emailOtp];

const byName = new Map(FACTORS.map((f) => [f.name, f]));
const answers = new Map<string, ChallengeAnswer>();
for (const factor of FACTORS)
  for (const [challenge, answer] of Object.entries(factor.challenges)) {
    // Fails at load, in every test, rather than letting one factor silently shadow another.
    if (answers.has(challenge)) throw new Error(`two first factors answer the ${challenge} challenge`);
    answers.set(challenge, answer);
  }

/** The factors `user` may choose, by name, in AvailableChallenges order. */
export function availableFactors(user: User, config: PoolConfig): string[] {
  return FACTORS.filter((f) => f.offeredTo(user, config)).map((f) => f.name);
}

/** The factor called `name`; only names from `availableFactors` are passed. */
export function factor(name: string): FirstFactor {
  const found = byName.get(name);
  if (found === undefined) throw new Error(`no first factor ${name}`);
  return found;
}

/** How to check an answer to `challenge` (RespondToAuthChallenge's ChallengeName), if a factor issues it. */
export function challengeAnswer(challenge: string): ChallengeAnswer | undefined {
  return answers.get(challenge);
}
