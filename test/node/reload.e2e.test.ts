// Reload, close or go offline at every step (issue 6), on the demo page (the script-tag bundle
// from dist/cdn: run `npm run build` first). For each step (email typed, code step, a request in
// flight, signed in) the visitor reloads, closes the tab and opens the page again in the same
// browser context, or loses the network and gets it back. Coming back must lead to a sensible
// state: signed in if the tokens arrived, the email step otherwise, never a spinner that does not
// stop or a code step whose sign-in session is gone; and a visitor who lost the network retries
// with nothing lost.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
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
const newEmail = (tag: string) => `${tag}-${randomUUID()}@example.com`;

/** The element's step and whether it is busy, from its custom states. */
async function stateOf(page: Page): Promise<{ step: string; busy: boolean }> {
  return page.locator(el).evaluate((node) => ({
    step: ['email', 'code', 'signed-in'].find((s) => node.matches(`:state(${s})`)) ?? 'none',
    busy: node.matches(':state(busy)'),
  }));
}

/** Waits until the element rests on `step` (not busy): a spinner that never stops fails here. */
async function settlesOn(page: Page, step: 'email' | 'code' | 'signed-in', timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = { step: 'none', busy: true };
  while (Date.now() < deadline) {
    last = await stateOf(page).catch(() => last);
    if (last.step === step && !last.busy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`expected to settle on ${step}, still ${JSON.stringify(last)}`);
}

async function codeFor(email: string, count = 1): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${demo.emulator.endpoint}/_emulator/messages?to=${encodeURIComponent(email)}`);
    const mails = (await response.json()) as { code: string }[];
    if (mails.length >= count) return mails[count - 1]!.code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail #${count} to ${email}`);
}

async function mailCount(email: string): Promise<number> {
  const response = await fetch(`${demo.emulator.endpoint}/_emulator/messages?to=${encodeURIComponent(email)}`);
  return ((await response.json()) as unknown[]).length;
}

async function open(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(demo.url);
  await page.locator(el).waitFor();
  return page;
}

async function typeEmail(page: Page, email: string): Promise<void> {
  await partOf(page, 'email-input').fill(email);
}

async function toCodeStep(page: Page, email: string): Promise<void> {
  await typeEmail(page, email);
  await partOf(page, 'submit-button').click();
  await settlesOn(page, 'code');
}

async function toSignedIn(page: Page, email: string): Promise<void> {
  await toCodeStep(page, email);
  await partOf(page, 'code-input').fill(await codeFor(email));
  await settlesOn(page, 'signed-in');
}

/**
 * From wherever the page rests, completes a sign-in for `email`: proves the state is usable. A
 * sign-up whose page was reloaded after its code was sent takes two codes (the documented
 * "signed up earlier, never confirmed" path: aws-amplify arms auto sign-in only in the page that
 * called signUp), so each new code step is answered with the newest mail, at most twice.
 */
