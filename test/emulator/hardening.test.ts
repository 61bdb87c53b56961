// The emulator as a door into the developer's machine (issue 10, item 8): which pages and Host names
// it answers, how long a request may take to arrive, and the data file's temporary file.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { startEmulator } from '../../emulator/index.js';
import { harness, newEmail, type Harness } from './helpers.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A raw request, so Host and Origin are exactly what a browser (or an attacker's page) would send. */
function send(endpoint: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const apiHeaders = (operation: string) => ({
  'content-type': 'application/x-amz-json-1.1',
  'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
});

const preflight = (origin: string, extra: Record<string, string> = {}) => ({
  origin,
  'access-control-request-method': 'POST',
  'access-control-request-headers': 'content-type,x-amz-target',
  ...extra,
});

describe('CORS: only loopback pages and the origins given', () => {
  let h: Harness;
  before(async () => (h = await harness({ corsOrigins: ['https://app.test:8443', 'null'] })));
  after(() => h.close());

  it('answers pages on localhost, 127.0.0.1 and [::1] on any port, echoing the origin', async () => {
    for (const origin of ['http://localhost:8000', 'https://localhost', 'http://127.0.0.1:5173', 'http://[::1]:3000', 'http://app.localhost:4000']) {
      const pre = await send(h.emulator.endpoint, 'OPTIONS', '/', preflight(origin));
      assert.equal(pre.status, 204, origin);
      assert.equal(pre.headers['access-control-allow-origin'], origin);
      assert.match(String(pre.headers['access-control-allow-headers']), /x-amz-target/);
      assert.match(String(pre.headers.vary), /Origin/);
      const real = await send(h.emulator.endpoint, 'POST', '/', { ...apiHeaders('SignUp'), origin }, '{}');
      assert.equal(real.status, 400, origin); // reached the API: a validation error
      assert.equal(real.headers['access-control-allow-origin'], origin);
      assert.match(String(real.headers['access-control-expose-headers']), /x-amzn-errortype/);
    }
  });

  it('answers the origins given with corsOrigins (and --cors-origin), including null', async () => {
    for (const origin of ['https://app.test:8443', 'null']) {
      const pre = await send(h.emulator.endpoint, 'OPTIONS', '/', preflight(origin));
      assert.equal(pre.status, 204, origin);
      assert.equal(pre.headers['access-control-allow-origin'], origin);
    }
  });

  it('refuses any other page with 403 and no CORS grant: preflight, API and test endpoints alike', async () => {
    for (const origin of ['https://evil.example', 'http://localhost.evil.example', 'https://app.test', 'http://192.168.1.9:8000']) {
      const pre = await send(h.emulator.endpoint, 'OPTIONS', '/', preflight(origin, { 'access-control-request-private-network': 'true' }));
      assert.equal(pre.status, 403, origin);
      assert.equal(pre.headers['access-control-allow-origin'], undefined);
      assert.equal(pre.headers['access-control-allow-private-network'], undefined);
      assert.match(JSON.parse(pre.text).message, /--cors-origin/);
      const messages = await send(h.emulator.endpoint, 'GET', '/_emulator/messages', { origin });
      assert.equal(messages.status, 403);
      assert.doesNotMatch(messages.text, /code/);
    }
  });

  it('a "simple" cross-site request (no preflight) from another page changes nothing', async () => {
    const email = newEmail();
    await h.client.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username: email }));
    const evil = { origin: 'https://evil.example', 'content-type': 'text/plain' };
    // A form post or text/plain fetch: the browser sends it without asking first.
    const faults = await send(h.emulator.endpoint, 'POST', '/_emulator/faults', evil, JSON.stringify({ drop: 1 }));
    assert.equal(faults.status, 403);
    assert.equal(((await (await fetch(`${h.emulator.endpoint}/_emulator/faults`)).json()) as { drop: number }).drop, 0);
    const cleared = await send(h.emulator.endpoint, 'DELETE', '/_emulator/messages', { origin: 'https://evil.example' });
    assert.equal(cleared.status, 403);
    assert.equal((await h.mails(email)).length, 1);
  });

  it('grants Private Network Access only when the preflight asks for it, to an allowed page', async () => {
    const asked = await send(h.emulator.endpoint, 'OPTIONS', '/', preflight('http://localhost:8000', { 'access-control-request-private-network': 'true' }));
    assert.equal(asked.headers['access-control-allow-private-network'], 'true');
    const notAsked = await send(h.emulator.endpoint, 'OPTIONS', '/', preflight('http://localhost:8000'));
    assert.equal(notAsked.status, 204);
    assert.equal(notAsked.headers['access-control-allow-private-network'], undefined);
  });

  it('corsOrigins: ["*"] answers any page (the old behaviour, opt-in)', async () => {
    const open = await harness({ corsOrigins: ['*'] });
    try {
      const pre = await send(open.emulator.endpoint, 'OPTIONS', '/', preflight('https://anything.example'));
      assert.equal(pre.status, 204);
      assert.equal(pre.headers['access-control-allow-origin'], 'https://anything.example');
    } finally {
      await open.close();
    }
  });

  it("listening beyond loopback (--host), also answers pages on that address: for 0.0.0.0, this machine's own", async (t) => {
    const own = Object.values(networkInterfaces()).flatMap((l) => l ?? []).find((a) => !a.internal && a.family === 'IPv4')?.address;
    if (own === undefined) return t.skip('this machine has no non-loopback IPv4 address');
    const lan = await harness({ host: '0.0.0.0' });
    try {
      const mine = await send(lan.emulator.endpoint, 'OPTIONS', '/', preflight(`http://${own}:8000`));
      assert.equal(mine.status, 204);
      assert.equal(mine.headers['access-control-allow-origin'], `http://${own}:8000`);
      // A page on another machine of the network is not this machine's.
      assert.equal((await send(lan.emulator.endpoint, 'OPTIONS', '/', preflight('http://203.0.113.9:8000'))).status, 403);
    } finally {
      await lan.close();
    }
    // On loopback (the default) the machine's other addresses are not pages it answers.
    assert.equal((await send(h.emulator.endpoint, 'OPTIONS', '/', preflight(`http://${own}:8000`))).status, 403);
  });

  it('refuses malformed corsOrigins and allowedHosts before starting', async () => {
    await assert.rejects(startEmulator({ log: false, corsOrigins: ['app.test'] }), TypeError);
    await assert.rejects(startEmulator({ log: false, corsOrigins: ['https://app.test/path'] }), TypeError);
    await assert.rejects(startEmulator({ log: false, allowedHosts: ['bad host'] }), TypeError);
  });
});

