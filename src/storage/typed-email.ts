import type { TokenStorageKind } from '../flow/client.js';

/**
 * The email being typed, kept in sessionStorage so that a reload (or a request cut short by one)
 * does not lose it: that storage belongs to this tab and ends with it, and the entry is removed
 * once signed in. Never with `token-storage="memory"`, which promises nothing in Web Storage.
 * Keyed by app client, so that two elements on different pools keep their own.
 * With no argument, reads it; with a string, stores it; with null, removes it.
 */
export function typedEmail(
  pool: { clientId: string; tokenStorage: TokenStorageKind },
  email?: string | null,
): string {
  try {
    if (!pool.clientId || pool.tokenStorage === 'memory') return '';
    const key = `passwordless-login.email.${pool.clientId}`;
    if (email === undefined) return sessionStorage.getItem(key) ?? '';
    if (email) sessionStorage.setItem(key, email);
    else sessionStorage.removeItem(key);
  } catch {
    // Storage blocked: the email is simply not kept across a reload.
  }
  return '';
}
