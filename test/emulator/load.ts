/**
 * Load generator for the emulator: many complete sign-ups (SignUp → code from the outbox →
 * ConfirmSignUp → InitiateAuth with the ConfirmSignUp Session → GetUser) and sign-ins (InitiateAuth
 * EMAIL_OTP → code → RespondToAuthChallenge → GetUser) in parallel, with latency percentiles.
 * Traffic goes only to the emulator's loopback endpoint. Loops are bounded by count and time.
 *
 * Used by load.test.ts with small numbers, and runnable on its own:
 *   node --import tsx test/emulator/load.ts [--users 2000] [--concurrency 64] [--data] [--seconds 120]
 * Without --data it starts an in-memory emulator (the built CLI, as a child process, so client and
 * server do not share one event loop); with --data it runs the kill-and-restart check on a temp file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const TARGET = 'AWSCognitoIdentityProviderService.';
export const CLI = 'dist/emulator/cli.js';

export interface LoadOptions {
  endpoint: string;
  clientId: string;
  users: number;
  concurrency: number;
  /** Stop starting new users after this long (running ones finish). Default 60 s. */
  timeLimitMs?: number;
  /** Attempts per call for retryable failures (5xx, throttling, network), as SDK v3 and Amplify do; default 1. */
  attempts?: number;
  /** Unique per run, so several runs can share an emulator. */
  prefix?: string;
  /** Called when ConfirmSignUp for `email` has answered 200. */
  onConfirmed?: (email: string) => void;
}

export interface UserOutcome {
  email: string;
  /** The last step that succeeded. */
  reached: 'none' | 'signed-up' | 'confirmed' | 'auto-signed-in' | 'signed-in';
  sub?: string;
  error?: string;
}

export interface LoadReport {
  users: UserOutcome[];
  durationMs: number;
  /** Successful calls per operation (including the outbox reads, as `outbox`). */
  latencies: Record<string, number[]>;
  /** Calls that were retried (attempts > 1 only). */
  retries: number;
}

export class CallError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(`${operation}: ${status} ${type} ${message}`);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryable(error: unknown): boolean {
  if (!(error instanceof CallError)) return true; // network: reset, hang-up
  return error.status >= 500 || error.type === 'TooManyRequestsException';
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const { endpoint, clientId } = options;
  const attempts = options.attempts ?? 1;
  const prefix = options.prefix ?? `load${Date.now().toString(36)}`;
  const deadline = Date.now() + (options.timeLimitMs ?? 60_000);
  const latencies: Record<string, number[]> = {};
  let retries = 0;

  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      const start = performance.now();
      try {
        const result = await fn();
        (latencies[name] ??= []).push(performance.now() - start);
        return result;
      } catch (error) {
        if (attempt >= attempts || !retryable(error)) throw error;
        retries += 1;
        await sleep(10 * 2 ** attempt);
      }
    }
  };

  const api = (operation: string, body: object) =>
    timed(operation, async () => {
      const r = await fetch(`${endpoint}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${TARGET}${operation}` },
        body: JSON.stringify(body),
      });
      const json = (await r.json()) as Record<string, unknown>;
      if (r.status !== 200) throw new CallError(operation, r.status, String(json.__type), String(json.message));
      return json;
    });

  const code = (email: string, kind: 'sign-up' | 'sign-in') =>
    timed('outbox', async () => {
      const r = await fetch(`${endpoint}/_emulator/messages?to=${encodeURIComponent(email)}`);
      if (r.status !== 200) throw new CallError('outbox', r.status, '', '');
      const mail = ((await r.json()) as Array<{ kind: string; code: string }>).filter((m) => m.kind === kind).at(-1);
      if (mail === undefined) throw new Error(`no ${kind} mail to ${email}`);
      return mail.code;
    });

  const getUser = async (accessToken: unknown, email: string) => {
    const user = await api('GetUser', { AccessToken: accessToken });
    const attrs = Object.fromEntries((user.UserAttributes as Array<{ Name: string; Value: string }>).map((a) => [a.Name, a.Value]));
    if (attrs.email !== email || attrs.email_verified !== 'true') throw new Error(`GetUser for ${email}: ${JSON.stringify(attrs)}`);
    return String(user.Username);
  };

  async function oneUser(index: number): Promise<UserOutcome> {
    const email = `${prefix}-${index}@example.com`;
    const outcome: UserOutcome = { email, reached: 'none' };
    try {
      const signUp = await api('SignUp', { ClientId: clientId, Username: email });
      outcome.sub = String(signUp.UserSub);
      outcome.reached = 'signed-up';
      const confirmed = await api('ConfirmSignUp', { ClientId: clientId, Username: email, ConfirmationCode: await code(email, 'sign-up') });
      outcome.reached = 'confirmed';
      options.onConfirmed?.(email);
      const auto = await api('InitiateAuth', {
        ClientId: clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email }, Session: confirmed.Session,
      });
      if (await getUser((auto.AuthenticationResult as Record<string, unknown>).AccessToken, email) !== outcome.sub)
        throw new Error(`auto sign-in of ${email} gave another user`);
      outcome.reached = 'auto-signed-in';
      const start = await api('InitiateAuth', {
        ClientId: clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'EMAIL_OTP' },
      });
      if (start.ChallengeName !== 'EMAIL_OTP') throw new Error(`sign-in of ${email}: challenge ${String(start.ChallengeName)}`);
      const done = await api('RespondToAuthChallenge', {
        ClientId: clientId, ChallengeName: 'EMAIL_OTP', Session: start.Session,
        ChallengeResponses: { USERNAME: email, EMAIL_OTP_CODE: await code(email, 'sign-in') },
      });
      if (await getUser((done.AuthenticationResult as Record<string, unknown>).AccessToken, email) !== outcome.sub)
        throw new Error(`sign-in of ${email} gave another user`);
      outcome.reached = 'signed-in';
    } catch (error) {
      outcome.error = error instanceof Error ? error.message : String(error);
    }
    return outcome;
  }

  const started = performance.now();
  const users: UserOutcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < options.users && Date.now() < deadline) {
      const index = next;
      next += 1;
      users[index] = await oneUser(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, options.users) }, worker));
  return { users: users.filter(Boolean), durationMs: performance.now() - started, latencies, retries };
}

