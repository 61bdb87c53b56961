import { existsSync, readFileSync, renameSync, writeFileSync, unlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
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
  /** The email as typed at sign-up; look-ups are case-insensitive, as in console-created pools. */
  username: string;
  /** Attribute values as GetUser returns them (all strings), `sub` and `email_verified` included. */
  attributes: Record<string, string>;
  status: 'UNCONFIRMED' | 'CONFIRMED';
  /** Epoch milliseconds. */
  createdAt: number;
  /** `scrypt$salt$hash`, only when the user signed up with a password. */
  passwordHash?: string;
  signUpCode?: PendingCode;
  /** Epoch milliseconds of the codes sent to this user inside the current rate-limit window. */
  codeSends: number[];
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

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkState(value: unknown): asserts value is PersistedState {
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
  }
  if (!Array.isArray(v.refreshTokens)) fail('"refreshTokens" is not an array');
  for (const r of v.refreshTokens as unknown[]) {
    if (!isRecord(r) || typeof r.tokenHash !== 'string' || typeof r.sub !== 'string' || typeof r.originJti !== 'string')
      fail('a refresh token record is malformed');
  }
}

/**
 * Users and refresh-token families, optionally kept in a JSON file. Every change is written at once,
 * synchronously, to a temporary file that is then renamed over the data file: a crash leaves either
 * the old or the new file, and two operations can never interleave their writes.
 */
export class Store {
  private readonly usersByKey = new Map<string, User>();
  private readonly families = new Map<string, RefreshFamily>(); // by tokenHash

  private constructor(
    readonly state: PersistedState,
    private readonly file: string | undefined,
  ) {
    for (const user of state.users) this.usersByKey.set(user.username.toLowerCase(), user);
    for (const family of state.refreshTokens) this.families.set(family.tokenHash, family);
  }

  /**
   * Loads `file` if it exists (throwing EmulatorDataError when it is unreadable or malformed), or
   * starts from `fresh()` and writes it.
   */
  static async open(
    file: string | undefined,
    fresh: () => Promise<PersistedState>,
  ): Promise<{ store: Store; loaded: boolean }> {
    if (file !== undefined && existsSync(file)) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(file, 'utf8'));
        checkState(parsed);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new EmulatorDataError(
          `Emulator data file ${file} cannot be used (${why}). It was left unchanged: fix it, or move it away to start with an empty pool.`,
        );
      }
      return { store: new Store(parsed, file), loaded: true };
    }
    const store = new Store(await fresh(), file);
    store.save();
    return { store, loaded: false };
  }

  findUser(username: string): User | undefined {
    return this.usersByKey.get(username.toLowerCase());
  }

  userBySub(sub: string): User | undefined {
    return this.state.users.find((u) => u.sub === sub);
  }

  addUser(user: User): void {
    this.state.users.push(user);
    this.usersByKey.set(user.username.toLowerCase(), user);
  }

  deleteUser(user: User): void {
    this.state.users = this.state.users.filter((u) => u !== user);
    this.usersByKey.delete(user.username.toLowerCase());
  }

  addFamily(family: RefreshFamily): void {
    // Expired families are of no use any more; drop them so the file does not grow forever.
    const now = Date.now();
    this.state.refreshTokens = this.state.refreshTokens.filter((f) => {
      if (f.expiresAt > now) return true;
      this.families.delete(f.tokenHash);
      return false;
    });
    this.state.refreshTokens.push(family);
    this.families.set(family.tokenHash, family);
  }

  familyByToken(token: string): RefreshFamily | undefined {
    return this.families.get(hashToken(token));
  }

  familyByOriginJti(originJti: string): RefreshFamily | undefined {
    return this.state.refreshTokens.find((f) => f.originJti === originJti);
  }

  familiesOf(sub: string): RefreshFamily[] {
    return this.state.refreshTokens.filter((f) => f.sub === sub);
  }

  /** Writes the data file, if there is one. Call after every change. */
  save(): void {
    if (this.file === undefined) return;
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, `${JSON.stringify(this.state, null, 2)}\n`, { mode: 0o600 });
      renameSync(temp, this.file);
    } catch (error) {
      try {
        unlinkSync(temp);
      } catch {
        // the temporary file was never created
      }
      throw error;
    }
  }
}
