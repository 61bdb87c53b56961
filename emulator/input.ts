import { errors } from './errors.js';

/**
 * Reading request members the way Cognito's front end does: a member of the wrong JSON type cannot be
 * deserialised (SerializationException); a missing or empty required member fails validation
 * (InvalidParameterException with Coral's "1 validation error detected" text, member in camelCase).
 */
export type Input = Record<string, unknown>;

const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

function typeError(name: string, expected: string): never {
  throw errors.serialization(`Unexpected value type in payload: ${name} must be ${expected}.`);
}

export function optionalString(input: Input, name: string): string | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') typeError(name, 'a string');
  return value;
}

export function requiredString(input: Input, name: string): string {
  const value = optionalString(input, name);
  if (value === undefined) throw errors.missingMember(camel(name));
  if (value === '') throw errors.emptyMember(camel(name));
  return value;
}

export function optionalBoolean(input: Input, name: string): boolean | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') typeError(name, 'a boolean');
  return value;
}

/** An integer member such as MaxResults, within `[min, max]` (Coral's range-constraint text otherwise). */
export function optionalInteger(input: Input, name: string, min: number, max: number): number | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) typeError(name, 'an integer');
  const bound = value < min ? `greater than or equal to ${min}` : value > max ? `less than or equal to ${max}` : undefined;
  if (bound !== undefined)
    throw errors.invalidParameter(
      `1 validation error detected: Value '${value}' at '${camel(name)}' failed to satisfy constraint: Member must have value ${bound}`,
    );
  return value;
}

/** A document member (any JSON, e.g. CompleteWebAuthnRegistration's Credential); only null is missing. */
export function requiredDocument(input: Input, name: string): unknown {
  const value = input[name];
  if (value === undefined || value === null) throw errors.missingMember(camel(name));
  return value;
}

/** A map of string to string, e.g. AuthParameters, ChallengeResponses, ClientMetadata. */
export function optionalStringMap(input: Input, name: string): Record<string, string> | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) typeError(name, 'an object of strings');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v !== 'string') typeError(`${name}.${k}`, 'a string');
    out[k] = v;
  }
  return out;
}

/** An object member whose content the emulator ignores (UserContextData, AnalyticsMetadata). */
export function ignoredObject(input: Input, name: string): void {
  const value = input[name];
  if (value === undefined || value === null) return;
  if (typeof value !== 'object' || Array.isArray(value)) typeError(name, 'an object');
}

/** `[{Name, Value}]` as in SignUp's UserAttributes. */
export function optionalAttributeList(input: Input, name: string): Array<{ Name: string; Value: string }> | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) typeError(name, 'a list');
  return value.map((item: unknown, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) typeError(`${name}[${index}]`, 'an object');
    const entry = item as Record<string, unknown>;
    if (entry.Name === undefined || entry.Name === null) throw errors.missingMember(`${camel(name)}.${index + 1}.member.name`);
    if (typeof entry.Name !== 'string') typeError(`${name}[${index}].Name`, 'a string');
    if (entry.Value !== undefined && entry.Value !== null && typeof entry.Value !== 'string')
      typeError(`${name}[${index}].Value`, 'a string');
    return { Name: entry.Name, Value: typeof entry.Value === 'string' ? entry.Value : '' };
  });
}

export function checkEnum(value: string, member: string, allowed: readonly string[]): void {
  if (!allowed.includes(value))
    throw errors.invalidParameter(
      `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`,
    );
}
