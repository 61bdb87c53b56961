// A full sign-in (new user: email, code from the outbox, signed in) under a strict
// Content-Security-Policy — no 'unsafe-inline', no 'unsafe-eval', connect-src limited to the page
// and the emulator — from the built script-tag bundle served on the page's origin, with no
// violation reported in the page (a securitypolicyviolation listener) or on the console.
// Then the README's script-tag page (examples/script-tag/, served as it is, its own <meta> policy)
// signs in and its listener hears `signed-in`: the CDN and Cognito's regional endpoint are answered
// from dist/cdn and an emulator with the page's pool ids, so the page is exactly what a reader copies.
// Needs `npm run build` first (dist/cdn and dist/emulator).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/browser.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { startEmulator } from '../../emulator/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PAGE_DIR = join(ROOT, 'test', 'node', 'hostile-csp');
const CDN_DIR = join(ROOT, 'dist', 'cdn');
type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;
let server: Awaited<ReturnType<typeof startStaticServer>>;
let origin = '';
let browser: Browser;
let page: Page;
let csp = '';
const consoleLines: string[] = [];

before(async () => {
  emulator = await startEmulator({ port: 0, log: false });
  csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${emulator.endpoint}`,
  ].join('; ');
  const config = { endpoint: emulator.endpoint, userPoolId: emulator.userPoolId, clientId: emulator.clientId };
  server = await startStaticServer({
    mounts: [
      ['/cdn/', CDN_DIR],
      ['/', PAGE_DIR],
    ],
    json: { '/config.json': () => config },
    headers: { 'content-security-policy': csp, 'cache-control': 'no-store' },
  });
  origin = server.url.replace(/\/$/, '');
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('console', (msg) => consoleLines.push(`${msg.type()}: ${msg.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));
});

after(async () => {
  await browser?.close();
  await server?.close();
  await emulator?.close();
});

const violations = () => page.evaluate(() => (window as unknown as { __violations: unknown[] }).__violations);
const cspConsole = () => consoleLines.filter((l) => /Content.Security.Policy|Refused to/i.test(l));

test('a new user signs in under the strict CSP with no violation', async () => {
  const response = await page.goto(`${origin}/`);
  assert.equal(response?.headers()['content-security-policy'], csp, 'the page is served with the policy');
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);

  const email = `csp-${randomUUID()}@example.com`;
  await page.locator('passwordless-login [part~="email-input"]').fill(email);
  await page.locator('passwordless-login [part~="submit-button"]').click();
  await page.locator('passwordless-login [part~="code-input"]').waitFor({ timeout: 15_000 });

  const mails = (await (
    await fetch(`${emulator.endpoint}/_emulator/messages?to=${encodeURIComponent(email)}`)
  ).json()) as Array<{ code: string }>;
  assert.equal(mails.length, 1, 'one code mailed');
  await page.locator('passwordless-login [part~="code-input"]').fill(mails[0]!.code);
  await page.locator('passwordless-login [part~="sign-out-button"]').waitFor({ timeout: 15_000 });
  assert.ok(
    await page.evaluate(() => document.querySelector('passwordless-login')!.matches(':state(signed-in)')),
    'signed in',
  );
  // The styles arrived (adopted style sheets, allowed by style-src 'self'): the button is accent-coloured.
  const background = await page
    .locator('passwordless-login [part~="sign-out-button"]')
    .evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.notEqual(background, 'rgba(0, 0, 0, 0)', "the element's own styles apply");

  assert.deepEqual(await violations(), [], 'no securitypolicyviolation event');
  assert.deepEqual(cspConsole(), [], 'no CSP message on the console');
  assert.deepEqual(consoleLines.filter((l) => l.startsWith('pageerror')), [], 'no uncaught error');
});

