/**
 * Runs the pool's Lambda triggers as Cognito does: synchronously inside the operation, with a
 * 5-second limit, the handler's error becoming the operation's UserLambdaValidationException.
 *
 * Each emulator has one worker thread (worker.ts) whose environment is the functions' environment:
 * `AWS_ENDPOINT_URL` (and the Cognito- and SES-specific variants) point the AWS SDK at this
 * emulator, with its region and dummy credentials, so a trigger that calls AdminSetUserPassword
 * reaches the emulated pool through the unmodified SDK, whichever emulator of a test process it
 * belongs to. Nothing of the developer's AWS configuration (profiles, credentials, endpoints) is
 * inherited. A trigger that runs past its limit is abandoned and its worker replaced, as Lambda
 * ends a timed-out invocation.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerReply } from './worker.js';

/** Cognito's names for the triggers (the LambdaConfig keys) that the emulator runs. */
export type TriggerName = 'CustomMessage' | 'PostConfirmation' | 'PreTokenGeneration';

/** Lambda triggers get 5 seconds from Cognito before it gives up on them. */
export const TRIGGER_TIMEOUT_MS = 5000;

/** A trigger that failed (threw, timed out, answered something that cannot be passed back). */
export class TriggerError extends Error {
  override name = 'TriggerError';
}

const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(`./worker${FROM_SOURCE ? '.ts' : '.js'}`, import.meta.url);

/**
 * The worker's entry. Compiled, worker.js itself. From the TypeScript sources (the repository's
 * tests run them through tsx), a bootstrap that registers tsx in the worker's thread first: module
 * hooks registered in the main thread do not reach worker threads.
 */
function workerEntry(): { entry: URL | string; eval: boolean } {
  if (!FROM_SOURCE) return { entry: WORKER_URL, eval: false };
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return { entry: code, eval: true };
}

interface Pending {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export interface TriggerEnvironment {
  endpoint: string;
  region: string;
  /** Extra variables for the functions (e.g. APP_NAME); AWS_* settings above win over them. */
  extra?: Record<string, string>;
}

export class TriggerRunner {
  private worker: Worker | undefined;
  private starting: Promise<Worker> | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;
  /** How many invocations are running: admin calls made from inside them must not wait in line. */
  running = 0;

  constructor(
    /** Module path by trigger name; only these triggers run. */
    readonly modules: Partial<Record<TriggerName, string>>,
    private readonly environment: TriggerEnvironment,
  ) {}

  has(trigger: TriggerName): boolean {
    return this.modules[trigger] !== undefined;
  }

  /** The functions' environment: the emulator as every AWS endpoint, dummy credentials, UTC. */
  private env(): Record<string, string> {
    const { endpoint, region, extra = {} } = this.environment;
    const inherit = ['PATH', 'TMPDIR', 'TEMP', 'TMP', 'HOME', 'USERPROFILE', 'SystemRoot', 'LANG', 'NODE_PATH'];
    const env: Record<string, string> = {};
    for (const name of inherit) if (process.env[name] !== undefined) env[name] = process.env[name]!;
    return {
      ...env,
      ...extra,
      TZ: 'UTC',
      AWS_REGION: region,
      AWS_DEFAULT_REGION: region,
      AWS_ACCESS_KEY_ID: 'AKIAEMULATORLOCAL000',
      AWS_SECRET_ACCESS_KEY: 'emulator-local-secret-not-checked',
      AWS_ENDPOINT_URL: endpoint,
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: endpoint,
      AWS_ENDPOINT_URL_SESV2: endpoint,
      // No shared config or credentials files, no instance metadata: nothing outside the emulator.
      AWS_CONFIG_FILE: '/nonexistent/passwordless-login-emulator/config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/passwordless-login-emulator/credentials',
      AWS_EC2_METADATA_DISABLED: 'true',
      // The functions run on Lambda's Node.js 24 in production; the SDK's note that it will soon
      // need Node.js 22 is about the developer's Node, not the trigger, and only noise here.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
  }

  /** Starts the worker and loads every module; rejects with the first module that cannot load. */
  start(): Promise<Worker> {
    if (this.closed) return Promise.reject(new TriggerError('The triggers have been stopped.'));
    this.starting ??= new Promise<Worker>((resolve, reject) => {
      const { entry, eval: isCode } = workerEntry();
      const worker = new Worker(entry, { eval: isCode, workerData: { modules: this.modules }, env: this.env() });
      const fail = (error: Error) => {
        this.starting = undefined;
        void worker.terminate();
        reject(error);
      };
      worker.once('error', fail);
      worker.once('exit', (code) => fail(new TriggerError(`The trigger worker stopped (exit code ${code}) before it was ready.`)));
      worker.on('message', (reply: WorkerReply) => {
        if ('type' in reply) {
          if (reply.type === 'load-error') return fail(new Error(reply.message));
          worker.removeAllListeners('error').removeAllListeners('exit');
          worker.on('error', (error) => this.lost(worker, error));
          worker.on('exit', () => this.lost(worker, new TriggerError('The trigger worker stopped.')));
          this.worker = worker;
          resolve(worker);
          return;
        }
        const waiting = this.pending.get(reply.id);
        if (!waiting) return; // timed out already
        this.pending.delete(reply.id);
        clearTimeout(waiting.timer);
        if (reply.ok) waiting.resolve(reply.result);
        else waiting.reject(new TriggerError(reply.message));
      });
    });
    return this.starting;
  }

  /** The worker died: every invocation waiting on it fails, and the next one starts a new worker. */
  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.starting = undefined;
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      this.pending.delete(id);
      waiting.reject(new TriggerError(error.message));
    }
  }

  /** Runs `trigger` with `event`; resolves to what the handler returned. */
  async invoke(trigger: TriggerName, event: object): Promise<unknown> {
    if (!this.has(trigger)) throw new TriggerError(`no ${trigger} trigger`);
    this.running += 1;
    try {
      const worker = await this.start();
      const id = this.nextId++;
      const deadline = Date.now() + TRIGGER_TIMEOUT_MS;
      return await new Promise<unknown>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.pending.delete(id);
          reject(new TriggerError(`Task timed out after ${(TRIGGER_TIMEOUT_MS / 1000).toFixed(2)} seconds`));
          // Lambda ends a timed-out invocation; a stuck handler must not hold up the next one.
          if (this.worker === worker) {
            this.lost(worker, new TriggerError('The trigger timed out.'));
            void worker.terminate();
          }
        }, TRIGGER_TIMEOUT_MS);
        this.pending.set(id, { resolve, reject, timer });
        worker.postMessage({ id, trigger, event, deadline });
      });
    } finally {
      this.running -= 1;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    this.starting = undefined;
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      this.pending.delete(id);
      waiting.reject(new TriggerError('The emulator is closing.'));
    }
    if (worker) await worker.terminate();
  }
}
