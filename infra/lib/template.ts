// The shipped template's text, as the generator writes it and the tests compare it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';

export const SHIPPED_TEMPLATE_PATH = fileURLToPath(
  new URL('../cloudformation/passwordless-login.template.json', import.meta.url),
);

/** `aws cloudformation deploy --template-file` sends the body inline, which CloudFormation caps at
 * 51,200 bytes; past that it needs an S3 bucket. The tests keep the template under it. */
export const TEMPLATE_BODY_LIMIT_BYTES = 51_200;

export function synthesizeTemplate(): Record<string, unknown> {
  const outdir = mkdtempSync(join(tmpdir(), 'passwordless-login-cdk-'));
  try {
    const { app, stack } = createApp({ outdir });
    return app.synth().getStackArtifact(stack.artifactId).template as Record<string, unknown>;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Indented with tabs: as readable as spaces, and a quarter of the bytes that count against the limit. */
export function synthesizeTemplateText(): string {
  return `${JSON.stringify(synthesizeTemplate(), null, '\t')}\n`;
}
