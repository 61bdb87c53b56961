/**
 * A software passkey authenticator for the emulator's Node tests: P-256 keys from node:crypto,
 * authenticatorData, clientDataJSON and a `none` attestation built byte by byte, as a browser and
 * platform authenticator would send them (RegistrationResponseJSON / AuthenticationResponseJSON).
 * Every field can be overridden, so a test can forge exactly one thing: an origin, an RP ID, a
 * counter, a flag, a signature.
 */
import { createHash, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

export interface PasskeyCredential {
  /** base64url */
  id: string;
  privateKey: KeyObject;
  /** The user handle the site gave at creation (base64url). */
  userHandle: string;
  rpId: string;
  counter: number;
}

/** What a ceremony can be made to lie about. */
export interface Forgery {
  origin?: string;
  /** The RP ID whose hash goes into authenticatorData. */
  rpId?: string;
  challenge?: string;
  type?: string;
  /** User verification flag; default true. */
  uv?: boolean;
  /** The counter to report; default the next one. */
  counter?: number;
  /** Sign with another key (a forged signature). */
  signWith?: KeyObject;
  userHandle?: string | null;
  /** At creation: make this existing credential again (same id and key) instead of a new one. */
  reuse?: PasskeyCredential;
}

const b64 = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();
const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function coseKey(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  // kty EC2, alg ES256, crv P-256, x, y
  return isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x!, 'base64url')],
      [-3, Buffer.from(jwk.y!, 'base64url')],
    ]),
  );
}

function clientData(type: string, challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

export class SoftAuthenticator {
  readonly credentials: PasskeyCredential[] = [];

  constructor(
    /** The page origin the "browser" reports. */
    readonly origin = 'http://localhost:8000',
    readonly attachment: 'platform' | 'cross-platform' = 'platform',
  ) {}

  /** Answers StartWebAuthnRegistration's options as `navigator.credentials.create()` would. */
  create(options: Record<string, unknown>, forge: Forgery = {}): Record<string, unknown> {
    const { privateKey, publicKey } =
      forge.reuse === undefined
        ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
        : { privateKey: forge.reuse.privateKey, publicKey: createPublicKey(forge.reuse.privateKey) };
    const idBytes = forge.reuse === undefined ? randomBytes(16) : Buffer.from(forge.reuse.id, 'base64url');
    const rp = options.rp as { id: string };
    const user = options.user as { id: string };
    const rpId = forge.rpId ?? rp.id;
    const flags = FLAG_UP | FLAG_AT | (forge.uv === false ? 0 : FLAG_UV);
    const authData = Buffer.concat([
      sha256(rpId),
      Buffer.from([flags]),
      uint32(forge.counter ?? 0),
      Buffer.alloc(16), // AAGUID: none given
      Buffer.from([0, idBytes.length]),
      idBytes,
      coseKey(publicKey),
    ]);
    const attestationObject = isoCBOR.encode(new Map<string, unknown>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]) as never);
    const id = b64(idBytes);
    this.credentials.push({ id, privateKey, userHandle: user.id, rpId: rp.id, counter: forge.counter ?? 0 });
    const json = clientData(forge.type ?? 'webauthn.create', forge.challenge ?? String(options.challenge), forge.origin ?? this.origin);
    return {
      id,
      rawId: id,
      type: 'public-key',
      clientExtensionResults: {},
      authenticatorAttachment: this.attachment,
      response: {
        clientDataJSON: b64(json),
        attestationObject: b64(attestationObject),
        transports: ['internal'],
        publicKeyAlgorithm: -7,
        authenticatorData: b64(authData),
        publicKey: b64(publicKey.export({ format: 'der', type: 'spki' })),
      },
    };
  }

  /**
   * Answers a WEB_AUTHN challenge's CREDENTIAL_REQUEST_OPTIONS as `navigator.credentials.get()`
   * would, with `credential` (default: the first allowed one this authenticator holds).
   */
  get(requestOptions: string, forge: Forgery = {}, credential?: PasskeyCredential): Record<string, unknown> {
    const options = JSON.parse(requestOptions) as { challenge: string; rpId: string; allowCredentials: Array<{ id: string }> };
    const allowed = new Set(options.allowCredentials.map((c) => c.id));
    const cred = credential ?? this.credentials.find((c) => allowed.has(c.id));
    if (cred === undefined) throw new Error('no allowed credential on this authenticator');
    const counter = forge.counter ?? cred.counter + 1;
    cred.counter = Math.max(cred.counter, counter);
    const flags = FLAG_UP | (forge.uv === false ? 0 : FLAG_UV);
    const authData = Buffer.concat([sha256(forge.rpId ?? options.rpId), Buffer.from([flags]), uint32(counter)]);
    const json = clientData(forge.type ?? 'webauthn.get', forge.challenge ?? options.challenge, forge.origin ?? this.origin);
    const signature = sign('sha256', Buffer.concat([authData, sha256(json)]), forge.signWith ?? cred.privateKey);
    const handle = forge.userHandle === undefined ? cred.userHandle : forge.userHandle;
    return {
      id: cred.id,
      rawId: cred.id,
      type: 'public-key',
      clientExtensionResults: {},
      authenticatorAttachment: this.attachment,
      response: {
        clientDataJSON: b64(json),
        authenticatorData: b64(authData),
        signature: b64(signature),
        ...(handle === null ? {} : { userHandle: handle }),
      },
    };
  }
}
