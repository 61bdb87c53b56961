/**
 * The emulator's data file: what it holds (users, passkeys, refresh-token families) and the check a
 * file must pass before the store trusts it.
 */
import type { SrpVerifier } from './srp.js';
import type { PoolKeys } from './tokens.js';

/** A pending sign-up confirmation code. */
export interface PendingCode {
  code: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  failedAttempts: number;
}

export interface User {
  /** The UUID that is both `sub` and the internal username (email is the username attribute). */
  sub: string;
  /**
   * The sign-in address: the email as typed at sign-up, or the one a verified change switched to.
   * Look-ups are case-insensitive, as in console-created pools.
   */
  username: string;
  /** Attribute values as GetUser returns them (all strings), `sub` and `email_verified` included. */
  attributes: Record<string, string>;
  status: 'UNCONFIRMED' | 'CONFIRMED';
  /** Epoch milliseconds. */
  createdAt: number;
  /** `scrypt$salt$hash`, only when the user signed up with a password. */
  passwordHash?: string;
  /** The same password's SRP salt and verifier, for PASSWORD_SRP (absent in data files written before it). */
  srp?: SrpVerifier;
  signUpCode?: PendingCode;
  /**
   * A new email waiting for its code while the pool keeps the original active
   * (AttributesRequireVerificationBeforeUpdate): it is no sign-in address, `attributes.email` is.
   */
  pendingEmail?: string;
  /** The code that verifies `pendingEmail`, or an unverified `attributes.email`. */
  attributeCode?: PendingCode;
  /** Epoch milliseconds of the codes sent to this user inside the current rate-limit window. */
  codeSends: number[];
  /** Registered passkeys (absent in data files written before passkeys existed). */
  passkeys?: StoredPasskey[];
}

/** A registered passkey: what ListWebAuthnCredentials shows and what sign-in verifies against. */
export interface StoredPasskey {
  /** base64url, as the browser's `credential.id`. */
  credentialId: string;
  /** The COSE public key, base64url. */
  publicKey: string;
  /** The authenticator's signature counter at the last verified use (0 if it keeps none). */
  counter: number;
  transports: string[];
  /** `platform`, `cross-platform`, or absent when the browser did not say. */
  attachment?: string;
  name: string;
  relyingPartyId: string;
  /** Epoch milliseconds. */
  createdAt: number;
}

/** One sign-in's refresh token and everything minted from it share an `origin_jti`. */
export interface RefreshFamily {
  originJti: string;
  /** SHA-256 of the refresh token, so the data file never holds a usable token. */
  tokenHash: string;
  sub: string;
  clientId: string;
  /** Seconds since the epoch. */
  authTime: number;
  eventId: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  revoked: boolean;
  /**
   * With refresh-token rotation: hashes of the family's earlier refresh tokens, newest last, each
   * usable until `usableUntil` (epoch ms, the retry grace period after it was rotated out) and
   * answered with RefreshTokenReuseException after that. At most `RETIRED_KEPT` (store.ts) are remembered.
   */
  retired?: Array<{ tokenHash: string; usableUntil: number }>;
}

/** The data file's content. */
export interface PersistedState {
  format: 'passwordless-login-emulator';
  version: 1;
  userPoolId: string;
  clientId: string;
  keys: PoolKeys;
  users: User[];
  refreshTokens: RefreshFamily[];
}

/** Raised at startup when `dataFile` exists but cannot be used; the file is left untouched. */
export class EmulatorDataError extends Error {
  override name = 'EmulatorDataError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function checkState(value: unknown): asserts value is PersistedState {
  const fail = (why: string): never => {
    throw new Error(why);
  };
  if (!isRecord(value)) fail('not a JSON object');
  const v = value as Record<string, unknown>;
  if (v.format !== 'passwordless-login-emulator') fail('"format" is not "passwordless-login-emulator"');
  if (v.version !== 1) fail(`unsupported "version" ${JSON.stringify(v.version)}`);
  if (typeof v.userPoolId !== 'string' || typeof v.clientId !== 'string') fail('"userPoolId"/"clientId" missing');
  const keys = v.keys;
  if (!isRecord(keys) || !isRecord(keys.id) || !isRecord(keys.access)) fail('"keys" missing');
  for (const k of [(keys as Record<string, Record<string, unknown>>).id, (keys as Record<string, Record<string, unknown>>).access]) {
    if (typeof k!.kid !== 'string' || !isRecord(k!.privateJwk)) fail('a signing key is malformed');
  }
  if (!Array.isArray(v.users)) fail('"users" is not an array');
  for (const u of v.users as unknown[]) {
    if (!isRecord(u) || typeof u.sub !== 'string' || typeof u.username !== 'string' || !isRecord(u.attributes))
      fail('a user is malformed');
    const user = u as Record<string, unknown>;
    if (user.status !== 'UNCONFIRMED' && user.status !== 'CONFIRMED') fail(`user ${String(user.sub)} has a bad status`);
    if (!Array.isArray(user.codeSends)) fail(`user ${String(user.sub)} has no "codeSends"`);
    if (user.passkeys !== undefined) {
      if (!Array.isArray(user.passkeys)) fail(`user ${String(user.sub)} has a bad "passkeys"`);
      for (const p of user.passkeys as unknown[])
        if (!isRecord(p) || typeof p.credentialId !== 'string' || typeof p.publicKey !== 'string' || typeof p.counter !== 'number')
          fail(`a passkey of user ${String(user.sub)} is malformed`);
    }
  }
  if (!Array.isArray(v.refreshTokens)) fail('"refreshTokens" is not an array');
  for (const r of v.refreshTokens as unknown[]) {
    if (!isRecord(r) || typeof r.tokenHash !== 'string' || typeof r.sub !== 'string' || typeof r.originJti !== 'string')
      fail('a refresh token record is malformed');
    const retired = (r as Record<string, unknown>).retired;
    if (
      retired !== undefined &&
      (!Array.isArray(retired) || !retired.every((t) => isRecord(t) && typeof t.tokenHash === 'string' && typeof t.usableUntil === 'number'))
    )
      fail('a refresh token record has malformed "retired" tokens');
  }
}
