// The per-device markers (src/flow/device-memory.ts): keyed so that a copy of the storage cannot
// test a guess, bounded, and removable.
import { expect } from '@open-wc/testing';
import {
  clearMarker,
  clearScope,
  deviceMemoryScope,
  hasMarker,
  MAX_PER_MARKER,
  setMarker,
} from '../../src/flow/device-memory.js';

const DB = 'passwordless-login.device-memory';

/** Everything IndexedDB holds for the markers, read the way any script of the origin could. */
async function dump(): Promise<Map<string, { key: CryptoKey; markers: Record<string, string[]> }>> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('scopes');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    const store = db.transaction('scopes').objectStore('scopes');
    const [keys, values] = await Promise.all(
      [store.getAllKeys(), store.getAll()].map(
        (req) => new Promise<unknown[]>((resolve) => (req.onsuccess = () => resolve(req.result as unknown[]))),
      ),
    );
    return new Map(keys!.map((k, i) => [String(k), values![i] as { key: CryptoKey; markers: Record<string, string[]> }]));
  } finally {
    db.close();
  }
}

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
const b64 = (bytes: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(bytes)));

describe('device memory', () => {
  const scope = `http://127.0.0.1:1|us-east-1_Test|client-${crypto.randomUUID()}`;
  afterEach(() => clearScope(scope));

  it('is only for pools whose tokens persist on the device', () => {
    const pool = { endpoint: 'http://127.0.0.1:1', userPoolId: 'us-east-1_A', clientId: 'c' };
    expect(deviceMemoryScope({ ...pool, tokenStorage: 'local' })).to.equal('http://127.0.0.1:1|us-east-1_A|c');
    expect(deviceMemoryScope({ ...pool, tokenStorage: 'session' })).to.equal(null);
    expect(deviceMemoryScope({ ...pool, tokenStorage: 'memory' })).to.equal(null);
    expect(deviceMemoryScope({ ...pool, endpoint: '', tokenStorage: 'local' })).to.not.equal(
      deviceMemoryScope({ ...pool, tokenStorage: 'local' }),
    );
  });

  it('remembers a marker per subject and marker kind', async () => {
    expect(await hasMarker(scope, 'passkey', 'ada@example.com')).to.equal(false);
    await setMarker(scope, 'passkey', 'ada@example.com');
    expect(await hasMarker(scope, 'passkey', 'ada@example.com')).to.equal(true);
    expect(await hasMarker(scope, 'passkey', 'bob@example.com')).to.equal(false);
    expect(await hasMarker(scope, 'passkey-offer-dismissed', 'ada@example.com')).to.equal(false);
    expect(await hasMarker(`${scope}-other`, 'passkey', 'ada@example.com')).to.equal(false);
  });

  it('stores neither the email nor any unkeyed digest of it, and its key cannot be exported', async () => {
    const email = 'grace@example.com';
    await setMarker(scope, 'passkey', email);
    const record = (await dump()).get(scope)!;
    const stored = JSON.stringify(record.markers);
    expect(stored).to.not.contain(email);
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(email));
    expect(stored).to.not.contain(hex(digest));
    expect(stored).to.not.contain(b64(digest));
    // What an attacker holding a copy would try: the key's bytes. The browser refuses to give them.
    expect(record.key).to.be.instanceOf(CryptoKey);
    expect(record.key.extractable).to.equal(false);
    let exported: unknown = null;
    try {
      exported = await crypto.subtle.exportKey('raw', record.key);
    } catch (error) {
      exported = (error as Error).name;
    }
    expect(exported).to.equal('InvalidAccessError');
  });

  it('keeps at most MAX_PER_MARKER subjects per marker, the most recent', async () => {
    const subjects = Array.from({ length: MAX_PER_MARKER + 3 }, (_, i) => `user-${i}@example.com`);
    for (const s of subjects) await setMarker(scope, 'passkey', s);
    expect((await dump()).get(scope)!.markers.passkey).to.have.length(MAX_PER_MARKER);
    expect(await hasMarker(scope, 'passkey', subjects[0]!)).to.equal(false);
    expect(await hasMarker(scope, 'passkey', subjects[3]!)).to.equal(true);
    await setMarker(scope, 'passkey', subjects[3]!); // seen again: most recent, not duplicated
    expect((await dump()).get(scope)!.markers.passkey).to.have.length(MAX_PER_MARKER);
  });

  it('forgets one subject, and removes the store with its key when nothing is left', async () => {
    await setMarker(scope, 'passkey', 'ada@example.com');
    await setMarker(scope, 'passkey-offer-dismissed', 'ada@example.com');
    await setMarker(scope, 'passkey', 'bob@example.com');
    await clearMarker(scope, 'ada@example.com');
    expect(await hasMarker(scope, 'passkey', 'ada@example.com')).to.equal(false);
    expect(await hasMarker(scope, 'passkey-offer-dismissed', 'ada@example.com')).to.equal(false);
    expect(await hasMarker(scope, 'passkey', 'bob@example.com')).to.equal(true);
    await clearMarker(scope, 'bob@example.com', 'passkey');
    expect((await dump()).has(scope), 'no record, no key').to.equal(false);
  });

  it('answers no while nothing was ever stored, without creating a key', async () => {
    expect(await hasMarker(scope, 'passkey', 'ada@example.com')).to.equal(false);
    await clearMarker(scope, 'ada@example.com');
    expect((await dump()).has(scope)).to.equal(false);
  });
});
