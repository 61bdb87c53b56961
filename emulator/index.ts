/**
 * A local Amazon Cognito user pool for the passwordless flow (USER_AUTH + EMAIL_OTP, sign-up without
 * a password), speaking Cognito's wire protocol well enough for the unmodified aws-amplify and AWS
 * SDK v3 clients. For development and tests only.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { FaultInjector, type FaultOptions } from './faults.js';
import { Outbox } from './mail.js';
import { loadCustomMessage, type CustomMessageHandler } from './messages.js';
import { Pool } from './operations.js';
import { EmulatorServer } from './server.js';
import { SessionStore } from './sessions.js';
import { Store, type PersistedState } from './store.js';
import { TokenMinter, newPoolKeys } from './tokens.js';

export { CognitoError } from './errors.js';
export { EmulatorDataError } from './store.js';
export type { OutboxMessage } from './mail.js';
export type { RequestRecord } from './server.js';
export type { FaultKind, FaultOptions, FaultSettings } from './faults.js';
export type { CustomMessageEvent, CustomMessageHandler } from './messages.js';

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
  /** `false` for silence, or a function given each human-readable line; default: lines to stderr. */
  log?: false | ((line: string) => void);
  /** Path of a module exporting a Cognito Custom Message trigger `handler(event)` that writes the mails. */
  customMessage?: string;
  /**
   * Fault injection on the Cognito API (`POST /`): shares of calls answered 500/503/throttled or
   * dropped, added latency, a seed. Off by default; also changeable at run time over `/_emulator/faults`.
   */
  faults?: FaultOptions;
}

export interface RunningEmulator {
  /** Base URL: the `userPoolEndpoint` for Amplify, the `endpoint` for the AWS SDK. */
  endpoint: string;
  userPoolId: string;
  clientId: string;
  region: string;
  /** `{endpoint}/{userPoolId}/.well-known/jwks.json`. */
  jwksUri: string;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** The CLI's fixed ids, so a development config survives restarts. */
export const CLI_DEFAULT_USER_POOL_ID = 'us-east-1_EmuLocal1';
export const CLI_DEFAULT_CLIENT_ID = 'emu1ocalc1ient0000000000aa';
export const DEFAULT_AUTH_SESSION_VALIDITY_SECONDS = 180;
export const DEFAULT_CODE_SEND_LIMIT = { max: 10, windowSeconds: 3600 } as const;
export const DEFAULT_TOKEN_VALIDITY_SECONDS = 3600;
const REFRESH_TOKEN_VALIDITY_SECONDS = 30 * 24 * 3600;

/** The pattern aws-jwt-verify and Amplify require: `<region>_<alphanumerics>`. */
const POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d)_[0-9A-Za-z]+$/;
const CLIENT_ID = /^[\w+]{1,128}$/;

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ALNUM = `${LOWER_ALNUM}ABCDEFGHIJKLMNOPQRSTUVWXYZ`;

function randomId(alphabet: string, length: number): string {
  // 256 is not a multiple of the alphabet size; the slight bias is irrelevant for ids.
  return Array.from(randomBytes(length), (b) => alphabet[b % alphabet.length]).join('');
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new TypeError(message);
}

function validate(options: EmulatorOptions): void {
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
}

/** Starts an emulator; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  validate(options);
  // Checked before anything is written: a bad `faults` is a TypeError like the other options.
  const faults = new FaultInjector(options.faults);
  const log =
    options.log === false ? () => {} : (options.log ?? ((line: string) => process.stderr.write(`[cognito-emulator] ${line}\n`)));
  const host = options.host ?? '127.0.0.1';

  const { store } = await Store.open(options.dataFile, async (): Promise<PersistedState> => ({
    format: 'passwordless-login-emulator',
    version: 1,
    userPoolId: options.userPoolId ?? `us-east-1_${randomId(ALNUM, 9)}`,
    clientId: options.clientId ?? randomId(LOWER_ALNUM, 26),
    keys: await newPoolKeys(),
    users: [],
    refreshTokens: [],
  }));
  // Ids given as options win over the ones in the data file (its users and keys are kept).
  if (
    (options.userPoolId !== undefined && options.userPoolId !== store.state.userPoolId) ||
    (options.clientId !== undefined && options.clientId !== store.state.clientId)
  ) {
    store.state.userPoolId = options.userPoolId ?? store.state.userPoolId;
    store.state.clientId = options.clientId ?? store.state.clientId;
    store.save();
    await store.flush();
  }
  const { userPoolId, clientId } = store.state;
  const region = userPoolId.split('_')[0]!;
  const issuer = `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
  const minter = await TokenMinter.create(
    store.state.keys,
    issuer,
    options.tokenValiditySeconds ?? DEFAULT_TOKEN_VALIDITY_SECONDS,
  );
  const customMessage: CustomMessageHandler | undefined =
    options.customMessage === undefined ? undefined : await loadCustomMessage(options.customMessage);

  const outbox = new Outbox();
  const sessions = new SessionStore((options.authSessionValiditySeconds ?? DEFAULT_AUTH_SESSION_VALIDITY_SECONDS) * 1000);
  const pool = new Pool({
    config: {
      userPoolId,
      clientId,
      region,
      userExistenceErrors: options.userExistenceErrors ?? 'enabled',
      codeSendLimit: options.codeSendLimit === undefined ? { ...DEFAULT_CODE_SEND_LIMIT } : options.codeSendLimit,
      refreshTokenValiditySeconds: REFRESH_TOKEN_VALIDITY_SECONDS,
    },
    store,
    sessions,
    minter,
    outbox,
    log,
    customMessage,
  });

  let endpoint = '';
  const server = new EmulatorServer({ pool, minter, outbox, userPoolId, endpoint: () => endpoint, log, faults, durable: () => store.flush() });
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.http.once('error', onError);
    server.http.listen(options.port ?? 0, host, () => {
      server.http.off('error', onError);
      resolve();
    });
  });
  server.http.on('error', (error) => log(`server error: ${error.message}`));
  const { port } = server.http.address() as AddressInfo;
  // A wildcard address is reachable on loopback; clients need a concrete one.
  const urlHost = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
  endpoint = `http://${urlHost}:${port}`;
  if (faults.active) {
    const { injected: _, ...settings } = faults.describe();
    log(`fault injection on: ${JSON.stringify(settings)}`);
  }
  if (!isLoopback(host))
    log(
      `warning: listening on ${host}, not only on this machine. This is a development server: no real security, codes readable over HTTP by anyone who can reach it.`,
    );

  let closing: Promise<void> | undefined;
  return {
    endpoint,
    userPoolId,
    clientId,
    region,
    jwksUri: `${endpoint}/${userPoolId}/.well-known/jwks.json`,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.http.close(() => resolve());
          server.http.closeAllConnections();
          server.cancelDelays();
        });
        // Operations already running finish, and their changes reach the data file.
        await server.idle();
        await store.flush().catch((error: unknown) => log(`could not write the data file: ${(error as Error).message}`));
      })();
      return closing;
    },
  };
}
