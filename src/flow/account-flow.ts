/**
 * The account page as a state machine: the signed-in user's email (and changing it), signing out
 * everywhere, deleting the account. It knows nothing of the DOM; `<passwordless-account>` renders its
 * state and turns its events into DOM events. One action runs at a time; a second click while one
 * runs does nothing, and a disconnected element drops whatever was in flight.
 *
 * Round trips: change email: UpdateUserAttributes → code step; VerifyUserAttribute + a token refresh
 * (so the ID token, and every element on the page, shows the new address) → done. New code:
 * GetUserAttributeVerificationCode. Passkeys: ListWebAuthnCredentials on sign-in (and, once per
 * device, StartWebAuthnRegistration to learn whether the pool allows them); adding one is
 * StartWebAuthnRegistration + CompleteWebAuthnRegistration + a new list, deleting one
 * DeleteWebAuthnCredential + a new list. Sign out everywhere: GlobalSignOut + RevokeToken. Delete:
 * DeleteUser + RevokeToken.
 */
import type { AccountErrorCode } from '../account/errors.js';
import { cleanCode, isValidEmail, normalizeEmail } from '../email.js';
import type { AccountClient } from './account-client.js';
import { accountErrorCode, type AccountErrorContext } from './account-errors.js';
import { addPasskey, deletePasskey, forgetPasskeys, readPasskeys } from './account-passkeys.js';
import { INITIAL, type AccountBusy, type AccountHost, type AccountState } from './account-state.js';
import type { AuthSignal, PoolConfig, Session } from './client.js';
import { clearMarker, deviceMemoryScope } from './device-memory.js';

/** Cognito's attribute verification codes have 6 digits. */
export const EMAIL_CODE_LENGTH = 6;

/** Thrown inside the flow to end an action whose result nobody is waiting for any more. */
class Stale extends Error {}

const named = (name: string, message: string) => Object.assign(new Error(message), { name });


export class AccountFlow {
  state: AccountState;

  #host: AccountHost;
  #client: AccountClient | null = null;
  #ready: Promise<void> | null = null;
  #release: (() => void) | null = null;
  #unlisten: (() => void) | null = null;
  #conflict = false;
  /** Bumped by disconnect (and a reconfigure): results of older actions are dropped. */
  #generation = 0;

  constructor(host: AccountHost, signedOut = false) {
    this.#host = host;
    this.state = { ...INITIAL, status: signedOut ? 'signed-out' : 'loading' };
  }

