import type { TokenStorageKind } from './client.js';

/**
 * Whether someone created or used a passkey of this pool on this device. Only then does submitting
 * an email load the device memory (and the passkeys chunk it is in) to look up whether this address
 * is one of them, so that an email sign-in on a device without passkeys carries none of that code.
 * It names no one, so it is kept in the clear, per app client, with `token-storage="local"`
 * (otherwise for the page's lifetime). flow/passkey-memory.ts sets it.
 */
type Pool = { clientId: string; tokenStorage: TokenStorageKind };

export const passkeysHereKey = (clientId: string) => `passwordless-login.passkeys-here.${clientId}`;
const inPage = new Set<string>();

export function passkeysUsedHere(pool: Pool): boolean {
  const key = passkeysHereKey(pool.clientId);
  try {
    return inPage.has(key) || (pool.tokenStorage === 'local' && localStorage.getItem(key) === '1');
  } catch {
    return false;
  }
}

export function markPasskeysUsedHere(pool: Pool): void {
  const key = passkeysHereKey(pool.clientId);
  inPage.add(key);
  try {
    if (pool.tokenStorage === 'local') localStorage.setItem(key, '1');
  } catch {
    // blocked or full: kept for this page
  }
}

