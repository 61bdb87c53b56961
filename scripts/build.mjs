#!/usr/bin/env node
// `npm run build` (and so `npm pack` / `npm publish`, through `prepack`): runs each build step in
// turn and says what it is doing and how long it took, since the whole build takes a minute or two
// on a small machine. Stops at the first step that fails, with its status.
import { spawnSync } from 'node:child_process';

const STEPS = [
  ['build:emulator', 'the local Cognito emulator (dist/emulator)'],
  ['build:lib', 'the library: ES modules and .d.ts files (dist/lib)'],
  ['build:cdn', 'the script-tag bundle and its chunks (dist/cdn)'],
  ['build:manifest', 'the custom elements manifest (custom-elements.json)'],
  ['build:types', 'framework typings from the manifest (dist/types)'],
];

const started = performance.now();
for (const [index, [script, what]] of STEPS.entries()) {
  const t0 = performance.now();
  process.stdout.write(`build ${index + 1}/${STEPS.length}: ${what}…\n`);
  const { status } = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' });
  if (status !== 0) {
    process.stderr.write(`build: ${script} failed (exit status ${status})\n`);
    process.exit(status ?? 1);
  }
  process.stdout.write(`  done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
process.stdout.write(`build: finished in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
