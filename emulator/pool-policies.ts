/**
 * Two pool settings that decide what a client may send: the password policy and the schema of
 * custom attributes. Their option shapes, Cognito's defaults, the checks of the options and the
 * form the operations read. `options.ts` wires them into EmulatorOptions and PoolConfig.
 */

/** `Policies.PasswordPolicy` as CreateUserPool takes it (TemporaryPasswordValidityDays aside). */
export interface PasswordPolicy {
  /** 6-99; Cognito's default 8. */
  minimumLength: number;
  requireLowercase: boolean;
  requireUppercase: boolean;
  requireNumbers: boolean;
  /** Cognito's set: ^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ ` = + - and space. */
  requireSymbols: boolean;
}

/** Cognito's default policy (the console's and CDK's default too): 8 characters, every class. */
export const DEFAULT_PASSWORD_POLICY: Readonly<PasswordPolicy> = Object.freeze({
  minimumLength: 8,
  requireLowercase: true,
  requireUppercase: true,
  requireNumbers: true,
  requireSymbols: true,
});

/** One custom attribute of the pool's schema (`SchemaAttributeType` without the `custom:` prefix). */
export interface CustomAttribute {
  /** The name without `custom:` (given with it, it is taken off): 1-20 characters. */
  name: string;
  /** `String` (default) or `Number` (whole numbers, as Cognito's NumberAttributeConstraints). */
  type?: 'String' | 'Number';
  /** Whether UpdateUserAttributes may change it once set; default true. */
  mutable?: boolean;
  /** For String: length bounds (default 0-2048). For Number: value bounds (default none). */
  min?: number;
  max?: number;
}

/** A custom attribute as the operations read it. */
export interface CustomAttributeRule {
  type: 'String' | 'Number';
  mutable: boolean;
  min: number | undefined;
  max: number | undefined;
}

/** By full name, `custom:tier`. */
export type CustomSchema = ReadonlyMap<string, CustomAttributeRule>;

function fail(message: string): never {
  throw new TypeError(message);
}

/** Checks a `passwordPolicy` option; a TypeError names what is wrong. */
export function checkPasswordPolicyOption(option: unknown): void {
  if (option === undefined) return;
  if (typeof option !== 'object' || option === null) fail('passwordPolicy must be an object');
  const p = option as Record<string, unknown>;
  for (const key of Object.keys(p))
    if (!(key in DEFAULT_PASSWORD_POLICY)) fail(`passwordPolicy.${key} is not a password policy setting`);
  if (p.minimumLength !== undefined && !(Number.isInteger(p.minimumLength) && (p.minimumLength as number) >= 6 && (p.minimumLength as number) <= 99))
    fail('passwordPolicy.minimumLength must be a whole number from 6 to 99, as in Cognito');
  for (const key of ['requireLowercase', 'requireUppercase', 'requireNumbers', 'requireSymbols'])
    if (p[key] !== undefined && typeof p[key] !== 'boolean') fail(`passwordPolicy.${key} must be a boolean`);
}

export function passwordPolicy(option: Partial<PasswordPolicy> | undefined): PasswordPolicy {
  return { ...DEFAULT_PASSWORD_POLICY, ...option };
}

const CUSTOM_NAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,20}$/u;

const bareName = (name: string) => (name.startsWith('custom:') ? name.slice('custom:'.length) : name);

/** Checks a `customAttributes` option; a TypeError names what is wrong. */
export function checkCustomAttributesOption(option: unknown): void {
  if (option === undefined) return;
  if (!Array.isArray(option)) fail('customAttributes must be an array of { name, type?, mutable?, min?, max? }');
  const seen = new Set<string>();
  for (const entry of option as unknown[]) {
    if (typeof entry !== 'object' || entry === null) fail('customAttributes: each entry must be an object');
    const a = entry as Record<string, unknown>;
    if (typeof a.name !== 'string' || !CUSTOM_NAME.test(bareName(a.name)))
      fail(`customAttributes: ${JSON.stringify(a.name)} is not a name of 1-20 letters, digits or punctuation`);
    const name = bareName(a.name);
    if (seen.has(name)) fail(`customAttributes: custom:${name} is listed twice`);
    seen.add(name);
    if (a.type !== undefined && a.type !== 'String' && a.type !== 'Number') fail(`customAttributes: custom:${name} type must be "String" or "Number"`);
    if (a.mutable !== undefined && typeof a.mutable !== 'boolean') fail(`customAttributes: custom:${name} mutable must be a boolean`);
    for (const bound of ['min', 'max'])
      if (a[bound] !== undefined && !Number.isInteger(a[bound])) fail(`customAttributes: custom:${name} ${bound} must be a whole number`);
    if (typeof a.min === 'number' && typeof a.max === 'number' && a.min > a.max) fail(`customAttributes: custom:${name} min is above max`);
  }
}

export function customSchema(option: readonly CustomAttribute[] | undefined): CustomSchema {
  return new Map(
    (option ?? []).map((a) => {
      const type = a.type ?? 'String';
      const rule: CustomAttributeRule = {
        type,
        mutable: a.mutable ?? true,
        min: a.min ?? (type === 'String' ? 0 : undefined),
        max: a.max ?? (type === 'String' ? 2048 : undefined),
      };
      return [`custom:${bareName(a.name)}`, rule];
    }),
  );
}
