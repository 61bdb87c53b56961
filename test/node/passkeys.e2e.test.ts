// Passkeys end to end on the demo page: the script-tag bundle from dist/cdn with its chunks (run
// `npm run build` first), Chromium's virtual authenticators (the DevTools Protocol's WebAuthn
// domain), and truly separate devices: each device is its own browser context, with its own
// storage, IndexedDB and authenticator. Only the element's parts and events are used. The
// browser tests (test/browser/element-passkeys.test.ts) cover the cases; this one proves the
// shipped bundle: the two-request sign-in on the device that made the passkey and on another one
// holding a synced copy, and that the passkeys chunk is fetched only once passkeys are in play.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/browser.mjs';
import { startDemo } from '../../demo/server.mjs';

let demo: Awaited<ReturnType<typeof startDemo>>;
let browser: Browser;

before(async () => {
  demo = await startDemo({ port: 0, emulator: { log: false } });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await demo?.close();
});

const el = 'passwordless-login';
const partOf = (page: Page, name: string) => page.locator(`${el} [part~="${name}"]`);

interface Device {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  authenticatorId: string;
  /** Every script the page fetched, by file name. */
  scripts: string[];
}

/** A device: a fresh browser context with a platform authenticator (holding `credential`, if given). */
async function openDevice(credential?: unknown): Promise<Device> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname.split('/').pop()!);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  if (credential) await cdp.send('WebAuthn.addCredential', { authenticatorId, credential: credential as never });
  await page.goto(demo.url);
  await page.locator(el).waitFor();
  // What the sign-in element fetches and sends is counted here: the demo's account panel lists the
  // user's passkeys once signed in (their chunk, ListWebAuthnCredentials), so it leaves the page.
  await page.evaluate(() => document.querySelector('passwordless-account')?.remove());
  // Every event the element fires, with its detail (tokens left out), in order.
  await page.evaluate((tag) => {
    const seen: { type: string; detail: unknown }[] = [];
    (window as unknown as { seen: typeof seen }).seen = seen;
    for (const type of ['signed-in', 'code-sent', 'login-error', 'passkey-created', 'signed-out'])
      document.querySelector(tag)!.addEventListener(type, (e) => {
        const { tokens: _tokens, ...detail } = ((e as CustomEvent).detail ?? {}) as Record<string, unknown>;
        // The scripts fetched by then: the element fires `signed-in` before it considers an offer.
        const scripts = performance.getEntriesByType('resource').map((r) => r.name.split('/').pop()!).filter((n) => n.endsWith('.js'));
        seen.push({ type, detail: { ...detail, scripts } });
      });
  }, el);
  return { context, page, cdp, authenticatorId, scripts };
}

const seen = (page: Page) => page.evaluate(() => (window as unknown as { seen: { type: string; detail: Record<string, unknown> }[] }).seen);

async function waitForEvent(page: Page, type: string, count = 1): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const events = await seen(page);
    const failed = events.find((e) => e.type === 'login-error');
    if (failed) assert.fail(`login-error ${JSON.stringify(failed.detail)}`);
    const matching = events.filter((e) => e.type === type);
    if (matching.length >= count) return matching[count - 1]!.detail;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`no ${type} #${count}`);
}

async function mails(email: string): Promise<{ code: string }[]> {
  const response = await fetch(`${demo.emulator.endpoint}/_emulator/messages?to=${encodeURIComponent(email)}`);
  return (await response.json()) as { code: string }[];
}

/** The Cognito operations the pages made (not the pool's own trigger calls) since the last clear. */
async function operations(): Promise<string[]> {
  const records = (await (await fetch(`${demo.emulator.endpoint}/_emulator/requests`)).json()) as { operation: string; trigger?: boolean }[];
  return records.filter((r) => !r.trigger).map((r) => r.operation);
}
const clearOperations = () => fetch(`${demo.emulator.endpoint}/_emulator/requests`, { method: 'DELETE' });

/** The passkeys chunk among script file names (the device memory's chunk also comes with the account element on the demo). */
const passkeyChunks = (scripts: string[]) => scripts.filter((s) => s.startsWith('passkeys-'));

describe('passkeys in the shipped bundle, across devices', () => {
  test('created after a code sign-in; then two requests and no email, on this device and on another', async () => {
    const email = `passkey-e2e-${randomUUID()}@example.com`;
    const first = await openDevice();
    try {
      // A new user signs up with a code. Until signed in, no passkey code is fetched.
      await partOf(first.page, 'email-input').fill(email);
      await partOf(first.page, 'submit-button').click();
      await waitForEvent(first.page, 'code-sent');
      await partOf(first.page, 'code-input').fill((await mails(email))[0]!.code);
      const byCode = await waitForEvent(first.page, 'signed-in');
      assert.equal(byCode.method, 'email-code');
      assert.ok((byCode.scripts as string[]).some((s) => s.startsWith('auth-')), 'the sign-in chunk was fetched');
      assert.deepEqual(passkeyChunks(byCode.scripts as string[]), [], 'an email sign-in fetches no passkey code');

      // The offer (this browser can create a passkey, the pool allows them): one click.
      await partOf(first.page, 'passkey-create-button').click();
      const { credentialId } = await waitForEvent(first.page, 'passkey-created');
      const { credentials } = await first.cdp.send('WebAuthn.getCredentials', { authenticatorId: first.authenticatorId });
      assert.equal(credentials.length, 1);
      assert.equal(credentialId, credentials[0]!.credentialId.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
      assert.ok(passkeyChunks(first.scripts).length > 0, 'the offer loaded the passkeys chunk');

      // Back on this device: Continue goes straight to the passkey prompt.
      await partOf(first.page, 'sign-out-button').click();
      await waitForEvent(first.page, 'signed-out');
      await clearOperations();
      const mailsBefore = (await mails(email)).length;
      await partOf(first.page, 'submit-button').click();
      assert.equal((await waitForEvent(first.page, 'signed-in', 2)).method, 'passkey');
      assert.deepEqual(await operations(), ['InitiateAuth', 'RespondToAuthChallenge']);
      assert.equal((await mails(email)).length, mailsBefore, 'no email');

      // Another device, a fresh context whose authenticator holds a synced copy of the passkey as it
      // is now (its signature counter moved on with that sign-in; an older copy is refused as a
      // clone's would be): "Sign in with a passkey" for the typed email.
      const synced = (await first.cdp.send('WebAuthn.getCredentials', { authenticatorId: first.authenticatorId })).credentials[0];
      const second = await openDevice(synced);
      try {
        await partOf(second.page, 'email-input').fill(email);
        await clearOperations();
        await partOf(second.page, 'passkey-button').click();
        const signedIn = await waitForEvent(second.page, 'signed-in');
        assert.equal(signedIn.method, 'passkey');
        assert.equal((signedIn.user as { email: string }).email, email);
        assert.deepEqual(await operations(), ['InitiateAuth', 'RespondToAuthChallenge']);
        assert.equal((await mails(email)).length, mailsBefore, 'no email');
        assert.deepEqual((await seen(second.page)).filter((e) => e.type === 'code-sent'), [], 'no code step');
      } finally {
        await second.context.close();
      }
    } finally {
      await first.context.close();
    }
  });
});
