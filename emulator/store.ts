import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { writeAtomically, writeAtomicallySync } from './atomic-file.js';
import { checkState, EmulatorDataError, type PersistedState, type RefreshFamily, type StoredPasskey, type User } from './store-format.js';

export { EmulatorDataError, type PendingCode, type PersistedState, type RefreshFamily, type StoredPasskey, type User } from './store-format.js';

/** How many rotated-out refresh tokens a family remembers (older ones are simply invalid). */
const RETIRED_KEPT = 10;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * Users and refresh-token families, optionally kept in a JSON file.
 *
 * Writes are group-committed: `save()` marks the state changed and schedules a write; `flush()`
 * resolves once a write that started after that change has reached the disk. The server calls
 * `flush()` after every operation and only then answers, so a client never hears "confirmed" (or any
 * answer that depends on a change) before the change is durable, while many operations that finish
 * during one write share the next write instead of each rewriting the whole file. Each write goes to
 * a temporary file that is fsync'ed and then renamed over the data file: a crash (even SIGKILL
 * mid-write) leaves either the old or the new complete file, never a torn one, and at most one write
 * is in flight, so writes never interleave.
 */
export class Store {
  private readonly usersByKey = new Map<string, User>();
  private readonly usersBySub = new Map<string, User>();
  private readonly families = new Map<string, RefreshFamily>(); // by tokenHash
  /** Credential id → owner: a credential belongs to one user of the pool. */
  private readonly passkeyOwners = new Map<string, User>();
  private readonly familiesByOrigin = new Map<string, RefreshFamily>();
  private lastPrune = 0;
  /** Bumped by every `save()`; `written` is the version the file on disk holds. */
  private version = 0;
  private written = 0;
  private writing: Promise<void> | undefined;
  private writeError: unknown;
  private scheduled = false;

  private constructor(
    readonly state: PersistedState,
    private readonly file: string | undefined,
  ) {
    for (const user of state.users) {
      this.usersByKey.set(user.username.toLowerCase(), user);
      this.usersBySub.set(user.sub, user);
      for (const passkey of user.passkeys ?? []) this.passkeyOwners.set(passkey.credentialId, user);
    }
    for (const family of state.refreshTokens) {
      this.families.set(family.tokenHash, family);
      for (const { tokenHash } of family.retired ?? []) this.families.set(tokenHash, family);
      this.familiesByOrigin.set(family.originJti, family);
    }
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
    store.writeSync();
    return { store, loaded: false };
  }

  /**
   * The user a client names: by email (any case), or by sub, the internal username when email is
   * the username attribute, which Cognito accepts wherever a username goes.
   */
  findUser(username: string): User | undefined {
    const key = username.toLowerCase();
    return this.usersByKey.get(key) ?? this.usersBySub.get(key);
  }

  userBySub(sub: string): User | undefined {
    return this.usersBySub.get(sub);
  }

  addUser(user: User): void {
    this.state.users.push(user);
    this.usersByKey.set(user.username.toLowerCase(), user);
    this.usersBySub.set(user.sub, user);
  }

  /**
   * Makes `email` the user's sign-in address (their `email` attribute, `verified` or not): the old
   * address no longer finds them. The caller has checked that no other user holds it.
   */
  changeEmail(user: User, email: string, verified: boolean): void {
    this.usersByKey.delete(user.username.toLowerCase());
    user.username = email;
    user.attributes.email = email;
    user.attributes.email_verified = verified ? 'true' : 'false';
    this.usersByKey.set(email.toLowerCase(), user);
  }

  deleteUser(user: User): void {
    this.state.users = this.state.users.filter((u) => u !== user);
    this.usersByKey.delete(user.username.toLowerCase());
    this.usersBySub.delete(user.sub);
    for (const passkey of user.passkeys ?? []) this.passkeyOwners.delete(passkey.credentialId);
  }

  /** The user a credential id is registered to, if any. */
  passkeyOwner(credentialId: string): User | undefined {
    return this.passkeyOwners.get(credentialId);
  }

