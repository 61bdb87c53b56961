#!/usr/bin/env node
// `npm test`: type check, build, the Node tests (emulator and package), then the browser tests in
// Chromium; ends with one plain `N passed, N failed[, N skipped]` line and a non-zero exit on failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from './find-chromium.mjs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const scratch = mkdtempSync(join(tmpdir(), 'passwordless-login-test-'));
const only = process.argv.slice(2); // e.g. `npm test -- browser` runs one stage

function run(command, args, env = {}) {
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function stage(name, fn) {
  if (only.length > 0 && !only.includes(name)) return;
  console.log(`\n=== ${name}`);
  fn();
}

function check(name, ok) {
  if (ok) totals.passed += 1;
  else {
    totals.failed += 1;
    console.log(`FAILED: ${name}`);
  }
}

function addCounts(file, label, ok) {
  let counts;
  try {
    counts = JSON.parse(readFileSync(file, 'utf8').trim().split('\n').pop() ?? '');
  } catch {
    counts = { passed: 0, failed: 0, skipped: 0 };
  }
  // A runner that exits non-zero without counting a failure (it crashed, or found no test) is one.
  if (!ok && counts.failed === 0) counts.failed = 1;
  if (ok && counts.passed === 0) {
    console.log(`FAILED: ${label} ran no test`);
    counts.failed += 1;
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
}

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(dir, f))
    .sort();
}

process.env.CHROME_PATH = findChromium();

stage('typecheck', () => check('typecheck', run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'])));
stage('build', () => check('build', run('npm', ['run', '--silent', 'build'])));

stage('node', () => {
  const files = [...testFiles('test/emulator'), ...testFiles('test/node')];
  const countsFile = join(scratch, 'node.json');
  const ok = run('node', [
    '--import', 'tsx', '--test', '--test-concurrency=1',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/node-count-reporter.mjs', `--test-reporter-destination=${countsFile}`,
    ...files,
  ]);
  addCounts(countsFile, 'node tests', ok);
});

// infra/ (the CDK app and the email trigger) has its own package.json so the element's install stays
// light; its dependencies are installed here, on first use.
stage('infra', () => {
  const countsFile = join(scratch, 'infra.json');
  const installed = existsSync('infra/node_modules/aws-cdk-lib') ||
    run('npm', ['--prefix', 'infra', 'ci', '--no-audit', '--no-fund', '--loglevel=error']);
  const ok = installed && run('npm', [
    '--prefix', 'infra', 'test', '--',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    `--test-reporter=${join(process.cwd(), 'scripts/node-count-reporter.mjs')}`, `--test-reporter-destination=${countsFile}`,
  ]);
  addCounts(countsFile, 'infra tests', ok);
});

stage('browser', () => {
  const countsFile = join(scratch, 'browser.json');
  const ok = run('npx', ['wtr'], { WTR_COUNTS_FILE: countsFile });
  addCounts(countsFile, 'browser tests', ok);
});

const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed === 0 ? 0 : 1);
