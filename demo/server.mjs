#!/usr/bin/env node
// The demo: starts the local Cognito emulator and serves demo/ plus the script-tag bundle from
// dist/cdn, under a strict Content-Security-Policy. `npm start` builds first and runs this file;
// PORT sets the demo's port (default 8000). Ctrl-C stops both servers.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from '../dist/emulator/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Maps a URL path to a file under demo/ or dist/cdn/, or undefined when it is outside both. */
function fileFor(pathname) {
  const [base, rest] = pathname.startsWith('/cdn/')
    ? [join(ROOT, 'dist', 'cdn'), pathname.slice('/cdn/'.length)]
    : [join(ROOT, 'demo'), pathname === '/' ? 'index.html' : pathname.slice(1)];
  const file = normalize(join(base, decodeURIComponent(rest)));
  return file.startsWith(base + sep) ? file : undefined;
}

/**
 * Starts the emulator and the demo's HTTP server.
 * @param {{ port?: number, host?: string, emulator?: Parameters<typeof startEmulator>[0] }} [options]
 */
export async function startDemo({ port = 8000, host = '127.0.0.1', emulator: emulatorOptions } = {}) {
  // The production email trigger writes the dev inbox's mail, in each user's language, as users
  // will receive it (TypeScript, loaded through tsx, a dev dependency of this repository).
  const customMessage = join(ROOT, 'infra', 'lambda', 'custom-message', 'index.ts');
  const emulator = await startEmulator({
    port: 0,
    host,
    ...(existsSync(customMessage) ? { customMessage } : {}),
    ...emulatorOptions,
  });
  const config = JSON.stringify({
    endpoint: emulator.endpoint,
    userPoolId: emulator.userPoolId,
    clientId: emulator.clientId,
    region: emulator.region,
  });
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

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.pathname === '/config.json') {
      res.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store' }).end(config);
      return;
    }
    const file = fileFor(url.pathname);
    if (!file || file.endsWith('server.mjs')) {
      res.writeHead(404).end('Not found');
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404).end('Not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}/`;
  return {
    url,
    emulator,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await emulator.close();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = process.env.PORT ? Number(process.env.PORT) : 8000;
  const demo = await startDemo({ port, emulator: { log: (line) => console.log(`[emulator] ${line}`) } }).catch(
    (error) => {
      console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: set PORT to another one.` : error.message);
      process.exit(1);
    },
  );
  console.log(`Emulator:  ${demo.emulator.endpoint} (pool ${demo.emulator.userPoolId})`);
  console.log(`Demo:      ${demo.url}`);
  console.log('Press Ctrl-C to stop.');
  const stop = async () => {
    await demo.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
