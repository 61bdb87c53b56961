// Renders bench/results.json as the text table `npm run bench` prints and as the Markdown of
// docs/benchmark.md (`node bench/report.mjs`).

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => (n === null || n === undefined ? '–' : `${n.toFixed(1)} ms`);
const spread = (s) => `${s.median.toFixed(1)} ms (${s.p25.toFixed(1)}–${s.p75.toFixed(1)})`;
const count = (n) => (n === null || n === undefined ? '–' : String(n));
const int = (n) => n.toLocaleString('en-US');

/** Short names for the operation chains. */
const OP = {
  InitiateAuth: 'InitiateAuth',
  RespondToAuthChallenge: 'RespondToAuthChallenge',
  SignUp: 'SignUp',
  ConfirmSignUp: 'ConfirmSignUp',
};

/** @returns {Array<{ title: string, note?: string, headers: string[], rows: string[][], right?: number[] }>} */
export function sections(r) {
  const fp = r.firstPaint;
  const mem = r.memory;
  const t = r.throughput;
  return [
    {
      title: '1. Bytes: script-tag bundle (terser) and the classic page (esbuild), compressed at maximum levels',
      headers: ['JavaScript', 'files', 'raw', 'gzip -9', 'brotli'],
      right: [1, 2, 3, 4],
      rows: [
        ['email step (entry + static imports)', r.bytes.emailStep],
        ['complete sign-in (+ aws-amplify chunk; English)', r.bytes.completeSignIn],
        ['classic tutorial page (aws-amplify alone)', r.bytes.classicPage],
      ].map(([name, b]) => [name, String(b.files), kb(b.raw), kb(b.gzip), kb(b.brotli)]),
    },
    {
      title: `2. First paint: navigation start → interactive email field; ${fp.loadsEach} cold loads each (${fp.cache}), median (p25–p75)`,
      headers: ['page', 'interactive field', 'first frame showing it', 'first contentful paint'],
      right: [1, 2, 3],
      rows: [
        ['<passwordless-login> (script-tag bundle)', spread(fp.element.interactiveMs), spread(fp.element.paintedMs), spread(fp.element.fcpMs)],
        ...(fp.progressive
          ? [['<passwordless-login> + email field in its HTML (progressive)', spread(fp.progressive.interactiveMs), spread(fp.progressive.paintedMs), spread(fp.progressive.fcpMs)]]
          : []),
        ['plain HTML <form>, same fields', spread(fp.form.interactiveMs), spread(fp.form.paintedMs), spread(fp.form.fcpMs)],
        [`ratio element / form (target < ${fp.target})`, fp.ratio.toFixed(2), fp.paintedRatio.toFixed(2), fp.fcpRatio.toFixed(2)],
        ...(fp.progressive
          ? [[`ratio progressive / form (target < ${fp.target})`, fp.progressiveRatio.toFixed(2), fp.progressivePaintedRatio.toFixed(2), fp.progressiveFcpRatio.toFixed(2)]]
          : []),
        ...(fp.element.scriptsReceivedMs
          ? [
              ['element page: HTML received', spread(fp.element.htmlReceivedMs), '', ''],
              ['element page: its bundle received', spread(fp.element.scriptsReceivedMs), '', ''],
            ]
          : []),
      ],
    },
    {
      title: '3. Round trips: Cognito requests and emails, counted at the emulator',
      headers: ['flow', 'existence errors', 'user', 'before code screen', 'total', 'emails', 'requests'],
      right: [3, 4, 5],
      rows: r.roundTrips.map((x) => [
        x.flow,
        x.userExistenceErrors,
        x.user,
        count(x.beforeCodeScreen),
        count(x.total),
        count(x.emails),
        x.operations.map((o) => OP[o] ?? o).join(' → ') + (x.sameInEveryRun ? '' : ' (varied between runs!)'),
      ]),
    },
    {
      title: '4. Client cost: renderer main-thread time, network waits excluded: busy time (CDP TaskDuration − DevToolsCommandDuration) and CPU time (ThreadTime); medians',
      headers: ['flow', 'user', 'runs', 'per sign-in', 'per sign-in, CPU time', 'page load to idle'],
      right: [2, 3, 4, 5],
      rows: r.clientCost.map((c) => [c.flow, c.user, String(c.runs), ms(c.signInTaskMs), ms(c.signInCpuMs), ms(c.loadTaskMs)]),
    },
    {
      title: '5. Memory',
      headers: ['what', 'value'],
      right: [1],
      rows: [
        ['page JS heap after GC: plain form', `${mem.page.formPageKiB.toFixed(0)} KiB`],
        ['page JS heap after GC: element, loaded', `${mem.page.elementPageLoadedKiB.toFixed(0)} KiB`],
        ['page JS heap after GC: element, signed in', `${mem.page.elementPageSignedInKiB.toFixed(0)} KiB (+${mem.page.elementMinusFormKiB.toFixed(0)} KiB, ×${mem.page.ratio.toFixed(2)} the form)`],
        ['page JS heap after GC: classic page, signed in', `${mem.page.classicPageSignedInKiB.toFixed(0)} KiB`],
        ['emulator RSS before sign-ups', `${mem.emulator.rssBeforeMiB.toFixed(1)} MiB`],
        [`emulator RSS after ${int(mem.emulator.users)} sign-ups`, `${mem.emulator.rssAfterMiB.toFixed(1)} MiB (peak ${mem.emulator.peakRssMiB.toFixed(1)} MiB)`],
        ['emulator growth per user: RSS', `${int(mem.emulator.rssGrowthPerUserBytes)} B`],
        ['emulator growth per user: JS heap (outbox kept / cleared)', `${int(mem.emulator.heapGrowthPerUserBytes)} B / ${int(mem.emulator.heapGrowthPerUserOutboxClearedBytes)} B`],
        ['emulator sign-ups per second (concurrency 16, 3 HTTP requests each)', int(mem.emulator.signUpsPerSecond)],
      ],
    },
    {
      title: `6. Emulator throughput: complete passwordless sign-ins (InitiateAuth → outbox → RespondToAuthChallenge), concurrency ${t.concurrency}, loopback`,
      headers: ['sign-ins per second', 'p50', 'p99', 'max', 'emulator CPU per sign-in', 'sample'],
      right: [0, 1, 2, 3, 4, 5],
      rows: [[int(t.signInsPerSecond), ms(t.p50Ms), ms(t.p99Ms), ms(t.maxMs), ms(t.emulatorCpuMsPerSignIn), `${int(t.signIns)} in ${t.seconds} s`]],
    },
  ];
}

