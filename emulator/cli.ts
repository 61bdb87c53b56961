#!/usr/bin/env node
/**
 * `passwordless-login-emulator` / `npm run emulator -- [options]`: prints one JSON line with the
 * pool's addresses when ready, then human-readable log lines (every mail with its code).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  CLI_DEFAULT_CLIENT_ID,
  CLI_DEFAULT_USER_POOL_ID,
  DEFAULT_CODE_SEND_LIMIT,
  DEFAULT_RELYING_PARTY_ID,
  startEmulator,
  type EmulatorOptions,
  type CustomAttribute,
  type FaultOptions,
  type PasskeyOptions,
  type PasswordPolicy,
} from './index.js';

/** Not Node's inspector port 9229 (cognito-local's default), so `node --inspect` and this coexist. */
export const CLI_DEFAULT_PORT = 9239;
/** As the production pool's app client (infra/lib/passwordless-login-stack.ts). */
export const CLI_REFRESH_ROTATION_GRACE_SECONDS = 10;

const HELP = `Usage: passwordless-login-emulator [options]

A local Amazon Cognito user pool for passwordless sign-in (USER_AUTH with EMAIL_OTP and
passkeys) and sign-up without a password. Development and tests only: no mail leaves the machine.

Options:
  --port <n>                   TCP port (default ${CLI_DEFAULT_PORT}; 0 = any free port)
  --host <address>             address to listen on (default 127.0.0.1; anything else warns)
  --user-pool-id <id>          pool id, e.g. eu-west-1_AbC123xyz (default ${CLI_DEFAULT_USER_POOL_ID},
                               or the one kept in --data); the region is taken from it
  --client-id <id>             app client id (default ${CLI_DEFAULT_CLIENT_ID}, or the one in --data)
  --user-existence-errors <m>  enabled (default, as the console creates pools) or legacy
  --auth-session-validity <d>  challenge session lifetime: 3m, 20s, or plain minutes (default 3m)
  --code-send-limit <n/w>      code mails per user per window, e.g. 5/1h, 2/600 (seconds), 10/15m,
                               or off (default ${DEFAULT_CODE_SEND_LIMIT.max}/${DEFAULT_CODE_SEND_LIMIT.windowSeconds / 3600}h)
  --keep-original-email <on|off>
                               on (default, as the pool in infra/): a changed email stays pending,
                               the old one signing in, until its code is verified; off: it switches
                               at once, unverified
  --self-sign-up <on|off>      on (default): anyone signs up; off: SignUp is refused, as with the
                               production pool's SelfSignUp=off (administrators use AdminCreateUser)
  --refresh-token-rotation <s|off>
                               seconds a rotated-out refresh token keeps working (default 10, as the
                               pool in infra/; 0-60), or off: refresh tokens never change
  --data <file>                keep users, passkeys, signing keys and refresh tokens in this JSON file
  --triggers <infra|none>      infra (default): run the production pool's Lambda triggers from
                               infra/ (code emails; the seal at confirmation and before tokens);
                               none: no triggers
  --custom-message <module>    JS/TS module exporting a Cognito Custom Message trigger handler
                               (replaces the one --triggers infra brings)
  --app-name <name>            APP_NAME for the triggers: the site's name in the code emails
  --cors-origin <origin>       also answer pages of this origin, e.g. https://app.test:8443
                               (repeatable; default: only http(s)://localhost, 127.0.0.1, [::1])
  --allowed-host <name>        also answer requests addressed to this host name, e.g. a Docker
                               service name (repeatable; default: localhost, IP addresses, --host)
  --request-timeout <d>        time a request may take to arrive before 408: 30s (default), 1m
  --password-policy <spec>     e.g. min=12,lowercase,uppercase,numbers,symbols: the length and the
                               classes required (default Cognito's: min=8 and all four)
  --custom-attribute <spec>    a custom attribute of the schema: name[:String|Number][:immutable],
                               e.g. tier or age:Number (repeatable; default none)
  -h, --help                   show this help

Passkeys (the WEB_AUTHN first factor; on by default):
  --passkeys <on|off>          off: a pool without WEB_AUTHN (registration refused, never offered)
  --relying-party-id <host>    the pool's RelyingPartyId (default ${DEFAULT_RELYING_PARTY_ID}); pages must be on
                               this host or below it (an IP address cannot be one)
  --allowed-origins <list>     page origins allowed, e.g. http://localhost:8000,https://app.test:*
                               (default: http(s)://localhost on any port for RP ID localhost,
                               else https://<rp id> and its subdomains on any port)
  --user-verification <mode>   preferred (default) or required (fingerprint, face or PIN)

Fault injection (API calls on POST / only; off by default; rates are 0-1 or percentages):
  --fault-500 <rate>           share answered HTTP 500 InternalErrorException (clients retry)
  --fault-503 <rate>           share answered HTTP 503 ServiceUnavailableException (clients retry)
  --fault-throttle <rate>      share answered HTTP 400 TooManyRequestsException (clients retry)
  --fault-drop <rate>          share whose connection is closed unanswered, before the call runs
  --fault-lost-response <rate> share that run (state changes, mail sent) but whose answer is lost
  --latency <ms>               milliseconds added to every API call
  --latency-jitter <ms>        up to this many more milliseconds, drawn per call
  --fault-operations <list>    only these operations, e.g. InitiateAuth,RespondToAuthChallenge
  --fault-seed <n>             seed (0-4294967295) so a run repeats exactly (default random)
Change at run time: GET/PUT/POST/DELETE {endpoint}/_emulator/faults.

When ready it prints one JSON line to stdout:
  {"endpoint","userPoolId","clientId","region","jwksUri"}
Mails: GET {endpoint}/_emulator/messages?to=<email>, DELETE to empty.
Requests received: GET/DELETE {endpoint}/_emulator/requests.
Fault settings: GET, PUT (replace), POST (merge), DELETE (off) {endpoint}/_emulator/faults.
`;

