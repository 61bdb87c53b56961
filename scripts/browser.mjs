// Launches the Chromium that scripts/find-chromium.mjs finds, with the flags this sandbox needs
// (root: --no-sandbox; a closed network: no background connections), for the demo's end-to-end
// test, the README screenshots and the benchmark.
import { chromium } from 'playwright-core';
import { findChromium } from './find-chromium.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** @param {import('playwright-core').LaunchOptions} [options] */
export function launchChromium(options = {}) {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS, ...options });
}
