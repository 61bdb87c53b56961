// Bundles a trigger (lambda/<name>/index.ts) into one minified CommonJS file at synth time, so the
// stack can carry it inline (`Code.ZipFile`): no asset bucket, no `cdk bootstrap`, and the shipped
// template deploys on its own. esbuild runs locally and offline; its version is pinned by the
// lockfile, which keeps the output (and so the committed template) reproducible.
//
// The AWS SDK for JavaScript v3 is left out of the bundle: the Lambda Node.js runtime provides it,
// and bundling it would pass CloudFormation's inline-template limit (see lib/template.ts).
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** The triggers under `lambda/`, by folder name. */
export const TRIGGERS = {
  'custom-message': 'Custom Message trigger',
  'seal-account': 'Post confirmation and Pre token generation trigger',
} as const;
export type TriggerName = keyof typeof TRIGGERS;

export function triggerEntry(name: TriggerName): string {
  return fileURLToPath(new URL(`../lambda/${name}/index.ts`, import.meta.url));
}

/** Syntax target for the bundle: no newer than the stack's Lambda runtime (nodejs24.x). */
const TARGET = 'node22';

export function bundleTrigger(name: TriggerName): string {
  const result = buildSync({
    entryPoints: [triggerEntry(name)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: TARGET,
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    external: ['@aws-sdk/*'],
    write: false,
    banner: {
      js: `// <passwordless-login> ${TRIGGERS[name]}, bundled from infra/lambda/${name}/index.ts`,
    },
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no output for lambda/${name}`);
  return file.text;
}