/** Human-readable summary: flows per second, calls per second, p50/p95/p99 per operation. */
export function formatReport(report: LoadReport, label: string): string {
  const seconds = report.durationMs / 1000;
  const complete = report.users.filter((u) => u.reached === 'signed-in').length;
  const calls = Object.values(report.latencies).reduce((n, l) => n + l.length, 0);
  const lines = [
    `${label}: ${complete}/${report.users.length} users signed up and signed in in ${seconds.toFixed(2)} s — ` +
      `${(complete / seconds).toFixed(1)} users/s, ${(calls / seconds).toFixed(0)} calls/s` +
      (report.retries > 0 ? `, ${report.retries} retries` : ''),
    `  ${'operation'.padEnd(24)} ${'calls'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`,
  ];
  for (const [name, list] of Object.entries(report.latencies)) {
    const sorted = [...list].sort((a, b) => a - b);
    const f = (p: number) => percentile(sorted, p).toFixed(1).padStart(8);
    lines.push(`  ${name.padEnd(24)} ${String(list.length).padStart(6)} ${f(50)} ${f(95)} ${f(99)}`);
  }
  return lines.join('\n');
}

export interface CliEmulator {
  child: ChildProcess;
  endpoint: string;
  clientId: string;
  exited: Promise<number | null>;
}

/**
 * Starts the built CLI and resolves with its JSON line. Without the production pool's Lambda
 * triggers: this measures the emulator's own operations (the triggers' round trips, and the admin
 * calls the seal trigger makes, which injected faults would hit too, are tested in seal.test.ts).
 */
export function startCliEmulator(args: string[]): Promise<CliEmulator> {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--code-send-limit', 'off', '--triggers', 'none', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      try {
        const info = JSON.parse(line) as { endpoint: string; clientId: string };
        // Keep draining stdout (one line per mail), or the child would block on a full pipe.
        child.stdout!.resume();
        resolve({ child, endpoint: info.endpoint, clientId: info.clientId, exited });
      } catch (error) {
        reject(error as Error);
      }
    });
    void exited.then((code) => reject(new Error(`emulator exited with ${code}: ${stderr}`)));
  });
}

export interface KillRestartResult {
  /** How many ConfirmSignUp calls had answered 200 when SIGKILL was sent. */
  confirmedAtKill: number;
  /** Emails whose ConfirmSignUp answered 200 (before the emulator died, some after the signal). */
  confirmedBeforeKill: string[];
  /** Of those, the ones that could not sign in after the restart (must be empty). */
  lost: Array<{ email: string; error: string }>;
  /** Emails whose SignUp had answered 200 but that are not known after the restart (must be empty). */
  signUpsLost: string[];
  load: LoadReport;
  report: string;
}

/**
 * Starts the CLI with `--data <temp file>`, runs sign-ups in parallel, SIGKILLs it once
 * `killAfterConfirmed` users are confirmed, restarts it on the same file, and checks that every user
 * confirmed before the kill signs in with an email code, and every answered sign-up still exists.
 */
