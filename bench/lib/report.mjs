// Renders bench/results.json as the text tables `npm run bench` prints and as Markdown: the element
// against Amplify UI (`peerTable`, README.md's small table) and every figure (`sections`,
// docs/benchmark.md). `node bench/report.mjs --write` puts both into those files.

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => (n === null || n === undefined ? '–' : `${n.toFixed(1)} ms`);
const spread = (s) => `${s.median.toFixed(1)} ms (${s.p25.toFixed(1)}–${s.p75.toFixed(1)})`;
const count = (n) => (n === null || n === undefined ? '–' : String(n));
const int = (n) => n.toLocaleString('en-US');

const times = (a, b) => `${(a / b).toFixed(1)}×`;
/** `requests (round trips)`, or – when the flow has no such part. */
const calls = (x) => (x === null || x === undefined ? '–' : `${x.requests} (${x.roundTrips})`);
const PEER = 'Amplify UI Authenticator';
const USERS = ['new', 'returning, same device', 'returning, new device'];

/**
 * The element against Amplify UI's Authenticator, from one run: bytes, time to a usable email field,
 * and for a new user, a returning user on a device they used before and one on a new device: round
 * trips, requests, emails, codes typed and clicks. Null for results from before the peer was added.
 */
export function peerTable(r) {
  if (!r.bytes.peer || !r.firstPaint.peer) return null;
  const fp = r.firstPaint;
  const el = r.bytes.completeSignIn;
  const { js, css } = r.bytes.peer;
  const row = (flow, user) => r.roundTrips.find((x) => x.flow === flow && x.user === user && x.userExistenceErrors === 'enabled');
  const three = (flow, pick) => USERS.map((u) => pick(row(flow, u))).join(' / ');
  const both = (name, pick) => [name, three('element', pick), three(PEER, pick), ''];
  return {
    title: `<passwordless-login> against ${PEER} (${r.peer.package} ${r.peer.version}, passwordless, email codes), same run, same emulator`,
    note: 'Flow rows: new user / returning user on a device they signed in on before / returning user on a new device.',
    headers: ['', '<passwordless-login>', PEER, `${PEER} ÷ element`],
    right: [1, 2, 3],
    rows: [
      ['JavaScript, gzip -9 (brotli)', `${kb(el.gzip)} (${kb(el.brotli)})`, `${kb(js.gzip)} (${kb(js.brotli)})`, `${times(js.gzip, el.gzip)} (${times(js.brotli, el.brotli)})`],
      ['CSS, gzip -9 (brotli)', 'none (styles in the JS)', `${kb(css.gzip)} (${kb(css.brotli)})`, ''],
      [
        `email field usable, cold load, median of ${fp.loadsEach}`,
        ms(fp.element.interactiveMs.median),
        ms(fp.peer.interactiveMs.median),
        `${fp.peerRatio.toFixed(1)}×`,
      ],
      both('round trips before the code screen', (x) => count(x?.beforeCodeScreen?.roundTrips)),
      both('round trips in all', (x) => count(x?.roundTrips)),
      both('requests in all', (x) => count(x?.requests)),
      both('emails', (x) => count(x?.emails)),
      both('codes typed', (x) => count(x?.codes)),
      both('clicks', (x) => count(x?.clicks)),
    ],
  };
}

