// The demo page's account panel end to end in Chromium, under the demo's strict CSP, with the
// production Custom Message trigger writing every mail: change the email (the code from the dev
// inbox, the notice to the old address beside it), sign out everywhere with a second browser context
// signed in as the same user (its element falls back to the email step on its next refresh), add and
// delete a passkey (a virtual authenticator), and delete the account, after which the address signs
// up anew.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/browser.mjs';
import { startDemo } from '../../demo/server.mjs';

let demo: Awaited<ReturnType<typeof startDemo>>;
let browser: Browser;
const cspViolations: string[] = [];

before(async () => {
  demo = await startDemo({ port: 0, emulator: { log: false } });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function axeViolations(p: Page): Promise<string[]> {
  await p.evaluate(AXE_SOURCE);
  return p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
    const { violations } = await axe.run();
    return violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

interface Mail {
  to: string;
  kind: string;
  code: string;
  subject: string;
}

async function mails(to: string): Promise<Mail[]> {
  return (await fetch(`${demo.emulator.endpoint}/_emulator/messages?to=${encodeURIComponent(to)}`)).json() as Promise<Mail[]>;
}

async function lastMail(to: string, kind: string, count = 1): Promise<Mail> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const found = (await mails(to)).filter((m) => m.kind === kind);
    if (found.length >= count) return found.at(-1)!;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${kind} mail #${count} to ${to}`);
}

async function open(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.text().includes('Content Security Policy')) cspViolations.push(msg.text());
  });
  await page.goto(demo.url);
  await page.locator('passwordless-login [part~="email-input"]').waitFor();
  return page;
}

const login = (page: Page, part: string) => page.locator(`passwordless-login [part~="${part}"]`);
const account = (page: Page, part: string) => page.locator(`passwordless-account [part~="${part}"]`);
const logged = (page: Page, source: string, name: string) =>
  page.locator('#log li').filter({ has: page.locator('.log-source', { hasText: source }) }).filter({ has: page.locator('.log-name', { hasText: name }) });

async function signIn(page: Page, email: string, kind: 'sign-up' | 'sign-in', count = 1): Promise<void> {
  await login(page, 'email-input').fill(email);
  await login(page, 'submit-button').click();
  await login(page, 'code-input').fill((await lastMail(email, kind, count)).code);
  await login(page, 'sign-out-button').waitFor({ timeout: 15_000 });
}

test('the account panel changes the email: the code to the new address, a notice to the old one, in the user’s language', async () => {
  const context = await browser.newContext();
  const page = await open(context);
  const old = `panel-${randomUUID()}@example.com`;
  await signIn(page, old, 'sign-up');
  await account(page, 'email').waitFor({ timeout: 15_000 });
  assert.equal(await account(page, 'email').textContent(), old);
  assert.deepEqual(await axeViolations(page), [], 'the demo page with the account panel passes axe');

  const next = `moved-${randomUUID()}@example.com`;
  await account(page, 'change-email-button').click();
  await account(page, 'new-email-input').fill(next);
  await account(page, 'submit-button').click();
  const code = await lastMail(next, 'verify-email');
  const notice = await lastMail(old, 'notice');
  assert.match(notice.subject, /sign-in email address is being changed/);
  assert.equal(code.subject, 'Confirm your new email address');
  // The dev inbox shows both.
  await page.locator('#inbox li', { hasText: `To ${old}` }).filter({ hasText: notice.subject }).waitFor();
  await account(page, 'code-input').fill(code.code);
  await logged(page, 'account', 'email-changed').waitFor({ timeout: 15_000 });
  assert.equal(await account(page, 'email').textContent(), next);
  await context.close();
});

test('sign out everywhere: the other browser context’s element shows the email step on its next refresh', async () => {
  const email = `everywhere-${randomUUID()}@example.com`;
  const first = await browser.newContext();
  const second = await browser.newContext();
  const here = await open(first);
  await signIn(here, email, 'sign-up');
  const there = await open(second);
  await signIn(there, email, 'sign-in');
  await account(here, 'sign-out-everywhere-button').waitFor();

  await account(here, 'sign-out-everywhere-button').click();
  await account(here, 'signed-out').waitFor({ timeout: 15_000 });
  await login(here, 'email-input').waitFor();
  assert.equal(await logged(here, 'account', 'signed-out').locator('pre').textContent(), JSON.stringify({ everywhere: true }, null, 2));

  // The other context has not noticed yet; its next refresh fails and it falls back to the email step.
  assert.equal(await login(there, 'sign-out-button').count(), 1);
  const tokens = await there.evaluate(() => document.querySelector('passwordless-login')!.getTokens({ forceRefresh: true }));
  assert.equal(tokens, null);
  await login(there, 'email-input').waitFor({ timeout: 15_000 });
  await account(there, 'signed-out').waitFor({ timeout: 15_000 });
  await first.close();
  await second.close();
});

test('the account panel adds a passkey and deletes it, under the strict CSP, with a virtual authenticator', async () => {
  const context = await browser.newContext();
  const page = await open(context);
  // The DevTools Protocol's WebAuthn domain: a built-in authenticator that passes user verification.
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  await signIn(page, `passkeys-${randomUUID()}@example.com`, 'sign-up');
  await account(page, 'add-passkey-button').click();
  await logged(page, 'account', 'passkey-created').waitFor({ timeout: 15_000 });
  await account(page, 'passkey').first().waitFor();
  assert.equal(await account(page, 'passkey').count(), 1);
  assert.equal((await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials.length, 1);
  assert.deepEqual(await axeViolations(page), [], 'the account panel with a passkey passes axe');
  await account(page, 'delete-passkey-button').click();
  await account(page, 'confirm-button').click();
  await logged(page, 'account', 'passkey-deleted').waitFor({ timeout: 15_000 });
  assert.equal(await account(page, 'passkey').count(), 0);
  assert.deepEqual(cspViolations, [], 'no Content-Security-Policy violation on the way');
  await context.close();
});

test('delete my account: after the question, the account is gone and the address signs up anew', async () => {
  const context = await browser.newContext();
  const page = await open(context);
  const email = `deleted-${randomUUID()}@example.com`;
  await signIn(page, email, 'sign-up');
  await account(page, 'delete-account-button').click();
  assert.match((await account(page, 'confirmation').textContent()) ?? '', new RegExp(email.replace(/[.]/g, '\\.')));
  await account(page, 'confirm-button').click();
  await logged(page, 'account', 'account-deleted').waitFor({ timeout: 15_000 });
  await login(page, 'email-input').waitFor();
  await signIn(page, email, 'sign-up', 2);
  assert.deepEqual(cspViolations, [], 'no Content-Security-Policy violation on the way');
  await context.close();
});
