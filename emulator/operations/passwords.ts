/**
 * Passwords: the pool's policy, and how a password is kept: an scrypt hash for PASSWORD and an SRP
 * verifier for PASSWORD_SRP, never the password. Every operation that sets a password (SignUp,
 * AdminSetUserPassword …) goes through `setPassword`, so both forms always exist together.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { errors } from '../errors.js';
import type { PasswordPolicy } from '../options.js';
import { makeVerifier } from '../srp.js';
import type { User } from '../store.js';
import type { PoolDeps } from './context.js';

/** Cognito's symbol set; a space counts too (a leading or trailing one is refused before this). */
const SYMBOLS = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ');
/** The service's own constraints on the Password member, before any pool policy. */
const PASSWORD_PATTERN = /^[\S]+.*[\S]+$/;
const MAX_LENGTH = 256;

const policyError = (why: string) => errors.invalidPassword(`Password did not conform with policy: ${why}`);

/**
 * Refuses `password` as Cognito does: the member's own pattern (no leading or trailing blank, at
 * least two characters) and length first (InvalidParameterException, the value never echoed),
 * then the pool's policy, first unmet rule only (InvalidPasswordException). [U] the order of the
 * character-class rules; each message is Cognito's.
 */
export function checkPasswordPolicy(policy: PasswordPolicy, password: string): void {
  if (password.length > MAX_LENGTH)
    throw errors.invalidParameter(`1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have length less than or equal to ${MAX_LENGTH}`);
  if (!PASSWORD_PATTERN.test(password))
    throw errors.invalidParameter(
      `1 validation error detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: ${PASSWORD_PATTERN.source}`,
    );
  const chars = [...password];
  if (chars.length < policy.minimumLength) throw policyError('Password not long enough');
  if (policy.requireLowercase && !chars.some((c) => c >= 'a' && c <= 'z')) throw policyError('Password must have lowercase characters');
  if (policy.requireUppercase && !chars.some((c) => c >= 'A' && c <= 'Z')) throw policyError('Password must have uppercase characters');
  if (policy.requireNumbers && !chars.some((c) => c >= '0' && c <= '9')) throw policyError('Password must have numeric characters');
  if (policy.requireSymbols && !chars.some((c) => SYMBOLS.has(c))) throw policyError('Password must have symbol characters');
}

/** The pool name SRP mixes into every verifier: the pool id after `_`. */
export function srpPoolName(d: PoolDeps): string {
  return d.config.userPoolId.split('_')[1]!;
}

/** Checks `password` against the policy and keeps it (as hash and SRP verifier) for `user`. */
export function setPassword(d: PoolDeps, user: User, password: string): void {
  checkPasswordPolicy(d.config.passwordPolicy, password);
  user.passwordHash = hashPassword(password);
  // USER_ID_FOR_SRP is the internal username, which is the sub when email is the username attribute.
  user.srp = makeVerifier(srpPoolName(d), user.sub, password);
}

/** `scrypt$salt$hash`, the form `User.passwordHash` holds in memory and in the data file. */
function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${scryptSync(password, salt, 32).toString('base64')}`;
}

const DUMMY_SALT = randomBytes(16);

/**
 * Constant-time check of `password` against the user's hash; a user without a usable hash (a
 * simulated one) costs the same scrypt and never matches. A user kept before SRP existed gets an
 * SRP verifier on the first correct password.
 */
export function passwordMatches(d: PoolDeps, user: User, password: string): boolean {
  const [scheme, salt, hash] = (user.passwordHash ?? '').split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) {
    scryptSync(password, DUMMY_SALT, 32);
    return false;
  }
  const expected = Buffer.from(hash, 'base64');
  const ok = timingSafeEqual(expected, scryptSync(password, Buffer.from(salt, 'base64'), expected.length));
  if (ok && user.srp === undefined) {
    user.srp = makeVerifier(srpPoolName(d), user.sub, password);
    d.store.save();
  }
  return ok;
}