export async function killAndRestart(options: { users: number; concurrency: number; killAfterConfirmed: number; timeLimitMs?: number }): Promise<KillRestartResult> {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-load-'));
  const file = join(dir, 'pool.json');
  try {
    const first = await startCliEmulator(['--data', file]);
    const confirmed: string[] = [];
    let killedAt: number | undefined;
    const load = await runLoad({
      endpoint: first.endpoint,
      clientId: first.clientId,
      users: options.users,
      concurrency: options.concurrency,
      timeLimitMs: options.timeLimitMs ?? 20_000,
      onConfirmed(email) {
        confirmed.push(email);
        if (killedAt === undefined && confirmed.length >= options.killAfterConfirmed) {
          killedAt = confirmed.length;
          first.child.kill('SIGKILL');
        }
      },
    });
    if (killedAt === undefined) {
      first.child.kill('SIGKILL');
      killedAt = confirmed.length;
    }
    await first.exited;
    const signedUp = load.users.filter((u) => u.reached !== 'none').map((u) => u.email);

    const second = await startCliEmulator(['--data', file]);
    try {
      const lost: Array<{ email: string; error: string }> = [];
      const call = async (operation: string, body: object) => {
        const r = await fetch(`${second.endpoint}/`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${TARGET}${operation}` },
          body: JSON.stringify(body),
        });
        return { status: r.status, json: (await r.json()) as Record<string, unknown> };
      };
      const queue = [...confirmed];
      await Promise.all(
        Array.from({ length: Math.min(16, queue.length) }, async () => {
          for (let email = queue.shift(); email !== undefined; email = queue.shift()) {
            const start = await call('InitiateAuth', {
              ClientId: second.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'EMAIL_OTP' },
            });
            if (start.status !== 200) {
              lost.push({ email, error: `InitiateAuth ${start.status} ${String(start.json.__type)}` });
              continue;
            }
            const mails = (await (await fetch(`${second.endpoint}/_emulator/messages?to=${encodeURIComponent(email)}`)).json()) as Array<{ code: string }>;
            const done = await call('RespondToAuthChallenge', {
              ClientId: second.clientId, ChallengeName: 'EMAIL_OTP', Session: start.json.Session,
              ChallengeResponses: { USERNAME: email, EMAIL_OTP_CODE: mails.at(-1)?.code ?? '' },
            });
            if (done.status !== 200) lost.push({ email, error: `RespondToAuthChallenge ${done.status} ${String(done.json.__type)}` });
          }
        }),
      );
      // Every sign-up that was answered must still exist (UsernameExistsException on a second SignUp).
      const signUpsLost: string[] = [];
      for (const email of signedUp) {
        const again = await call('SignUp', { ClientId: second.clientId, Username: email });
        if (again.json.__type !== 'UsernameExistsException') signUpsLost.push(email);
      }
      const report = [
        formatReport(load, `--data load until SIGKILL`),
        `  SIGKILL sent after ${killedAt} confirmed sign-ups; ${confirmed.length} ConfirmSignUp and ${signedUp.length} SignUp calls were answered 200 ` +
          `before it died; after restart ${confirmed.length - lost.length}/${confirmed.length} confirmed users signed in, ` +
          `${signedUp.length - signUpsLost.length}/${signedUp.length} sign-ups still known`,
      ].join('\n');
      return { confirmedAtKill: killedAt, confirmedBeforeKill: [...confirmed], lost, signUpsLost, load, report };
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      users: { type: 'string', default: '1000' },
      concurrency: { type: 'string', default: '64' },
      seconds: { type: 'string', default: '120' },
      data: { type: 'boolean', default: false },
    },
  });
  const users = Number(values.users);
  const concurrency = Number(values.concurrency);
  const timeLimitMs = Number(values.seconds) * 1000;
  if (!(users > 0 && concurrency > 0 && timeLimitMs > 0)) throw new Error('--users, --concurrency and --seconds must be positive');
  if (values.data) {
    const result = await killAndRestart({ users, concurrency, killAfterConfirmed: Math.ceil(users / 2), timeLimitMs });
    console.log(result.report);
    if (result.lost.length > 0 || result.signUpsLost.length > 0) {
      console.log('LOST:', JSON.stringify({ lost: result.lost, signUpsLost: result.signUpsLost }));
      process.exitCode = 1;
    }
    return;
  }
  const emulator = await startCliEmulator([]);
  try {
    const report = await runLoad({ endpoint: emulator.endpoint, clientId: emulator.clientId, users, concurrency, timeLimitMs });
    console.log(formatReport(report, `in-memory, ${concurrency} in parallel`));
    const failed = report.users.filter((u) => u.reached !== 'signed-in');
    if (failed.length > 0) {
      console.log(`FAILED: ${failed.length}, first: ${failed[0]!.email}: ${failed[0]!.error}`);
      process.exitCode = 1;
    }
  } finally {
    emulator.child.kill('SIGTERM');
    await emulator.exited;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