/** One line naming the run's date and machine. */
export function machineLine(r) {
  const m = r.machine;
  return `${r.date.slice(0, 16).replace('T', ' ')} UTC · ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB · ${m.os} · Node ${m.node} · Chromium ${m.chromium} · 1-min load average ${m.loadAverageAtStart} before the run${r.quick ? ' · QUICK RUN (rough figures)' : ''}`;
}

function textTable({ headers, rows, right = [] }) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const cell = (v, i) => (right.includes(i) ? v.padStart(widths[i]) : v.padEnd(widths[i]));
  const line = (row) => `  ${row.map(cell).join('  ').trimEnd()}`;
  return [line(headers), `  ${widths.map((w) => '─'.repeat(w)).join('  ')}`, ...rows.map(line)].join('\n');
}

export function renderText(r) {
  const out = [`\npasswordless-login benchmark · ${machineLine(r)}\n`];
  for (const s of sections(r)) out.push(`${s.title}\n${textTable(s)}\n`);
  return `${out.join('\n')}`;
}

function markdownTable({ headers, rows, right = [] }) {
  const esc = (v) => v.replace(/\|/g, '\\|').replace(/</g, '&lt;');
  return [
    `| ${headers.map(esc).join(' | ')} |`,
    `|${headers.map((_, i) => (right.includes(i) ? '---:' : '---')).join('|')}|`,
    ...rows.map((row) => `| ${row.map(esc).join(' | ')} |`),
  ].join('\n');
}

export function renderMarkdown(r) {
  const out = [];
  for (const s of sections(r)) out.push(`**${s.title}**\n\n${markdownTable(s)}\n`);
  return out.join('\n');
}
