// Runs the emulator in its own process for the benchmark, so its CPU and resident memory are its own
// and not the load generator's. Forked by ./emulator.mjs with --expose-gc; options come as JSON in
// argv[2]. It answers two IPC messages: `memory` (optionally after a forced GC) and `close`.
import { startEmulator } from '../../dist/emulator/index.js';

const options = JSON.parse(process.argv[2] ?? '{}');
const emulator = await startEmulator({ port: 0, host: '127.0.0.1', log: false, ...options });
const { endpoint, userPoolId, clientId, region } = emulator;
process.send?.({ type: 'ready', endpoint, userPoolId, clientId, region });

process.on('message', async (message) => {
  if (message?.type === 'memory') {
    if (message.gc && typeof globalThis.gc === 'function') {
      // Two passes: the first may only schedule finalizers that free more on the second.
      globalThis.gc();
      await new Promise((resolve) => setImmediate(resolve));
      globalThis.gc();
    }
    process.send?.({ type: 'memory', id: message.id, memory: process.memoryUsage(), cpu: process.cpuUsage() });
  } else if (message?.type === 'close') {
    await emulator.close();
    process.exit(0);
  }
});
// The parent went away (Ctrl-C, crash): never outlive it.
process.on('disconnect', () => process.exit(0));
