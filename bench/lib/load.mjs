// Figures 5 (emulator side) and 6: a child-process emulator's resident memory after N sign-ups, and
// complete passwordless sign-ins per second at a fixed concurrency. Plain HTTP from this process to
// 127.0.0.1; every loop is bounded in count and in time.
import { performance } from 'node:perf_hooks';
import { emulatorClient } from './emulator.mjs';
import { quantile } from './stats.mjs';

/**
 * Runs `task(i)` for i = 0, 1, … on `concurrency` workers until `count` tasks have started or
 * `seconds` have passed; returns each task's latency in ms and the wall time.
 */
async function pool(concurrency, count, seconds, task) {
  let next = 0;
  const latencies = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      const i = next++;
      const t = performance.now();
      await task(i);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, wallMs: performance.now() - started };
}

/** A new user without a password, the way the element signs one up: SignUp → code → ConfirmSignUp. */
async function signUp(client, clientId, email) {
  await client.call('SignUp', { ClientId: clientId, Username: email, UserAttributes: [{ Name: 'email', Value: email }] });
  const code = (await client.messages(email)).findLast((m) => m.kind === 'sign-up')?.code;
  if (!code) throw new Error(`no sign-up code for ${email}`);
  await client.call('ConfirmSignUp', { ClientId: clientId, Username: email, ConfirmationCode: code });
}

/** A returning user's complete passwordless sign-in: InitiateAuth → code from the outbox → RespondToAuthChallenge. */
async function signIn(client, clientId, email) {
  const challenge = await client.call('InitiateAuth', {
    ClientId: clientId,
    AuthFlow: 'USER_AUTH',
    AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'EMAIL_OTP' },
  });
  if (challenge.ChallengeName !== 'EMAIL_OTP') throw new Error(`InitiateAuth: ${JSON.stringify(challenge)}`);
  const code = (await client.messages(email)).findLast((m) => m.kind === 'sign-in')?.code;
  if (!code) throw new Error(`no sign-in code for ${email}`);
  const done = await client.call('RespondToAuthChallenge', {
    ClientId: clientId,
    ChallengeName: 'EMAIL_OTP',
    Session: challenge.Session,
    ChallengeResponses: { USERNAME: email, EMAIL_OTP_CODE: code },
  });
  if (!done.AuthenticationResult?.IdToken) throw new Error(`RespondToAuthChallenge: ${JSON.stringify(done)}`);
}

const mib = (bytes) => Number((bytes / 2 ** 20).toFixed(1));

/**
 * @param {import('./emulator.mjs').ChildEmulator} emulator a fresh one, used for nothing else
 * @param {{ users: number, warmupUsers: number, concurrency: number, seconds: number, maxSignIns: number,
 *   signUpSeconds: number, log: (line: string) => void }} options
 */
export async function measureEmulator(emulator, options) {
  const { users, warmupUsers, concurrency, seconds, maxSignIns, signUpSeconds, log } = options;
  const client = emulatorClient(emulator.endpoint, { maxSockets: concurrency });
  const run = `${Date.now().toString(36)}`;
  const email = (i) => `bench-${run}-${i}@example.com`;
  try {
    // Warm up (JIT, first allocations), then the baseline: RSS and heap after a forced GC.
    await pool(concurrency, warmupUsers, signUpSeconds, (i) => signUp(client, emulator.clientId, email(i)));
    await client.clearMessages();
    await client.clearRequests();
    const before = await emulator.memory(true);

    log(`  emulator: signing up ${users} users…`);
    const made = await pool(concurrency, users, signUpSeconds, (i) => signUp(client, emulator.clientId, email(warmupUsers + i)));
    const signedUp = made.latencies.length;
    // The requests log is test support, not pool state: drop it before measuring.
    await client.clearRequests();
    const after = await emulator.memory(true);
    // The outbox keeps every mail until it is cleared (a test endpoint): measure without it too.
    await client.clearMessages();
    const afterNoOutbox = await emulator.memory(true);
    const perUser = (a, b) => Math.round((b - a) / signedUp);
    const memory = {
      users: signedUp,
      signUpsPerSecond: Math.round(signedUp / (made.wallMs / 1000)),
      rssBeforeMiB: mib(before.vmRss),
      rssAfterMiB: mib(after.vmRss),
      rssAfterOutboxClearedMiB: mib(afterNoOutbox.vmRss),
      peakRssMiB: mib(afterNoOutbox.vmHwm),
      heapBeforeMiB: mib(before.heapUsed),
      heapAfterMiB: mib(after.heapUsed),
      heapAfterOutboxClearedMiB: mib(afterNoOutbox.heapUsed),
      rssGrowthPerUserBytes: perUser(before.vmRss, after.vmRss),
      heapGrowthPerUserBytes: perUser(before.heapUsed, after.heapUsed),
      heapGrowthPerUserOutboxClearedBytes: perUser(before.heapUsed, afterNoOutbox.heapUsed),
    };

    // Throughput: returning users (the ones just made, each used once), `concurrency` sign-ins in
    // flight. A short warm-up first; the outbox and request log are cleared so neither is large.
    log(`  emulator: sign-ins at concurrency ${concurrency} for up to ${seconds} s…`);
    // Each sign-in takes the next user; past the last one it starts again from the first (by then
    // that user's earlier sign-in is long finished).
    const total = warmupUsers + signedUp;
    let u = 0;
    const nextUser = () => email(u++ % total);
    await pool(concurrency, 200, 5, () => signIn(client, emulator.clientId, nextUser()));
    await client.clearMessages();
    await client.clearRequests();
    const cpu0 = await emulator.memory(false);
    const measured = await pool(concurrency, maxSignIns, seconds, () => signIn(client, emulator.clientId, nextUser()));
    const cpu1 = await emulator.memory(false);
    const n = measured.latencies.length;
    const cpuMs = cpu1.cpuUserMs + cpu1.cpuSystemMs - (cpu0.cpuUserMs + cpu0.cpuSystemMs);
    const throughput = {
      concurrency,
      signIns: n,
      seconds: Number((measured.wallMs / 1000).toFixed(1)),
      signInsPerSecond: Math.round(n / (measured.wallMs / 1000)),
      httpRequestsPerSignIn: 3, // InitiateAuth, the outbox GET, RespondToAuthChallenge
      p50Ms: Number(quantile(measured.latencies, 0.5).toFixed(1)),
      p99Ms: Number(quantile(measured.latencies, 0.99).toFixed(1)),
      maxMs: Number(Math.max(...measured.latencies).toFixed(1)),
      emulatorCpuMsPerSignIn: Number((cpuMs / n).toFixed(2)),
    };
    return { memory, throughput };
  } finally {
    client.close();
  }
}
