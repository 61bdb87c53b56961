// The script-tag bundle: dist/cdn/passwordless-login.js registers the sign-in element, and
// dist/cdn/passwordless-account.js the account element. aws-amplify and the non-English translations
// are split into chunks that the entries load with dynamic import(), resolved relative to their own
// URL, so the files can sit on any static host or CDN. One build for both, so that a page with both
// elements loads Lit, the shared styles and aws-amplify once, and both share one Amplify
// configuration and session. bundle-stats.json records which chunk imports which, for the size
// budgets and the benchmark.
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
      const entries = {};
      for (const [fileName, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk') continue;
        if (chunk.isEntry) entries[chunk.name] = fileName;
        chunks[fileName] = {
          imports: chunk.imports,
          dynamicImports: chunk.dynamicImports,
          modules: Object.keys(chunk.modules).map((id) => relative(process.cwd(), id)),
        };
      }
      // `entry` (the sign-in element's) as before; `entries` names every element's.
      const entry = entries['passwordless-login'];
      writeFileSync(`${OUT_DIR}/bundle-stats.json`, `${JSON.stringify({ entry, entries, chunks }, null, 1)}\n`);
    },
  };
}

const LOGIN_ENTRY = /[\\/]src[\\/]register\.ts$/;
const ACCOUNT_ENTRY = /[\\/]src[\\/]register-account\.ts$/;
const SIGN_IN_FLOW = /[\\/]src[\\/]flow[\\/]login-flow\.ts$/;

/**
 * The sign-in flow is only useful with the Cognito client, so both (and aws-amplify) are one chunk:
 * one request after the entry, and the complete-sign-in budget counts all of it. The account flow
 * and the Amplify functions only it uses are a chunk of their own (`account-auth`), which builds on
 * that one: sign-in pages never load it. So is managing passkeys (`passkeys`), loaded by the auth
 * chunk only when a passkey is offered or managed.
 */
function manualChunks(id, { getModuleInfo }) {
  if (inLazyChunk(ACCOUNT, id, getModuleInfo)) return 'account-auth';
  if (inLazyChunk(PASSKEYS, id, getModuleInfo)) return 'passkeys';
  // The device memory is for the lazy chunks only (passkeys, the account flow): a chunk of its own
  // that both import, so that an email sign-in carries none of it and neither carries the other.
  if (/[\\/]src[\\/]flow[\\/]device-memory\.ts$/.test(id)) return 'device-memory';
  // The sign-in entry keeps what the account element's first render shares with the views below.
  if (/[\\/]src[\\/]i18n[\\/]bidi\.ts$/.test(id)) return 'passwordless-login';
  // English's strings and the views (code step, signed-in view) that only show once the flow is
  // there come with it.
  if (/[\\/]src[\\/](flow[\\/]|i18n[\\/]en-flow\.ts$|views[\\/](flow-views|code-step|signed-in-step)\.ts$)/.test(id)) return 'auth';
  // What the sign-in entry imports statically stays in it, even when a flow or the account entry
  // uses it too (Lit, the shared styles): a sign-in page's first render is one file, as before. An
  // account page loads that file too, which registers <passwordless-login> and nothing more.
  if (isStaticallyImportedBy(LOGIN_ENTRY, id, getModuleInfo)) return 'passwordless-login';
  if (isStaticallyImportedBy(ACCOUNT_ENTRY, id, getModuleInfo)) return 'passwordless-account';
  // What the sign-in flow shares with the account flow (email rules) goes with sign-in: the account
  // chunk may load the sign-in chunk, never the other way round.
  if (isStaticallyImportedBy(SIGN_IN_FLOW, id, getModuleInfo)) return 'auth';
  // The rest of aws-amplify goes with sign-in, by name: a manual chunk also takes in whatever of its
  // dependencies no chunk claims, and the lazy chunks must not take what sign-in needs.
  if (/[\\/]node_modules[\\/]/.test(id)) return 'auth';
  return undefined;
}

/**
 * The lazily loaded chunks built on the sign-in chunk: our modules in them, and Amplify's functions
 * that only they import. Those functions' importer is the `aws-amplify/auth` barrel, which the
 * sign-in chunk imports too, so Rollup would file them with sign-in; named here, they and what only
 * they use go into the lazy chunk instead. test/node/size.test.ts checks sign-in never loads them.
 */
const ACCOUNT = {
  // The account flow (src/flow/amplify-account.ts and its account-* modules).
  modules: /[\\/]src[\\/]flow[\\/](account-[\w-]+|amplify-account)\.ts$/,
  amplify:
    /@aws-amplify[\\/]auth[\\/]dist[\\/]esm[\\/]providers[\\/]cognito[\\/]apis[\\/](updateUserAttributes?|sendUserAttributeVerificationCode|confirmUserAttribute|deleteUser)\.mjs$/,
};
const PASSKEYS = {
  // Managing passkeys, its Amplify client, the signed-in view's offer to create one, what the
  // device remembers about passkeys, and the passkey half of a passkey sign-in (the sign-in flow
  // loads these only for a passkey sign-in, or where a passkey was used).
  modules: /[\\/]src[\\/](flow[\\/](amplify-passkeys|passkey-manager|passkey-memory|passkey-sign-in|passkey-errors)|(views|controllers)[\\/]passkey-offer|i18n[\\/]en-passkeys)\.ts$/,
  amplify: /@aws-amplify[\\/]auth[\\/]dist[\\/]esm[\\/]client[\\/]apis[\\/](associate|list|delete)WebAuthnCredentials?\.mjs$/,
};

/** Whether a module belongs in a lazy chunk: its own modules, its Amplify APIs, or what only they import. */
function inLazyChunk(chunk, id, getModuleInfo, seen = new Set()) {
  if (chunk.modules.test(id) || chunk.amplify.test(id)) return true;
  if (seen.has(id) || !/[\\/]node_modules[\\/]/.test(id)) return false;
  seen.add(id);
  const info = getModuleInfo(id);
  const importers = info ? [...info.importers, ...info.dynamicImporters] : [];
  return importers.length > 0 && importers.every((i) => inLazyChunk(chunk, i, getModuleInfo, seen));
}

function isStaticallyImportedBy(entry, id, getModuleInfo, seen = new Set()) {
  if (seen.has(id)) return false;
  seen.add(id);
  const info = getModuleInfo(id);
  if (!info) return false;
  if (entry.test(id)) return true;
  return info.importers.some((importer) => isStaticallyImportedBy(entry, importer, getModuleInfo, seen));
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
  input: { 'passwordless-login': 'src/register.ts', 'passwordless-account': 'src/register-account.ts' },
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
      exclude: ['src/react.ts', 'src/react-account.ts'],
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
