// Load: hundreds of complete sign-ups and sign-ins in parallel against one emulator (the built CLI in
// a child process), with figures printed; nothing lost, nobody in a wrong state; the same under
// injected faults with retrying clients; and with --data, SIGKILL mid-load loses no confirmed user.
// Sizes are small for CI; `node --import tsx test/emulator/load.ts --users 2000` runs a bigger one.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatReport, killAndRestart, runLoad, startCliEmulator, type CliEmulator } from './load.js';

const USERS = Number(process.env.LOAD_USERS ?? 300);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 32);

async function withCli<T>(args: string[], fn: (e: CliEmulator) => Promise<T>): Promise<T> {
  const emulator = await startCliEmulator(args);
  try {
    return await fn(emulator);
  } finally {
    emulator.child.kill('SIGTERM');
    await emulator.exited;
  }
}

const getJson = async <T>(url: string) => (await (await fetch(url)).json()) as T;

async function checkEveryoneOnce(endpoint: string, emails: string[]) {
  // Exactly one sign-up and one sign-in code per user: no lost and no duplicated mail.
  const mails = await getJson<Array<{ to: string; kind: string }>>(`${endpoint}/_emulator/messages`);
  const perUser = new Map<string, string[]>();
  for (const m of mails) perUser.set(m.to, [...(perUser.get(m.to) ?? []), m.kind]);
  for (const email of emails) assert.deepEqual(perUser.get(email), ['sign-up', 'sign-in'], email);
  assert.equal(perUser.size, emails.length);
}

describe('load', () => {
  it(`${USERS} sign-ups and sign-ins, ${CONCURRENCY} at a time: all complete, each user exactly once`, async () => {
    await withCli([], async ({ endpoint, clientId }) => {
      const report = await runLoad({ endpoint, clientId, users: USERS, concurrency: CONCURRENCY, timeLimitMs: 25_000 });
      console.log(formatReport(report, `in-memory, ${CONCURRENCY} in parallel`));
      const failed = report.users.filter((u) => u.reached !== 'signed-in');
      assert.deepEqual(failed, [], 'every user signed up, confirmed, auto-signed-in and signed in with a code');
      assert.equal(report.users.length, USERS);
      assert.equal(new Set(report.users.map((u) => u.sub)).size, USERS, 'one distinct sub per user');
      // The emulator saw exactly the calls made, all answered 200.
      const log = await getJson<Array<{ operation: string; status: number }>>(`${endpoint}/_emulator/requests`);
      assert.deepEqual(log.filter((r) => r.status !== 200), []);
      const count = (op: string) => log.filter((r) => r.operation === op).length;
      assert.deepEqual(
        ['SignUp', 'ConfirmSignUp', 'InitiateAuth', 'RespondToAuthChallenge', 'GetUser'].map(count),
        [USERS, USERS, 2 * USERS, USERS, 2 * USERS],
      );
      await checkEveryoneOnce(endpoint, report.users.map((u) => u.email));
      // And every user is there, confirmed: signing up again is refused.
      for (const { email } of report.users) {
        const r = await fetch(`${endpoint}/`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.ResendConfirmationCode' },
          body: JSON.stringify({ ClientId: clientId, Username: email }),
        });
        assert.equal(((await r.json()) as { message: string }).message, 'User is already confirmed.', email);
      }
    });
  });

  it('under 25% injected faults (seeded) retrying clients all complete, and no faulted call sent a code', async () => {
    const users = Math.ceil(USERS / 3);
    await withCli(['--fault-seed', '6', '--fault-500', '0.1', '--fault-503', '0.05', '--fault-throttle', '0.05', '--fault-drop', '0.05', '--latency', '1', '--latency-jitter', '4'], async ({ endpoint, clientId }) => {
      const report = await runLoad({ endpoint, clientId, users, concurrency: CONCURRENCY, attempts: 12, timeLimitMs: 25_000 });
      console.log(formatReport(report, `in-memory, 25% faults, ${CONCURRENCY} in parallel`));
      assert.deepEqual(report.users.filter((u) => u.reached !== 'signed-in'), []);
      const { injected } = await getJson<{ injected: Record<string, number> }>(`${endpoint}/_emulator/faults`);
      const total = Object.values(injected).reduce((a, b) => a + b, 0);
      assert.ok(injected.internalError! > 0 && injected.unavailable! > 0 && injected.throttle! > 0 && injected.drop! > 0, JSON.stringify(injected));
      assert.equal(report.retries, total, 'every injected fault cost the client exactly one retry');
      await checkEveryoneOnce(endpoint, report.users.map((u) => u.email));
    });
  });

  it('--data: SIGKILL mid-load, restart on the same file: every confirmed user signs in, every sign-up is known', async () => {
    const result = await killAndRestart({ users: USERS, concurrency: CONCURRENCY, killAfterConfirmed: Math.floor(USERS / 3), timeLimitMs: 25_000 });
    console.log(result.report);
    assert.ok(result.confirmedBeforeKill.length >= Math.floor(USERS / 3));
    assert.ok(result.load.users.some((u) => u.error !== undefined), 'the kill happened mid-load');
    assert.deepEqual(result.lost, []);
    assert.deepEqual(result.signUpsLost, []);
  });
});