  addPasskey(user: User, passkey: StoredPasskey): void {
    (user.passkeys ??= []).push(passkey);
    this.passkeyOwners.set(passkey.credentialId, user);
  }

  /** Removes one of `user`'s passkeys; false when the user has none with that id. */
  deletePasskey(user: User, credentialId: string): boolean {
    const before = user.passkeys?.length ?? 0;
    user.passkeys = (user.passkeys ?? []).filter((p) => p.credentialId !== credentialId);
    if (user.passkeys.length === before) return false;
    this.passkeyOwners.delete(credentialId);
    return true;
  }

  addFamily(family: RefreshFamily): void {
    // Expired families are of no use any more; drop them (once a minute at most, not on every
    // sign-in, which would make sign-ins quadratic) so the file does not grow forever.
    const now = Date.now();
    if (now - this.lastPrune > 60_000) {
      this.lastPrune = now;
      this.state.refreshTokens = this.state.refreshTokens.filter((f) => {
        if (f.expiresAt > now) return true;
        this.families.delete(f.tokenHash);
        for (const { tokenHash } of f.retired ?? []) this.families.delete(tokenHash);
        this.familiesByOrigin.delete(f.originJti);
        return false;
      });
    }
    this.state.refreshTokens.push(family);
    this.families.set(family.tokenHash, family);
    this.familiesByOrigin.set(family.originJti, family);
  }

  familyByToken(token: string): RefreshFamily | undefined {
    return this.families.get(hashToken(token));
  }

  /**
   * Refresh-token rotation: `newHash` becomes the family's refresh token; the current one is retired,
   * usable until `usableUntil` (epoch ms). The caller saves.
   */
  rotate(family: RefreshFamily, newHash: string, usableUntil: number): void {
    const retired = [...(family.retired ?? []), { tokenHash: family.tokenHash, usableUntil }];
    for (const dropped of retired.splice(0, Math.max(0, retired.length - RETIRED_KEPT))) this.families.delete(dropped.tokenHash);
    family.retired = retired;
    family.tokenHash = newHash;
    this.families.set(newHash, family);
  }

  familyByOriginJti(originJti: string): RefreshFamily | undefined {
    return this.familiesByOrigin.get(originJti);
  }

  familiesOf(sub: string): RefreshFamily[] {
    return this.state.refreshTokens.filter((f) => f.sub === sub);
  }

  /** Marks the state changed and schedules a write, if there is a data file. Call after every change. */
  save(): void {
    if (this.file === undefined) return;
    this.version += 1;
    if (this.scheduled) return;
    this.scheduled = true;
    // Let the operations that are ready run first, so they share this write.
    setImmediate(() => {
      this.scheduled = false;
      this.kick();
    });
  }

  /**
   * Resolves once every change saved so far is on disk; rejects when the write failed (the change
   * stays in memory and the next write retries it).
   */
  async flush(): Promise<void> {
    if (this.file === undefined) return;
    const wanted = this.version;
    while (this.written < wanted) {
      this.writeError = undefined;
      await this.kick();
      if (this.written < wanted && this.writeError !== undefined) throw this.writeError;
    }
  }

  /** Starts the write loop unless it runs; the promise never rejects (failures go to `writeError`). */
  private kick(): Promise<void> {
    this.writing ??= this.writeLoop().then(
      () => {
        this.writing = undefined;
      },
      (error: unknown) => {
        this.writing = undefined;
        this.writeError = error;
      },
    );
    return this.writing;
  }

  private async writeLoop(): Promise<void> {
    while (this.written < this.version) {
      const version = this.version;
      // Serialised synchronously: the snapshot holds every change saved up to `version`.
      const text = this.serialize();
      await writeAtomically(this.file!, text);
      this.written = version;
    }
  }

  private serialize(): string {
    return `${JSON.stringify(this.state, null, 2)}\n`;
  }

  /** Writes at once, synchronously (startup only). */
  private writeSync(): void {
    if (this.file !== undefined) writeAtomicallySync(this.file, this.serialize());
  }
}
