#!/usr/bin/env node
// `npm run bench`: every figure of issues 7 and 13 in one run. Builds the script-tag bundle (`npm run
// build:cdn`, rollup) and the emulator (`npm run build:emulator`, tsc) first, unless --no-build, and
// bundles the classic-flow page and the peer's page (Amplify UI's Authenticator, installed into
// bench/peer on first use) with esbuild; then measures bytes, first paint, round trips, client cost,
// memory and emulator throughput, prints a table and writes bench/results.json. See bench/README.md
// for what each figure means and how it is taken.
//
//   node bench/run.mjs [--no-build] [--quick]
//
// --quick: fewer loads, users and sign-ins, for working on the benchmark itself (figures are rough).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { bundleSizes } from '../scripts/bundle-sizes.mjs';
import { launchChromium } from '../scripts/browser.mjs';
import { buildClassicPage, buildPeerPage, installPeer, peerVersion } from './lib/build.mjs';
import { startChildEmulator } from './lib/emulator.mjs';
import { measureFirstPaint } from './lib/first-paint.mjs';
import { measureEmulator } from './lib/load.mjs';
import { machine } from './lib/machine.mjs';
import { renderText } from './lib/report.mjs';
import { signIns } from './lib/sign-ins.mjs';
import { median } from './lib/stats.mjs';
import { startStaticServer } from './lib/server.mjs';
import { costOf, flowRow } from './lib/summary.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
process.chdir(ROOT);

const { values: args } = parseArgs({
  options: { 'no-build': { type: 'boolean', default: false }, quick: { type: 'boolean', default: false } },
});
const quick = args.quick;
const SETTINGS = {
  firstPaintLoads: quick ? 6 : 30,
  firstPaintWarmup: quick ? 1 : 3,
  /** Milliseconds added to every Cognito call while requests and round trips are counted (lib/sign-ins.mjs). */
  latencyMs: 100,
  /** Element runs (three visits each) with that latency, for figure 3; `elementRepeats` more without, for figures 4 and 5. */
  countRepeats: quick ? 1 : 2,
  elementRepeats: quick ? 1 : 5,
  classicRepeats: quick ? 1 : 3,
  peerRepeats: quick ? 1 : 3,
  emulatorUsers: quick ? 1000 : 10_000,
  emulatorWarmupUsers: quick ? 100 : 300,
  concurrency: 16,
  throughputSeconds: quick ? 4 : 10,
  throughputMaxSignIns: 20_000,
  signUpSeconds: 90,
};
// Generous: the bench signs each user in a few times within seconds; the limit must never trigger.
const CODE_SEND_LIMIT = { max: 1_000_000, windowSeconds: 60 };

const started = Date.now();
const loadAverageAtStart = loadavg()[0];
const log = (line) => process.stderr.write(`${line}\n`);
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

