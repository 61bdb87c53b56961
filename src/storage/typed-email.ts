import type { TokenStorageKind } from '../flow/client.js';

/**
 * The email being typed, kept in sessionStorage so that a reload (or a request cut short by one)
 * does not lose it: that storage belongs to this tab and ends with it. It is kept for an attempt,
 * not beyond: at most `MAX_AGE_MS` after the last keystroke, and removed once signed in, signed out
 * or forgotten (`signOut({ forget: true })`). Never with `token-storage="memory"`, which promises
 * nothing in Web Storage. Keyed by app client, so that two elements on different pools keep their
 * own. With no argument, reads it; with a string, stores it; with null, removes it.
 */
const MAX_AGE_MS = 15 * 60_000;

export function typedEmail(
  pool: { clientId: string; tokenStorage: TokenStorageKind },
  email?: string | null,
): string {
  try {
    if (!pool.clientId || pool.tokenStorage === 'memory') return '';
    const key = `passwordless-login.email.${pool.clientId}`;
    if (email === undefined) {
      // "<ms since the epoch> <email as typed>"; anything else (an older version's bare email) is dropped.
      const [, at, value] = /^(\d+) (.*)$/s.exec(sessionStorage.getItem(key) ?? '') ?? [];
      if (value !== undefined && Date.now() - Number(at) < MAX_AGE_MS) return value;
      sessionStorage.removeItem(key);
    } else if (email) sessionStorage.setItem(key, `${Date.now()} ${email}`);
    else sessionStorage.removeItem(key);
  } catch {
    // Storage blocked: the email is simply not kept across a reload.
  }
  return '';
}
