/**
 * The pool's Lambda triggers run here, in a worker thread of their own per emulator: the worker's
 * `process.env` is the function's environment (the AWS SDK finds the emulator's endpoint, a region
 * and dummy credentials there), separate from the process's and from other emulators' workers.
 * Messages in: `{ id, trigger, event, deadline }`; out: `{ id, ok: true, result }` or
 * `{ id, ok: false, message }`. At start it loads every module and answers `ready` or the first
 * module that cannot be loaded.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { randomUUID } from 'node:crypto';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface WorkerData {
  /** Module path by trigger name (`CustomMessage`, `PostConfirmation`, `PreTokenGeneration`). */
  modules: Record<string, string>;
}

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'load-error'; trigger: string; message: string }
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; message: string };

type Handler = (event: unknown, context: object) => unknown;

/** How the emulator has always named a module it cannot use (the CLI and tests rely on it). */
const DESCRIPTION: Record<string, string> = {
  CustomMessage: 'custom message module',
  PostConfirmation: 'post confirmation module',
  PreTokenGeneration: 'pre token generation module',
};

/**
 * `handler` as a named export, or a default export that is the handler or has one. TypeScript
 * modules are loaded through tsx, which must then be installed.
 */
async function load(trigger: string, path: string): Promise<Handler> {
  const what = DESCRIPTION[trigger] ?? `${trigger} module`;
  const url = pathToFileURL(resolve(path)).href;
  let mod: Record<string, unknown>;
  try {
    if (['.ts', '.mts', '.cts'].includes(extname(path))) {
      let tsImport: (specifier: string, parent: string) => Promise<unknown>;
      try {
        ({ tsImport } = (await import('tsx/esm/api')) as { tsImport: typeof tsImport });
      } catch {
        throw new Error('loading a TypeScript module needs the "tsx" package; install it or pass a .js file');
      }
      mod = (await tsImport(url, import.meta.url)) as Record<string, unknown>;
    } else {
      mod = (await import(url)) as Record<string, unknown>;
    }
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot load the ${what} ${path}: ${why}`);
  }
  const fallback = mod.default as Record<string, unknown> | ((...args: unknown[]) => unknown) | undefined;
  const handler =
    mod.handler ?? (typeof fallback === 'function' ? fallback : (fallback as Record<string, unknown> | undefined)?.handler);
  if (typeof handler !== 'function') throw new Error(`The ${what} ${path} exports no "handler" function`);
  return handler as Handler;
}

/** The parts of Lambda's context object a handler may read. */
function context(trigger: string, deadline: number): object {
  return {
    functionName: `emulator-${trigger}`,
    functionVersion: '$LATEST',
    memoryLimitInMB: '128',
    awsRequestId: randomUUID(),
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

const port = parentPort!;
const handlers = new Map<string, Handler>();
const { modules } = workerData as WorkerData;

void (async () => {
  for (const [trigger, path] of Object.entries(modules)) {
    try {
      handlers.set(trigger, await load(trigger, path));
    } catch (error) {
      port.postMessage({ type: 'load-error', trigger, message: (error as Error).message } satisfies WorkerReply);
      return;
    }
  }
  port.on('message', async ({ id, trigger, event, deadline }: { id: number; trigger: string; event: unknown; deadline: number }) => {
    try {
      const handler = handlers.get(trigger);
      if (!handler) throw new Error(`no ${trigger} trigger`);
      const result = await handler(event, context(trigger, deadline));
      port.postMessage({ id, ok: true, result } satisfies WorkerReply);
    } catch (error) {
      port.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
    }
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
})();
