/**
 * Passwords: the policy a new password must meet, and how it is kept (scrypt, never the password).
 * PASSWORD_SRP and a configurable policy extend this file.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { errors } from '../errors.js';

/**
 * [U] The pool allows sign-up without a password (EMAIL_OTP, email auto-verified); one that is given
 * must meet a minimal policy. The real default policy also wants character classes.
 */
export function checkPasswordPolicy(password: string): void {
  if (password.length < 8) throw errors.invalidPassword('Password did not conform with policy: Password not long enough');
}

/** `scrypt$salt$hash`, the form `User.passwordHash` holds in memory and in the data file. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${scryptSync(password, salt, 32).toString('base64')}`;
}

/** Constant-time check of `password` against a stored hash; a malformed hash never matches. */
export function passwordMatches(stored: string, password: string): boolean {
  const [, salt, hash] = stored.split('$');
  if (salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64');
  return timingSafeEqual(expected, scryptSync(password, Buffer.from(salt, 'base64'), expected.length));
}
