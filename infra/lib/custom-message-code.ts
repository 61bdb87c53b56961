// Bundles the Custom Message handler into one minified CommonJS file at synth time, so the stack can
// carry it inline (`Code.ZipFile`): no asset bucket, no `cdk bootstrap`, and the shipped template
// deploys on its own. esbuild runs locally and offline; its version is pinned by the lockfile, which
// keeps the output (and so the committed template) reproducible.
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const CUSTOM_MESSAGE_ENTRY = fileURLToPath(
  new URL('../lambda/custom-message/index.ts', import.meta.url),
);

/** Syntax target for the bundle: no newer than the stack's Lambda runtime (nodejs24.x). */
const TARGET = 'node22';

export function bundleCustomMessageHandler(): string {
  const result = buildSync({
    entryPoints: [CUSTOM_MESSAGE_ENTRY],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: TARGET,
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    banner: {
      js: '// <passwordless-login> Custom Message trigger, bundled from infra/lambda/custom-message/index.ts',
    },
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output for the Custom Message handler');
  return file.text;
}
