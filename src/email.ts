/**
 * Email and code input rules, shared by the element and the flow.
 *
 * Normalisation: invisible format characters (zero-width spaces and joiners, BOM, soft hyphen,
 * bidi marks and overrides) are removed — they arrive with copied text and are never part of an
 * address; surrounding whitespace is trimmed; everything is lowercased. The local part is
 * lowercased too: Cognito usernames are case-sensitive unless the pool was created
 * case-insensitive, and nearly every mail provider treats the local part case-insensitively, so
 * `Alice@Example.com` and `alice@example.com` must be one account.
 *
 * Cognito sends its mail through Amazon SES, which takes only 7-bit ASCII local parts and ASCII
 * (Punycode) domains: a Unicode domain (`user@bücher.de`) is converted to Punycode
 * (`user@xn--bcher-kva.de`), and a Unicode local part (`用户@example.com`) is refused.
 */

/** At most 254 characters (RFC 5321 path limit), one `@`, a dotted domain, no spaces. */
const EMAIL_SHAPE = /^[^\s@"(),:;<>[\\\]]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

/** Unicode "format" characters: U+200B–U+200F, U+202A–U+202E, U+2060–U+2069, U+FEFF, U+00AD… */
const INVISIBLE = /\p{Cf}/gu;

/** A domain made only of letters, digits, hyphens and (ideographic, full-width) dots: a candidate IDN. */
const IDN_DOMAIN = /^[\p{L}\p{M}\p{Nd}\-.\u3002\uff0e\uff61]+$/u;

/** The email as the flow sends it to Cognito. */
export function normalizeEmail(raw: string): string {
  const email = raw.replace(INVISIBLE, '').trim().toLowerCase();
  const at = email.lastIndexOf('@');
  const domain = email.slice(at + 1);
  if (at < 0 || /^[\x00-\x7f]*$/.test(domain) || !IDN_DOMAIN.test(domain)) return email;
  try {
    // The URL parser applies UTS #46 (IDNA) to a host: exactly the Punycode form DNS and SES use.
    return email.slice(0, at + 1) + new URL(`http://${domain}/`).hostname;
  } catch {
    return email;
  }
}

/** Whether an email could be delivered to; checked before any request is made. */
export function isValidEmail(raw: string): boolean {
  const email = normalizeEmail(raw);
  if (email.length > 254) return false;
  const local = email.slice(0, email.lastIndexOf('@'));
  if (local.length === 0 || local.length > 64) return false;
  if (!/^[\x21-\x7e]+$/.test(local)) return false;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  return EMAIL_SHAPE.test(email);
}

const DECIMAL_DIGIT = /\p{Nd}/u;

/** The value of any Unicode decimal digit: they come in runs of ten, zero first (a Unicode stability rule). */
function digitValue(digit: string): string {
  const point = digit.codePointAt(0)!;
  let zero = point;
  while (zero > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return String((point - zero) % 10);
}

/**
 * A typed, pasted or autofilled code reduced to ASCII digits (`1234-5678`, `1234 5678`,
 * `１２３４５６７８`, `١٢٣٤٥٦٧٨` → `12345678`). Given the expected `length`, a code pasted with the
 * text around it (`Your code is 12345678. It expires in 24 hours.`) is the one group of that many
 * digits; otherwise every digit counts, so a code with a digit too many stays too long.
 */
export function cleanCode(raw: string, length = 0): string {
  const ascii = raw.replace(/\p{Nd}/gu, digitValue);
  if (length > 0) {
    const groups = (ascii.match(/\d(?:[ \u00a0-]?\d)*/g) ?? []).map((g) => g.replace(/\D/g, ''));
    const fitting = groups.filter((g) => g.length === length);
    if (groups.length > 1 && fitting.length === 1) return fitting[0]!;
  }
  return ascii.replace(/\D/g, '');
}
