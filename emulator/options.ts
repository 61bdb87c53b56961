/**
 * The emulator's public options, their defaults and checks, and the `PoolConfig` the operations read.
 * They live together so that a new pool setting (a password policy, a custom-attribute schema …) is
 * one change here: the option, its check, its default, its `PoolConfig` field. `index.ts` re-exports
 * the public names, so the package's API does not depend on this file's name.
 */
import type { FaultOptions } from './faults.js';
import { checkGuardOptions } from './http-guard.js';
import {
  checkCustomAttributesOption,
  checkPasswordPolicyOption,
  customSchema,
  passwordPolicy,
  type CustomAttribute,
  type CustomSchema,
  type PasswordPolicy,
} from './pool-policies.js';

export type { CustomAttribute, CustomAttributeRule, CustomSchema, PasswordPolicy } from './pool-policies.js';
export { DEFAULT_PASSWORD_POLICY } from './pool-policies.js';

export interface EmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Address to listen on; default `127.0.0.1`. Anything else logs a development-server warning. */
  host?: string;
  /**
   * Default: the one in `dataFile`, else a new random `us-east-1_XXXXXXXXX`, so emulators started
   * side by side never share Amplify's storage keys. The region is taken from it.
   */
  userPoolId?: string;
  /** Default: the one in `dataFile`, else a new random 26-character lowercase id, like real ones. */
  clientId?: string;
  /** PreventUserExistenceErrors: `enabled` (default, as the console creates pools) or `legacy`. */
  userExistenceErrors?: 'enabled' | 'legacy';
  /** Challenge-session lifetime (AuthSessionValidity); default 180 seconds. */
  authSessionValiditySeconds?: number;
  /** Keep users, signing keys and refresh tokens in this JSON file across restarts. */
  dataFile?: string;
  /** Code mails per user per window before LimitExceededException; default 10 per 3600 s; null = no limit. */
  codeSendLimit?: { max: number; windowSeconds: number } | null;
  /** Lifetime of ID and access tokens; default 3600 seconds (Cognito's default). */
  tokenValiditySeconds?: number;
  /**
   * Cognito's `UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate: ['email']`
   * (the console's "keep original attribute value active when an update is pending"): a changed
   * email stays pending, and the old one signs in, until the code sent to the new one is verified.
   * Default `true`, as the production pool in `infra/`; `false` switches the address at once, unverified.
   */
  keepOriginalEmail?: boolean;
  /**
   * Cognito's `AdminCreateUserConfig.AllowAdminCreateUserOnly` inverted: `false` refuses the public
   * SignUp (NotAuthorizedException), and accounts are created with AdminCreateUser. Default `true`.
   */
  selfSignUp?: boolean;
  /**
   * The app client's `RefreshTokenRotation`: with `{ retryGracePeriodSeconds }` (0–60) every
   * GetTokensFromRefreshToken returns a new refresh token, the old one answers
   * RefreshTokenReuseException once the grace period after its first use has passed, and
   * InitiateAuth REFRESH_TOKEN_AUTH is refused (the client has no ALLOW_REFRESH_TOKEN_AUTH).
   * Default `false` (Cognito's default); the CLI and the production pool in `infra/` rotate with 10 s.
   */
  refreshTokenRotation?: false | { retryGracePeriodSeconds: number };
  /** `false` for silence, or a function given each human-readable line; default: lines to stderr. */
  log?: false | ((line: string) => void);
  /**
   * The pool's Lambda triggers, run in a worker thread of this emulator with Cognito's events (see
   * docs/emulator.md). `true`: the production pool's triggers from `infra/` (the Custom Message
   * trigger and the seal trigger, Post confirmation + Pre token generation), as the CLI runs them.
   * Or a module path per trigger. A trigger calling Cognito through the AWS SDK reaches this
   * emulator: the worker's environment points the SDK here. Default: no triggers.
   */
  triggers?: boolean | TriggerModules;
  /** Environment variables the triggers see besides the AWS ones, e.g. `{ APP_NAME: 'Example Shop' }`. */
  triggerEnvironment?: Record<string, string>;
  /**
   * Path of a module exporting a Cognito Custom Message trigger `handler(event)` that writes the
   * mails; the same as `triggers: { customMessage }`, and wins over the one `triggers: true` brings.
   */
  customMessage?: string;
  /**
   * Fault injection on the Cognito API (`POST /`): shares of calls answered 500/503/throttled or
   * dropped, added latency, a seed. Off by default; also changeable at run time over `/_emulator/faults`.
   */
  faults?: FaultOptions;
  /**
   * Passkeys (the WEB_AUTHN first factor): on by default with the settings below; `false` turns
   * them off as a pool whose AllowedFirstAuthFactors lacks WEB_AUTHN (registration is then refused
   * with WebAuthnNotEnabledException and nobody is offered WEB_AUTHN).
   */
  passkeys?: boolean | PasskeyOptions;
  /**
   * Pages (origins, e.g. `https://app.test:8443`) allowed to call the emulator besides loopback ones
   * (`http(s)://localhost`, `127.0.0.1`, `[::1]`, any port); `null` for opaque origins, `*` for any
   * page at all (unsafe: any site you visit could read the codes). Others get 403.
   */
  corsOrigins?: string[];
  /**
   * Host names the emulator answers besides `localhost`, IP addresses and `host`, e.g. a Docker
   * service name (any port). Others get 403: the defence against DNS rebinding.
   */
  allowedHosts?: string[];
  /** Seconds a request (headers and body) may take to arrive before 408; default 30. */
  requestTimeoutSeconds?: number;
  /**
   * The pool's password policy; unset fields keep Cognito's default (8 characters, lowercase,
   * uppercase, digits and symbols all required). Applies to every password set (SignUp …).
   */
  passwordPolicy?: Partial<PasswordPolicy>;
  /**
   * The pool's custom attributes (`custom:<name>`), which the app client may write and read; default
   * none. (`infra/`'s `custom:sealed_at`, the seal's mark, is always there, for administrators only.) Others
   * are refused as Cognito refuses them: "Type for attribute {custom:x} could not be determined".
   */
  customAttributes?: CustomAttribute[];
}

