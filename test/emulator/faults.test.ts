// Fault injection: each kind, through the unmodified SDK and raw HTTP; seeds; the run-time interface;
// faulted calls change nothing; the request log; the CLI flags.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { CognitoIdentityProviderClient, InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { startEmulator } from '../../emulator/index.js';
import { failure, harness, newEmail, type Harness } from './helpers.js';

const CLI = 'dist/emulator/cli.js';

interface Logged {
  operation: string;
  status: number;
  fault?: string;
  delayMs?: number;
}

function api(h: Harness, operation: string, body: object) {
  return fetch(`${h.emulator.endpoint}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(body),
  });
}

const setFaults = (h: Harness, method: 'PUT' | 'POST', body: unknown) =>
  fetch(`${h.emulator.endpoint}/_emulator/faults`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const faultsNow = async (h: Harness) => (await (await fetch(`${h.emulator.endpoint}/_emulator/faults`)).json()) as Record<string, unknown>;
const requests = async (h: Harness) => (await (await fetch(`${h.emulator.endpoint}/_emulator/requests`)).json()) as Logged[];
const clearRequests = (h: Harness) => fetch(`${h.emulator.endpoint}/_emulator/requests`, { method: 'DELETE' });

describe('fault injection', () => {
  let h: Harness;
  before(async () => (h = await harness({ codeSendLimit: null })));
  after(() => h.close());
  beforeEach(async () => {
    assert.equal((await fetch(`${h.emulator.endpoint}/_emulator/faults`, { method: 'DELETE' })).status, 204);
    await clearRequests(h);
  });

  it('is off by default: GET shows every rate at 0, no latency, and the seed', async () => {
    const now = await faultsNow(h);
    assert.deepEqual(
      { ...now, seed: 0 },
      {
        seed: 0, internalError: 0, unavailable: 0, throttle: 0, drop: 0, lostResponse: 0, latencyMs: 0, jitterMs: 0,
        operations: null, sequence: [], injected: { internalError: 0, unavailable: 0, throttle: 0, drop: 0, lostResponse: 0 },
      },
    );
    assert.equal(typeof now.seed, 'number');
    const r = await api(h, 'SignUp', { ClientId: h.emulator.clientId, Username: newEmail() });
    assert.equal(r.status, 200);
    const [logged] = await requests(h);
    assert.deepEqual(Object.keys(logged!).sort(), ['at', 'operation', 'status'], 'no fault or delay members when nothing was injected');
  });

  it('500: InternalErrorException; the faulted SignUp creates no user and sends no mail', async () => {
    await setFaults(h, 'PUT', { internalError: 1 });
    const email = newEmail();
    const r = await failure(h.client.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username: email })));
    assert.deepEqual(r, { name: 'InternalErrorException', message: 'Internal server error.', status: 500 });
    assert.deepEqual(await h.mails(email), []);
    await fetch(`${h.emulator.endpoint}/_emulator/faults`, { method: 'DELETE' });
    const ok = await h.client.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username: email }));
    assert.equal(ok.UserConfirmed, false, 'not UsernameExistsException: nothing was stored');
    assert.equal((await h.mails(email)).length, 1);
    assert.deepEqual((await requests(h)).map((x) => [x.operation, x.status, x.fault]), [
      ['SignUp', 500, 'internalError'],
      ['SignUp', 200, undefined],
    ]);
  });

  it('503 and throttling answer Cognito-shaped errors with x-amzn-errortype', async () => {
    for (const [kind, status, type] of [['unavailable', 503, 'ServiceUnavailableException'], ['throttle', 400, 'TooManyRequestsException']] as const) {
      await setFaults(h, 'PUT', { [kind]: 1 });
      const r = await api(h, 'InitiateAuth', { ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: newEmail() } });
      assert.equal(r.status, status, kind);
      assert.equal(r.headers.get('x-amzn-errortype'), type);
      const body = (await r.json()) as { __type: string; message: string };
      assert.equal(body.__type, type);
      assert.equal(typeof body.message, 'string');
    }
    assert.deepEqual((await requests(h)).map((x) => x.fault), ['unavailable', 'throttle']);
    assert.deepEqual((await faultsNow(h)).injected, { internalError: 1, unavailable: 1, throttle: 1, drop: 0, lostResponse: 0 });
  });

  it('SDK v3 with its default retries makes 3 attempts for 500, 503 and throttling (spec §1.4)', async () => {
    const retrying = new CognitoIdentityProviderClient({ endpoint: h.emulator.endpoint, region: h.emulator.region });
    try {
      for (const kind of ['internalError', 'unavailable', 'throttle']) {
        await clearRequests(h);
        await setFaults(h, 'PUT', { [kind]: 1 });
        await failure(retrying.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username: newEmail() })));
        assert.deepEqual((await requests(h)).map((x) => x.fault), [kind, kind, kind], kind);
      }
      // A single 503 is invisible to the caller: the retry succeeds.
      await clearRequests(h);
      await setFaults(h, 'PUT', { sequence: ['unavailable'] });
      const email = newEmail();
      const ok = await retrying.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username: email }));
      assert.ok(ok.UserSub);
      assert.deepEqual((await requests(h)).map((x) => x.status), [503, 200]);
      assert.equal((await h.mails(email)).length, 1, 'one code, not two');
    } finally {
      retrying.destroy();
    }
  });

  it('drop: the connection closes unanswered, nothing changes, the log says status 0', async () => {
    await setFaults(h, 'PUT', { drop: 1 });
    const email = newEmail();
    await assert.rejects(api(h, 'SignUp', { ClientId: h.emulator.clientId, Username: email }), TypeError);
    assert.deepEqual(await h.mails(email), []);
    assert.deepEqual((await requests(h)).map((x) => [x.status, x.fault]), [[0, 'drop']]);
    await fetch(`${h.emulator.endpoint}/_emulator/faults`, { method: 'DELETE' });
    assert.equal((await api(h, 'SignUp', { ClientId: h.emulator.clientId, Username: email })).status, 200, 'the user was never created');
  });

  it('lostResponse: the call runs (user created, mail sent) but the answer never arrives', async () => {
    await setFaults(h, 'PUT', { lostResponse: 1 });
    const email = newEmail();
    await assert.rejects(api(h, 'SignUp', { ClientId: h.emulator.clientId, Username: email }), TypeError);
    assert.equal((await h.mails(email)).length, 1);
    assert.deepEqual((await requests(h)).map((x) => [x.status, x.fault]), [[200, 'lostResponse']]);
    await fetch(`${h.emulator.endpoint}/_emulator/faults`, { method: 'DELETE' });
    const again = (await (await api(h, 'SignUp', { ClientId: h.emulator.clientId, Username: email })).json()) as { __type: string };
    assert.equal(again.__type, 'UsernameExistsException', 'the lost call did change state');
  });

  it('latency and jitter delay each call by latencyMs … latencyMs + jitterMs', async () => {
    await setFaults(h, 'PUT', { latencyMs: 120, jitterMs: 80, seed: 5 });
    for (let i = 0; i < 4; i += 1) {
      const start = performance.now();
      const r = await api(h, 'InitiateAuth', { ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: newEmail() } });
      const took = performance.now() - start;
      assert.equal(r.status, 200);
      assert.ok(took >= 115, `took ${took} ms`);
    }
    const delays = (await requests(h)).map((x) => x.delayMs!);
    assert.equal(delays.length, 4);
    for (const d of delays) assert.ok(d >= 120 && d <= 200, String(d));
    assert.ok(new Set(delays).size > 1, `jitter varies: ${delays.join(',')}`);
    // Latency never touches the test endpoints.
    const start = performance.now();
    await fetch(`${h.emulator.endpoint}/_emulator/messages`);
    assert.ok(performance.now() - start < 100);
  });

  it('the same seed gives the same faults; another seed other ones; rates are roughly honoured', async () => {
    const run = async (seed: number) => {
      await setFaults(h, 'PUT', { seed, internalError: 0.2, unavailable: 0.1, throttle: 0.1, jitterMs: 3 });
      await clearRequests(h);
      for (let i = 0; i < 60; i += 1)
        await api(h, 'InitiateAuth', { ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: `seed${i}@example.com` } });
      return (await requests(h)).map((x) => `${x.fault ?? '-'}/${x.delayMs ?? 0}`);
    };
    const a = await run(42);
    const b = await run(42);
    const c = await run(43);
    assert.equal(a.length, 60);
    assert.deepEqual(b, a);
    assert.notDeepEqual(c, a);
    const faulted = a.filter((x) => !x.startsWith('-/')).length;
    assert.ok(faulted >= 12 && faulted <= 36, `${faulted} of 60 faulted at 40%`);
  });

  it('operations limits faults to the named operations; the test endpoints are never faulted', async () => {
    await setFaults(h, 'PUT', { internalError: 1, operations: ['InitiateAuth'] });
    const email = newEmail();
    assert.equal((await api(h, 'SignUp', { ClientId: h.emulator.clientId, Username: email })).status, 200);
    assert.equal((await api(h, 'InitiateAuth', { ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email } })).status, 500);
    await setFaults(h, 'PUT', { internalError: 1 });
    assert.equal((await fetch(`${h.emulator.endpoint}/_emulator/messages`)).status, 200);
    assert.equal((await fetch(`${h.emulator.endpoint}/_emulator/requests`)).status, 200);
    assert.equal((await fetch(h.emulator.jwksUri)).status, 200);
    assert.equal((await fetch(`${h.emulator.endpoint}/${h.emulator.userPoolId}/.well-known/openid-configuration`)).status, 200);
    assert.equal((await fetch(`${h.emulator.endpoint}/_emulator/faults`)).status, 200);
  });

  it('sequence scripts the next calls, then the rates apply', async () => {
    await setFaults(h, 'PUT', { sequence: ['throttle', 'none', 'internalError'] });
    const statuses = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await api(h, 'InitiateAuth', { ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: newEmail() } })).status);
    assert.deepEqual(statuses, [400, 200, 500, 200]);
    assert.deepEqual((await requests(h)).map((x) => x.fault), ['throttle', undefined, 'internalError', undefined]);
  });

  it('PUT replaces, POST merges, DELETE turns everything off; bad settings are 400 and change nothing', async () => {
    let r = await setFaults(h, 'PUT', { internalError: 0.25, latencyMs: 10, seed: 9 });
    assert.equal(r.status, 200);
    assert.equal(((await r.json()) as { internalError: number }).internalError, 0.25);
    r = await setFaults(h, 'POST', { throttle: 0.5 });
    let now = await faultsNow(h);
    assert.deepEqual([now.internalError, now.throttle, now.latencyMs, now.seed], [0.25, 0.5, 10, 9]);
    await setFaults(h, 'PUT', { drop: 0.1 });
    now = await faultsNow(h);
    assert.deepEqual([now.internalError, now.throttle, now.drop, now.latencyMs, now.seed], [0, 0, 0.1, 0, 9]);
    for (const bad of [{ internalError: 2 }, { internalError: 0.6, unavailable: 0.6 }, { nope: 1 }, { latencyMs: -1 }, { seed: 1.5 }, { sequence: ['boom'] }, { operations: 'SignUp' }, [1], 'x']) {
      r = await setFaults(h, 'PUT', bad);
      assert.equal(r.status, 400, JSON.stringify(bad));
      assert.equal(typeof ((await r.json()) as { message: string }).message, 'string');
    }
    r = await fetch(`${h.emulator.endpoint}/_emulator/faults`, { method: 'PUT', body: '{not json' });
    assert.equal(r.status, 400);
    assert.equal((await faultsNow(h)).drop, 0.1, 'unchanged by the refused settings');
    assert.equal((await fetch(`${h.emulator.endpoint}/_emulator/faults`, { method: 'DELETE' })).status, 204);
    now = await faultsNow(h);
    assert.deepEqual([now.drop, now.seed], [0, 9]);
    assert.equal((await fetch(`${h.emulator.endpoint}/_emulator/faults`, { method: 'PATCH' })).status, 405);
    const preflight = await fetch(`${h.emulator.endpoint}/_emulator/faults`, { method: 'OPTIONS', headers: { origin: 'http://localhost:8000', 'access-control-request-method': 'PUT' } });
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /PUT/);
  });
});

describe('fault options', () => {
  it('startEmulator({ faults }) applies them from the first call', async () => {
    const h = await harness({ faults: { seed: 1, unavailable: 1, operations: ['SignUp'] } });
    try {
      const r = await failure(h.client.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username: newEmail() })));
      assert.equal(r.status, 503);
      const other = await h.client.send(
        new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: newEmail() } }),
      );
      assert.equal(other.ChallengeName, 'SELECT_CHALLENGE');
    } finally {
      await h.close();
    }
  });

  it('bad fault options are a TypeError', async () => {
    for (const faults of [{ drop: -0.1 }, { internalError: 0.7, throttle: 0.7 }, { latencyMs: 1e9 }, { bogus: true }])
      await assert.rejects(startEmulator({ log: false, faults: faults as never }), TypeError, JSON.stringify(faults));
  });

  it('close() ends calls waiting out injected latency at once', async () => {
    const h = await harness({ faults: { latencyMs: 30_000 } });
    const pending = api(h, 'SignUp', { ClientId: h.emulator.clientId, Username: newEmail() }).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const start = performance.now();
    await h.close();
    assert.ok(performance.now() - start < 2000);
    assert.ok((await pending) instanceof TypeError);
  });
});

describe('fault flags on the command line', () => {
  it('the flags set the faults, the seed repeats, and the settings are logged after the JSON line', async () => {
    const child = spawn(process.execPath, [CLI, '--port', '0', '--fault-500', '25%', '--fault-throttle', '0.25', '--latency', '5', '--latency-jitter', '5ms', '--fault-seed', '77', '--fault-operations', 'SignUp,InitiateAuth'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    const first = new Promise<{ endpoint: string }>((resolve) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (lines.length === 0) resolve(JSON.parse(line) as { endpoint: string });
        lines.push(line);
      });
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      const { endpoint } = await first;
      const now = (await (await fetch(`${endpoint}/_emulator/faults`)).json()) as Record<string, unknown>;
      assert.deepEqual(
        [now.internalError, now.throttle, now.latencyMs, now.jitterMs, now.seed, now.operations],
        [0.25, 0.25, 5, 5, 77, ['SignUp', 'InitiateAuth']],
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.ok(lines.slice(1).some((l) => l.includes('fault injection on') && l.includes('"seed":77')), lines.join('\n'));
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('--help documents the fault flags; bad values exit 2 with one line', () => {
    const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    for (const flag of ['--fault-500', '--fault-503', '--fault-throttle', '--fault-drop', '--fault-lost-response', '--latency', '--latency-jitter', '--fault-operations', '--fault-seed', '/_emulator/faults'])
      assert.ok(help.stdout.includes(flag), flag);
    for (const args of [['--fault-500', '1.5'], ['--fault-drop', 'lots'], ['--latency', 'slow'], ['--fault-seed', '1e3'], ['--fault-500', '0.6', '--fault-503', '60%']]) {
      const r = spawnSync(process.execPath, [CLI, '--port', '0', ...args], { encoding: 'utf8' });
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
  });
});
