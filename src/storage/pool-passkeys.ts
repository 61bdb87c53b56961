import type { TokenStorageKind } from '../flow/client.js';

/**
 * Whether the pool was found without passkeys on this device in the last day (by the flow, after a
 * sign-in; flow/passkey-memory.ts writes it): read synchronously, so that the first render of the
 * email step already leaves out "Sign in with a passkey" there. It is about the pool, not about
 * anyone, so it is kept in the clear, per app client, and only with `token-storage="local"`.
 */
export const poolPasskeysKey = (clientId: string) => `passwordless-login.no-passkeys.${clientId}`;

export function poolLacksPasskeys(pool: { clientId: string; tokenStorage: TokenStorageKind }): boolean {
  try {
    return pool.tokenStorage === 'local' && Date.now() - Number(localStorage.getItem(poolPasskeysKey(pool.clientId))) < 864e5;
  } catch {
    return false;
  }
}
