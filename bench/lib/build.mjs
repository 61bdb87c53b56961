// What the benchmark builds itself, into bench/.build/ (git-ignored):
// - the classic-flow page's bundle (bench/pages/classic.js with aws-amplify), esbuild, minified like
//   the script-tag bundle;
// - the peer's page (bench/peer/app.jsx: Amplify UI's Authenticator with React), by esbuild as a
//   production build: one minified ES module and one stylesheet, `process.env.NODE_ENV` set to
//   "production". The peer's packages are bench/peer's own (its package.json and lock), installed
//   there with `npm ci` on first use, so they never enter the element's dependencies.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PEER = join(ROOT, 'bench', 'peer');

export async function buildClassicPage() {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ['bench/pages/classic.js'],
    outfile: 'bench/.build/classic.js',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  return { bytes: Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0) };
}

/** Installs bench/peer's packages unless they are there already. */
export function installPeer(log = (/** @type {string} */ _line) => {}) {
  if (existsSync(join(PEER, 'node_modules', '@aws-amplify', 'ui-react', 'package.json'))) return;
  log('Installing the peer (bench/peer: npm ci, first use only)…');
  execFileSync('npm', ['--prefix', PEER, 'ci', '--no-audit', '--no-fund', '--loglevel=error'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** The installed version of one of the peer's packages. */
export function peerVersion(name) {
  return JSON.parse(readFileSync(join(PEER, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/**
 * Builds bench/.build/peer/app.js and app.css with bench/peer's own esbuild.
 * @returns {Promise<{ js: string[], css: string[] }>} the files written, relative to the repository
 */
export async function buildPeerPage() {
  const require = createRequire(join(PEER, 'package.json'));
  /** @type {typeof import('esbuild')} */
  const esbuild = require('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ['bench/peer/app.jsx'],
    outdir: 'bench/.build/peer',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });
  const files = Object.keys(result.metafile.outputs);
  return { js: files.filter((f) => f.endsWith('.js')), css: files.filter((f) => f.endsWith('.css')) };
}
