/**
 * Small per-device markers about users of one pool: "this user has a passkey on this device", "the
 * create-passkey offer was dismissed here". A marker is a yes/no about a subject (the normalised
 * email) and never stores the subject itself.
 *
 * Why it is keyed, and how. A plain digest of an email (what "known on this device" used to keep)
 * lets anyone who copies the storage test guesses offline: hash a list of addresses, compare. Here a
 * marker is HMAC-SHA-256(key, scope, marker, subject) under a key that WebCrypto generated as
 * NON-extractable and that lives in IndexedDB as a `CryptoKey` object: the browser can sign with it
 * for this origin, but no script can read its bytes (`exportKey` refuses), so a copy of the markers
 * taken out through the page (an XSS dump, a synced or exported profile view, a support tool) is
 * random-looking bytes with nothing to test a guess against. What this does not claim: a script
 * running on this origin, on this device, can still ask the key to sign a guess (an online test on
 * the device itself, one guess at a time), and a raw copy of the browser profile's files may hold
 * the key material in whatever form the browser stores it. Against the shared-computer case, the
 * element's `signOut({ forget: true })` removes the subject's markers, and the whole store when
 * nothing is left in it.
 *
 * Bounded: at most `MAX_PER_MARKER` subjects per marker and scope, most recent first. Fails closed:
 * without IndexedDB or WebCrypto (an insecure context, a locked-down browser) nothing is
 * remembered and every question answers "no". Callers decide whether the page's settings allow
 * anything to persist (`token-storage="memory"` promises nothing does); see `deviceMemoryScope`.
 *
 * Loaded with the flow only: the email step must never wait for it (test/node/size.test.ts).
 */
import type { PoolConfig } from './client.js';

/** The markers the element knows of; a string union so that a typo is a type error. */
export type DeviceMarker = 'passkey' | 'passkey-offer-dismissed';

/** Subjects kept per marker and scope, most recent first; older ones fall off. */
export const MAX_PER_MARKER = 20;

const DB_NAME = 'passwordless-login.device-memory';
const STORE = 'scopes';

/** One IndexedDB record per scope (pool): its key and, per marker, the tags of its subjects. */
interface ScopeRecord {
  key: CryptoKey;
  markers: Partial<Record<DeviceMarker, string[]>>;
}

/**
 * The scope a pool's markers live under, or null when the pool's settings promise that nothing
 * persists on the device (`token-storage` other than `local`). The endpoint is part of it: the same
 * client id on the emulator and on AWS is two different pools.
 */
export function deviceMemoryScope(config: Pick<PoolConfig, 'endpoint' | 'userPoolId' | 'clientId' | 'tokenStorage'>): string | null {
  if (config.tokenStorage !== 'local') return null;
  return `${config.endpoint}|${config.userPoolId}|${config.clientId}`;
}

function available(): boolean {
  return typeof indexedDB !== 'undefined' && !!globalThis.crypto?.subtle;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function open(): Promise<IDBDatabase> {
  const req = indexedDB.open(DB_NAME, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE);
  return request(req);
}

async function withStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => Promise<T>): Promise<T> {
  const db = await open();
  try {
    const tx = db.transaction(STORE, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
    done.catch(() => {}); // awaited below; a failed `work` must not leave it unhandled
    const result = await work(tx.objectStore(STORE));
    await done;
    return result;
  } finally {
    db.close();
  }
}

const readRecord = (scope: string) =>
  withStore('readonly', (store) => request(store.get(scope) as IDBRequest<ScopeRecord | undefined>));

/** The scope's key, created on first use. Two tabs creating one at once: `add` lets only one win. */
async function keyFor(scope: string, create: boolean): Promise<CryptoKey | null> {
  const existing = await readRecord(scope);
  if (existing?.key) return existing.key;
  if (!create) return null;
  const key = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  try {
    await withStore('readwrite', (store) => request(store.add({ key, markers: {} } satisfies ScopeRecord, scope)));
    return key;
  } catch {
    return (await readRecord(scope))?.key ?? null;
  }
}

async function tag(key: CryptoKey, scope: string, marker: DeviceMarker, subject: string): Promise<string> {
  // Length-prefixed parts, so that no two (scope, marker, subject) triples sign the same bytes.
  const data = [scope, marker, subject].map((part) => `${part.length}:${part}`).join('');
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(data));
  return btoa(String.fromCharCode(...new Uint8Array(mac)));
}

/** Read-modify-write of one scope's markers, in one transaction; the tag is computed before it. */
async function update(scope: string, change: (record: ScopeRecord) => void): Promise<void> {
  await withStore('readwrite', async (store) => {
    const record = await request(store.get(scope) as IDBRequest<ScopeRecord | undefined>);
    if (!record) return;
    change(record);
    const empty = Object.values(record.markers).every((list) => !list?.length);
    if (empty) await request(store.delete(scope));
    else await request(store.put(record, scope));
  });
}

/** One promise chain per page, so that this page's own writes never interleave. */
let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(work: () => Promise<T>, fallback: T): Promise<T> {
  const run = queue.then(work).catch(() => fallback);
  queue = run;
  return run;
}

/** Whether `marker` was set for `subject` on this device (false when unknown or unavailable). */
export function hasMarker(scope: string, marker: DeviceMarker, subject: string): Promise<boolean> {
  if (!available()) return Promise.resolve(false);
  return serialized(async () => {
    const key = await keyFor(scope, false);
    if (!key) return false;
    const wanted = await tag(key, scope, marker, subject);
    return ((await readRecord(scope))?.markers[marker] ?? []).includes(wanted);
  }, false);
}

/** Sets `marker` for `subject` (most recent first; the oldest past `MAX_PER_MARKER` is dropped). */
export function setMarker(scope: string, marker: DeviceMarker, subject: string): Promise<void> {
  if (!available()) return Promise.resolve();
  return serialized(async () => {
    const key = await keyFor(scope, true);
    if (!key) return;
    const value = await tag(key, scope, marker, subject);
    await update(scope, (record) => {
      const list = (record.markers[marker] ?? []).filter((t) => t !== value);
      record.markers[marker] = [value, ...list].slice(0, MAX_PER_MARKER);
    });
  }, undefined);
}

/** Clears `marker` for `subject`, or every marker of `subject` when `marker` is omitted. */
export function clearMarker(scope: string, subject: string, marker?: DeviceMarker): Promise<void> {
  if (!available()) return Promise.resolve();
  return serialized(async () => {
    const key = await keyFor(scope, false);
    if (!key) return;
    const kinds = marker ? [marker] : (Object.keys((await readRecord(scope))?.markers ?? {}) as DeviceMarker[]);
    const tags = new Map<DeviceMarker, string>();
    for (const kind of kinds) tags.set(kind, await tag(key, scope, kind, subject));
    // The store (key included) goes when no marker is left: nothing of this pool stays behind.
    await update(scope, (record) => {
      for (const [kind, value] of tags) record.markers[kind] = (record.markers[kind] ?? []).filter((t) => t !== value);
    });
  }, undefined);
}

/** Removes every marker of a scope, with its key. */
export function clearScope(scope: string): Promise<void> {
  if (!available()) return Promise.resolve();
  return serialized(() => withStore('readwrite', (store) => request(store.delete(scope))), undefined);
}
