/**
 * The server side of Cognito's SRP-6a (PASSWORD_SRP, PASSWORD_VERIFIER), with node:crypto and
 * BigInt. No SRP library speaks Cognito's variant (its own x, its HKDF-derived key, its signed
 * "secret block" message), so this follows the client that the tests run against, aws-amplify's
 * `@aws-amplify/auth/dist/esm/providers/cognito/utils/srp/` (AuthenticationHelper, getPaddedHex,
 * getHkdfKey, getSignatureString) step by step:
 *
 *   N, g = 2 (RFC 5054's 3072-bit group), k = H(N | g)
 *   x = H(salt | H(poolName | userId | ":" | password)),  v = g^x         (kept at sign-up)
 *   B = k·v + g^b,  u = H(A | B),  S = (A · v^u)^b
 *   K = HKDF-SHA256(ikm = S, salt = u, info = "Caldera Derived Key" 0x01)[0..16]
 *   signature = Base64(HMAC-SHA256(K, poolName | userId | secretBlock | timestamp))
 *
 * where H hashes the bytes of the concatenated hex, and every number is hex-encoded as Java's
 * BigInteger.toByteArray() would (two's complement, a leading 00 when the top bit is set).
 * `poolName` is the part of the pool id after `_`; `userId` is USER_ID_FOR_SRP (the user's sub).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const N = BigInt(
  '0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const G = 2n;

/** Hex as Java's BigInteger.toByteArray() (non-negative numbers only here). */
export function paddedHex(n: bigint): string {
  let hex = n.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/.test(hex) ? `00${hex}` : hex;
}

const hashHex = (hex: string) => createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');
const hashText = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const toBigInt = (hex: string) => BigInt(`0x${hex}`);

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

const K = toBigInt(hashHex(paddedHex(N) + paddedHex(G)));

/** What the pool keeps of a password for SRP: the salt (hex, as sent in SALT) and v = g^x (hex). */
export interface SrpVerifier {
  salt: string;
  verifier: string;
}

/** The verifier for `password`, from a given 16-byte salt (random at sign-up; derived for simulated users). */
export function makeVerifier(poolName: string, userId: string, password: string, salt: Buffer = randomBytes(16)): SrpVerifier {
  const saltHex = toBigInt(salt.toString('hex')).toString(16);
  const x = toBigInt(hashHex(paddedHex(toBigInt(saltHex)) + hashText(`${poolName}${userId}:${password}`)));
  return { salt: saltHex, verifier: modPow(G, x, N).toString(16) };
}

/** The server's ephemeral values for one PASSWORD_VERIFIER challenge. */
export interface ServerEphemeral {
  /** Secret, kept with the session. */
  b: string;
  /** Sent as SRP_B. */
  B: string;
}

/** SRP_A as the client sent it, or null when it is not a usable public value (hex, A mod N ≠ 0). */
export function parseA(srpA: string): bigint | null {
  if (!/^[0-9a-fA-F]{1,2048}$/.test(srpA)) return null;
  const A = toBigInt(srpA);
  return A % N === 0n ? null : A;
}

/** B = k·v + g^b for a fresh random b. */
export function serverEphemeral(stored: SrpVerifier): ServerEphemeral {
  const v = toBigInt(stored.verifier);
  for (;;) {
    const b = toBigInt(randomBytes(32).toString('hex'));
    const B = (K * v + modPow(G, b, N)) % N;
    if (B !== 0n) return { b: b.toString(16), B: B.toString(16) };
  }
}

/** Cognito's TIMESTAMP, e.g. `Mon Jan 5 09:04:07 UTC 2026` (day not padded), as Amplify's getNowString writes it. */
export const TIMESTAMP = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2} \d{2}:\d{2}:\d{2} UTC \d{4}$/;

export interface Claim {
  poolName: string;
  userId: string;
  A: bigint;
  ephemeral: ServerEphemeral;
  stored: SrpVerifier;
  /** The SECRET_BLOCK as sent (base64), echoed back as PASSWORD_CLAIM_SECRET_BLOCK. */
  secretBlock: string;
  timestamp: string;
  /** PASSWORD_CLAIM_SIGNATURE (base64). */
  signature: string;
}

/** Whether the client's PASSWORD_CLAIM_SIGNATURE proves it knows the password behind `stored`. */
export function verifyClaim(claim: Claim): boolean {
  const B = toBigInt(claim.ephemeral.B);
  const u = toBigInt(hashHex(paddedHex(claim.A) + paddedHex(B)));
  if (u === 0n) return false;
  const v = toBigInt(claim.stored.verifier);
  const S = modPow((claim.A * modPow(v, u, N)) % N, toBigInt(claim.ephemeral.b), N);
  const prk = createHmac('sha256', Buffer.from(paddedHex(u), 'hex')).update(Buffer.from(paddedHex(S), 'hex')).digest();
  const key = createHmac('sha256', prk).update(Buffer.from('Caldera Derived Key\u0001', 'utf8')).digest().subarray(0, 16);
  const expected = createHmac('sha256', key)
    .update(Buffer.concat([
      Buffer.from(claim.poolName, 'utf8'),
      Buffer.from(claim.userId, 'utf8'),
      Buffer.from(claim.secretBlock, 'base64'),
      Buffer.from(claim.timestamp, 'utf8'),
    ]))
    .digest();
  const given = Buffer.from(claim.signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
