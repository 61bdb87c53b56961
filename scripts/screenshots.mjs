#!/usr/bin/env node
// Takes the documentation's screenshots from the real demo page in Chromium: each step of a new user's
// sign-up (email, code with the dev inbox, signed in), an error, and the dark theme in Arabic.
// Run after `npm run build`: `node scripts/screenshots.mjs` writes docs/screenshots/*.png.
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { launchChromium } from './browser.mjs';
import { startDemo } from '../demo/server.mjs';

const OUT = 'docs/screenshots';
mkdirSync(OUT, { recursive: true });
const demo = await startDemo({ port: 0, emulator: { log: false } });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, colorScheme: 'light' });
  const shot = (name) => page.screenshot({ path: `${OUT}/${name}.png` });
  const part = (name) => page.locator(`passwordless-login [part~="${name}"]`);

  await page.goto(demo.url);
  await part('email-input').waitFor();
  const email = `ada-${randomUUID().slice(0, 8)}@example.com`;
  await part('email-input').fill('ada@example');
  await part('submit-button').click();
  await part('error').waitFor();
  await shot('4-error');

  await part('email-input').fill(email);
  await page.mouse.click(5, 5);
  await shot('1-email');
  await part('submit-button').click();
  const code = page.locator('#inbox li').filter({ hasText: email }).locator('.inbox-code');
  await code.waitFor();
  await part('code-input').waitFor();
  await shot('2-code');
  await part('code-input').fill((await code.textContent()).trim());
  await part('sign-out-button').waitFor();
  await shot('3-signed-in');

  await part('sign-out-button').click();
  await part('email-input').waitFor();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.selectOption('#lang-select', 'ar');
  await page.waitForTimeout(300);
  await shot('5-dark-arabic');
  console.log(`Screenshots written to ${OUT}/`);
} finally {
  await browser.close();
  await demo.close();
}