class UsageError extends Error {}

/** `3m`, `20s`, `1h`, or a plain number in `plainUnit`. */
function parseDuration(value: string, plainUnit: 's' | 'm', what: string): number {
  const match = /^(\d+(?:\.\d+)?)(s|m|h)?$/.exec(value.trim());
  if (!match) throw new UsageError(`${what}: "${value}" is not a duration like 3m, 20s or 1h`);
  const n = Number(match[1]);
  const unit = match[2] ?? plainUnit;
  const seconds = unit === 'h' ? n * 3600 : unit === 'm' ? n * 60 : n;
  if (!(seconds > 0)) throw new UsageError(`${what} must be longer than zero`);
  return seconds;
}

/** `0.3` or `30%`. */
function parseRate(value: string, what: string): number {
  const match = /^(\d+(?:\.\d+)?)(%)?$/.exec(value.trim());
  const rate = match ? Number(match[1]) / (match[2] ? 100 : 1) : NaN;
  if (!(rate >= 0 && rate <= 1)) throw new UsageError(`${what}: "${value}" is not a share like 0.3 or 30%`);
  return rate;
}

/** `min=12,lowercase,uppercase,numbers,symbols`: a class listed is required, one left out is not. */
function parsePasswordPolicy(spec: string): PasswordPolicy {
  const policy: PasswordPolicy = { minimumLength: 8, requireLowercase: false, requireUppercase: false, requireNumbers: false, requireSymbols: false };
  const classes = { lowercase: 'requireLowercase', uppercase: 'requireUppercase', numbers: 'requireNumbers', symbols: 'requireSymbols' } as const;
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const min = /^min=(\d+)$/.exec(part);
    if (min) policy.minimumLength = Number(min[1]);
    else if (part in classes) policy[classes[part as keyof typeof classes]] = true;
    else throw new UsageError(`--password-policy: "${part}" is not min=<n>, lowercase, uppercase, numbers or symbols`);
  }
  return policy;
}

/** `tier`, `age:Number`, `plan:String:immutable`. */
function parseCustomAttribute(spec: string): CustomAttribute {
  const [name = '', ...rest] = spec.replace(/^custom:/, '').split(':');
  const attribute: CustomAttribute = { name };
  for (const part of rest) {
    if (part === 'String' || part === 'Number') attribute.type = part;
    else if (part === 'immutable') attribute.mutable = false;
    else throw new UsageError(`--custom-attribute: "${spec}" is not like tier, age:Number or plan:String:immutable`);
  }
  return attribute;
}

