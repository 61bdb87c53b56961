// The script-tag bundle: one ES module, dist/cdn/passwordless-login.js, that registers the element.
// aws-amplify and the non-English translations are split into chunks that the entry loads with
// dynamic import(), resolved relative to its own URL, so the files can sit on any static host or CDN.
// bundle-stats.json records which chunk imports which, for the size budgets and the benchmark.
import { rmSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const OUT_DIR = 'dist/cdn';

/** Writes the chunk graph (static and dynamic imports, source modules) beside the bundle. */
function bundleStats() {
  return {
    name: 'bundle-stats',
    buildStart() {
      // Chunk names carry content hashes: without this, every build would leave the last one's behind.
      rmSync(`${OUT_DIR}/chunks`, { recursive: true, force: true });
    },
    writeBundle(_options, bundle) {
      const chunks = {};
      let entry;
      for (const [fileName, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue;
        if (chunk.isEntry) entry = fileName;
        chunks[fileName] = {
          imports: chunk.imports,
          dynamicImports: chunk.dynamicImports,
          modules: Object.keys(chunk.modules).map((id) => relative(process.cwd(), id)),
        };
      }
      writeFileSync(`${OUT_DIR}/bundle-stats.json`, `${JSON.stringify({ entry, chunks }, null, 1)}\n`);
    },
  };
}

/**
 * The sign-in flow is only useful with the Cognito client, so both (and aws-amplify) are one chunk:
 * one request after the entry, and the complete-sign-in budget counts all of it.
 */
function manualChunks(id, { getModuleInfo }) {
  if (/[\\/]src[\\/]flow[\\/]/.test(id)) return 'auth';
  // What the entry imports statically stays in the entry, even when the flow uses it too.
  if (isStaticallyImportedByEntry(id, getModuleInfo)) return 'passwordless-login';
  return undefined;
}

function isStaticallyImportedByEntry(id, getModuleInfo, seen = new Set()) {
  if (seen.has(id)) return false;
  seen.add(id);
  const info = getModuleInfo(id);
  if (!info) return false;
  if (info.isEntry) return true;
  return info.importers.some((importer) => isStaticallyImportedByEntry(importer, getModuleInfo, seen));
}

/**
 * In this bundle aws-amplify is private to the element: the only caller of `createAmplifyContext`
 * is src/flow/amplify-client.ts, which passes a ResourcesConfig it built itself (never
 * amplify_outputs.json or aws-exports.js). So Amplify's parsers for those two formats (about
 * 1.5 KB gzip) are dead code here, and `parseAmplifyConfig` is reduced to what it does with a
 * ResourcesConfig: return it. The build fails if that module stops looking as expected.
 */
function resourcesConfigOnly() {
  const target = /@aws-amplify[\\/]core[\\/]dist[\\/]esm[\\/]utils[\\/]parseAmplifyConfig\.mjs$/;
  return {
    name: 'resources-config-only',
    transform(code, id) {
      if (!target.test(id)) return null;
      if (!code.includes('parseAWSExports(amplifyConfig)') || !code.includes('return amplifyConfig;')) {
        this.error('parseAmplifyConfig changed: review resourcesConfigOnly() in rollup.config.mjs');
      }
      return { code: 'export const parseAmplifyConfig = (amplifyConfig) => amplifyConfig;\n', map: null };
    },
  };
}

export default {
  input: { 'passwordless-login': 'src/register.ts' },
  // Lets the entry hold what it shares with the lazily loaded chunks, instead of a facade module
  // that imports a second file before anything renders.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: OUT_DIR,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    manualChunks,
    sourcemap: true,
  },
  plugins: [
    // Collapses the whitespace of the html`` templates and css`` styles (before TypeScript, which
    // keeps template literals as they are).
    minifyHTML({ failOnError: true }),
    typescript({
      tsconfig: 'tsconfig.json',
      include: ['src/**/*.ts'],
      exclude: ['src/react.ts'],
      compilerOptions: {
        noEmit: false,
        outDir: OUT_DIR,
        declaration: false,
        declarationMap: false,
        sourceMap: true,
        module: 'ESNext',
        moduleResolution: 'Bundler',
        types: [],
      },
    }),
    nodeResolve({ browser: true, exportConditions: ['browser', 'production', 'import', 'default'] }),
    resourcesConfigOnly(),
    terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
    bundleStats(),
  ],
  onwarn(warning, warn) {
    // aws-amplify's ESM uses `this` at the top level in a few helpers; it is harmless in modules.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
