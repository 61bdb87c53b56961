/**
 * Email and code input rules, shared by the element and the flow.
 *
 * Normalisation: surrounding whitespace is trimmed and the domain is lowercased (domains are
 * case-insensitive). The local part is also lowercased: Cognito usernames are case-sensitive
 * unless the pool was created case-insensitive, and nearly every mail provider treats the local
 * part case-insensitively, so `Alice@Example.com` and `alice@example.com` must be one account.
 */

/** At most 254 characters (RFC 5321 path limit), one `@`, a dotted domain, no spaces. */
const EMAIL_SHAPE = /^[^\s@"(),:;<>[\\\]]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

/** The email as the flow sends it to Cognito. */
export function normalizeEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** Whether an email could be delivered to; checked before any request is made. */
export function isValidEmail(raw: string): boolean {
  const email = normalizeEmail(raw);
  if (email.length > 254) return false;
  const local = email.slice(0, email.lastIndexOf('@'));
  if (local.length === 0 || local.length > 64) return false;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  return EMAIL_SHAPE.test(email);
}

/** A typed, pasted or autofilled code reduced to its digits (`1234-5678`, `1234 5678` → `12345678`). */
export function cleanCode(raw: string): string {
  // Full-width digits (Japanese IMEs) become ASCII before everything else is dropped.
  return raw
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\D/g, '');
}