function parseOptions(argv: string[]): EmulatorOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'user-pool-id': { type: 'string' },
        'client-id': { type: 'string' },
        'user-existence-errors': { type: 'string' },
        'auth-session-validity': { type: 'string' },
        'code-send-limit': { type: 'string' },
        data: { type: 'string' },
        'keep-original-email': { type: 'string' },
        'custom-message': { type: 'string' },
        passkeys: { type: 'string' },
        'relying-party-id': { type: 'string' },
        'allowed-origins': { type: 'string' },
        'user-verification': { type: 'string' },
        'cors-origin': { type: 'string', multiple: true },
        'allowed-host': { type: 'string', multiple: true },
        'request-timeout': { type: 'string' },
        'password-policy': { type: 'string' },
        'custom-attribute': { type: 'string', multiple: true },
        'self-sign-up': { type: 'string' },
        'refresh-token-rotation': { type: 'string' },
        triggers: { type: 'string' },
        'app-name': { type: 'string' },
        'fault-500': { type: 'string' },
        'fault-503': { type: 'string' },
        'fault-throttle': { type: 'string' },
        'fault-drop': { type: 'string' },
        'fault-lost-response': { type: 'string' },
        latency: { type: 'string' },
        'latency-jitter': { type: 'string' },
        'fault-operations': { type: 'string' },
        'fault-seed': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const v = parsed.values;
  if (v.help) return 'help';
  const options: EmulatorOptions = {};
  if (v.port !== undefined) {
    if (!/^\d+$/.test(v.port) || Number(v.port) > 65535) throw new UsageError(`--port: "${v.port}" is not a port number`);
    options.port = Number(v.port);
  } else options.port = CLI_DEFAULT_PORT;
  if (v.host !== undefined) options.host = v.host;
  if (v['user-existence-errors'] !== undefined) {
    const mode = v['user-existence-errors'];
    if (mode !== 'enabled' && mode !== 'legacy')
      throw new UsageError(`--user-existence-errors must be "enabled" or "legacy", not "${mode}"`);
    options.userExistenceErrors = mode;
  }
  if (v['auth-session-validity'] !== undefined)
    options.authSessionValiditySeconds = parseDuration(v['auth-session-validity'], 'm', '--auth-session-validity');
  const limit = v['code-send-limit'];
  if (limit !== undefined) {
    if (limit === 'off') options.codeSendLimit = null;
    else {
      const match = /^(\d+)\/(.+)$/.exec(limit);
      if (!match || Number(match[1]) < 1)
        throw new UsageError(`--code-send-limit: "${limit}" is not like 5/1h, 2/600 or off`);
      options.codeSendLimit = { max: Number(match[1]), windowSeconds: parseDuration(match[2]!, 's', '--code-send-limit window') };
    }
  }
  const keep = v['keep-original-email'];
  if (keep !== undefined) {
    if (keep !== 'on' && keep !== 'off') throw new UsageError(`--keep-original-email must be "on" or "off", not "${keep}"`);
    options.keepOriginalEmail = keep === 'on';
  }
  if (v.data !== undefined) options.dataFile = v.data;
  if (v['custom-message'] !== undefined) options.customMessage = v['custom-message'];
  const passkeys = parsePasskeys(v);
  if (passkeys !== undefined) options.passkeys = passkeys;
  // Checked by startEmulator (a bad one is a TypeError, exit code 2, like every option).
  if (v['cors-origin'] !== undefined) options.corsOrigins = v['cors-origin'];
  if (v['allowed-host'] !== undefined) options.allowedHosts = v['allowed-host'];
  if (v['request-timeout'] !== undefined)
    options.requestTimeoutSeconds = parseDuration(v['request-timeout'], 's', '--request-timeout');
  if (v['password-policy'] !== undefined) options.passwordPolicy = parsePasswordPolicy(v['password-policy']);
  if (v['custom-attribute'] !== undefined) options.customAttributes = v['custom-attribute'].map(parseCustomAttribute);
  // The CLI runs the production pool (infra/) unless told otherwise: its triggers, its rotation.
  const triggers = v.triggers ?? 'infra';
  if (triggers !== 'infra' && triggers !== 'none') throw new UsageError(`--triggers must be "infra" or "none", not "${triggers}"`);
  options.triggers = triggers === 'infra';
  if (v['app-name'] !== undefined) options.triggerEnvironment = { APP_NAME: v['app-name'] };
  const selfSignUp = v['self-sign-up'];
  if (selfSignUp !== undefined) {
    if (selfSignUp !== 'on' && selfSignUp !== 'off') throw new UsageError(`--self-sign-up must be "on" or "off", not "${selfSignUp}"`);
    options.selfSignUp = selfSignUp === 'on';
  }
  const rotation = v['refresh-token-rotation'] ?? String(CLI_REFRESH_ROTATION_GRACE_SECONDS);
  if (rotation === 'off') options.refreshTokenRotation = false;
  else {
    if (!/^\d+$/.test(rotation) || Number(rotation) > 60)
      throw new UsageError(`--refresh-token-rotation: "${rotation}" is not 0-60 seconds or off`);
    options.refreshTokenRotation = { retryGracePeriodSeconds: Number(rotation) };
  }
  const faults: FaultOptions = {};
  const rates = [
    ['fault-500', 'internalError'],
    ['fault-503', 'unavailable'],
    ['fault-throttle', 'throttle'],
    ['fault-drop', 'drop'],
    ['fault-lost-response', 'lostResponse'],
  ] as const;
  for (const [flag, key] of rates) {
    const value = v[flag];
    if (value !== undefined) faults[key] = parseRate(value, `--${flag}`);
  }
  for (const [flag, key] of [['latency', 'latencyMs'], ['latency-jitter', 'jitterMs']] as const) {
    const value = v[flag];
    if (value === undefined) continue;
    const match = /^(\d+(?:\.\d+)?)(ms)?$/.exec(value.trim());
    if (!match) throw new UsageError(`--${flag}: "${value}" is not a number of milliseconds`);
    faults[key] = Number(match[1]);
  }
  if (v['fault-operations'] !== undefined) faults.operations = v['fault-operations'].split(',').map((op) => op.trim()).filter(Boolean);
  if (v['fault-seed'] !== undefined) {
    if (!/^\d+$/.test(v['fault-seed'])) throw new UsageError(`--fault-seed: "${v['fault-seed']}" is not a whole number`);
    faults.seed = Number(v['fault-seed']);
  }
  if (Object.keys(faults).length > 0) options.faults = faults;
  // Fixed ids unless a data file already holds some (then those are kept).
  const dataHoldsIds = v.data !== undefined && existsSync(v.data);
  if (v['user-pool-id'] !== undefined) options.userPoolId = v['user-pool-id'];
  else if (!dataHoldsIds) options.userPoolId = CLI_DEFAULT_USER_POOL_ID;
  if (v['client-id'] !== undefined) options.clientId = v['client-id'];
  else if (!dataHoldsIds) options.clientId = CLI_DEFAULT_CLIENT_ID;
  return options;
}