test('the violation listener and the console check do catch a violation (the checks can fail)', async () => {
  await page.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'body { color: red }';
    document.head.append(style);
  });
  await page.waitForFunction(() => (window as unknown as { __violations: unknown[] }).__violations.length > 0);
  const seen = (await violations()) as Array<{ directive: string }>;
  assert.deepEqual(
    seen.map((v) => v.directive),
    ['style-src-elem'],
  );
  assert.ok(cspConsole().length >= 1, 'Chromium reported it on the console too');
});

const EXAMPLE_DIR = join(ROOT, 'examples', 'script-tag');
const CDN_URL = 'https://cdn.jsdelivr.net/npm/passwordless-login/dist/cdn/';
const COGNITO_URL = 'https://cognito-idp.eu-west-1.amazonaws.com/';

test("the README's script-tag page signs in under its own strict policy and its listener hears signed-in", async () => {
  const html = await readFile(join(EXAMPLE_DIR, 'index.html'), 'utf8');
  const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  assert.ok(policy, 'the page declares its policy');
  assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|\*/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  const ids = {
    userPoolId: /user-pool-id="([^"]+)"/.exec(html)![1]!,
    clientId: /client-id="([^"]+)"/.exec(html)![1]!,
  };
  const cognito = await startEmulator({ port: 0, log: false, ...ids });
  const site = await startStaticServer({ mounts: [['/', EXAMPLE_DIR]], headers: { 'cache-control': 'no-store' } });
  const tab = await browser.newPage();
  const lines: string[] = [];
  tab.on('console', (msg) => lines.push(`${msg.type()}: ${msg.text()}`));
  tab.on('pageerror', (error) => lines.push(`pageerror: ${error.message}`));
  await tab.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  // The CDN, from the bundle just built (its chunks resolve next to it, so they come this way too).
  const fetched: string[] = [];
  await tab.route(`${CDN_URL}**`, async (route) => {
    const file = normalize(join(CDN_DIR, new URL(route.request().url()).pathname.slice(new URL(CDN_URL).pathname.length)));
    fetched.push(file);
    if (!file.startsWith(CDN_DIR + sep)) return route.abort();
    await route.fulfill({
      contentType: 'text/javascript',
      headers: { 'access-control-allow-origin': '*' },
      body: await readFile(file),
    });
  });
  // Cognito's regional endpoint, answered by the emulator.
  const cognitoCalls: string[] = [];
  await tab.route(`${COGNITO_URL}**`, async (route) => {
    const request = route.request();
    cognitoCalls.push(request.headers()['x-amz-target'] ?? request.method());
    const response = await route.fetch({ url: `${cognito.endpoint}${new URL(request.url()).pathname}` });
    await route.fulfill({ response });
  });
  try {
    await tab.goto(site.url);
    const email = `readme-${randomUUID()}@example.com`;
    await tab.locator('passwordless-login [part~="email-input"]').fill(email);
    await tab.locator('passwordless-login [part~="submit-button"]').click();
    await tab.locator('passwordless-login [part~="code-input"]').waitFor({ timeout: 15_000 });
    const mails = (await (
      await fetch(`${cognito.endpoint}/_emulator/messages?to=${encodeURIComponent(email)}`)
    ).json()) as Array<{ code: string }>;
    assert.equal(mails.length, 1, 'one code mailed');
    await tab.locator('passwordless-login [part~="code-input"]').fill(mails[0]!.code);
    await tab.locator('output').filter({ hasText: email }).waitFor({ timeout: 15_000 });
    assert.equal(await tab.locator('output').textContent(), `Signed in as ${email}`, "app.js's listener heard signed-in");
    assert.ok(fetched.some((f) => f.endsWith(`${sep}passwordless-login.js`)), 'the page loaded the bundle from the CDN URL');
    assert.ok(cognitoCalls.some((c) => c.endsWith('.SignUp')), `the page talked to Cognito's endpoint (${cognitoCalls.join(', ')})`);
    assert.deepEqual(await tab.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);
    assert.deepEqual(lines.filter((l) => /Content.Security.Policy|Refused to|pageerror/i.test(l)), []);
  } finally {
    await tab.close();
    await site.close();
    await cognito.close();
  }
});
