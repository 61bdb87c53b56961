#!/usr/bin/env node
// The demo: starts the local Cognito emulator and serves demo/ plus the script-tag bundle from
// dist/cdn, under a strict Content-Security-Policy. `npm start` builds first and runs this file;
// PORT sets the demo's port (default 8000). Ctrl-C stops both servers.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_DEFAULT_CLIENT_ID, CLI_DEFAULT_USER_POOL_ID, startEmulator } from '../dist/emulator/index.js';
import { startStaticServer } from '../scripts/static-server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Starts the emulator and the demo's HTTP server.
 * @param {{ port?: number, host?: string, emulator?: Parameters<typeof startEmulator>[0] }} [options]
 */
export async function startDemo({ port = 8000, host = '127.0.0.1', emulator: emulatorOptions } = {}) {
  // As the production pool in infra/ runs: its Lambda triggers (the code emails in each user's
  // language, the seal at confirmation and before tokens) and refresh-token rotation. The Custom
  // Message trigger also tells the old address of an email change through Amazon SES, from
  // SES_FROM: the triggers' worker points their AWS SDK at the emulator, whose SES endpoint puts
  // that notice in the dev inbox too.
  const emulator = await startEmulator({
    port: 0,
    host,
    triggers: true,
    refreshTokenRotation: { retryGracePeriodSeconds: 10 },
    triggerEnvironment: { SES_FROM: '"passwordless-login demo" <no-reply@demo.localhost>' },
    ...emulatorOptions,
  });
  const config = {
    endpoint: emulator.endpoint,
    userPoolId: emulator.userPoolId,
    clientId: emulator.clientId,
    region: emulator.region,
  };
  // Strict CSP: nothing inline, nothing eval'd; fetches go to this page, the emulator and Cognito.
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${emulator.endpoint} https://*.amazonaws.com`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');

  const server = await startStaticServer({
    port,
    host,
    mounts: [
      ['/cdn/', join(ROOT, 'dist', 'cdn')],
      ['/', join(ROOT, 'demo')],
    ],
    json: { '/config.json': () => config },
    headers: { 'content-security-policy': csp, 'referrer-policy': 'no-referrer' },
  }).catch(async (error) => {
    await emulator.close();
    throw error;
  });
  // Passkeys need a relying party ID that is a domain: the emulator's is `localhost`, and a page
  // at 127.0.0.1 could never use it. So the demo is opened as localhost (the same loopback server).
  const url = new URL(server.url);
  if (url.hostname === '127.0.0.1') url.hostname = 'localhost';
  return {
    url: url.href,
    emulator,
    async close() {
      await server.close();
      await emulator.close();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = process.env.PORT ? Number(process.env.PORT) : 8000;
  // The pool keeps its ids and its users across restarts (delete the data file to start afresh),
  // so a signed-in browser tab is still signed in after `npm start` again.
  const dataFile = join(ROOT, '.emulator-data.demo.json');
  const emulator = {
    userPoolId: CLI_DEFAULT_USER_POOL_ID,
    clientId: CLI_DEFAULT_CLIENT_ID,
    dataFile,
    log: (line) => console.log(`[emulator] ${line}`),
  };
  const demo = await startDemo({ port, emulator }).catch(
    (error) => {
      console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: set PORT to another one.` : error.message);
      process.exit(1);
    },
  );
  console.log(`Emulator:  ${demo.emulator.endpoint} (pool ${demo.emulator.userPoolId}, users kept in ${dataFile})`);
  console.log(`Demo:      ${demo.url}`);
  console.log('Press Ctrl-C to stop.');
  const stop = async () => {
    await demo.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
