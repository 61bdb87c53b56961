// Size budgets of the script-tag bundle (issue 4), measured on the built files with gzip -9. The
// orchestrator (scripts/test.mjs) builds before the Node tests run, so this reads a fresh dist/cdn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BUDGETS, bundleSizes } from '../../scripts/bundle-sizes.mjs';

const sizes = bundleSizes('dist/cdn');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

test(`the email step needs at most ${kb(BUDGETS.emailStepGzip)} of JavaScript (gzip -9)`, () => {
  assert.ok(
    sizes.emailStep.gzip <= BUDGETS.emailStepGzip,
    `email step is ${kb(sizes.emailStep.gzip)} over ${sizes.emailStep.files.join(', ')}`,
  );
});

test(`a complete sign-in needs at most ${kb(BUDGETS.completeSignInGzip)} of JavaScript (gzip -9)`, () => {
  assert.ok(
    sizes.completeSignIn.gzip <= BUDGETS.completeSignInGzip,
    `complete sign-in is ${kb(sizes.completeSignIn.gzip)} over ${sizes.completeSignIn.files.join(', ')}`,
  );
});

test('aws-amplify is not part of what renders the email step', () => {
  const stats = JSON.parse(readFileSync('dist/cdn/bundle-stats.json', 'utf8')) as { chunks: Record<string, { modules: string[] }> };
  const emailStepModules = sizes.emailStep.files.flatMap((f) => stats.chunks[f]!.modules);
  assert.ok(emailStepModules.length > 0);
  const amplify = emailStepModules.filter((m) => m.includes('@aws-amplify') || m.includes('aws-amplify'));
  assert.deepEqual(amplify, []);
});