  /** Loads the client, claims the pool and reads the session. Safe to call again. */
  connect(): Promise<void> {
    this.#ready ??= this.#connect(this.#generation).catch((error: unknown) => {
      this.#ready = null;
      this.#fail(error, 'session');
      if (this.state.status === 'loading') this.#set({ status: 'signed-out' });
    });
    return this.#ready;
  }

  async #connect(generation: number): Promise<void> {
    const client = await this.#host.loadClient();
    if (generation !== this.#generation) return;
    this.#client = client;
    const config = this.#host.config();
    if (!config) {
      this.#set({ status: 'signed-out' });
      return;
    }
    try {
      this.#release = client.claim(config);
      this.#conflict = false;
    } catch (error) {
      this.#conflict = true;
      this.#set({ status: 'signed-out' });
      throw error;
    }
    this.#unlisten = client.listen((signal) => void this.#onSignal(signal));
    const session = await client.currentSession().catch(() => null);
    if (generation !== this.#generation) return;
    if (session) this.#signedIn(session);
    else this.#set({ status: 'signed-out', busy: null });
  }

  /** Abandons in-flight work and lets go of the pool; the state is kept for a reconnect. */
  disconnect(): void {
    this.#generation++;
    this.#ready = null;
    this.#release?.();
    this.#release = null;
    this.#unlisten?.();
    this.#unlisten = null;
    if (this.state.busy) this.#set({ busy: null });
  }

  /** The pool attributes changed: start over against the new pool. */
  reconfigure(): void {
    this.disconnect();
    this.state = { ...INITIAL };
    this.#host.onChange(this.state);
    void this.connect();
  }

  /** How many digits the code sent to a new address has. */
  readonly codeLength = EMAIL_CODE_LENGTH;

  /** A typed or pasted code reduced to digits (the element shows it as cleaned). */
  cleanCode(raw: string): string {
    return cleanCode(raw, EMAIL_CODE_LENGTH);
  }

  /** "Change email": asks for the new address. */
  startEmailChange(): void {
    if (this.#idle()) this.#set({ change: { step: 'address' }, confirm: null, error: null });
  }

  /** "Delete my account": asks before doing it. */
  askToDeleteAccount(): void {
    if (this.#idle()) this.#set({ confirm: { kind: 'delete-account' }, change: null, error: null });
  }

  /** "Delete" beside a passkey: asks before doing it, naming it. */
  askToDeletePasskey(credentialId: string): void {
    const view = this.state.passkeys;
    const passkey = typeof view === 'object' ? view.list.find((p) => p.credentialId === credentialId) : undefined;
    if (this.#idle() && passkey) this.#set({ confirm: { kind: 'delete-passkey', credentialId, name: passkey.name }, change: null, error: null });
  }

  /** "Add a passkey": the browser's prompt, then the passkey is registered with the pool. */
  async addPasskey(): Promise<void> {
    if (!this.#idle()) return;
    const email = normalizeEmail(this.state.email);
    await this.#run('adding-passkey', 'passkeys', async (client, config, check) => {
      const credentialId = await addPasskey(client, config, email);
      check();
      const view = await readPasskeys(client, config, this.#host.passkeysMode());
      check();
      this.#set({ passkeys: view ?? 'hidden' });
      this.#host.onEvent({ type: 'passkey-created', credentialId });
    });
  }

  /** "Cancel": closes the email change or the question, changing nothing at Cognito. */
  cancel(): void {
    if (!this.state.busy) this.#set({ change: null, confirm: null, error: null });
  }

  /**
   * Sends a code to the new address. Nothing changes at Cognito but a pending value: the pool keeps
   * the current address (UserAttributeUpdateSettings), so a typo locks nobody out.
   */
  async submitNewEmail(raw: string): Promise<void> {
    if (!this.#idle() || this.state.change?.step !== 'address') return;
    const email = normalizeEmail(raw);
    if (!email) return this.#reject('email-required');
    if (!isValidEmail(email)) return this.#reject('invalid-email');
    if (email === normalizeEmail(this.state.email)) return this.#reject('same-email');
    await this.#run('sending', 'email', async (client, _config, check) => {
      const sent = await client.changeEmail(email, this.#host.locale());
      check();
      if (sent) this.#codeSent(email, sent.destination);
      else await this.#emailChanged(client, email, check);
    });
  }

  async submitCode(raw: string): Promise<void> {
    const change = this.state.change;
    if (!this.#idle() || change?.step !== 'code') return;
    const code = cleanCode(raw, EMAIL_CODE_LENGTH);
    if (code.length !== EMAIL_CODE_LENGTH) return this.#reject('code-incomplete');
    const old = normalizeEmail(this.state.email);
    await this.#run('verifying', 'code', async (client, config, check) => {
      await client.confirmEmail(code);
      // The old address signs in no one now: nothing on this device stays marked under it.
      const scope = deviceMemoryScope(config);
      if (scope) await clearMarker(scope, old);
      check();
      await this.#emailChanged(client, change.email, check);
    });
  }

  /** "Send a new code" for the pending address. */
  async resendCode(): Promise<void> {
    const change = this.state.change;
    if (!this.#idle() || change?.step !== 'code') return;
    await this.#run('sending', 'code', async (client, _config, check) => {
      const { destination } = await client.resendEmailCode(this.#host.locale());
      check();
      this.#codeSent(change.email, destination);
    });
  }

  async signOutEverywhere(): Promise<void> {
    if (!this.#idle()) return;
    await this.#run('signing-out', 'session', async (client, config, check) => {
      await client.signOutEverywhere(config);
      check();
      this.#signedOut(true);
    });
  }

  /** The answer to the question asked by `askToDeleteAccount` or `askToDeletePasskey`. */
  async confirm(): Promise<void> {
    const question = this.state.confirm;
    if (this.state.busy || !question) return;
    const email = normalizeEmail(this.state.email);
    if (question.kind === 'delete-passkey') {
      return this.#run('deleting-passkey', 'passkeys', async (client, config, check) => {
        const left = await deletePasskey(client, config, email, question.credentialId);
        check();
        const view = this.state.passkeys;
        const canAdd = typeof view === 'object' && view.canAdd;
        this.#set({ confirm: null, passkeys: left.length === 0 && !canAdd ? 'hidden' : { list: left, canAdd } });
        this.#host.onEvent({ type: 'passkey-deleted', credentialId: question.credentialId });
      });
    }
    await this.#run('deleting', 'session', async (client, config, check) => {
      await client.deleteAccount();
      // Nothing on this device stays marked under the deleted account's address (a passkey, say),
      // in its device memory or, with token-storage other than local, in the page's.
      const scope = deviceMemoryScope(config);
      if (scope) await clearMarker(scope, email);
      else await forgetPasskeys(config, email);
      check();
      this.#set({ status: 'signed-out', busy: null, email: '', change: null, confirm: null, passkeys: 'loading', error: null });
      this.#host.onEvent({ type: 'account-deleted' });
    });
  }

  #idle(): boolean {
    return this.state.status === 'signed-in' && !this.state.busy;
  }

  #codeSent(email: string, destination: string): void {
    this.#set({ change: { step: 'code', email, destination }, error: null });
    this.#host.onEvent({ type: 'code-sent', destination });
  }

  /** The new address is in force: a fresh ID token carries it to every element on the page. */
  async #emailChanged(client: AccountClient, requested: string, check: () => void): Promise<void> {
    const session = await client.currentSession(true).catch(() => null);
    check();
    const email = session?.user.email || requested;
    this.#set({ email, change: null, error: null });
    this.#host.onEvent({ type: 'email-changed', email });
  }

  /** Runs one user action: one at a time, busy while it runs, errors mapped, stale results dropped. */
  async #run(
    busy: Exclude<AccountBusy, null>,
    context: AccountErrorContext,
    work: (client: AccountClient, config: PoolConfig, check: () => void) => Promise<void>,
  ): Promise<void> {
    this.#set({ busy, error: null });
    const generation = this.#generation;
    const check = () => {
      if (generation !== this.#generation) throw new Stale();
    };
    try {
      await this.connect();
      check();
      const client = this.#client;
      const config = this.#host.config();
      if (!client || !config) throw named('AuthUserPoolException', 'Missing pool attributes.');
      if (this.#conflict) throw named('PoolConflict', 'Pool conflict.');
      await work(client, config, check);
      check();
      if (this.state.busy === busy) this.#set({ busy: null });
    } catch (error) {
      if (error instanceof Stale || generation !== this.#generation) return;
      this.#fail(error, context);
      // A revoked session (signed out everywhere from elsewhere, the account deleted): let go of it.
      if (this.state.error === 'session-expired') await this.#lostSession(generation);
    }
  }

  async #lostSession(generation: number): Promise<void> {
    const session = await this.#client?.currentSession(true).catch(() => null);
    if (generation === this.#generation && !session && this.state.status === 'signed-in') this.#signedOut(false, true);
  }

  #reject(code: AccountErrorCode): void {
    this.#set({ error: code });
    this.#host.onEvent({ type: 'error', code });
  }

  #fail(error: unknown, context: AccountErrorContext): void {
    const code = accountErrorCode(error, context);
    // An address taken meanwhile ends the change: that address can never become this account's.
    const change = code === 'email-taken' && this.state.change ? ({ step: 'address' } as const) : this.state.change;
    this.#set({ busy: null, error: code, change });
    this.#host.onEvent({ type: 'error', code });
  }

  #signedIn(session: Session): void {
    const passkeys = this.#host.passkeysMode() === 'off' ? 'hidden' : 'loading';
    this.#set({ status: 'signed-in', busy: null, email: session.user.email || session.user.username, passkeys, error: null });
    this.#host.onEvent({ type: 'signed-in', session });
    void this.#loadPasskeys();
  }

  /** The `passkeys` attribute changed: the section is read again (or left out). */
  refreshPasskeys(): void {
    if (this.state.status === 'signed-in' && !this.state.busy) void this.#loadPasskeys();
  }

  /** Reads the passkeys section's content; without it the rest of the page works all the same. */
  async #loadPasskeys(): Promise<void> {
    const generation = this.#generation;
    const client = this.#client;
    const config = this.#host.config();
    if (!client || !config) return;
    const mode = this.#host.passkeysMode();
    if (mode === 'off') return this.#set({ passkeys: 'hidden' });
    const view = await readPasskeys(client, config, mode).catch(() => null);
    if (generation === this.#generation && this.state.status === 'signed-in') this.#set({ passkeys: view ?? 'hidden' });
  }

  #signedOut(everywhere: boolean, keepError = false): void {
    this.#set({
      status: 'signed-out',
      busy: null,
      email: '',
      change: null,
      confirm: null,
      passkeys: 'loading',
      ...(keepError ? {} : { error: null }),
    });
    this.#host.onEvent({ type: 'signed-out', everywhere });
  }

  /** Keeps the element in step with the sign-in element, other tabs and token refresh. */
  async #onSignal(signal: AuthSignal): Promise<void> {
    // This element's own sign-out or deletion settles the state itself.
    if (this.state.busy) return;
    const client = this.#client;
    if (!client) return;
    const generation = this.#generation;
    if (signal === 'signed-in' || signal === 'refreshed') {
      const session = await client.currentSession().catch(() => null);
      if (generation !== this.#generation || this.state.busy || !session) return;
      if (this.state.status !== 'signed-in' || session.user.email !== this.state.email) this.#signedIn(session);
    } else if (this.state.status === 'signed-in') {
      const session = signal === 'signed-out' ? null : await client.currentSession().catch(() => null);
      if (generation === this.#generation && !session && this.state.status === 'signed-in' && !this.state.busy) this.#signedOut(false);
    }
  }

  #set(patch: Partial<AccountState>): void {
    this.state = { ...this.state, ...patch };
    this.#host.onChange(this.state);
  }
}
