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

// <passwordless-account>: its code loads only on pages that use it.
const ACCOUNT_CODE = /^src\/(passwordless-account|register-account)\.ts$|^src\/account\/|^src\/i18n\/account\/|^src\/flow\/(account-|amplify-account)/;
const stats = JSON.parse(readFileSync('dist/cdn/bundle-stats.json', 'utf8')) as {
  entries: Record<string, string>;
  chunks: Record<string, { modules: string[]; imports: string[]; dynamicImports: string[] }>;
};
const modulesOf = (files: string[]) => files.flatMap((f) => stats.chunks[f]!.modules);

test('the email step carries neither the code step nor the signed-in view (they come with the flow)', () => {
  const emailStepModules = sizes.emailStep.files.flatMap((f) => stats.chunks[f]!.modules);
  assert.ok(emailStepModules.includes('src/views/email-step.ts'));
  for (const view of ['src/views/code-step.ts', 'src/views/signed-in-step.ts', 'src/i18n/en-flow.ts'])
    assert.ok(!emailStepModules.includes(view), `${view} is in the email step's bundle`);
  assert.ok(sizes.completeSignIn.files.flatMap((f) => stats.chunks[f]!.modules).includes('src/views/code-step.ts'));
});

test('a sign-in page loads none of the account element’s code, on first render, after a sign-in, or ever', () => {
  const signInFiles = sizes.completeSignIn.files;
  assert.ok(signInFiles.includes(stats.entries['passwordless-login']!));
  assert.deepEqual(modulesOf(signInFiles).filter((m) => ACCOUNT_CODE.test(m)), []);
  // Nor can it load it later: no chunk it reaches, statically or dynamically, holds account code.
  const reachable = new Set<string>();
  const visit = (file: string) => {
    if (reachable.has(file)) return;
    reachable.add(file);
    for (const next of [...stats.chunks[file]!.imports, ...stats.chunks[file]!.dynamicImports]) visit(next);
  };
  visit(stats.entries['passwordless-login']!);
  assert.ok(reachable.size > signInFiles.length, 'the lazy chunks (languages, passkeys) are followed too');
  assert.deepEqual(modulesOf([...reachable]).filter((m) => ACCOUNT_CODE.test(m)), []);
});

test('the account element’s code is all in its own files: its entry and its account chunk', () => {
  const own = sizes.accountOnly.files;
  assert.ok(own.includes(stats.entries['passwordless-account']!));
  const everyAccountModule = Object.values(stats.chunks).flatMap((c) => c.modules).filter((m) => ACCOUNT_CODE.test(m) && !m.startsWith('src/i18n/account/') );
  assert.ok(everyAccountModule.length > 5);
  const inOwn = new Set(modulesOf(own));
  assert.deepEqual(everyAccountModule.filter((m) => !inOwn.has(m)), []);
});

test('a signed-out account page loads no passkey code: the account chunk loads the passkeys chunk only to list them', () => {
  const passkeyChunk = Object.keys(stats.chunks).find((f) => stats.chunks[f]!.modules.some((m) => m.endsWith('src/flow/amplify-passkeys.ts')))!;
  const accountChunk = Object.keys(stats.chunks).find((f) => stats.chunks[f]!.modules.some((m) => m.endsWith('src/flow/amplify-account.ts')))!;
  const loaded = new Set<string>();
  const visit = (file: string) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const next of stats.chunks[file]!.imports) visit(next);
  };
  [stats.entries['passwordless-account']!, accountChunk].forEach(visit);
  assert.ok(!loaded.has(passkeyChunk), `the account element's chunks import ${passkeyChunk} statically`);
  assert.ok(sizes.completeAccount.files.includes(passkeyChunk), 'a signed-in account page (listing passkeys) counts it');
});

test(`the account element’s first render needs at most ${kb(BUDGETS.accountFirstRenderGzip)}, a whole account page ${kb(BUDGETS.completeAccountGzip)} (gzip -9)`, () => {
  assert.ok(sizes.accountFirstRender.gzip <= BUDGETS.accountFirstRenderGzip, `first render is ${kb(sizes.accountFirstRender.gzip)}`);
  assert.ok(sizes.completeAccount.gzip <= BUDGETS.completeAccountGzip, `account page is ${kb(sizes.completeAccount.gzip)}`);
  // And aws-amplify waits for the session: the first render does without it.
  const amplify = modulesOf(sizes.accountFirstRender.files).filter((m) => m.includes('aws-amplify'));
  assert.deepEqual(amplify, []);
});

test('an email sign-in never loads the passkeys chunk, nor any passkey code but the prompt Amplify carries', (t) => {
  const passkeyChunk = Object.keys(stats.chunks).find((f) => stats.chunks[f]!.modules.some((m) => m.endsWith('src/flow/amplify-passkeys.ts')));
  assert.ok(passkeyChunk, 'a chunk holds the passkey management');
  assert.ok(!sizes.completeSignIn.files.includes(passkeyChunk), `${passkeyChunk} is part of an email sign-in`);
  const signInModules = sizes.completeSignIn.files.flatMap((f) => stats.chunks[f]!.modules);
  // The WebAuthn ceremony of a passkey sign-in comes with Amplify's signIn, in the sign-in chunks…
  for (const needed of ['handleWebAuthnSignInResult.mjs', 'getPasskey.mjs'])
    assert.ok(signInModules.some((m) => m.endsWith(needed)), `${needed} is in the sign-in chunks`);
  // …and the device's passkey memory and what creating, listing or deleting passkeys uses are not.
  const managingModules = ['associateWebAuthnCredential.mjs', 'registerPasskey.mjs', 'passkey-manager.ts', 'passkey-offer.ts', 'passkey-memory.ts', 'device-memory.ts'];
  // …nor the passkey half of a passkey sign-in: its error mapping and English strings.
  for (const managing of [...managingModules, 'passkey-sign-in.ts', 'passkey-errors.ts', 'en-passkeys.ts'])
    assert.ok(!signInModules.some((m) => m.endsWith(managing)), `${managing} is not in the sign-in chunks`);
  assert.ok(sizes.passkeySignIn.files.includes(passkeyChunk));
  t.diagnostic(`a passkey sign-in, or managing passkeys: ${kb(sizes.passkeySignIn.gzip)} (+${kb(sizes.passkeySignIn.gzip - sizes.completeSignIn.gzip)})`);
});
