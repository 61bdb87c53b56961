/**
 * The sign-in flow as a state machine: email → code → signed in. It knows nothing of the DOM; the
 * element renders its state and turns its events into DOM events. The round trips each kind of
 * user makes are listed in discovery.ts, which finds out which kind an address is.
 */
import { cleanCode, isValidEmail, normalizeEmail } from '../email.js';
import { NEEDS_NEW_CODE, type LoginErrorCode } from '../errors.js';
import { passkeysUsedHere } from './passkeys-here.js';
import { alreadyConfirmed, errorCodeFor, type ErrorContext } from './cognito-errors.js';
import { PENDING_SIGN_UP_MS, signUpOrSignIn } from './discovery.js';
import type { AuthClient, AuthSignal, AuthStep, PoolConfig, Session } from './client.js';
import { CODE_LENGTH, INITIAL_STATE as INITIAL, type Busy, type FlowHost, type FlowState, type SignInMethod } from './flow-state.js';
import { LoginError } from './login-error.js';
import { LoginPasskeys } from './login-passkeys.js';
import { namedError } from './named-error.js';
import type { PasskeyManager } from './passkey-manager.js';

export { CODE_LENGTH } from './flow-state.js';
export type { Busy, CodeStep, FlowEvent, FlowHost, FlowState, Purpose, SignInMethod } from './flow-state.js';

/** Thrown inside the flow to end an action whose result nobody is waiting for any more. */
class Stale extends Error {}

export class LoginFlow {
  state: FlowState = INITIAL;

  #host: FlowHost;
  #client: AuthClient | null = null;
  #ready: Promise<void> | null = null;
  #release: (() => void) | null = null;
  #unlisten: (() => void) | null = null;
  /** Why this element cannot use the pool (another element or the page configured it otherwise). */
  #conflict: unknown = null;
  /** Bumped by reset and disconnect: results of older actions are ignored. */
  #generation = 0;
  /** The email this element signed up, and when (see PENDING_SIGN_UP_MS). */
  #pendingSignUp: { email: string; at: number } | null = null;
  /** Bumped by disconnect: a connect from an earlier connection stops. */
  #connection = 0;
  /** Creating, listing, deleting passkeys and the offer; what the device remembers about them. */
  #passkeys: LoginPasskeys;

