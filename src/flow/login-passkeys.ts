/**
 * The sign-in flow's passkey side once a user is signed in, or signs out: the passkey manager
 * (creating, listing and deleting passkeys, the offer to create one), loaded with the passkeys chunk
 * when first needed; the cheap checks that decide whether an offer is worth loading it for; what
 * the device remembers about passkeys; and forgetting the device markers. Signing in with a passkey
 * stays in login-flow.ts, beside the email code it falls back to.
 */
import { poolLacksPasskeys } from '../storage/pool-passkeys.js';
import { errorCodeFor } from './cognito-errors.js';
import type { PoolConfig } from './client.js';
import type { FlowHost } from './flow-state.js';
import { LoginError } from './login-error.js';
import type { PasskeyManager, PasskeyPort } from './passkey-manager.js';
import type { PasskeyMemory } from './passkey-memory.js';

/** Whether this device can create a passkey: a platform authenticator (fingerprint, face, screen lock). */
const canCreatePasskey = async () =>
  (await globalThis.PublicKeyCredential?.isUserVerifyingPlatformAuthenticatorAvailable?.().catch(() => false)) === true;

export class LoginPasskeys {
  #host: FlowHost;
  #port: PasskeyPort;
  #manager: Promise<PasskeyManager> | null = null;

  constructor(host: FlowHost, port: Omit<PasskeyPort, 'enabled' | 'canCreate'>) {
    this.#host = host;
    this.#port = { ...port, enabled: () => host.passkeysMode() === 'auto', canCreate: canCreatePasskey };
  }

  /** The manager, with Amplify's functions for it and English's passkey strings; a failed load is tried again next time. */
  manager(): Promise<PasskeyManager> {
    this.#manager ??= Promise.all([import('./passkey-manager.js'), this.#host.loadPasskeyStrings()]).then(
      ([{ PasskeyManager }]) => new PasskeyManager(this.#port),
      (error: unknown) => {
        this.#manager = null; // offline: the next call tries again
        throw new LoginError(errorCodeFor(error, 'session'));
      },
    );
    return this.#manager;
  }

  /** What this device remembers about passkeys: loaded with the passkeys chunk when first needed. */
  memory(config: PoolConfig): Promise<PasskeyMemory> {
    return import('./passkey-memory.js').then((m) => m.passkeyMemory(config));
  }

  /** After a sign-in: the cheap checks here, and only if they pass, the offer's own (with the chunk). */
  async offer(): Promise<void> {
    const config = this.#host.config();
    if (!config || this.#host.passkeysMode() !== 'auto' || poolLacksPasskeys(config)) return;
    if (!(await canCreatePasskey())) return;
    await (await this.manager()).offer();
  }

  /**
   * Removes the device markers of these emails, whatever `token-storage` is now (markers written
   * while it was `local` go too). The device memory is loaded only for this: an email sign-in does
   * not carry it (test/node/size.test.ts).
   */
  async forget(config: PoolConfig, emails: string[]): Promise<void> {
    try {
      const { clearMarker, deviceMemoryScope } = await import('./device-memory.js');
      const scope = deviceMemoryScope({ ...config, tokenStorage: 'local' });
      for (const email of new Set(emails)) if (scope) await clearMarker(scope, email);
    } catch {
      // Offline and never loaded: nothing of it was written by this page either.
    }
  }
}