/** The pool's WebAuthnConfiguration, and which page origins may use it. */
export interface PasskeyOptions {
  /** RelyingPartyId: a bare host name; default `localhost`. An IP address cannot be one. */
  relyingPartyId?: string;
  /**
   * Origins whose ceremonies are accepted (clientDataJSON.origin), e.g. `http://localhost:8000`;
   * `:*` stands for any port. Default: for RP ID `localhost`, `http(s)://localhost` on any port;
   * otherwise `https://<rp id>` and `https://*.<rp id>` on any port.
   */
  allowedOrigins?: string[];
  /** UserVerification: `preferred` (default, as Cognito) or `required`. */
  userVerification?: 'required' | 'preferred';
}

/** A module path (JS, or TS with tsx installed) per trigger; each exports `handler(event)`. */
export interface TriggerModules {
  customMessage?: string;
  postConfirmation?: string;
  preTokenGeneration?: string;
}

/**
 * What the operations know about the pool and its one app client. Every field is required, so a
 * field added here fails to compile until `poolConfig` below gives it a value.
 */
export interface PoolConfig {
  userPoolId: string;
  clientId: string;
  region: string;
  /** PreventUserExistenceErrors: `legacy` answers UserNotFoundException, `enabled` hides who exists. */
  userExistenceErrors: 'enabled' | 'legacy';
  /** Code sends per user per window; null disables the limit. */
  codeSendLimit: { max: number; windowSeconds: number } | null;
  refreshTokenValiditySeconds: number;
  /** AttributesRequireVerificationBeforeUpdate includes `email`: an email change waits for its code. */
  keepOriginalEmail: boolean;
  /** `false`: AllowAdminCreateUserOnly, the public SignUp is refused. */
  selfSignUp: boolean;
  /** Seconds a rotated-out refresh token keeps working, or null when refresh tokens do not rotate. */
  refreshRotationGraceSeconds: number | null;
  /** The WEB_AUTHN factor's settings; null when the pool does not allow passkeys. */
  passkeys: PasskeyConfig | null;
  passwordPolicy: PasswordPolicy;
  /** Custom attributes by full name (`custom:tier`). */
  customAttributes: CustomSchema;
}

