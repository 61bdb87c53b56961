// What the benchmark builds itself: the classic-flow page's bundle (bench/pages/classic.js with
// aws-amplify) into bench/.build/, with esbuild, minified like the script-tag bundle.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

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
