/**
 * Opaque tokens in Cognito's shape: challenge `Session` strings and SRP's `SECRET_BLOCK`. Cognito's
 * are AWS Encryption SDK messages (`AYAB…`, about 1.5 kB); clients never look inside. These are
 * AES-256-GCM under a key that never leaves the process, over JSON padded to one fixed size, so
 * every token of a kind has the same length and alphabet whatever it holds (a simulated session
 * for a user who does not exist looks like a real one), nothing in it can be read, and any change
 * to it is detected.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Version 1, type 0x80, algorithm 0x0178: the first bytes of an Encryption SDK message, so tokens start `AYABe`. */
const HEADER = Buffer.from([0x01, 0x80, 0x01, 0x78]);
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** 1116 bytes in all, a multiple of 3: 1488 base64 characters without padding, as long as Cognito's. */
const PLAINTEXT_BYTES = 1116 - HEADER.length - IV_BYTES - TAG_BYTES;

export class Sealer {
  private readonly key = randomBytes(32);
  /** Bound into every token, so a token of one purpose never opens as another. */
  private readonly aad: Buffer;

  constructor(
    purpose: string,
    private readonly encoding: 'base64url' | 'base64',
  ) {
    this.aad = Buffer.from(purpose, 'utf8');
  }

  /** Seals `value` (its JSON must fit the fixed size; the callers' values are bounded far below it). */
  seal(value: unknown): string {
    const json = Buffer.from(JSON.stringify(value), 'utf8');
    if (json.length > PLAINTEXT_BYTES) throw new Error(`sealed value too large (${json.length} bytes)`);
    const plaintext = Buffer.alloc(PLAINTEXT_BYTES, 0x20);
    json.copy(plaintext);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(this.aad);
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([HEADER, iv, body, cipher.getAuthTag()]).toString(this.encoding);
  }

  /** The sealed value, or null for anything this sealer did not seal (garbage, altered, another purpose). */
  open(token: string): unknown {
    const bytes = Buffer.from(token, this.encoding);
    if (bytes.length !== HEADER.length + IV_BYTES + PLAINTEXT_BYTES + TAG_BYTES || !bytes.subarray(0, HEADER.length).equals(HEADER)) return null;
    // Buffer.from skips characters outside the alphabet; a token must be exactly what was sealed.
    if (bytes.toString(this.encoding) !== token) return null;
    const iv = bytes.subarray(HEADER.length, HEADER.length + IV_BYTES);
    const body = bytes.subarray(HEADER.length + IV_BYTES, bytes.length - TAG_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAAD(this.aad);
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      const plaintext = Buffer.concat([decipher.update(body), decipher.final()]);
      return JSON.parse(plaintext.toString('utf8'));
    } catch {
      return null;
    }
  }
}