if (!args['no-build']) {
  log('Building the script-tag bundle (npm run build:cdn) and the emulator (npm run build:emulator)…');
  execFileSync('npm', ['run', '--silent', 'build:cdn'], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('npm', ['run', '--silent', 'build:emulator'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
installPeer(log);
log('Bundling the classic-flow page and the peer page (esbuild)…');
await buildClassicPage();
const peerFiles = await buildPeerPage();

// ---- 1. bytes -------------------------------------------------------------------------------
const compressed = (file) => {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).length,
  };
};
/** @param {string[]} files */
const total = (files) =>
  files.map(compressed).reduce((a, b) => ({ files: a.files + 1, raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), {
    files: 0,
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
const sizes = bundleSizes('dist/cdn');
const bytes = {
  emailStep: { files: sizes.emailStep.files.length, raw: sizes.emailStep.raw, gzip: sizes.emailStep.gzip, brotli: sizes.emailStep.brotli },
  completeSignIn: {
    files: sizes.completeSignIn.files.length,
    raw: sizes.completeSignIn.raw,
    gzip: sizes.completeSignIn.gzip,
    brotli: sizes.completeSignIn.brotli,
  },
  // A passkey sign-in (or creating, listing, deleting passkeys): the sign-in's files and the
  // passkeys chunk with the device memory.
  passkeySignIn: {
    files: sizes.passkeySignIn.files.length,
    raw: sizes.passkeySignIn.raw,
    gzip: sizes.passkeySignIn.gzip,
    brotli: sizes.passkeySignIn.brotli,
  },
  // <passwordless-account>: its first render (its entry with the sign-in entry it builds on), a
  // signed-in account page in all (with the sign-in and account chunks), and what only it loads.
  ...Object.fromEntries(
    /** @type {const} */ (['accountFirstRender', 'completeAccount', 'accountOnly']).map((name) => [
      name,
      { files: sizes[name].files.length, raw: sizes[name].raw, gzip: sizes[name].gzip, brotli: sizes[name].brotli },
    ]),
  ),
  classicPage: { files: 1, ...compressed('bench/.build/classic.js') },
  peer: { js: total(peerFiles.js), css: total(peerFiles.css) },
};
const peer = {
  package: '@aws-amplify/ui-react',
  version: peerVersion('@aws-amplify/ui-react'),
  awsAmplify: peerVersion('aws-amplify'),
  react: peerVersion('react'),
  bundler: `esbuild ${peerVersion('esbuild')} (minify, NODE_ENV=production)`,
};

// ---- emulators, pages, browser -----------------------------------------------------------------
const emulators = {
  enabled: await startChildEmulator({ userExistenceErrors: 'enabled', codeSendLimit: CODE_SEND_LIMIT }),
  legacy: await startChildEmulator({ userExistenceErrors: 'legacy', codeSendLimit: CODE_SEND_LIMIT }),
};
const server = await startStaticServer(emulators);
const browser = await launchChromium();
const results = {};
try {
  const chromium = browser.version();

  // ---- 2. first paint -----------------------------------------------------------------------
  log(`First paint: ${SETTINGS.firstPaintLoads} cold loads of each page (+${SETTINGS.firstPaintWarmup} warm-up)… [${elapsed()}]`);
  const firstPaint = await measureFirstPaint(
    browser,
    {
      element: `${server.url}element.html?pool=enabled`,
      progressive: `${server.url}element-progressive.html?pool=enabled`,
      form: `${server.url}form.html`,
      peer: `${server.url}peer.html?pool=enabled`,
    },
    { loads: SETTINGS.firstPaintLoads, warmup: SETTINGS.firstPaintWarmup, log },
  );

  // ---- 3, 4, 5. sign-ins in the browser --------------------------------------------------------
  log(`Sign-ins in Chromium… [${elapsed()}]`);
  const { counts, cost: flows, forms } = await signIns(browser, server.url, emulators, SETTINGS);
  const roundTrips = counts.map(({ name, pool, user, runs }) => flowRow(name, pool, user, runs));
  const clientCost = [
    ...flows.map((f) => ({ flow: f.name, user: f.user, ...costOf(f.runs) })),
    {
      flow: 'plain form (load only)',
      user: '-',
      runs: forms.length,
      signInTaskMs: null,
      signInCpuMs: null,
      signInScriptMs: null,
      signInStyleLayoutMs: null,
      loadTaskMs: Number(median(forms.map((r) => r.loadCost.taskMs)).toFixed(1)),
      loadScriptMs: Number(median(forms.map((r) => r.loadCost.scriptMs)).toFixed(1)),
      samplesTaskMs: [],
    },
  ];
  const elementRuns = flows.filter((f) => f.name === 'element' && f.pool === 'enabled').flatMap((f) => f.runs);
  const kib = (b) => Number((b / 1024).toFixed(1));
  const formHeap = median(forms.map((r) => r.heapLoaded.usedSize));
  const elementHeap = median(elementRuns.map((r) => r.heapSignedIn.usedSize));
  const classicRuns = flows.filter((f) => f.name.startsWith('classic') && f.pool === 'enabled').flatMap((f) => f.runs);
  const pageMemory = {
    method: 'CDP HeapProfiler.collectGarbage twice, then Runtime.getHeapUsage (usedSize); medians',
    formPageKiB: kib(formHeap),
    elementPageLoadedKiB: kib(median(elementRuns.map((r) => r.heapLoaded.usedSize))),
    elementPageSignedInKiB: kib(elementHeap),
    classicPageSignedInKiB: kib(median(classicRuns.map((r) => r.heapSignedIn.usedSize))),
    elementMinusFormKiB: kib(elementHeap - formHeap),
    ratio: Number((elementHeap / formHeap).toFixed(2)),
  };
  await browser.close();

  // ---- 5, 6. the emulator under load ------------------------------------------------------------
  for (const e of Object.values(emulators)) await e.close();
  log(`Emulator: memory after ${SETTINGS.emulatorUsers} sign-ups, then throughput… [${elapsed()}]`);
  const loadEmulator = await startChildEmulator({ userExistenceErrors: 'enabled', codeSendLimit: CODE_SEND_LIMIT });
  let emulator;
  try {
    emulator = await measureEmulator(loadEmulator, {
      users: SETTINGS.emulatorUsers,
      warmupUsers: SETTINGS.emulatorWarmupUsers,
      concurrency: SETTINGS.concurrency,
      seconds: SETTINGS.throughputSeconds,
      maxSignIns: SETTINGS.throughputMaxSignIns,
      signUpSeconds: SETTINGS.signUpSeconds,
      log,
    });
  } finally {
    await loadEmulator.close();
  }

  Object.assign(results, {
    date: new Date(started).toISOString(),
    quick,
    machine: machine(chromium, loadAverageAtStart),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    /** Includes the benchmark's own load (Chromium, emulator, load generator). */
    loadAverageAtEnd: Number(loadavg()[0].toFixed(2)),
    peer,
    bytes,
    firstPaint,
    roundTripsLatencyMs: SETTINGS.latencyMs,
    roundTrips,
    clientCost,
    memory: { page: pageMemory, emulator: emulator.memory },
    throughput: emulator.throughput,
  });
} finally {
  await browser.close().catch(() => {});
  await server.close();
  for (const e of Object.values(emulators)) await e.close();
}

writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(renderText(results));
log(`\nWrote bench/results.json (${results.durationSeconds} s).`);
