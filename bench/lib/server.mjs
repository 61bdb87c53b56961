// The benchmark's static server on 127.0.0.1: the bench pages (bench/pages/*.html, with the pool's
// settings filled in), the script-tag bundle under /cdn/ (dist/cdn) and the classic-flow page's
// bundle under /build/ (bench/.build). Like demo/server.mjs, it serves files as they are on disk,
// uncompressed, with `cache-control: no-cache`.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
const MOUNTS = [
  ['/cdn/', join(ROOT, 'dist', 'cdn')],
  ['/build/', join(ROOT, 'bench', '.build')],
  ['/', join(ROOT, 'bench', 'pages')],
];

function fileFor(pathname) {
  const [prefix, base] = MOUNTS.find(([p]) => pathname.startsWith(p)) ?? [];
  if (!prefix || !base) return undefined;
  const file = normalize(join(base, decodeURIComponent(pathname.slice(prefix.length))));
  return file.startsWith(base + sep) ? file : undefined;
}

const escapeAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * @param {Record<string, { endpoint: string, userPoolId: string, clientId: string, region: string }>} pools
 *   emulators by name; a page picks one with `?pool=<name>` (the first one by default)
 */
export async function startStaticServer(pools) {
  const defaultPool = Object.keys(pools)[0];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = fileFor(url.pathname);
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404).end('Not found');
      return;
    }
    try {
      let body = await readFile(file);
      if (extname(file) === '.html') {
        const pool = pools[url.searchParams.get('pool') ?? defaultPool];
        if (!pool) throw new Error('unknown pool');
        // {{name}} placeholders: the pool's settings, attribute-escaped.
        body = Buffer.from(body.toString('utf8').replace(/\{\{(\w+)\}\}/g, (_, key) => escapeAttr(pool[key] ?? '')));
      }
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404).end('Not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}/`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