describe('Host check against DNS rebinding', () => {
  let h: Harness;
  before(async () => (h = await harness({ allowedHosts: ['cognito'] })));
  after(() => h.close());

  const port = () => new URL(h.emulator.endpoint).port;

  it('answers requests addressed to localhost, loopback and other IP literals, and allowedHosts', async () => {
    for (const host of [`localhost:${port()}`, `127.0.0.1:${port()}`, `[::1]:${port()}`, 'LOCALHOST', `app.localhost:${port()}`, `cognito:${port()}`, '10.0.0.5:9239']) {
      const r = await send(h.emulator.endpoint, 'GET', '/_emulator/faults', { host });
      assert.equal(r.status, 200, host);
    }
  });

  it('refuses any other name with 403 before reading or changing anything', async () => {
    const email = newEmail();
    await h.client.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username: email }));
    const rebound = { host: `attacker.example:${port()}` };
    const read = await send(h.emulator.endpoint, 'GET', `/_emulator/messages?to=${encodeURIComponent(email)}`, rebound);
    assert.equal(read.status, 403);
    assert.match(JSON.parse(read.text).message, /not allowed.*DNS rebinding/s);
    assert.doesNotMatch(read.text, new RegExp(email.split('@')[0]!));
    assert.equal((await send(h.emulator.endpoint, 'DELETE', '/_emulator/messages', rebound)).status, 403);
    assert.equal((await send(h.emulator.endpoint, 'PUT', '/_emulator/faults', rebound, '{"drop":1}')).status, 403);
    assert.equal((await send(h.emulator.endpoint, 'DELETE', '/_emulator/requests', rebound)).status, 403);
    assert.equal((await h.mails(email)).length, 1, 'the outbox was not cleared');
    assert.equal(((await (await fetch(`${h.emulator.endpoint}/_emulator/faults`)).json()) as { drop: number }).drop, 0);
    // The API too: this sign-up never happens, so the same address can still sign up afterwards.
    const other = newEmail();
    const api = await send(h.emulator.endpoint, 'POST', '/', { ...apiHeaders('SignUp'), ...rebound }, JSON.stringify({ ClientId: h.emulator.clientId, Username: other }));
    assert.equal(api.status, 403);
    assert.equal(JSON.parse(api.text).__type, 'ForbiddenException');
    assert.equal((await h.mails(other)).length, 0);
    const later = await h.client.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username: other }));
    assert.equal(later.UserConfirmed, false);
    // Even an allowed page cannot get around it.
    const withOrigin = await send(h.emulator.endpoint, 'GET', '/_emulator/messages', { ...rebound, origin: 'http://localhost:8000' });
    assert.equal(withOrigin.status, 403);
  });

  it('refuses a request without a Host header (HTTP/1.0)', async () => {
    const url = new URL(h.emulator.endpoint);
    const text = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname);
      let out = '';
      socket.on('data', (d) => (out += String(d)));
      socket.on('end', () => resolve(out));
      socket.on('error', reject);
      socket.write('GET /_emulator/messages HTTP/1.0\r\n\r\n');
    });
    assert.match(text, /^HTTP\/1\.[01] (400|403)/);
    assert.doesNotMatch(text, /"code"/);
  });
});

