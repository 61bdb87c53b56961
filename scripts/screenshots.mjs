#!/usr/bin/env node
// Takes the documentation's screenshots in Chromium, each cropped to the element (or the styled
// page's panel) so they stay small: the element on a page with no styles of its own at each step of
// a new user's sign-up, an error, Arabic in dark mode, and the element on a styled page.
// Run after `npm run build`: `node scripts/screenshots.mjs` writes docs/screenshots/*.png.
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser.mjs';
import { startStaticServer } from './static-server.mjs';
import { startEmulator } from '../dist/emulator/index.js';

const OUT = 'docs/screenshots';
const PAGES = fileURLToPath(new URL('./screenshot-pages/', import.meta.url));
const CDN = fileURLToPath(new URL('../dist/cdn/', import.meta.url));
mkdirSync(OUT, { recursive: true });

const cognito = await startEmulator({ port: 0, log: false });
const config = { endpoint: cognito.endpoint, userPoolId: cognito.userPoolId, clientId: cognito.clientId };
const server = await startStaticServer({
  mounts: [['/cdn/', CDN.replace(/\/$/, '')], ['/', PAGES.replace(/\/$/, '')]],
  json: { '/config.json': () => config },
});
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 900, height: 700 }, colorScheme: 'light', deviceScaleFactor: 1 });
  const part = (name) => page.locator(`passwordless-login [part~="${name}"]`);
  /** A screenshot of `selector`'s box and a margin around it. */
  async function shot(name, selector = 'passwordless-login', margin = 16) {
    await page.mouse.move(0, 0);
    await page.waitForTimeout(400); // colour transitions and the step change settle
    const box = await page.locator(selector).boundingBox();
    const clip = {
      x: Math.max(0, box.x - margin),
      y: Math.max(0, box.y - margin),
      width: box.width + 2 * margin,
      height: box.height + 2 * margin,
    };
    await page.screenshot({ path: `${OUT}/${name}.png`, clip });
  }
  const email = `ada-${randomUUID().slice(0, 8)}@example.com`;

  await page.goto(`${server.url}bare.html`);
  await part('email-input').fill(email);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await shot('bare-page');

  await part('email-input').fill('ada@example');
  await part('submit-button').click();
  await part('error').filter({ hasText: /./ }).waitFor();
  await shot('error');

  await part('email-input').fill(email);
  await part('submit-button').click();
  await part('code-input').waitFor();
  await shot('code');
  const [mail] = await (await fetch(`${cognito.endpoint}/_emulator/messages?to=${encodeURIComponent(email)}`)).json();
  await part('code-input').fill(mail.code);
  await part('sign-out-button').waitFor();
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await shot('signed-in');
  await part('sign-out-button').click();
  await part('email-input').waitFor();

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${server.url}bare.html?lang=ar`);
  await part('email-input').waitFor();
  await page.waitForFunction(() => document.querySelector('passwordless-login')?.shadowRoot?.querySelector('[dir="rtl"]'));
  await shot('dark-arabic');

  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${server.url}styled.html`);
  await part('email-input').fill(email);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await shot('styled-page', '.panel', 24);
  console.log(`Screenshots written to ${OUT}/`);
} finally {
  await browser.close();
  await server.close();
  await cognito.close();
}
