/**
 * Which emails have signed in on this device, kept as SHA-256 digests (never the address itself)
 * so that a returning user skips the `SignUp` probe and waits on one Cognito request, not two.
 * Only used with `token-storage="local"`: the other settings promise not to persist anything.
 */
const MAX_ENTRIES = 20;

const storageKey = (clientId: string) => `passwordless-login.known.${clientId}`;

async function digest(email: string): Promise<string> {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(email));
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

function read(clientId: string): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(storageKey(clientId)) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function write(clientId: string, entries: string[]): void {
  try {
    localStorage.setItem(storageKey(clientId), JSON.stringify(entries.slice(0, MAX_ENTRIES)));
  } catch {
    // Storage full or blocked: the shortcut is an optimisation only.
  }
}

export async function isKnownEmail(clientId: string, email: string): Promise<boolean> {
  if (!globalThis.crypto?.subtle) return false;
  return read(clientId).includes(await digest(email));
}

export async function rememberEmail(clientId: string, email: string): Promise<void> {
  if (!globalThis.crypto?.subtle) return;
  const hash = await digest(email);
  write(clientId, [hash, ...read(clientId).filter((h) => h !== hash)]);
}

export async function forgetEmail(clientId: string, email: string): Promise<void> {
  if (!globalThis.crypto?.subtle) return;
  const hash = await digest(email);
  write(clientId, read(clientId).filter((h) => h !== hash));
}
