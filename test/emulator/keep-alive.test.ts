// Keep-alive soak: calls spaced around the idle timeouts of common clients (undici's 4 s, Node's
// agent's and Node's own server default of 5 s) never meet a connection the emulator has just
// closed ("socket hang up", ECONNRESET). Three clients at once, so the whole soak takes ~35 s.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { Duplex } from 'node:stream';
import { CognitoIdentityProviderClient, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { startEmulator } from '../../emulator/index.js';
import { newEmail } from './helpers.js';

/** Seconds between calls: just under, at and over each common idle timeout. */
const GAPS = [3.9, 4.1, 4.9, 5.0, 5.1, 5.5, 6.0];

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/** The SDK's own default agent (keep-alive, 50 sockets, no idle timeout of its own), counting the connections it opens. */
class CountingAgent extends http.Agent {
  connections = 0;
  constructor() {
    super({ keepAlive: true, maxSockets: 50 });
  }
  override createConnection(...args: Parameters<http.Agent['createConnection']>): Duplex {
    this.connections += 1;
    // @ts-expect-error createConnection is on Agent's prototype at run time, missing from its type.
    return super.createConnection(...args);
  }
}

describe('keep-alive soak', () => {
  it('no call fails, and the SDK keeps one connection, across idle gaps of 3.9 to 6 seconds', async () => {
    const emulator = await startEmulator({ log: false });
    const agent = new CountingAgent();
    // One attempt: a retried "socket hang up" would hide exactly what this test looks for.
    const sdk = new CognitoIdentityProviderClient({ endpoint: emulator.endpoint, region: emulator.region, maxAttempts: 1, requestHandler: { httpAgent: agent } });
    const signUp = () => sdk.send(new SignUpCommand({ ClientId: emulator.clientId, Username: newEmail() }));
    const failures: string[] = [];
    /** One client's calls: one now, then one after each gap. */
    const soak = async (name: string, call: () => Promise<unknown>) => {
      for (const gap of [0, ...GAPS]) {
        await sleep(gap);
        try {
          await call();
        } catch (error) {
          failures.push(`${name} after ${gap} s: ${(error as Error).message}`);
        }
      }
    };
    const faults = `${emulator.endpoint}/_emulator/faults`;
    try {
      await Promise.all([
        soak('AWS SDK v3', signUp),
        // Node's fetch (undici): its own 4 s idle timeout, and it reads the server's Keep-Alive hint.
        soak('fetch', async () => {
          const r = await fetch(faults);
          assert.equal(r.status, 200);
          assert.match(r.headers.get('keep-alive') ?? '', /timeout=65/);
          await r.arrayBuffer();
        }),
        // Node's global agent: keep-alive with a 5 s idle timeout, racing a 5 s server.
        soak('node:http', () =>
          new Promise<void>((resolve, reject) => {
            http.get(faults, (res) => res.resume().on('end', () => resolve())).on('error', reject);
          }),
        ),
      ]);
      assert.deepEqual(failures, []);
      // Every gap is shorter than the emulator's 65 s: the connection outlived them all.
      assert.equal(agent.connections, 1, `the SDK opened ${agent.connections} connections`);
    } finally {
      sdk.destroy();
      agent.destroy();
      await emulator.close();
    }
  });
});