async function finishSignIn(page: Page, email: string): Promise<void> {
  let { step } = await stateOf(page);
  if (step === 'email') {
    const before = await mailCount(email);
    if ((await partOf(page, 'email-input').inputValue()) !== email) await typeEmail(page, email);
    await partOf(page, 'submit-button').click();
    await settlesOn(page, 'code');
    await codeFor(email, before + 1);
  }
  for (let codes = 0; codes < 2 && step !== 'signed-in'; codes++) {
    const mails = await mailCount(email);
    await partOf(page, 'code-input').fill(await codeFor(email, mails));
    // Either signed in, or a fresh code step after the next mail arrived.
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const now = await stateOf(page);
      step = now.step;
      if (!now.busy && (step === 'signed-in' || (await mailCount(email)) > mails)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (step !== 'signed-in') await settlesOn(page, 'code');
  }
  await settlesOn(page, 'signed-in');
}

/** Holds the Cognito requests of one operation (X-Amz-Target) until released. */
async function holdOperation(context: BrowserContext, operation: string) {
  const held: Route[] = [];
  let arrived: () => void;
  const first = new Promise<void>((resolve) => (arrived = resolve));
  const handler = async (route: Route) => {
    const target = (await route.request().headerValue('x-amz-target')) ?? '';
    if (!target.endsWith(`.${operation}`)) return route.continue();
    held.push(route);
    arrived();
  };
  await context.route(`${demo.emulator.endpoint}/**`, handler);
  return {
    first,
    async release(how: 'continue' | 'abort') {
      await context.unroute(`${demo.emulator.endpoint}/**`, handler);
      for (const route of held.splice(0)) {
        await (how === 'continue' ? route.continue() : route.abort('internetdisconnected')).catch(() => {});
      }
    },
  };
}

type Step = 'email typed' | 'code step' | 'mid-request (sending the code)' | 'mid-request (checking the code)' | 'signed in';
const STEPS: Step[] = ['email typed', 'code step', 'mid-request (sending the code)', 'mid-request (checking the code)', 'signed in'];

/** Brings a fresh page to `step`; returns how to undo any request hold. */
async function reach(page: Page, context: BrowserContext, step: Step, email: string) {
  switch (step) {
    case 'email typed':
      await typeEmail(page, email);
      return async () => {};
    case 'code step':
      await toCodeStep(page, email);
      return async () => {};
    case 'mid-request (sending the code)': {
      const hold = await holdOperation(context, 'SignUp');
      await typeEmail(page, email);
      await partOf(page, 'submit-button').click();
      await hold.first;
      assert.deepEqual(await stateOf(page), { step: 'email', busy: true });
      return () => hold.release('abort');
    }
    case 'mid-request (checking the code)': {
      await toCodeStep(page, email);
      const hold = await holdOperation(context, 'ConfirmSignUp');
      await partOf(page, 'code-input').fill(await codeFor(email));
      await hold.first;
      assert.deepEqual(await stateOf(page), { step: 'code', busy: true });
      return () => hold.release('abort');
    }
    case 'signed in':
      await toSignedIn(page, email);
      return async () => {};
  }
}

/** Where coming back must land: signed in once the tokens arrived, else the email step. */
const expectedAfterLeaving = (step: Step) => (step === 'signed in' ? 'signed-in' : 'email');

describe('reload at every step', () => {
  for (const step of STEPS) {
    test(step, async () => {
      const context = await browser.newContext();
      try {
        const email = newEmail('reload');
        const page = await open(context);
        const undo = await reach(page, context, step, email);
        await page.reload();
        await undo();
        await settlesOn(page, expectedAfterLeaving(step));
        if (step === 'email typed' || step.startsWith('mid-request (sending')) {
          assert.equal(await partOf(page, 'email-input').inputValue(), email, 'the typed email is kept');
        }
        await finishSignIn(page, email);
      } finally {
        await context.close();
      }
    });
  }
});

describe('close the tab and open the page again (same browser) at every step', () => {
  for (const step of STEPS) {
    test(step, async () => {
      const context = await browser.newContext();
      try {
        const email = newEmail('reopen');
        const first = await open(context);
        const undo = await reach(first, context, step, email);
        await first.close();
        await undo();
        const page = await open(context);
        await settlesOn(page, expectedAfterLeaving(step));
        await finishSignIn(page, email);
      } finally {
        await context.close();
      }
    });
  }
});

describe('offline at every step, then back online', () => {
  for (const step of STEPS) {
    test(step, async () => {
      const context = await browser.newContext();
      try {
        const email = newEmail('offline');
        const page = await open(context);
        if (step.startsWith('mid-request')) {
          const undo = await reach(page, context, step, email);
          await context.setOffline(true);
          await undo(); // the request fails as it does when the network drops
          const resting = step.includes('sending') ? 'email' : 'code';
          await settlesOn(page, resting);
          assert.equal(await partOf(page, 'error').textContent().then((t) => t?.trim().length ?? 0) > 0, true);
          await context.setOffline(false);
          if (resting === 'code') {
            // The sign-up session is kept: the same code, submitted again, signs in.
            await partOf(page, 'submit-button').click();
            await settlesOn(page, 'signed-in');
          }
          await finishSignIn(page, email);
          return;
        }
        await reach(page, context, step, email);
        await context.setOffline(true);
        const now = await stateOf(page);
        if (step === 'email typed') {
          await partOf(page, 'submit-button').click();
          await settlesOn(page, 'email');
          assert.equal(await partOf(page, 'email-input').inputValue(), email, 'nothing typed is lost');
          assert.match((await partOf(page, 'error').textContent()) ?? '', /\S/, 'a message says why');
        } else if (step === 'code step') {
          await partOf(page, 'code-input').fill(await codeFor(email));
          await settlesOn(page, 'code');
          assert.match((await partOf(page, 'error').textContent()) ?? '', /\S/, 'a message says why');
        } else {
          assert.deepEqual(now, { step: 'signed-in', busy: false }, 'going offline does not sign out');
        }
        await context.setOffline(false);
        if (step === 'code step') {
          await partOf(page, 'submit-button').click();
          await settlesOn(page, 'signed-in');
        }
        await finishSignIn(page, email);
        await page.reload();
        await settlesOn(page, 'signed-in');
      } finally {
        await context.close();
      }
    });
  }
});
