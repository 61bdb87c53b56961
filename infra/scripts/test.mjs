#!/usr/bin/env node
// `npm test` in infra/: type check, then every test/*.test.ts with node:test. Arguments go to
// node:test before the file list, so a caller can add reporters, e.g.
// `npm --prefix infra test -- --test-reporter=spec --test-reporter-destination=stdout`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const typecheck = run([tsc, '-p', 'tsconfig.json']);
if (typecheck !== 0) {
  console.error('infra: type check failed');
  process.exit(typecheck);
}

const files = readdirSync(join(root, 'test'))
  .filter((name) => name.endsWith('.test.ts'))
  .sort()
  .map((name) => join('test', name));
process.exit(run(['--import', 'tsx', '--test', '--test-concurrency=1', ...process.argv.slice(2), ...files]));
