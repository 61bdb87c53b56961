import { randomInt, timingSafeEqual, createHash } from 'node:crypto';

/** A code of `digits` decimal digits from the CSPRNG (leading zeros kept). */
export function newCode(digits: 6 | 8): string {
  let code = '';
  for (let i = 0; i < digits; i += 1) code += String(randomInt(10));
  return code;
}

/**
 * Compares a submitted code with the expected one in constant time. Both sides are hashed first so
 * the comparison takes the same time whatever the submitted length.
 */
export function codesEqual(expected: string, submitted: string): boolean {
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(submitted).digest();
  return timingSafeEqual(a, b);
}
