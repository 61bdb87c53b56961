// A small static file server on loopback for the demo, the benchmark and the end-to-end tests:
// files from a few mounted folders (never outside them), JSON routes, a per-file transform, and the
// same headers on every answer (a Content-Security-Policy, say).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * @typedef {object} StaticServerOptions
 * @property {Array<[prefix: string, dir: string]>} mounts URL prefixes (ending in `/`) and the
 *   folders they serve, the first match winning; `/` serves `index.html`
 * @property {Record<string, () => unknown>} [json] paths answered with JSON (never cached)
 * @property {Record<string, string>} [headers] headers on every answer
 * @property {(body: Buffer, file: string, url: URL) => Buffer} [transform] rewrites a file's body
 * @property {number} [port] default 0: any free port
 * @property {string} [host] default 127.0.0.1
 */

/** Maps a URL path to a file under the first matching mount, or undefined outside them. */
function fileFor(mounts, pathname) {
  const mount = mounts.find(([prefix]) => pathname.startsWith(prefix));
  if (!mount) return undefined;
  const [prefix, dir] = mount;
  const rest = pathname.slice(prefix.length) || 'index.html';
  let file;
  try {
    file = normalize(join(dir, decodeURIComponent(rest)));
  } catch {
    return undefined; // a malformed %-escape
  }
  return file.startsWith(dir + sep) ? file : undefined;
}

/**
 * Starts the server; resolves once it listens.
 * @param {StaticServerOptions} options
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
export async function startStaticServer({ mounts, json = {}, headers = {}, transform, port = 0, host = '127.0.0.1' }) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, allow: 'GET, HEAD' }).end();
      return;
    }
    const route = json[url.pathname];
    if (route) {
      res.writeHead(200, { ...headers, 'content-type': CONTENT_TYPES['.json'], 'cache-control': 'no-store' });
      res.end(JSON.stringify(route()));
      return;
    }
    const file = fileFor(mounts, url.pathname);
    try {
      if (!file) throw new Error('outside the mounts');
      let body = await readFile(file);
      if (transform) body = transform(body, file, url);
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: actualPort } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${actualPort}/`,
    port: actualPort,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
