/**
 * The signed-in user's passkeys: the offer to create one (when this browser can, the pool allows
 * passkeys, and this device has none for the user and was not told "not now"), creating, listing
 * and deleting them. Signing in with a passkey is the sign-in flow's (login-flow.ts); this is what
 * happens once signed in. It shares the flow's state through a small port rather than a base class.
 */
import type { LoginErrorCode } from '../errors.js';
import { normalizeEmail } from '../email.js';
import { errorCodeFor } from './cognito-errors.js';
import type { AuthClient, Passkey, PoolConfig } from './client.js';
import type { FlowEvent, FlowState } from './login-flow.js';
import { LoginError } from './login-error.js';
import { passkeyErrorCode } from './passkey-errors.js';
import { passkeyMemory } from './passkey-memory.js';

/** What the manager needs from the flow that owns it. */
export interface PasskeyPort {
  state(): FlowState;
  set(patch: Partial<FlowState>): void;
  emit(event: FlowEvent): void;
  /** The connected client and the pool, or null (not connected, attributes missing, pool conflict). */
  connected(): Promise<{ client: AuthClient; config: PoolConfig } | null>;
  /** `passkeys="auto"` and the browser has WebAuthn. */
  enabled(): boolean;
  /** The browser can create a passkey on this device (a platform authenticator is available). */
  canCreate(): Promise<boolean>;
}

const failure = (error: unknown, passkey = false): LoginError =>
  error instanceof LoginError ? error : new LoginError(passkey ? passkeyErrorCode(error) : errorCodeFor(error, 'session'));

export class PasskeyManager {
  constructor(private readonly port: PasskeyPort) {}

  /** The signed-in user's address, as the device marks are keyed. */
  #email(): string {
    return normalizeEmail(this.port.state().session?.user.email ?? '');
  }

  async #signedIn(): Promise<{ client: AuthClient; config: PoolConfig; email: string }> {
    const found = this.port.state().step === 'signed-in' ? await this.port.connected() : null;
    const email = this.#email();
    if (!found || !email) throw new LoginError('session-expired');
    return { ...found, email };
  }

  /**
   * Decides whether the signed-in view offers "Create a passkey". The pool's answer is asked once per
   * device (StartWebAuthnRegistration, after the sign-in, never on its way) and then remembered.
   */
  async offer(): Promise<void> {
    const session = this.port.state().session;
    const email = this.#email();
    if (!session || !email || !this.port.enabled()) return;
    const found = await this.port.connected();
    if (!found) return;
    const { client, config } = found;
    const memory = passkeyMemory(config);
    if ((await memory.hasPasskey(email)) || (await memory.offerDismissed(email))) return;
    if (!(await this.port.canCreate().catch(() => false))) return;
    let allowed = memory.poolAllows();
    if (allowed === undefined) {
      const answer = await client
        .passkeys()
        .then((p) => p.poolAllowsPasskeys(config))
        .catch(() => null);
      if (answer !== null) memory.setPoolAllows(answer);
      // Unknown (offline, throttled): offered; a pool without passkeys then says so on the click.
      allowed = answer ?? true;
    }
    const now = this.port.state();
    if (!allowed || now.session !== session || now.step !== 'signed-in') return;
    this.port.set({ passkeyOffer: true });
    // The click should not wait for the chunk.
    void client.passkeys().catch(() => {});
  }

  async dismiss(): Promise<void> {
    if (!this.port.state().passkeyOffer) return;
    this.port.set({ passkeyOffer: false });
    const found = await this.port.connected();
    const email = this.#email();
    if (found && email) await passkeyMemory(found.config).dismissOffer(email);
  }

  /**
   * Creates a passkey for the signed-in user; resolves with its credential id. From the element's
   * own button (`fromUi`) a failure is also shown and reported as a `login-error`.
   */
  async create(fromUi: boolean): Promise<string> {
    const s = this.port.state();
    if (s.busy) throw new LoginError('unknown');
    this.port.set({ busy: 'creating-passkey', error: null });
    let memory;
    let email = '';
    try {
      const found = await this.#signedIn();
      email = found.email;
      memory = passkeyMemory(found.config);
      const credentialId = await (await found.client.passkeys()).create();
      memory.setPoolAllows(true);
      await memory.setPasskey(email, true);
      this.port.set({ busy: null, passkeyOffer: false });
      this.port.emit({ type: 'passkey-created', credentialId });
      return credentialId;
    } catch (error) {
      const name = String((error as { name?: unknown } | null)?.name);
      const refused = failure(error, true);
      if (name === 'PasskeyAlreadyExists') {
        // This authenticator already holds one of the user's passkeys (it was in excludeCredentials),
        // and the browser has just said so: the offer goes, with nothing more to tell.
        if (memory) await memory.setPasskey(email, true);
        this.port.set({ busy: null, passkeyOffer: false });
        throw refused;
      }
      if (refused.code === 'passkeys-unavailable' && name.startsWith('WebAuthn')) memory?.setPoolAllows(false);
      this.#report(refused.code, fromUi, refused.code === 'passkeys-unavailable' ? { passkeyOffer: false } : {});
      throw refused;
    }
  }

  /** The signed-in user's passkeys; an empty list also clears this device's mark. */
  async list(): Promise<Passkey[]> {
    try {
      const { client, config, email } = await this.#signedIn();
      const passkeys = await (await client.passkeys()).list();
      if (passkeys.length === 0) await passkeyMemory(config).setPasskey(email, false);
      return passkeys;
    } catch (error) {
      throw failure(error);
    }
  }

  /**
   * Deletes one of the signed-in user's passkeys. Which of them this device holds is not known
   * (Amplify does not say which one signed in), so the device forgets its mark when none is left.
   */
  async delete(credentialId: string): Promise<void> {
    let forgotten = false;
    try {
      const { client, config, email } = await this.#signedIn();
      const passkeys = await client.passkeys();
      await passkeys.delete(credentialId);
      forgotten = (await passkeys.list()).length === 0;
      if (forgotten) await passkeyMemory(config).setPasskey(email, false);
    } catch (error) {
      throw failure(error);
    }
    if (forgotten) await this.offer();
  }

  #report(code: LoginErrorCode, fromUi: boolean, patch: Partial<FlowState>): void {
    this.port.set({ busy: null, ...patch, ...(fromUi ? { error: code } : {}) });
    if (fromUi) this.port.emit({ type: 'error', code });
  }
}