describe('request timeouts', () => {
  let h: Harness;
  before(async () => (h = await harness({ requestTimeoutSeconds: 1, faults: { latencyMs: 1500, operations: ['ResendConfirmationCode'] } })));
  after(() => h.close());

  /** Opens a raw connection, writes `head`, then trickles a byte every 200 ms; resolves with what came back and when. */
  function trickle(head: string): Promise<{ text: string; ms: number }> {
    const url = new URL(h.emulator.endpoint);
    const start = Date.now();
    return new Promise((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname);
      let out = '';
      const timer = setInterval(() => socket.writable && socket.write('a'), 200);
      const done = () => {
        clearInterval(timer);
        resolve({ text: out, ms: Date.now() - start });
      };
      socket.on('data', (d) => (out += String(d)));
      socket.on('close', done);
      socket.on('error', (e) => (out === '' ? reject(e) : done()));
      socket.write(head);
      // Never sends more than this by itself; without a timeout the connection stays open.
      setTimeout(() => socket.destroy(), 8000).unref();
    });
  }

  it('a body trickled slower than the request timeout gets 408 and the connection closes', async () => {
    const host = new URL(h.emulator.endpoint).host;
    const { text, ms } = await trickle(`POST / HTTP/1.1\r\nHost: ${host}\r\ncontent-type: application/x-amz-json-1.1\r\nx-amz-target: AWSCognitoIdentityProviderService.SignUp\r\ncontent-length: 1000\r\n\r\n{`);
    assert.match(text, /^HTTP\/1\.1 408/);
    assert.ok(ms < 4000, `closed after ${ms} ms`);
  });

  it('headers trickled slower than the timeout get 408 as well', async () => {
    const { text, ms } = await trickle('GET /_emulator/messages HTTP/1.1\r\nX-Slow: ');
    assert.match(text, /^HTTP\/1\.1 408/);
    assert.ok(ms < 4000, `closed after ${ms} ms`);
  });

  it('an answer that takes longer than the timeout (here: injected latency) is not cut off', async () => {
    const email = newEmail();
    await h.client.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username: email }));
    const r = await send(h.emulator.endpoint, 'POST', '/', apiHeaders('ResendConfirmationCode'), JSON.stringify({ ClientId: h.emulator.clientId, Username: email }));
    assert.equal(r.status, 200);
  });

  it('an idle keep-alive connection outlives the request and headers timeouts', async () => {
    const url = new URL(h.emulator.endpoint);
    const socket = connect(Number(url.port), url.hostname);
    const answers: string[] = [];
    socket.on('data', (d) => answers.push(String(d)));
    const ask = () => socket.write(`GET /_emulator/faults HTTP/1.1\r\nHost: ${url.host}\r\n\r\n`);
    ask();
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(socket.destroyed, false, 'the server closed an idle connection after the request timeout');
    ask();
    await new Promise((r) => setTimeout(r, 300));
    socket.destroy();
    assert.equal(answers.join('').match(/HTTP\/1\.1 200/g)?.length, 2);
  });
});

describe('the data file is written through a fresh, exclusive temporary file', () => {
  it('a symlink planted at the old predictable temporary name is not followed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-temp-'));
    const dataFile = join(dir, 'pool.json');
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    // Until this fix the temporary file was `${dataFile}.${pid}.tmp`, opened with 'w'.
    symlinkSync(victim, `${dataFile}.${process.pid}.tmp`);
    const h = await harness({ dataFile });
    try {
      const email = newEmail();
      await h.client.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username: email }));
      assert.equal(readFileSync(victim, 'utf8'), 'precious\n');
      assert.ok(lstatSync(dataFile).isFile());
      assert.match(readFileSync(dataFile, 'utf8'), new RegExp(email.replace(/[.+]/g, '\\$&')));
      // No temporary file is left behind (only the planted link, which was never touched).
      assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), [`pool.json.${process.pid}.tmp`]);
      assert.ok(lstatSync(`${dataFile}.${process.pid}.tmp`).isSymbolicLink());
    } finally {
      await h.close();
    }
    assert.ok(existsSync(dataFile));
  });
});
