/**
 * What this device remembers about passkeys, per pool: which users have a passkey usable here (so
 * the email step goes straight to the passkey prompt for them), which users said "not now" to the
 * offer to create one (both as device-memory.ts markers: keyed, never the address itself), and
 * whether the pool allows passkeys at all (no one's trace: kept in the clear, see
 * ../storage/pool-passkeys.ts, which the email step reads).
 *
 * With `token-storage` other than `local`, nothing persists: the marks last as long as the page.
 * Loaded with the passkeys chunk: the sign-in flow asks for it only once a passkey was created or
 * used on this device (see ../storage/pool-passkeys.ts).
 */
import { poolPasskeysKey } from '../storage/pool-passkeys.js';
import { markPasskeysUsedHere } from './passkeys-here.js';
import type { PoolConfig } from './client.js';
import { clearMarker, deviceMemoryScope, hasMarker, setMarker, type DeviceMarker } from './device-memory.js';

export interface PasskeyMemory {
  /** The user has a passkey usable on this device (created here, or used here to sign in). */
  hasPasskey(email: string): Promise<boolean>;
  setPasskey(email: string, has: boolean): Promise<void>;
  offerDismissed(email: string): Promise<boolean>;
  dismissOffer(email: string): Promise<void>;
  /** Whether the pool was found to allow passkeys: true, false (for a day), or undefined. */
  poolAllows(): boolean | undefined;
  setPoolAllows(allowed: boolean): void;
}

/** Page-lifetime marks and pool answers, where the pool's settings promise that nothing persists. */
const inPage = new Map<string, string>();

export function passkeyMemory(config: PoolConfig): PasskeyMemory {
  const scope = deviceMemoryScope(config);
  const pageKey = (marker: DeviceMarker, email: string) => `${config.clientId}|${marker}|${email}`;
  const has = async (marker: DeviceMarker, email: string) =>
    scope ? hasMarker(scope, marker, email) : inPage.has(pageKey(marker, email));
  const set = async (marker: DeviceMarker, email: string, on: boolean) => {
    if (scope) return on ? setMarker(scope, marker, email) : clearMarker(scope, email, marker);
    if (on) inPage.set(pageKey(marker, email), '');
    else inPage.delete(pageKey(marker, email));
  };
  const poolKey = poolPasskeysKey(config.clientId);
  return {
    hasPasskey: (email) => has('passkey', email),
    setPasskey(email, on) {
      if (on) markPasskeysUsedHere(config);
      return set('passkey', email, on);
    },
    offerDismissed: (email) => has('passkey-offer-dismissed', email),
    dismissOffer: (email) => set('passkey-offer-dismissed', email, true),
    poolAllows() {
      let value: string | null | undefined = inPage.get(poolKey);
      try {
        if (scope) value = localStorage.getItem(poolKey);
      } catch {
        // blocked: not known
      }
      return value === '1' ? true : Date.now() - Number(value) < 864e5 ? false : undefined;
    },
    setPoolAllows(allowed) {
      const value = allowed ? '1' : String(Date.now());
      try {
        if (scope) return localStorage.setItem(poolKey, value);
      } catch {
        // blocked or full: kept for this page
      }
      inPage.set(poolKey, value);
    },
  };
}