export interface PasskeyConfig {
  relyingPartyId: string;
  userVerification: 'required' | 'preferred';
  /** Exact origins, or `scheme://host:*` for any port; empty means the default rule for the RP ID. */
  allowedOrigins: string[];
}

/** The CLI's fixed ids, so a development config survives restarts. */
export const CLI_DEFAULT_USER_POOL_ID = 'us-east-1_EmuLocal1';
export const CLI_DEFAULT_CLIENT_ID = 'emu1ocalc1ient0000000000aa';
export const DEFAULT_AUTH_SESSION_VALIDITY_SECONDS = 180;
export const DEFAULT_CODE_SEND_LIMIT = { max: 10, windowSeconds: 3600 } as const;
export const DEFAULT_TOKEN_VALIDITY_SECONDS = 3600;
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 30;
const REFRESH_TOKEN_VALIDITY_SECONDS = 30 * 24 * 3600;

/** A bare host name as RelyingPartyId takes it (1-127 characters; no scheme, port, path or IP). */
const RP_ID = /^(?=.{1,127}$)(?!\d+(?:\.\d+){3}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;
/** `scheme://host[:port|:*]`, nothing after. */
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(?::(?:\d{1,5}|\*))?$/;
export const DEFAULT_RELYING_PARTY_ID = 'localhost';

/** The pattern aws-jwt-verify and Amplify require: `<region>_<alphanumerics>`. */
const POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d)_[0-9A-Za-z]+$/;
const CLIENT_ID = /^[\w+]{1,128}$/;

function check(condition: boolean, message: string): void {
  if (!condition) throw new TypeError(message);
}

