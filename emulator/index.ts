/**
 * A local Amazon Cognito user pool for the passwordless flow (USER_AUTH with EMAIL_OTP and passkeys,
 * sign-up without a password), speaking Cognito's wire protocol well enough for the unmodified aws-amplify and AWS
 * SDK v3 clients. For development and tests only.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { FaultInjector } from './faults.js';
import { HttpGuard } from './http-guard.js';
import { Outbox } from './mail.js';
import type { CustomMessageEvent, CustomMessageHandler } from './messages.js';
import { Pool } from './operations/index.js';
import {
  DEFAULT_AUTH_SESSION_VALIDITY_SECONDS,
  DEFAULT_REQUEST_TIMEOUT_SECONDS,
  DEFAULT_TOKEN_VALIDITY_SECONDS,
  poolConfig,
  validateOptions,
  type EmulatorOptions,
} from './options.js';
import { EmulatorServer } from './server.js';
import { SessionStore } from './sessions.js';
import { Store, type PersistedState } from './store.js';
import { TokenMinter, newPoolKeys } from './tokens.js';
import { RegistrationChallenges } from './webauthn.js';
import { triggerModules } from './triggers/modules.js';
import { TriggerRunner } from './triggers/runner.js';

export { CognitoError } from './errors.js';
export { EmulatorDataError } from './store.js';
export type { OutboxMessage } from './mail.js';
export type { RequestRecord } from './server.js';
export type { FaultKind, FaultOptions, FaultSettings } from './faults.js';
export type { CustomMessageEvent, CustomMessageHandler } from './messages.js';
export type { CustomAttribute, EmulatorOptions, PasskeyOptions, PasswordPolicy, TriggerModules } from './options.js';
export { productionTriggers } from './triggers/modules.js';
export {
  CLI_DEFAULT_CLIENT_ID,
  CLI_DEFAULT_USER_POOL_ID,
  DEFAULT_AUTH_SESSION_VALIDITY_SECONDS,
  DEFAULT_CODE_SEND_LIMIT,
  DEFAULT_PASSWORD_POLICY,
  DEFAULT_RELYING_PARTY_ID,
  DEFAULT_REQUEST_TIMEOUT_SECONDS,
  DEFAULT_TOKEN_VALIDITY_SECONDS,
} from './options.js';

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

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ALNUM = `${LOWER_ALNUM}ABCDEFGHIJKLMNOPQRSTUVWXYZ`;

function randomId(alphabet: string, length: number): string {
  // 256 is not a multiple of the alphabet size; the slight bias is irrelevant for ids.
  return Array.from(randomBytes(length), (b) => alphabet[b % alphabet.length]).join('');
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Starts an emulator; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  validateOptions(options);
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
  const config = poolConfig(options, store.state);
  const { userPoolId, clientId, region } = config;
  const issuer = `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
  const minter = await TokenMinter.create(
    store.state.keys,
    issuer,
    options.tokenValiditySeconds ?? DEFAULT_TOKEN_VALIDITY_SECONDS,
  );
  // The endpoint the triggers' AWS SDK calls is known once the server listens; the worker starts then.
  let endpoint = '';
  const runner = new TriggerRunner(triggerModules(options), {
    get endpoint() {
      return endpoint;
    },
    region,
    ...(options.triggerEnvironment ? { extra: options.triggerEnvironment } : {}),
  });
  const customMessage: CustomMessageHandler | undefined = runner.has('CustomMessage')
    ? (event: CustomMessageEvent) => runner.invoke('CustomMessage', event)
    : undefined;

  const outbox = new Outbox();
  const sessionValidityMs = (options.authSessionValiditySeconds ?? DEFAULT_AUTH_SESSION_VALIDITY_SECONDS) * 1000;
  const sessions = new SessionStore(sessionValidityMs);
  const pool = new Pool({
    config,
    store,
    sessions,
    // [U] Cognito's registration-challenge lifetime; the challenge-session one is the natural guess.
    registrations: new RegistrationChallenges(sessionValidityMs),
    minter,
    outbox,
    log,
    customMessage,
    triggers: runner,
  });

  const guard = new HttpGuard({ host, allowedHosts: options.allowedHosts ?? [], corsOrigins: options.corsOrigins ?? [] });
  const server = new EmulatorServer({
    pool,
    inTrigger: () => runner.running > 0,
    minter,
    outbox,
    userPoolId,
    endpoint: () => endpoint,
    log,
    faults,
    durable: () => store.flush(),
    guard,
    requestTimeoutMs: (options.requestTimeoutSeconds ?? DEFAULT_REQUEST_TIMEOUT_SECONDS) * 1000,
  });
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
  if (Object.keys(runner.modules).length > 0) {
    try {
      await runner.start();
    } catch (error) {
      await runner.close();
      await new Promise<void>((resolve) => {
        server.http.close(() => resolve());
        server.http.closeAllConnections();
      });
      throw error;
    }
  }
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
        await runner.close();
        await store.flush().catch((error: unknown) => log(`could not write the data file: ${(error as Error).message}`));
      })();
      return closing;
    },
  };
}
