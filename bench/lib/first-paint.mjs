// Figure 2: navigation start → an interactive email field: the element page and the element page with
// progressive markup (a plain email field in its light DOM), against the plain form and against the
// peer (Amplify UI's Authenticator), all in one rotation of cold loads.
import { recorder } from './recorder.mjs';
import { summary } from './stats.mjs';

/**
 * One cold load: a fresh browser context (its own empty HTTP cache, so also no V8 code cache),
 * a new page, navigation, then the recorder's figures read from the page.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 */
async function load(browser, url) {
  const context = await browser.newContext();
  try {
    await context.addInitScript(recorder);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return await page.evaluate(async () => {
      const b = /** @type {any} */ (window).__bench;
      const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('no interactive email field within 10 s')), 10_000));
      const interactive = await Promise.race([b.interactive, timeout]);
      // When the page's own scripts had arrived (Resource Timing): the network part of the wait.
      const scripts = performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'script' && e.responseEnd <= interactive);
      const htmlEnd = performance.getEntriesByType('navigation')[0]?.responseEnd ?? null;
      const scriptsEnd = scripts.length ? Math.max(...scripts.map((e) => e.responseEnd)) : htmlEnd;
      return { interactive, painted: await b.painted, fcp: await b.fcp(), htmlEnd, scriptsEnd, field: b.field() };
    });
  } finally {
    await context.close();
  }
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {{ element: string, progressive: string, form: string, peer: string }} urls
 * @param {{ loads: number, warmup: number, log: (line: string) => void }} options
 */
export async function measureFirstPaint(browser, urls, { loads, warmup, log }) {
  const empty = () => ({ interactive: [], painted: [], fcp: [], htmlEnd: [], scriptsEnd: [] });
  const names = /** @type {const} */ (['element', 'progressive', 'form', 'peer']);
  const samples = { element: empty(), progressive: empty(), form: empty(), peer: empty() };
  /** Which field the probe found interactive first on the progressive page: the light-DOM one or the shadow one. */
  const progressiveField = { light: 0, shadow: 0 };
  for (let i = 0; i < warmup + loads; i++) {
    // Rotate which page goes first so slow drift (other work on the machine) hits all alike.
    const order = names.map((_, k) => names[(i + k) % names.length]);
    for (const name of order) {
      const r = await load(browser, urls[name]);
      if (i < warmup) continue;
      if (name === 'progressive') progressiveField[r.field]++;
      samples[name].interactive.push(r.interactive);
      samples[name].painted.push(r.painted);
      if (r.htmlEnd !== null) samples[name].htmlEnd.push(r.htmlEnd);
      if (r.scriptsEnd !== null) samples[name].scriptsEnd.push(r.scriptsEnd);
      if (r.fcp !== null) samples[name].fcp.push(r.fcp);
    }
    if (i >= warmup && (i - warmup + 1) % 10 === 0) log(`  first paint: ${i - warmup + 1}/${loads} loads of each page`);
  }
  const figures = (x) => ({
    interactiveMs: summary(x.interactive),
    paintedMs: summary(x.painted),
    fcpMs: summary(x.fcp),
    /** The document's response end, and the last of its scripts' (the HTML's again for a page without). */
    htmlReceivedMs: summary(x.htmlEnd),
    scriptsReceivedMs: summary(x.scriptsEnd),
  });
  const element = figures(samples.element);
  const progressive = figures(samples.progressive);
  const form = figures(samples.form);
  const peer = figures(samples.peer);
  const ratio = (a, b) => Number((a.median / b.median).toFixed(2));
  return {
    loadsEach: loads,
    warmupLoadsEach: warmup,
    cache: 'cold: a fresh browser context per load',
    element,
    progressive,
    form,
    peer,
    ratio: ratio(element.interactiveMs, form.interactiveMs),
    paintedRatio: ratio(element.paintedMs, form.paintedMs),
    fcpRatio: ratio(element.fcpMs, form.fcpMs),
    progressiveRatio: ratio(progressive.interactiveMs, form.interactiveMs),
    progressivePaintedRatio: ratio(progressive.paintedMs, form.paintedMs),
    progressiveFcpRatio: ratio(progressive.fcpMs, form.fcpMs),
    /** How many times later the peer's field is usable than the element's (> 1: the element is sooner). */
    peerRatio: ratio(peer.interactiveMs, element.interactiveMs),
    peerPaintedRatio: ratio(peer.paintedMs, element.paintedMs),
    peerFcpRatio: ratio(peer.fcpMs, element.fcpMs),
    peerFormRatio: ratio(peer.interactiveMs, form.interactiveMs),
    progressiveField,
    target: 1.3,
    samples: {
      element: samples.element.interactive.map((x) => Number(x.toFixed(1))),
      progressive: samples.progressive.interactive.map((x) => Number(x.toFixed(1))),
      form: samples.form.interactive.map((x) => Number(x.toFixed(1))),
      peer: samples.peer.interactive.map((x) => Number(x.toFixed(1))),
    },
  };
}