/** Throws a TypeError naming the first bad option, before anything is started or written. */
export function validateOptions(options: EmulatorOptions): void {
  const { port, userPoolId, clientId, userExistenceErrors, authSessionValiditySeconds, codeSendLimit } = options;
  check(port === undefined || (Number.isInteger(port) && port >= 0 && port <= 65535), `port must be an integer 0-65535`);
  check(userPoolId === undefined || POOL_ID.test(userPoolId), `userPoolId must look like us-east-1_AbC123xyz`);
  check(clientId === undefined || CLIENT_ID.test(clientId), `clientId must be 1-128 letters, digits, _ or +`);
  check(
    userExistenceErrors === undefined || userExistenceErrors === 'enabled' || userExistenceErrors === 'legacy',
    `userExistenceErrors must be "enabled" or "legacy"`,
  );
  check(
    authSessionValiditySeconds === undefined || (Number.isFinite(authSessionValiditySeconds) && authSessionValiditySeconds > 0),
    `authSessionValiditySeconds must be a positive number`,
  );
  check(
    codeSendLimit === undefined ||
      codeSendLimit === null ||
      (Number.isInteger(codeSendLimit.max) && codeSendLimit.max > 0 && codeSendLimit.windowSeconds > 0),
    `codeSendLimit must be { max: positive integer, windowSeconds: positive number } or null`,
  );
  check(
    options.tokenValiditySeconds === undefined || options.tokenValiditySeconds >= 60,
    // Amplify refreshes tokens that expire within 5 s; shorter lives would make it refresh forever.
    `tokenValiditySeconds must be at least 60`,
  );
  check(
    options.requestTimeoutSeconds === undefined ||
      (Number.isFinite(options.requestTimeoutSeconds) && options.requestTimeoutSeconds >= 0.1 && options.requestTimeoutSeconds <= 3600),
    `requestTimeoutSeconds must be a number from 0.1 to 3600`,
  );
  checkGuardOptions(options.corsOrigins, options.allowedHosts);
  checkPasswordPolicyOption(options.passwordPolicy);
  checkCustomAttributesOption(options.customAttributes);
  check(options.keepOriginalEmail === undefined || typeof options.keepOriginalEmail === 'boolean', `keepOriginalEmail must be a boolean`);
  check(options.selfSignUp === undefined || typeof options.selfSignUp === 'boolean', `selfSignUp must be a boolean`);
  const rotation = options.refreshTokenRotation;
  check(
    rotation === undefined ||
      rotation === false ||
      (typeof rotation === 'object' &&
        rotation !== null &&
        Number.isInteger(rotation.retryGracePeriodSeconds) &&
        rotation.retryGracePeriodSeconds >= 0 &&
        rotation.retryGracePeriodSeconds <= 60),
    `refreshTokenRotation must be false or { retryGracePeriodSeconds: 0-60 }`,
  );
  const triggers = options.triggers;
  check(
    triggers === undefined ||
      typeof triggers === 'boolean' ||
      (typeof triggers === 'object' &&
        triggers !== null &&
        Object.entries(triggers).every(
          ([key, value]) => ['customMessage', 'postConfirmation', 'preTokenGeneration'].includes(key) && (value === undefined || typeof value === 'string'),
        )),
    `triggers must be true, false or { customMessage?, postConfirmation?, preTokenGeneration? } module paths`,
  );
  check(
    options.triggerEnvironment === undefined ||
      (typeof options.triggerEnvironment === 'object' &&
        options.triggerEnvironment !== null &&
        Object.values(options.triggerEnvironment).every((v) => typeof v === 'string')),
    `triggerEnvironment must map names to strings`,
  );
  const passkeys = options.passkeys;
  if (passkeys === undefined || typeof passkeys === 'boolean') return;
  check(typeof passkeys === 'object' && passkeys !== null, `passkeys must be true, false or an object`);
  check(
    passkeys.relyingPartyId === undefined || RP_ID.test(passkeys.relyingPartyId),
    `passkeys.relyingPartyId must be a lowercase host name such as localhost or example.com (not an IP address)`,
  );
  check(
    passkeys.userVerification === undefined || passkeys.userVerification === 'required' || passkeys.userVerification === 'preferred',
    `passkeys.userVerification must be "required" or "preferred"`,
  );
  check(
    passkeys.allowedOrigins === undefined ||
      (Array.isArray(passkeys.allowedOrigins) && passkeys.allowedOrigins.every((o) => typeof o === 'string' && ORIGIN.test(o))),
    `passkeys.allowedOrigins must be origins like http://localhost:8000 or https://example.com:* (no path)`,
  );
}

/** The pool's configuration from checked options and the ids in force (option, data file or random). */
export function poolConfig(options: EmulatorOptions, ids: { userPoolId: string; clientId: string }): PoolConfig {
  return {
    userPoolId: ids.userPoolId,
    clientId: ids.clientId,
    region: ids.userPoolId.split('_')[0]!,
    userExistenceErrors: options.userExistenceErrors ?? 'enabled',
    codeSendLimit: options.codeSendLimit === undefined ? { ...DEFAULT_CODE_SEND_LIMIT } : options.codeSendLimit,
    refreshTokenValiditySeconds: REFRESH_TOKEN_VALIDITY_SECONDS,
    keepOriginalEmail: options.keepOriginalEmail ?? true,
    selfSignUp: options.selfSignUp ?? true,
    refreshRotationGraceSeconds: options.refreshTokenRotation ? options.refreshTokenRotation.retryGracePeriodSeconds : null,
    passkeys: passkeyConfig(options.passkeys),
    passwordPolicy: passwordPolicy(options.passwordPolicy),
    customAttributes: customSchema(options.customAttributes),
  };
}

function passkeyConfig(option: EmulatorOptions['passkeys']): PasskeyConfig | null {
  if (option === false) return null;
  const given = typeof option === 'object' ? option : {};
  return {
    relyingPartyId: given.relyingPartyId ?? DEFAULT_RELYING_PARTY_ID,
    userVerification: given.userVerification ?? 'preferred',
    allowedOrigins: given.allowedOrigins ?? [],
  };
}