  constructor(host: FlowHost, email = '') {
    this.#host = host;
    this.state = { ...INITIAL, email };
    this.#passkeys = new LoginPasskeys(host, {
      state: () => this.state,
      set: (patch) => this.#set(patch),
      emit: (event) => host.onEvent(event),
      connected: async () => {
        await this.connect();
        const config = host.config();
        return this.#client && config && !this.#conflict ? { client: this.#client, config } : null;
      },
    });
  }

  /** Loads the client, claims the pool and picks up a stored session. Safe to call again. */
  connect(expectStoredSession = false): Promise<void> {
    if (this.#ready) return this.#ready;
    const generation = this.#connection;
    if (expectStoredSession && this.state.step !== 'signed-in') this.#set({ busy: 'restoring' });
    this.#ready = this.#connect(generation).catch(() => {
      // Failing to load or restore leaves the email step usable; actions report their own errors.
      if (generation === this.#connection && this.state.busy === 'restoring') this.#set({ busy: null });
    });
    return this.#ready;
  }

  async #connect(generation: number): Promise<void> {
    const client = await this.#host.loadClient();
    if (generation !== this.#connection) return;
    this.#client = client;
    const config = this.#host.config();
    if (!config) {
      if (this.state.busy === 'restoring') this.#set({ busy: null });
      return;
    }
    try {
      this.#release = client.claim(config);
      this.#conflict = null;
    } catch (error) {
      this.#conflict = error;
      this.#fail(error, 'email');
      return;
    }
    this.#unlisten = client.listen((signal) => void this.#onSignal(signal));
    // Versions before 0.2 kept unsalted SHA-256 digests of the emails that signed in here, which
    // anyone could test a guess against (issue 10): the list is gone, and so is what it left behind.
    try {
      globalThis.localStorage?.removeItem(`passwordless-login.known.${config.clientId}`);
    } catch {
      // Storage blocked: nothing was kept either.
    }
    const session = await client.currentSession().catch(() => null);
    if (generation !== this.#connection) return;
    if (session) {
      if (this.state.step !== 'signed-in') this.#signedIn(session, false, true, 'session');
    } else if (this.state.busy === 'restoring') {
      this.#set({ busy: null });
    }
  }

  /** Abandons in-flight work and lets go of the pool; the state is kept for a reconnect. */
  disconnect(): void {
    this.#generation++;
    this.#connection++;
    this.#ready = null;
    this.#release?.();
    this.#release = null;
    this.#unlisten?.();
    this.#unlisten = null;
    if (this.state.busy) this.#set({ busy: null });
  }

  /** The pool attributes changed: start over against the new pool (a session shown here ends). */
  reconfigure(): void {
    const wasSignedIn = this.state.step === 'signed-in';
    this.disconnect();
    this.state = { ...INITIAL, email: this.state.email };
    this.#host.onChange(this.state);
    if (wasSignedIn) this.#host.onEvent({ type: 'signed-out', everywhere: false });
    void this.connect();
  }

  /** A typed or pasted code reduced to digits for the current step (the element shows it as cleaned). */
  cleanCode(raw: string): string {
    return cleanCode(raw, this.state.code?.codeLength ?? 0);
  }

  setEmail(email: string): void {
    if (this.state.step === 'email' && !this.state.busy) this.#set({ email });
  }

  /** Back to the email step, keeping the typed email; anything in flight is ignored. */
  reset(): void {
    if (this.state.step === 'signed-in') return;
    this.#generation++;
    this.#set({ step: 'email', busy: this.state.busy === 'restoring' ? 'restoring' : null, code: null, error: null });
  }

  /**
   * Submits the email: for a code, or straight to the passkey prompt for a user this device knows
   * to have a passkey. `how`: `passkey` for "Sign in with a passkey" (a passkey synced from another
   * device, say); `code` for "Email me a code instead", after a passkey error: no passkey this time.
   */
  async submitEmail(raw: string, how: 'auto' | 'passkey' | 'code' = 'auto'): Promise<void> {
    if (this.state.busy || this.state.step !== 'email') return;
    const email = normalizeEmail(raw);
    if (!email) return this.#error('email-required', { email: raw });
    if (!isValidEmail(email)) return this.#error('invalid-email', { email: raw });
    await this.#run(how === 'passkey' ? 'passkey' : 'sending', 'email', { email: raw }, async (client, config, check) => {
      const known =
        how === 'auto' && this.#host.passkeysMode() === 'auto' && passkeysUsedHere(config) && (await (await this.#passkeys.memory(config)).hasPasskey(email));
      check();
      if (known || how === 'passkey') return this.#passkeySignIn(client, config, email, check);
      await this.#discover(client, config, email, check);
    });
  }

  /**
   * Creating, listing and deleting the signed-in user's passkeys, and the offer to create one:
   * loaded (with Amplify's functions for it) when first needed.
   */
  passkeys(): Promise<PasskeyManager> {
    return this.#passkeys.manager();
  }

  async submitCode(raw: string): Promise<void> {
    const code = this.state.code;
    if (this.state.busy || this.state.step !== 'code' || !code) return;
    const digits = cleanCode(raw, code.codeLength);
    if (digits.length !== code.codeLength) return this.#error('code-incomplete');
    const email = normalizeEmail(this.state.email);
    await this.#run('verifying', 'code', {}, async (client, config, check) => {
      // As Cognito answers any code for an unknown address under PreventUserExistenceErrors.
      if (code.decoy) throw namedError('CodeMismatchException', 'No code was sent.');
      const step =
        code.purpose === 'sign-up'
          ? await client.confirmSignUp(email, digits).catch(alreadyConfirmed)
          : await client.confirmSignIn(digits);
      check();
      await this.#follow(client, config, email, step, check);
    });
  }

  /** "Resend code", or "Send a new code" after an expired session (which ignores the cooldown). */
  async resend(): Promise<void> {
    const code = this.state.code;
    if (this.state.busy || this.state.step !== 'code' || !code) return;
    const mustRenew = this.state.error !== null && NEEDS_NEW_CODE.has(this.state.error);
    if (!mustRenew && Date.now() < code.resendAt) return;
    const email = normalizeEmail(this.state.email);
    await this.#run('sending', 'code', {}, async (client, config, check) => {
      if (code.purpose === 'sign-up') {
        const step = await client.resendSignUpCode(email).catch(alreadyConfirmed);
        if (step.type === 'code') this.#enterCode(step, check);
        else await this.#follow(client, config, email, step, check);
      } else if (code.uncertain && this.#host.signUpMode() === 'auto') {
        await this.#discover(client, config, email, check);
      } else {
        await this.#follow(client, config, email, await client.signIn(email), check);
      }
    });
  }

  /**
   * Signs out (waiting for a session being restored, so that a sign-out asked for during a page
   * load is not overtaken by it). `forget` also removes what this device keeps about the user:
   * the Cognito client's keys for the app client, the device markers of the user's email (their
   * passkey here, a dismissed passkey offer), and the email in the field; it runs even when nobody
   * is signed in.
   */
  async signOut(global = false, forget = false): Promise<void> {
    await this.#ready;
    if (this.state.busy === 'signing-out') return;
    const client = this.#client;
    if (!client) return;
    const signedIn = this.state.step === 'signed-in';
    const emails = [this.state.session?.user.email ?? '', normalizeEmail(this.state.email)];
    if (signedIn) {
      this.#set({ busy: 'signing-out', error: null });
      try {
        await client.signOut(global);
      } catch {
        // Amplify clears the local tokens even when the revoke request fails.
      }
    }
    if (forget) {
      this.#generation++;
      this.#pendingSignUp = null;
      client.forget();
      const config = this.#host.config();
      if (config) await this.#passkeys.forget(config, emails.filter(Boolean));
      if (!signedIn) this.#set({ step: 'email', busy: null, code: null, error: null, email: '' });
    }
    if (signedIn) this.#signedOut(global, forget);
  }

  /** Fresh tokens (refreshed when needed), or null when nobody is signed in. */
  async getTokens(forceRefresh = false): Promise<Session['tokens'] | null> {
    await this.#ready;
    if (!this.#client || this.#conflict) return null;
    const session = await this.#client.currentSession(forceRefresh);
    if (!session && this.state.step === 'signed-in') this.#signedOut();
    return session?.tokens ?? null;
  }

  async #passkeySignIn(client: AuthClient, config: PoolConfig, email: string, check: () => void): Promise<void> {
    this.#set({ busy: 'passkey' });
    // The ceremony starts at once; the module that settles it (in the passkeys chunk) loads meanwhile.
    const attempt = client.signInWithPasskey(email);
    attempt.catch(() => {}); // settled below; unless the chunk failed to load (a network error then)
    const [{ settlePasskeySignIn }] = await Promise.all([import('./passkey-sign-in.js'), this.#host.loadPasskeyStrings()]);
    const step = await settlePasskeySignIn(attempt, config, email);
    check();
    if (step.type !== 'no-passkey') return this.#follow(client, config, email, step, check, false, 'passkey');
    // No passkey after all (none left, or never had one): an email code, and no error. Without
    // sign-up, the choice Cognito offered is answered with EMAIL_OTP; with it, the address may be
    // new: the usual discovery decides.
    this.#set({ busy: 'sending' });
    if (this.#host.signUpMode() === 'off') return this.#follow(client, config, email, await client.chooseEmailCode(), check);
    return this.#discover(client, config, email, check);
  }

  /** Finds out what the address is and sends its code (see discovery.ts); nothing sends a second email. */
  async #discover(client: AuthClient, config: PoolConfig, email: string, check: () => void) {
    if (this.#host.signUpMode() === 'off') {
      return this.#follow(client, config, email, await client.signIn(email), check);
    }
    const pending = this.#pendingSignUp;
    if (pending?.email === email && Date.now() - pending.at < PENDING_SIGN_UP_MS) {
      this.#set({ isNewUser: true });
      return this.#enterCode(await client.resendSignUpCode(email), check);
    }
    const [step, isNewUser, uncertain] = await signUpOrSignIn(client, email, this.#host.locale(), check);
    if (isNewUser) this.#pendingSignUp = { email, at: Date.now() };
    this.#set({ isNewUser });
    await this.#follow(client, config, email, step, check, uncertain);
  }

  async #follow(
    client: AuthClient,
    config: PoolConfig,
    email: string,
    step: AuthStep,
    check: () => void,
    uncertain = false,
    method: SignInMethod = 'email-code',
  ): Promise<void> {
    check();
    switch (step.type) {
      case 'code':
        return this.#enterCode(step, check, uncertain);
      case 'signed-in': {
        const session = await client.currentSession();
        check();
        if (!session) throw namedError('NoSession', 'No session after sign-in.');
        return this.#signedIn(session, this.state.isNewUser, false, method);
      }
      case 'no-passkey':
        // Only a passkey sign-in answers this, and it handles it before following.
        throw namedError('UnexpectedStep', 'Unexpected step.');
      case 'confirm-sign-up':
        // Without sign-up, an account someone created through the API but nobody confirmed must
        // not be confirmed here (it may be a pre-registration attack), nor be told apart from an
        // unknown address: it gets the code step Cognito simulates for those, and no mail.
        if (this.#host.signUpMode() === 'off') {
          const at = email.lastIndexOf('@');
          const destination = `${email.charAt(0)}***@${email.charAt(at + 1)}***`;
          return this.#enterCode({ type: 'code', purpose: 'sign-in', destination }, check, false, true);
        }
        // Signed up earlier, never confirmed: a fresh sign-up code confirms the account.
        this.#set({ isNewUser: true });
        return this.#enterCode(await client.resendSignUpCode(email), check);
      case 'sign-in-needed':
        return this.#follow(client, config, email, await client.signIn(email), check);
    }
  }

  #enterCode(step: AuthStep, check: () => void, uncertain = false, decoy = false): void {
    check();
    if (step.type !== 'code') throw namedError('UnexpectedStep', 'Expected a code step.');
    const codeLength = CODE_LENGTH[step.purpose];
    this.#set({
      step: 'code',
      error: null,
      code: {
        purpose: step.purpose,
        codeLength,
        destination: step.destination,
        resendAt: Date.now() + this.#host.resendCooldownMs(),
        uncertain,
        ...(decoy ? { decoy } : {}),
      },
    });
    this.#host.onEvent({ type: 'code-sent', destination: step.destination, codeLength, purpose: step.purpose });
  }

  /** Runs one user action: one at a time, busy while it runs, errors mapped, stale results dropped. */
  async #run(
    busy: Exclude<Busy, null>,
    context: ErrorContext,
    patch: Partial<FlowState>,
    work: (client: AuthClient, config: PoolConfig, check: () => void) => Promise<void>,
  ): Promise<void> {
    this.#set({ ...patch, busy, error: null });
    const generation = this.#generation;
    const check = () => {
      if (generation !== this.#generation) throw new Stale();
    };
    try {
      await this.connect();
      check();
      const client = this.#client;
      const config = this.#host.config();
      if (!client || !config) throw namedError('AuthUserPoolException', 'Missing pool attributes.');
      if (this.#conflict) throw this.#conflict;
      await work(client, config, check);
      check();
      // The action owns `busy` until it ends, whatever it showed on the way (a passkey sign-in that
      // ends in a code goes from "Waiting for your passkey" to "Sending a code").
      if (this.state.busy) this.#set({ busy: null });
    } catch (error) {
      if (error instanceof Stale || generation !== this.#generation) return;
      this.#fail(error, context);
    }
  }

  /** Shows the error `code` (with `patch`) and reports it. */
  #error(code: LoginErrorCode, patch: Partial<FlowState> = {}): void {
    this.#set({ ...patch, error: code });
    this.#host.onEvent({ type: 'error', code });
  }

  #fail(error: unknown, context: ErrorContext): void {
    this.#error(error instanceof LoginError ? error.code : errorCodeFor(error, context), { busy: null });
  }

  #signedIn(session: Session, isNewUser: boolean, restored: boolean, method: SignInMethod): void {
    this.#pendingSignUp = null;
    this.#set({ step: 'signed-in', busy: null, code: null, error: null, session, isNewUser, passkeyOffer: false });
    this.#host.onEvent({ type: 'signed-in', session, isNewUser, restored, method });
    void this.#passkeys.offer().catch(() => {});
  }

  #signedOut(everywhere = false, forget = false): void {
    const email = forget ? '' : (this.state.session?.user.email ?? this.state.email);
    this.#set({ step: 'email', busy: null, code: null, error: null, session: null, isNewUser: false, passkeyOffer: false, email });
    this.#host.onEvent({ type: 'signed-out', everywhere });
  }

  /** Keeps elements for the same pool (and other tabs) in step. */
  async #onSignal(signal: AuthSignal): Promise<void> {
    if (this.state.busy) return; // this element's own action will settle the state
    const client = this.#client;
    if (!client) return;
    if (signal === 'signed-in' && this.state.step !== 'signed-in') {
      const session = await client.currentSession().catch(() => null);
      const now = this.state as FlowState;
      if (session && now.step !== 'signed-in' && !now.busy) this.#signedIn(session, false, false, 'session');
    } else if (signal === 'refreshed') {
      // New tokens from another element (the account element's verified email change): show whom
      // they name now. The same sign-in goes on, so no event.
      const session = await client.currentSession().catch(() => null);
      const now = this.state as FlowState;
      if (session && now.step === 'signed-in' && !now.busy && session.user.email !== now.session?.user.email) this.#set({ session });
    } else if (signal !== 'signed-in' && this.state.step === 'signed-in') {
      const session = signal === 'signed-out' ? null : await client.currentSession().catch(() => null);
      if (!session && (this.state as FlowState).step === 'signed-in') this.#signedOut();
    }
  }

  #set(patch: Partial<FlowState>): void {
    this.state = { ...this.state, ...patch };
    this.#host.onChange(this.state);
  }
}
