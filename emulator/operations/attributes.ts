/**
 * The pool's attribute schema as clients see it: which attributes a client may write, which only
 * Cognito sets, the pool's custom attributes (`customAttributes` option, and the production pool's
 * admin-only `custom:sealed_at`), the values each takes, and what the client may read.
 */
import { errors } from '../errors.js';
import type { PoolConfig } from '../options.js';

/** Standard attributes a client may write. */
const WRITABLE_ATTRIBUTES = new Set([
  'address', 'birthdate', 'email', 'family_name', 'gender', 'given_name', 'locale', 'middle_name', 'name',
  'nickname', 'phone_number', 'picture', 'preferred_username', 'profile', 'zoneinfo', 'updated_at', 'website',
]);
const READ_ONLY_ATTRIBUTES = new Set(['sub', 'email_verified', 'phone_number_verified', 'identities']);

/**
 * Custom attributes of the production pool (`infra/`) that are always in the schema but not the app
 * client's: `custom:sealed_at`, the seal trigger's mark (infra/lambda/seal-account). The client can
 * neither write it (a SignUp cannot pre-set it) nor read it (tokens and GetUser leave it out);
 * administrators and triggers set it with AdminUpdateUserAttributes.
 */
export const ADMIN_ONLY_ATTRIBUTES: ReadonlySet<string> = new Set(['custom:sealed_at']);

/** Whether `name` is in the pool's schema: standard, Cognito-managed, admin-only or custom. */
export function inSchema(config: PoolConfig, name: string): boolean {
  return (
    WRITABLE_ATTRIBUTES.has(name) ||
    READ_ONLY_ATTRIBUTES.has(name) ||
    ADMIN_ONLY_ATTRIBUTES.has(name) ||
    config.customAttributes.has(name)
  );
}

/** The attributes the app client may read: all but the admin-only ones. */
export function clientReadableAttributes(attributes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes).filter(([name]) => !ADMIN_ONLY_ATTRIBUTES.has(name)));
}

/** What the pool takes as an email username: anything with one `@` between non-blank parts. */
const EMAIL = /^[^\s@]+@[^\s@]+$/;
/** Cognito's Number attributes hold whole numbers, e.g. `updated_at` in seconds since the epoch. */
const WHOLE_NUMBER = /^-?\d+$/;

export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

const schemaError = (detail: string) => errors.invalidParameter(`Attributes did not conform to the schema: ${detail}`);

/** Refuses a value the attribute's type cannot hold. [U] the texts after the attribute name. */
export function checkValue(config: PoolConfig, name: string, value: string): void {
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
    if (READ_ONLY_ATTRIBUTES.has(Name) || ADMIN_ONLY_ATTRIBUTES.has(Name)) throw errors.unauthorizedAttribute();
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
