// The demo page end to end in Chromium, as a visitor uses it: sign up a new email with the code from
// the dev inbox, see `signed-in` in the event log, reload and see the session restored, sign out.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/browser.mjs';
import { startDemo } from '../../demo/server.mjs';

let demo: Awaited<ReturnType<typeof startDemo>>;
let browser: Browser;
let page: Page;
const cspViolations: string[] = [];

before(async () => {
  demo = await startDemo({ port: 0, emulator: { log: false } });
  browser = await launchChromium();
  page = await browser.newPage();
  page.on('console', (msg) => {
    if (msg.text().includes('Content Security Policy')) cspViolations.push(msg.text());
  });
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as it is now (injected over CDP, which the page's CSP allows). */
async function axeViolations(p: Page): Promise<string[]> {
  await p.evaluate(AXE_SOURCE);
  return p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
    const { violations } = await axe.run();
    return violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

const logNames = (p: Page) => p.locator('#log .log-name').allTextContents();

test('a new email signs up with the code from the dev inbox, is restored on reload and signs out', async () => {
  const email = `demo-${randomUUID()}@example.com`;
  await page.goto(demo.url);
  await page.locator('passwordless-login [part~="email-input"]').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the demo page passes axe');
  await page.locator('passwordless-login [part~="email-input"]').fill(email);
  await page.locator('passwordless-login [part~="submit-button"]').click();

  const code = page.locator('#inbox li').filter({ hasText: email }).locator('.inbox-code');
  await code.waitFor({ timeout: 15_000 });
  const digits = (await code.textContent())?.trim() ?? '';
  assert.match(digits, /^\d{6}$/, 'a new user receives a 6-digit sign-up code');
  await page.locator('passwordless-login [part~="code-input"]').fill(digits);

  await page.locator('passwordless-login [part~="sign-out-button"]').waitFor({ timeout: 15_000 });
  assert.ok((await logNames(page)).includes('signed-in'), 'the log shows signed-in');
  assert.deepEqual(await axeViolations(page), [], 'the demo page passes axe with the inbox and log filled');
  const logText = await page.locator('#log').textContent();
  assert.ok(logText?.includes(email), 'the decoded ID-token claims carry the email');
  assert.ok(!/eyJ[\w-]+\.[\w-]+\.[\w-]+/.test(logText ?? ''), 'the log never shows a raw JWT');

  await page.reload();
  await page.locator('passwordless-login [part~="sign-out-button"]').waitFor({ timeout: 15_000 });
  const restored = await page.locator('#log li').filter({ hasText: '"restored": true' }).count();
  assert.equal(restored, 1, 'the reloaded page logs signed-in with restored: true');

  await page.locator('passwordless-login [part~="sign-out-button"]').click();
  await page.locator('passwordless-login [part~="email-input"]').waitFor({ timeout: 15_000 });
  assert.ok((await logNames(page)).includes('signed-out'), 'the log shows signed-out');
  assert.deepEqual(cspViolations, [], 'the demo runs under its strict CSP without a violation');
});
