/** PASSWORD as a first factor: checked at once, no challenge of its own. */
import { errors } from '../../errors.js';
import { passwordMatches } from '../passwords.js';
import { signIn } from '../token-families.js';
import type { FirstFactor } from './factor.js';

export const password: FirstFactor = {
  name: 'PASSWORD',
  // [U] Offered only to users who have a password (they may sign up without one).
  offeredTo: (user) => user.passwordHash !== undefined,
  async start(d, user, { clientId, parameters }) {
    const given = parameters.PASSWORD;
    if (given === undefined) throw errors.missingAuthParameter('PASSWORD');
    if (!passwordMatches(d, user, given)) throw errors.incorrectPassword();
    return signIn(d, user, clientId);
  },
  async simulate(d, phantom, { parameters }) {
    const given = parameters.PASSWORD;
    if (given === undefined) throw errors.missingAuthParameter('PASSWORD');
    // Costs the same scrypt as a real check, and fails as a wrong password does.
    passwordMatches(d, phantom, given);
    throw errors.incorrectPassword();
  },
  challenges: {},
};
