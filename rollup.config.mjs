// The script-tag bundle: one ES module, dist/cdn/passwordless-login.js, that registers the element.
// aws-amplify and the non-English translations are split into chunks that the entry loads with
// dynamic import(), resolved relative to its own URL, so the files can sit on any static host or CDN.
// bundle-stats.json records which chunk imports which, for the size budgets and the benchmark.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const OUT_DIR = 'dist/cdn';

/** Writes the chunk graph (static and dynamic imports, source modules) beside the bundle. */
function bundleStats() {
  return {
    name: 'bundle-stats',
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

export default {
  input: { 'passwordless-login': 'src/register.ts' },
  output: {
    dir: OUT_DIR,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
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
    terser({ ecma: 2022, module: true, format: { comments: false } }),
    bundleStats(),
  ],
  onwarn(warning, warn) {
    // aws-amplify's ESM uses `this` at the top level in a few helpers; it is harmless in modules.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
