// A full sign-in (new user: email, code from the outbox, signed in) under a strict
// Content-Security-Policy — no 'unsafe-inline', no 'unsafe-eval', connect-src limited to the page
// and the emulator — from the built script-tag bundle served on the page's origin, with no
// violation reported in the page (a securitypolicyviolation listener) or on the console.
// Needs `npm run build` first (dist/cdn and dist/emulator).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
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