/** @returns {Array<{ title: string, note?: string, headers: string[], rows: string[][], right?: number[] }>} */
export function sections(r) {
  const fp = r.firstPaint;
  const mem = r.memory;
  const t = r.throughput;
  return [
    {
      title: '1. Bytes: script-tag bundle (terser), the classic page and the Amplify UI page (esbuild), compressed at maximum levels',
      headers: ['what', 'files', 'raw', 'gzip -9', 'brotli'],
      right: [1, 2, 3, 4],
      rows: [
        ['element: email step, JavaScript (entry + static imports)', r.bytes.emailStep],
        ['element: complete sign-in, JavaScript (+ aws-amplify chunk; English)', r.bytes.completeSignIn],
        ...(r.bytes.passkeySignIn ? [['element: passkey sign-in, JavaScript (+ passkeys and device-memory chunks)', r.bytes.passkeySignIn]] : []),
        ...(r.bytes.accountFirstRender
          ? [
              ['<passwordless-account>: first render (its entry + the sign-in entry)', r.bytes.accountFirstRender],
              ['<passwordless-account>: signed-in account page, in all (+ sign-in and account chunks; English)', r.bytes.completeAccount],
              ['<passwordless-account>: of which only the account page loads', r.bytes.accountOnly],
            ]
          : []),
        ['classic tutorial page, JavaScript (aws-amplify alone)', r.bytes.classicPage],
        ...(r.bytes.peer
          ? [
              [`${PEER} page, JavaScript (React, Amplify UI, aws-amplify)`, r.bytes.peer.js],
              [`${PEER} page, CSS (@aws-amplify/ui-react/styles.css)`, r.bytes.peer.css],
            ]
          : []),
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
        ...(fp.peer ? [[`${PEER} (React)`, spread(fp.peer.interactiveMs), spread(fp.peer.paintedMs), spread(fp.peer.fcpMs)]] : []),
        [`ratio element / form (target < ${fp.target})`, fp.ratio.toFixed(2), fp.paintedRatio.toFixed(2), fp.fcpRatio.toFixed(2)],
        ...(fp.progressive
          ? [[`ratio progressive / form (target < ${fp.target})`, fp.progressiveRatio.toFixed(2), fp.progressivePaintedRatio.toFixed(2), fp.progressiveFcpRatio.toFixed(2)]]
          : []),
        ...(fp.peer ? [[`ratio ${PEER} / element`, fp.peerRatio.toFixed(2), fp.peerPaintedRatio.toFixed(2), fp.peerFcpRatio.toFixed(2)]] : []),
        ...(fp.element.scriptsReceivedMs
          ? [
              ['element page: HTML received', spread(fp.element.htmlReceivedMs), '', ''],
              ['element page: its bundle received', spread(fp.element.scriptsReceivedMs), '', ''],
            ]
          : []),
      ],
    },
    {
      title: '3. Round trips: Cognito requests (round trips: sequential waits, overlapping requests count once), emails, codes typed and clicks',
      headers: ['flow', 'existence errors', 'user', 'before code screen', 'in all', 'emails', 'codes', 'clicks', 'requests (A + B: overlapped)'],
      right: [3, 4, 5, 6, 7],
      rows: r.roundTrips.map((x) => [
        x.flow,
        x.userExistenceErrors,
        x.user,
        calls(x.beforeCodeScreen),
        calls(x),
        count(x.emails),
        count(x.codes),
        count(x.clicks),
        x.operations + (x.sameInEveryRun ? '' : ' (varied between runs!)'),
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

/** The peer comparison first (when the results have it), then figures 1–6. */
const allSections = (r) => [peerTable(r), ...sections(r)].filter((x) => x !== null);

export function renderText(r) {
  const out = [`\npasswordless-login benchmark · ${machineLine(r)}\n`];
  for (const s of allSections(r)) out.push(`${s.title}\n${textTable(s)}\n${s.note ? `  ${s.note}\n` : ''}`);
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

const markdownSection = (s) => `**${s.title.replace(/</g, '&lt;')}**\n\n${markdownTable(s)}\n${s.note ? `\n${s.note}\n` : ''}`;

/** Every table, for docs/benchmark.md. */
export function renderMarkdown(r) {
  return allSections(r).map(markdownSection).join('\n');
}

/** The element against the peer only, without its title, for README.md (empty for results without the peer). */
export function renderPeerMarkdown(r) {
  const t = peerTable(r);
  return t ? `${markdownTable(t)}\n\n${t.note}\n` : '';
}
