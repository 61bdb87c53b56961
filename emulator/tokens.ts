import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify, errors as joseErrors, type JWK } from 'jose';
import type { CryptoKey } from 'jose';

/** One RS256 signing key: the private JWK is what `--data` keeps. */
export interface SigningKey {
  kid: string;
  privateJwk: JWK;
}

/** The two keys a pool signs with: Cognito uses different kids for ID and access tokens. */
export interface PoolKeys {
  id: SigningKey;
  access: SigningKey;
}

interface LoadedKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

/** Real kids look like base64 of 32 bytes; clients treat them as opaque. */
function newKid(): string {
  return randomBytes(32).toString('base64');
}

async function newSigningKey(): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  return { kid: newKid(), privateJwk: await exportJWK(privateKey) };
}

export async function newPoolKeys(): Promise<PoolKeys> {
  const [id, access] = await Promise.all([newSigningKey(), newSigningKey()]);
  return { id, access };
}

async function loadKey(key: SigningKey): Promise<LoadedKey> {
  const privateKey = (await importJWK({ ...key.privateJwk, alg: 'RS256' }, 'RS256')) as CryptoKey;
  const { n, e } = key.privateJwk;
  if (typeof n !== 'string' || typeof e !== 'string') throw new Error('signing key is not an RSA key');
  const publicJwk: JWK = { alg: 'RS256', e, kid: key.kid, kty: 'RSA', n, use: 'sig' };
  const publicKey = (await importJWK(publicJwk, 'RS256')) as CryptoKey;
  return { kid: key.kid, privateKey, publicKey, publicJwk };
}

/** What a token pair is minted from. */
export interface TokenSubject {
  sub: string;
  clientId: string;
  /** Attributes as GetUser returns them (strings); `email_verified` becomes a JSON boolean in the ID token. */
  attributes: Record<string, string>;
  /** Seconds since the epoch of the original authentication: unchanged on refresh. */
  authTime: number;
  /** The refresh-token family: constant for every token refreshed from one sign-in. */
  originJti: string;
  eventId: string;
}

/** Claims of a verified access token that the operations need. */
export interface AccessClaims {
  sub: string;
  clientId: string;
  originJti: string;
}

export type AccessTokenProblem = 'invalid' | 'expired';

/** Mints and verifies the pool's JWTs. */
export class TokenMinter {
  private constructor(
    private readonly idKey: LoadedKey,
    private readonly accessKey: LoadedKey,
    readonly issuer: string,
    private readonly validitySeconds: number,
  ) {}

  static async create(keys: PoolKeys, issuer: string, validitySeconds: number): Promise<TokenMinter> {
    return new TokenMinter(await loadKey(keys.id), await loadKey(keys.access), issuer, validitySeconds);
  }

  /** The JWKS document served at `/{poolId}/.well-known/jwks.json`. */
  jwks(): { keys: JWK[] } {
    return { keys: [this.idKey.publicJwk, this.accessKey.publicJwk] };
  }

  get expiresIn(): number {
    return this.validitySeconds;
  }

  async mint(subject: TokenSubject): Promise<{ idToken: string; accessToken: string }> {
    const now = Math.floor(Date.now() / 1000);
    const exp = now + this.validitySeconds;
    const idClaims: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(subject.attributes)) {
      if (name === 'email_verified' || name === 'phone_number_verified') idClaims[name] = value === 'true';
      else idClaims[name] = value;
    }
    Object.assign(idClaims, {
      sub: subject.sub,
      iss: this.issuer,
      // Email is the username attribute, so the internal username is the sub.
      'cognito:username': subject.sub,
      origin_jti: subject.originJti,
      aud: subject.clientId,
      event_id: subject.eventId,
      token_use: 'id',
      auth_time: subject.authTime,
      exp,
      iat: now,
      jti: randomUUID(),
    });
    const accessClaims = {
      sub: subject.sub,
      iss: this.issuer,
      client_id: subject.clientId,
      origin_jti: subject.originJti,
      event_id: subject.eventId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      auth_time: subject.authTime,
      exp,
      iat: now,
      jti: randomUUID(),
      username: subject.sub,
    };
    const [idToken, accessToken] = await Promise.all([
      new SignJWT(idClaims).setProtectedHeader({ kid: this.idKey.kid, alg: 'RS256' }).sign(this.idKey.privateKey),
      new SignJWT(accessClaims)
        .setProtectedHeader({ kid: this.accessKey.kid, alg: 'RS256' })
        .sign(this.accessKey.privateKey),
    ]);
    return { idToken, accessToken };
  }

  /** Verifies an access token's signature, issuer, expiry and use; revocation is the caller's check. */
  async verifyAccess(token: string): Promise<AccessClaims | AccessTokenProblem> {
    try {
      const { payload } = await jwtVerify(token, this.accessKey.publicKey, {
        issuer: this.issuer,
        algorithms: ['RS256'],
      });
      const { sub, client_id: clientId, origin_jti: originJti, token_use: use, scope } = payload;
      if (use !== 'access' || typeof sub !== 'string' || typeof clientId !== 'string' || typeof originJti !== 'string')
        return 'invalid';
      if (typeof scope !== 'string' || !scope.split(' ').includes('aws.cognito.signin.user.admin')) return 'invalid';
      return { sub, clientId, originJti };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) return 'expired';
      return 'invalid';
    }
  }
}

/**
 * Real refresh tokens are five-part JWEs; ours are opaque random strings of the same outline, which
 * is all Amplify and the SDK need.
 */
export function newRefreshToken(): string {
  const header = Buffer.from('{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}').toString('base64url');
  const part = (n: number) => randomBytes(n).toString('base64url');
  return `${header}.${part(256)}.${part(12)}.${part(400)}.${part(16)}`;
}
