/**
 * The pool's attribute schema as clients see it: which attributes a client may write, which only
 * Cognito sets, the pool's custom attributes (`customAttributes` option) and the values each takes.
 */
import { errors } from '../errors.js';
import type { PoolConfig } from '../options.js';

/** Standard attributes a client may write. */
const WRITABLE_ATTRIBUTES = new Set([
  'address', 'birthdate', 'email', 'family_name', 'gender', 'given_name', 'locale', 'middle_name', 'name',
  'nickname', 'phone_number', 'picture', 'preferred_username', 'profile', 'zoneinfo', 'updated_at', 'website',
]);
const READ_ONLY_ATTRIBUTES = new Set(['sub', 'email_verified', 'phone_number_verified', 'identities']);

/** What the pool takes as an email username: anything with one `@` between non-blank parts. */
const EMAIL = /^[^\s@]+@[^\s@]+$/;
/** Cognito's Number attributes hold whole numbers, e.g. `updated_at` in seconds since the epoch. */
const WHOLE_NUMBER = /^-?\d+$/;

export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

const schemaError = (detail: string) => errors.invalidParameter(`Attributes did not conform to the schema: ${detail}`);

/** Refuses a value the attribute's type cannot hold. [U] the texts after the attribute name. */
function checkValue(config: PoolConfig, name: string, value: string): void {
  if (name === 'updated_at') {
    // The standard attribute is a Number (OIDC's seconds since the epoch), not a date string.
    if (!WHOLE_NUMBER.test(value)) throw schemaError(`${name}: Number must be a whole number of seconds since the epoch.`);
    return;
  }
  const rule = config.customAttributes.get(name);
  if (rule === undefined) return;
  if (rule.type === 'Number') {
    if (!WHOLE_NUMBER.test(value)) throw schemaError(`${name}: Number must be a whole number.`);
    const n = Number(value);
    if (rule.min !== undefined && n < rule.min) throw schemaError(`${name}: Number must be at least ${rule.min}.`);
    if (rule.max !== undefined && n > rule.max) throw schemaError(`${name}: Number must be at most ${rule.max}.`);
  } else {
    const length = [...value].length;
    if ((rule.min !== undefined && length < rule.min) || (rule.max !== undefined && length > rule.max))
      throw schemaError(`${name}: String must be ${rule.min ?? 0} to ${rule.max} characters long.`);
  }
}

/**
 * The attributes of a client's `[{Name, Value}]` list as a record, in list order, refusing ones
 * only Cognito sets (NotAuthorizedException), ones outside the schema (InvalidParameterException
 * with Cognito's text), values their type cannot hold, and (on `update`) immutable custom ones.
 * On `update` a blank value deletes the attribute, so it is not checked against the type.
 */
export function clientWritableAttributes(
  config: PoolConfig,
  list: ReadonlyArray<{ Name: string; Value: string }>,
  purpose: 'create' | 'update',
): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const { Name, Value } of list) {
    if (READ_ONLY_ATTRIBUTES.has(Name)) throw errors.unauthorizedAttribute();
    const custom = config.customAttributes.get(Name);
    if (!WRITABLE_ATTRIBUTES.has(Name) && custom === undefined)
      // [FIELD] Real pools' text for an undefined custom attribute; [U] the other for a name that is neither.
      throw schemaError(Name.startsWith('custom:') ? `Type for attribute {${Name}} could not be determined` : `${Name}: Attribute does not exist in the schema.`);
    if (purpose === 'update' && custom?.mutable === false) throw schemaError(`${Name}: Attribute cannot be updated. (changing an immutable attribute)`);
    if (!(purpose === 'update' && Value === '')) checkValue(config, Name, Value);
    attrs[Name] = Value;
  }
  return attrs;
}
