/**
 * The pool's attribute schema as clients see it: which attributes a client may write, which only
 * Cognito sets. A custom-attribute schema and UpdateUserAttributes extend this file.
 */
import { errors } from '../errors.js';

/** Standard attributes a client may write (the pool defines no custom ones, but accepts `custom:*`). */
const WRITABLE_ATTRIBUTES = new Set([
  'address', 'birthdate', 'email', 'family_name', 'gender', 'given_name', 'locale', 'middle_name', 'name',
  'nickname', 'phone_number', 'picture', 'preferred_username', 'profile', 'zoneinfo', 'updated_at', 'website',
]);
const READ_ONLY_ATTRIBUTES = new Set(['sub', 'email_verified', 'phone_number_verified', 'identities']);

/** What the pool takes as an email username: anything with one `@` between non-blank parts. */
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

/**
 * The attributes of a client's `[{Name, Value}]` list as a record, refusing ones only Cognito sets
 * (NotAuthorizedException) and ones outside the schema (InvalidParameterException), in list order.
 */
export function clientWritableAttributes(list: ReadonlyArray<{ Name: string; Value: string }>): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const { Name, Value } of list) {
    if (READ_ONLY_ATTRIBUTES.has(Name)) throw errors.unauthorizedAttribute();
    if (!WRITABLE_ATTRIBUTES.has(Name) && !Name.startsWith('custom:'))
      throw errors.invalidParameter(`Attributes did not conform to the schema: ${Name}: Attribute does not exist in the schema.`);
    attrs[Name] = Value;
  }
  return attrs;
}
