/**
 * Users who do not exist, as PreventUserExistenceErrors shows them. Cognito answers choice-based
 * sign-in (USER_AUTH) for an unknown username with "a random selection from the challenge types
 * allowed for the user pool" [DOC cognito-user-pool-managing-errors], and SRP with "the same salt
 * and internal user ID in UUID format for the same username" [DOC]. A selection redrawn on every
 * request would itself tell an unknown name from a real one (whose choices never change), so here
 * each unknown username gets one made-up user, the same every time: a sub, whether it "has" a
 * password, whether it "has" a passkey (when the pool allows them), and the SRP salt and verifier
 * and passkey that go with those. The factors then answer for it exactly as for a real user with
 * the same factors, through their `simulate`, which sends nothing and stores nothing.
 *
 * Derived with a key taken from the pool's signing key, so the same name keeps the same made-up
 * user across restarts of a `--data` pool, as it would in Cognito.
 */
import { createECDH, createHash, createHmac } from 'node:crypto';
import { makeVerifier } from '../srp.js';
import type { Store, User } from '../store.js';
import type { PoolDeps } from './context.js';
import { srpPoolName } from './passwords.js';

/** The marker a made-up user has for a password: not an scrypt hash, so nothing ever matches it. */
const NO_PASSWORD = 'phantom';

const secrets = new WeakMap<Store, Buffer>();

function secret(store: Store): Buffer {
  let key = secrets.get(store);
  if (key === undefined) {
    key = createHash('sha256').update('passwordless-login-emulator phantom users\0').update(JSON.stringify(store.state.keys.id)).digest();
    secrets.set(store, key);
  }
  return key;
}

/** 32 bytes for `purpose` and this username (case-insensitive, as usernames are). */
function derive(d: PoolDeps, purpose: string, username: string): Buffer {
  return createHmac('sha256', secret(d.store)).update(`${purpose}\0${username.toLowerCase()}`).digest();
}

/** A version-4-shaped UUID from 16 bytes. */
function uuid(bytes: Buffer): string {
  const b = Buffer.from(bytes.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A CBOR-encoded COSE EC2 P-256 public key, as passkeys hold (so checking a signature fails as for a real one). */
function cosePublicKey(seed: Buffer): string {
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(seed);
  const point = ecdh.getPublicKey();
  const x = point.subarray(1, 33);
  const y = point.subarray(33, 65);
  // {1: 2 (EC2), 3: -7 (ES256), -1: 1 (P-256), -2: x, -3: y}
  return Buffer.concat([Buffer.from([0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20]), x, Buffer.from([0x22, 0x58, 0x20]), y]).toString('base64url');
}

/** The made-up user behind an unknown `username` (never stored). */
export function phantomUser(d: PoolDeps, username: string): User {
  const id = derive(d, 'user', username);
  const sub = uuid(id);
  const flags = id[16]!;
  const user: User = {
    sub,
    username,
    attributes: { sub, email: username, email_verified: 'true' },
    status: 'CONFIRMED',
    createdAt: 0,
    codeSends: [],
  };
  if (flags & 1) user.passwordHash = NO_PASSWORD;
  if (flags & 2 && d.config.passkeys !== null) {
    user.passkeys = [
      {
        credentialId: derive(d, 'credential', username).subarray(0, 16).toString('base64url'),
        publicKey: cosePublicKey(derive(d, 'passkey', username)),
        counter: 0,
        transports: ['hybrid', 'internal'],
        name: 'passkey',
        relyingPartyId: d.config.passkeys.relyingPartyId,
        createdAt: 0,
      },
    ];
  }
  return user;
}

/** The made-up user's SRP salt and verifier (of a password nobody knows); the same for the same name. */
export function phantomVerifier(d: PoolDeps, user: User) {
  return makeVerifier(srpPoolName(d), user.sub, derive(d, 'password', user.username).toString('hex'), derive(d, 'salt', user.username).subarray(0, 16));
}
