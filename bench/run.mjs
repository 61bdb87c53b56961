#!/usr/bin/env node
// `npm run bench`: every figure of issue 7 in one run. Builds the script-tag bundle (`npm run build:cdn`,
// rollup) and the emulator (`npm run build:emulator`, tsc) first, unless --no-build, and bundles the
// classic-flow page with esbuild; then measures bytes, first paint, round trips, client cost, memory
// and emulator throughput, prints a table and writes bench/results.json. See bench/README.md for what each figure means and how it is taken.
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
import { buildClassicPage } from './lib/build.mjs';
import { startChildEmulator, emulatorClient } from './lib/emulator.mjs';
import { measureFirstPaint } from './lib/first-paint.mjs';
import { classicSignIn, elementSignIn, elementSignOut, formPage, openDevice } from './lib/flows.mjs';
import { measureEmulator } from './lib/load.mjs';
import { machine } from './lib/machine.mjs';
import { renderText } from './lib/report.mjs';
import { median } from './lib/stats.mjs';
import { startStaticServer } from './lib/server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
process.chdir(ROOT);

const { values: args } = parseArgs({
  options: { 'no-build': { type: 'boolean', default: false }, quick: { type: 'boolean', default: false } },
});
const quick = args.quick;
const SETTINGS = {
  firstPaintLoads: quick ? 6 : 30,
  firstPaintWarmup: quick ? 1 : 3,
  elementRepeats: quick ? 1 : 5,
  classicRepeats: quick ? 1 : 3,
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
log('Bundling the classic-flow page (esbuild)…');
await buildClassicPage();

// ---- 1. bytes -------------------------------------------------------------------------------
const compressed = (file) => {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).length,
  };
};
const sizes = bundleSizes('dist/cdn');
const bytes = {
  emailStep: { files: sizes.emailStep.files.length, raw: sizes.emailStep.raw, gzip: sizes.emailStep.gzip, brotli: sizes.emailStep.brotli },
  completeSignIn: {
    files: sizes.completeSignIn.files.length,
    raw: sizes.completeSignIn.raw,
    gzip: sizes.completeSignIn.gzip,
    brotli: sizes.completeSignIn.brotli,
  },
  classicPage: { files: 1, ...compressed('bench/.build/classic.js') },
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
    },
    { loads: SETTINGS.firstPaintLoads, warmup: SETTINGS.firstPaintWarmup, log },
  );

  // ---- 3, 4, 5. sign-ins in the browser --------------------------------------------------------
  log(`Sign-ins in Chromium… [${elapsed()}]`);
  const run = Date.now().toString(36);
  const flows = [];
  const record = (name, pool, user, runs) => flows.push({ name, pool, user, runs });
  for (const pool of /** @type {const} */ (['enabled', 'legacy'])) {
    const client = emulatorClient(emulators[pool].endpoint);
    const repeats = pool === 'enabled' ? SETTINGS.elementRepeats : 1;
    const url = `${server.url}element.html?pool=${pool}`;
    const newRuns = [];
    const sameDevice = [];
    const newDevice = [];
    for (let i = 0; i < repeats; i++) {
      const email = `element-${pool}-${run}-${i}@example.com`;
      // Sign up, sign out, sign in again on the same device (the element remembers the email there),
      // then sign in on another device (a fresh context: nothing remembered).
      const device = await openDevice(browser);
      newRuns.push(await elementSignIn(device, client, { url, email }));
      await elementSignOut(device);
      sameDevice.push(await elementSignIn(device, client, { url, email }));
      await device.context.close();
      const other = await openDevice(browser);
      newDevice.push(await elementSignIn(other, client, { url, email }));
      await other.context.close();
    }
    record('element', pool, 'new', newRuns);
    record('element', pool, 'returning, same device', sameDevice);
    record('element', pool, 'returning, new device', newDevice);
    if (pool === 'enabled') {
      const classicUrl = `${server.url}classic.html?pool=${pool}`;
      for (const signIn of /** @type {const} */ (['password', 'email-code'])) {
        const n = [];
        const r = [];
        for (let i = 0; i < SETTINGS.classicRepeats; i++) {
          const email = `classic-${signIn}-${run}-${i}@example.com`;
          const password = `Bench-${run}-${i}-pw!`;
          n.push(await classicSignIn(browser, client, { url: classicUrl, email, password, newUser: true, signIn }));
          r.push(await classicSignIn(browser, client, { url: classicUrl, email, password, newUser: false, signIn }));
        }
        record(`classic (${signIn} sign-in)`, pool, 'new', n);
        record(`classic (${signIn} sign-in)`, pool, 'returning', r);
      }
    }
    client.close();
  }
  const forms = [];
  for (let i = 0; i < SETTINGS.classicRepeats; i++) forms.push(await formPage(browser, `${server.url}form.html`));

  const roundTrips = flows.map(({ name, pool, user, runs }) => {
    const first = runs[0];
    const same = runs.every(
      (r) => r.all.join() === first.all.join() && (r.beforeCode ?? []).join() === (first.beforeCode ?? []).join() && r.emails === first.emails,
    );
    return {
      flow: name,
      userExistenceErrors: pool,
      user,
      beforeCodeScreen: first.beforeCode === null ? null : first.beforeCode.length,
      total: first.all.length,
      emails: first.emails,
      operations: first.all,
      onLoad: first.onLoad.length,
      sameInEveryRun: same,
      runs: runs.length,
    };
  });
  const costOf = (runs) => ({
    runs: runs.length,
    signInTaskMs: Number(median(runs.map((r) => r.signInCost.taskMs)).toFixed(1)),
    signInCpuMs: Number(median(runs.map((r) => r.signInCost.cpuMs)).toFixed(1)),
    signInScriptMs: Number(median(runs.map((r) => r.signInCost.scriptMs)).toFixed(1)),
    signInStyleLayoutMs: Number(median(runs.map((r) => r.signInCost.layoutMs)).toFixed(1)),
    loadTaskMs: Number(median(runs.map((r) => r.loadCost.taskMs)).toFixed(1)),
    loadScriptMs: Number(median(runs.map((r) => r.loadCost.scriptMs)).toFixed(1)),
    samplesTaskMs: runs.map((r) => r.signInCost.taskMs),
  });
  const clientCost = [
    ...flows.filter((f) => f.pool === 'enabled').map((f) => ({ flow: f.name, user: f.user, ...costOf(f.runs) })),
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
    bytes,
    firstPaint,
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
