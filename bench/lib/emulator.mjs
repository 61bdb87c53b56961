// A child-process emulator and a small keep-alive HTTP client for its AWS JSON 1.1 API and its
// `/_emulator/*` endpoints. All traffic goes to 127.0.0.1.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./emulator-child.mjs', import.meta.url));

/**
 * @typedef {{ endpoint: string, userPoolId: string, clientId: string, region: string }} EmulatorInfo
 * @typedef {EmulatorInfo & {
 *   pid: number,
 *   memory(gc?: boolean): Promise<{ rss: number, vmRss: number, vmHwm: number, heapUsed: number, external: number, cpuUserMs: number, cpuSystemMs: number }>,
 *   close(): Promise<void>,
 * }} ChildEmulator
 */

/** VmRSS and VmHWM of a process, in bytes, from /proc (Linux); NaN elsewhere. */
export function procMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
    return { vmRss: kb('VmRSS'), vmHwm: kb('VmHWM') };
  } catch {
    return { vmRss: Number.NaN, vmHwm: Number.NaN };
  }
}

/**
 * Forks `bench/lib/emulator-child.mjs` with these `startEmulator` options.
 * @param {Record<string, unknown>} options
 * @returns {Promise<ChildEmulator>}
 */
export async function startChildEmulator(options = {}) {
  const child = fork(CHILD, [JSON.stringify(options)], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  /** @type {EmulatorInfo} */
  const info = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the emulator did not start within 20 s')), 20_000);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the emulator exited with code ${code} before it was ready`)));
    child.on('message', (message) => {
      if (message?.type === 'ready') {
        clearTimeout(timer);
        resolve(message);
      }
    });
  });
  child.removeAllListeners('exit');
  let nextId = 0;
  return {
    ...info,
    pid: /** @type {number} */ (child.pid),
    memory(gc = true) {
      const id = ++nextId;
      return new Promise((resolve) => {
        const onMessage = (message) => {
          if (message?.type !== 'memory' || message.id !== id) return;
          child.off('message', onMessage);
          const { vmRss, vmHwm } = procMemory(/** @type {number} */ (child.pid));
          resolve({
            rss: message.memory.rss,
            vmRss,
            vmHwm,
            heapUsed: message.memory.heapUsed,
            external: message.memory.external,
            cpuUserMs: message.cpu.user / 1000,
            cpuSystemMs: message.cpu.system / 1000,
          });
        };
        child.on('message', onMessage);
        child.send({ type: 'memory', id, gc });
      });
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'close' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * A client for one emulator over keep-alive HTTP/1.1 connections.
 * @param {string} endpoint
 * @param {{ maxSockets?: number }} [options]
 */
export function emulatorClient(endpoint, { maxSockets = 64 } = {}) {
  const base = new URL(endpoint);
  const agent = new http.Agent({ keepAlive: true, maxSockets });

  /** @returns {Promise<{ status: number, body: any }>} */
  function request(method, path, body, headers = {}) {
    return new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const req = http.request(
        {
          host: base.hostname,
          port: base.port,
          method,
          path,
          agent,
          headers: payload ? { ...headers, 'content-length': payload.length } : headers,
        },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  return {
    /**
     * One Cognito API call; throws on an error answer.
     * @param {string} operation e.g. `InitiateAuth`
     * @param {Record<string, unknown>} input
     */
    async call(operation, input) {
      const { status, body } = await request('POST', '/', input, {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
      });
      if (status !== 200) throw new Error(`${operation}: ${status} ${body?.__type ?? ''} ${body?.message ?? ''}`);
      return body;
    },
    /** @returns {Promise<Array<{ to: string, subject: string, code: string, kind: string, sentAt: string }>>} */
    async messages(to) {
      const query = to === undefined ? '' : `?to=${encodeURIComponent(to)}`;
      return (await request('GET', `/_emulator/messages${query}`)).body;
    },
    async clearMessages() {
      await request('DELETE', '/_emulator/messages');
    },
    /** @returns {Promise<Array<{ operation: string, status: number, at: string }>>} */
    async requests() {
      return (await request('GET', '/_emulator/requests')).body;
    },
    async clearRequests() {
      await request('DELETE', '/_emulator/requests');
    },
    /**
     * Replaces the emulator's fault settings (`PUT /_emulator/faults`), e.g. `{ latencyMs: 100 }`;
     * `null` turns every fault and the latency off.
     * @param {Record<string, unknown> | null} settings
     */
    async setFaults(settings) {
      const { status } = await (settings === null
        ? request('DELETE', '/_emulator/faults')
        : request('PUT', '/_emulator/faults', settings, { 'content-type': 'application/json' }));
      if (status !== 200 && status !== 204) throw new Error(`/_emulator/faults answered ${status}`);
    },
    close() {
      agent.destroy();
    },
  };
}