/** The passkey flags; their values are checked by `startEmulator` (a TypeError, exit code 2). */
function parsePasskeys(v: Record<string, string | string[] | boolean | undefined>): EmulatorOptions['passkeys'] {
  const flag = v.passkeys as string | undefined;
  const settings: PasskeyOptions = {};
  if (typeof v['relying-party-id'] === 'string') settings.relyingPartyId = v['relying-party-id'];
  if (typeof v['allowed-origins'] === 'string')
    settings.allowedOrigins = v['allowed-origins'].split(',').map((o) => o.trim()).filter(Boolean);
  const uv = v['user-verification'];
  if (typeof uv === 'string') {
    if (uv !== 'required' && uv !== 'preferred') throw new UsageError(`--user-verification must be "required" or "preferred", not "${uv}"`);
    settings.userVerification = uv;
  }
  if (flag !== undefined && flag !== 'on' && flag !== 'off') throw new UsageError(`--passkeys must be "on" or "off", not "${flag}"`);
  if (flag === 'off') {
    if (Object.keys(settings).length > 0) throw new UsageError('--passkeys off cannot be combined with other passkey options');
    return false;
  }
  return Object.keys(settings).length > 0 ? settings : undefined;
}

async function main(): Promise<void> {
  let options: EmulatorOptions | 'help';
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`passwordless-login-emulator: ${(error as Error).message} (see --help)\n`);
    process.exit(2);
  }
  if (options === 'help') {
    process.stdout.write(HELP);
    return;
  }
  // The JSON line must be the first line on stdout: lines logged while starting wait for it.
  let ready = false;
  const early: string[] = [];
  options.log = (line) => {
    if (ready) process.stdout.write(`${line}\n`);
    else early.push(line);
  };
  let emulator;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    for (const line of early) process.stderr.write(`${line}\n`);
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`passwordless-login-emulator: ${message}\n`);
    process.exit(error instanceof TypeError ? 2 : 1);
  }
  const { endpoint, userPoolId, clientId, region, jwksUri } = emulator;
  process.stdout.write(`${JSON.stringify({ endpoint, userPoolId, clientId, region, jwksUri })}\n`);
  ready = true;
  for (const line of early) process.stdout.write(`${line}\n`);
  process.stdout.write(`Cognito emulator listening on ${endpoint} (pool ${userPoolId}, client ${clientId}); Ctrl+C stops it.\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: stopping\n`);
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
