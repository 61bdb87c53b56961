// The benchmark's static server on 127.0.0.1: the bench pages (bench/pages/*.html, with the pool's
// settings filled in), the script-tag bundle under /cdn/ (dist/cdn) and the classic-flow page's
// bundle under /build/ (bench/.build). Like the demo's, it serves files as they are on disk,
// uncompressed, with `cache-control: no-cache` (scripts/static-server.mjs).
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer as serveFiles } from '../../scripts/static-server.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const escapeAttr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * @param {Record<string, { endpoint: string, userPoolId: string, clientId: string, region: string }>} pools
 *   emulators by name; a page picks one with `?pool=<name>` (the first one by default)
 */
export async function startStaticServer(pools) {
  const defaultPool = Object.keys(pools)[0];
  return serveFiles({
    mounts: [
      ['/cdn/', join(ROOT, 'dist', 'cdn')],
      ['/build/', join(ROOT, 'bench', '.build')],
      ['/', join(ROOT, 'bench', 'pages')],
    ],
    transform(body, file, url) {
      if (extname(file) !== '.html') return body;
      const pool = pools[url.searchParams.get('pool') ?? defaultPool];
      if (!pool) throw new Error('unknown pool');
      // {{name}} placeholders: the pool's settings, attribute-escaped.
      return Buffer.from(body.toString('utf8').replace(/\{\{(\w+)\}\}/g, (_, key) => escapeAttr(pool[key] ?? '')));
    },
  });
}
