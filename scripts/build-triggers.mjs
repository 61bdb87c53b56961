#!/usr/bin/env node
// Bundles the production pool's Lambda triggers (infra/lambda/*/index.ts) for the packaged emulator:
// dist/emulator/triggers/lambda/<name>.cjs, one CommonJS file each, the AWS SDK's Cognito client
// inside. `passwordless-login-emulator` and `startEmulator({ triggers: true })` from the npm package
// then run the same handler code as Lambda does, with no runtime dependency (Lambda's runtime brings
// the SDK in production; the bundle brings its own). Part of `npm run build:emulator`.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const OUT = join(ROOT, 'dist', 'emulator', 'triggers', 'lambda');
const TRIGGERS = ['custom-message', 'seal-account'];

/**
 * The SDK from this package's node_modules, not infra/node_modules (which may or may not be
 * installed): the bundle is the same whoever builds it.
 */
const sdkFromRoot = {
  name: 'sdk-from-root',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^@aws-sdk\// }, (args) => {
      if (args.pluginData === 'root') return undefined;
      return pluginBuild.resolve(args.path, { kind: args.kind, resolveDir: ROOT, pluginData: 'root' });
    });
  },
};

mkdirSync(OUT, { recursive: true });
await Promise.all(
  TRIGGERS.map((name) =>
    build({
      entryPoints: [join(ROOT, 'infra', 'lambda', name, 'index.ts')],
      outfile: join(OUT, `${name}.cjs`),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      minify: true,
      charset: 'utf8',
      legalComments: 'none',
      logLevel: 'warning',
      plugins: [sdkFromRoot],
      banner: { js: `// <passwordless-login> emulator copy of infra/lambda/${name}/index.ts (AWS SDK included)` },
    }),
  ),
);
