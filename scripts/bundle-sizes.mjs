// Measures the script-tag bundle from dist/cdn/bundle-stats.json (written by rollup.config.mjs):
// the JavaScript a page needs to render the email step (the entry and its static imports), all
// the JavaScript of a complete sign-in (adding the aws-amplify chunk and its imports; English, so
// the lazily loaded translation chunks are left out), and that plus the passkeys chunk that a
// passkey sign-in, creating, listing and deleting passkeys load. For <passwordless-account>: what
// its first render needs (its entry and static imports, the sign-in entry among them), everything
// a signed-in account page loads (adding its account chunk, with aws-amplify, and the passkeys chunk
// for its passkeys section), and the part of that only the account element loads (not what it
// shares with passkey sign-in). Sizes are gzip -9 and
// brotli (max quality).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const BUDGETS = {
  emailStepGzip: 12 * 1024,
  completeSignInGzip: 50 * 1024,
  accountFirstRenderGzip: 18 * 1024,
  completeAccountGzip: 66 * 1024,
};

function closure(stats, roots) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const dep of stats.chunks[file].imports) visit(dep);
  };
  roots.forEach(visit);
  return seen;
}

function measure(dir, files) {
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    brotli += brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }).length;
  }
  return { files: [...files].sort(), raw, gzip, brotli };
}

/** @param {string} dir the bundle directory, dist/cdn by default */
export function bundleSizes(dir = 'dist/cdn') {
  const stats = JSON.parse(readFileSync(join(dir, 'bundle-stats.json'), 'utf8'));
  const emailStep = closure(stats, [stats.entry]);
  const authChunks = Object.entries(stats.chunks)
    .filter(([, c]) => c.modules.some((m) => m.endsWith('src/flow/amplify-client.ts')))
    .map(([file]) => file);
  if (authChunks.length === 0) throw new Error('no chunk holds src/flow/amplify-client.ts');
  const complete = closure(stats, [stats.entry, ...authChunks]);
  const accountEntry = stats.entries?.['passwordless-account'];
  if (!accountEntry) throw new Error('bundle-stats.json names no passwordless-account entry');
  const accountChunks = Object.entries(stats.chunks)
    .filter(([, c]) => c.modules.some((m) => m.endsWith('src/flow/amplify-account.ts')))
    .map(([file]) => file);
  if (accountChunks.length === 0) throw new Error('no chunk holds src/flow/amplify-account.ts');
  // A passkey sign-in adds the passkeys chunk (the device's passkey memory; Amplify's signIn itself
  // carries the WebAuthn ceremony), as creating, listing or deleting passkeys does.
  const passkeyChunks = Object.entries(stats.chunks)
    .filter(([, c]) => c.modules.some((m) => m.endsWith('src/flow/amplify-passkeys.ts')))
    .map(([file]) => file);
  if (passkeyChunks.length === 0) throw new Error('no chunk holds src/flow/amplify-passkeys.ts');
  const accountFirst = closure(stats, [accountEntry]);
  // A signed-in account page lists the user's passkeys: the passkeys chunk is part of it.
  const accountComplete = closure(stats, [accountEntry, ...accountChunks, ...passkeyChunks]);
  const managing = closure(stats, [stats.entry, ...authChunks, ...passkeyChunks]);
  // The device memory's chunk is shared by the account chunk and the passkeys chunk: not the account's own.
  const accountOwn = [...accountComplete].filter((file) => !complete.has(file) && !managing.has(file));
  return {
    emailStep: measure(dir, emailStep),
    completeSignIn: measure(dir, complete),
    passkeySignIn: measure(dir, managing),
    accountFirstRender: measure(dir, accountFirst),
    completeAccount: measure(dir, accountComplete),
    accountOnly: measure(dir, accountOwn),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = bundleSizes(process.argv[2]);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  for (const [name, s] of Object.entries(sizes)) {
    console.log(`${name}: ${s.files.length} files, ${kb(s.raw)} raw, ${kb(s.gzip)} gzip -9, ${kb(s.brotli)} brotli`);
  }
}
