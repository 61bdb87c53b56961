// README.md and docs/*.md hold together wherever they are read, in the repository and in the
// installed package: every relative link and #anchor resolves to a file that the package ships,
// every file docs/ ships is used, absolute URLs are ones we know to exist, README.md stays a front
// door, and every code block marked `<!-- file: path -->` is byte for byte a file that a test
// builds and runs, so no snippet the reader copies was never executed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { anchors, links, slug, snippets, urls } from './markdown.js';

const ROOT = resolve(import.meta.dirname, '../..');
const rel = (path: string) => relative(ROOT, path).split('\\').join('/');

const docs = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f.split('\\').join('/')}`)
    .sort(),
];
const text = new Map(docs.map((d) => [d, readFileSync(join(ROOT, d), 'utf8')]));

/** The files `npm pack` would put in the tarball (no build needed: the docs point at none of dist/). */
const packed = new Set<string>(
  JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }),
  )[0].files.map((f: { path: string }) => f.path),
);

/** A relative link's file (repository path) and anchor, or undefined for an absolute URL. */
function resolveLink(from: string, target: string): { file: string; anchor?: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return undefined;
  const [path, anchor] = target.split('#', 2) as [string, string | undefined];
  const file = path === '' ? from : rel(normalize(join(ROOT, dirname(from), decodeURIComponent(path))));
  return { file, anchor };
}

/** Problems with one document's links: a missing file, an unshipped file, an unknown anchor. */
function linkProblems(from: string, markdown: string, files: (path: string) => string | undefined): string[] {
  const problems: string[] = [];
  for (const { target, line } of links(markdown)) {
    const link = resolveLink(from, target);
    if (!link) continue;
    const where = `${from}:${line} → ${target}`;
    const body = files(link.file);
    if (body === undefined) {
      problems.push(`${where}: no such file`);
      continue;
    }
    if (link.anchor !== undefined) {
      if (!link.file.endsWith('.md')) problems.push(`${where}: an anchor into a file that is not Markdown`);
      else if (!anchors(body).has(link.anchor)) problems.push(`${where}: no heading or id makes #${link.anchor}`);
    }
  }
  return problems;
}

const repoFile = (path: string): string | undefined => {
  const full = join(ROOT, path);
  if (!existsSync(full)) return undefined;
  return statSync(full).isDirectory() ? '' : readFileSync(full, 'utf8');
};

test('every relative link and #anchor in README.md and docs/ resolves', () => {
  const problems = docs.flatMap((d) => linkProblems(d, text.get(d)!, repoFile));
  assert.deepEqual(problems, []);
});

test('every file README.md and docs/ link to is in the package, so the links work once installed', () => {
  const unshipped: string[] = [];
  for (const d of docs) {
    for (const { target, line } of links(text.get(d)!)) {
      const link = resolveLink(d, target);
      if (link && !packed.has(link.file)) unshipped.push(`${d}:${line} → ${target} (${link.file})`);
    }
  }
  assert.ok(packed.has('README.md') && docs.every((d) => packed.has(d)), 'README.md and every docs/*.md are packed');
  assert.deepEqual(unshipped, [], 'link only to shipped files; name repository-only files as `code`');
});

test('docs/ ships nothing that no document uses', () => {
  const used = new Set(
    docs.flatMap((d) => links(text.get(d)!).map(({ target }) => resolveLink(d, target)?.file).filter(Boolean)),
  );
  const unused = [...packed].filter((f) => f.startsWith('docs/') && !f.endsWith('.md') && !used.has(f));
  assert.deepEqual(unused, [], 'files under docs/ that no document links to (delete them, or stop shipping them)');
});

// Absolute URLs: only ones whose existence we know, never a guessed address.
const KNOWN_URLS: RegExp[] = [
  /^https:\/\/cdn\.jsdelivr\.net(\/npm\/passwordless-login(\/dist\/cdn\/passwordless-(login|account)\.js)?)?$/, // jsDelivr serves every npm package
  /^https:\/\/unpkg\.com\/passwordless-login$/, // so does unpkg (package.json's `unpkg` field)
  /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com(\/[\w./-]*)?$/, // Cognito's regional endpoint and issuer
  /^https:\/\/github\.com\/awslabs\/aws-jwt-verify$/, // aws-jwt-verify's repository
  /^https:\/\/simplewebauthn\.dev\/?$/, // @simplewebauthn's documentation site
];
// Loopback, RFC 2606 names reserved for examples (example.com, *.test, *.example, *.invalid), and
// templates (`<region>`, `…`, `{endpoint}`).
const PLACEHOLDER =
  /^https?:\/\/((127\.0\.0\.1|localhost)([:/]|$)|([\w-]+\.)*(example\.(com|org|net)|[\w-]+\.(test|example|invalid|localhost))([:/,]|$))|<|…|\{/;

test('absolute URLs in README.md and docs/ are known ones', () => {
  const unknown = docs.flatMap((d) =>
    urls(text.get(d)!)
      .filter(({ target }) => !PLACEHOLDER.test(target) && !KNOWN_URLS.some((k) => k.test(target.replace(/[.,;:]+$/, ''))))
      .map(({ target, line }) => `${d}:${line}: ${target}`),
  );
  assert.deepEqual(unknown, []);
});

test('README.md is a front door: at most 15 KB', () => {
  const size = Buffer.byteLength(text.get('README.md')!);
  assert.ok(size <= 15 * 1024, `README.md is ${size} bytes; move detail into docs/`);
});

const tests = readdirSync(join(ROOT, 'test'), { recursive: true })
  .map(String)
  .filter((f) => /\.(ts|mjs|js)$/.test(f) && !/node[\/](docs\.test|markdown)\.ts$/.test(f))
  .map((f) => readFileSync(join(ROOT, 'test', f), 'utf8'));

test('every snippet marked as a file is that file, and a test uses the file', () => {
  const all = docs.flatMap((d) => snippets(text.get(d)!).map((s) => ({ ...s, doc: d })));
  assert.ok(all.length >= 4, 'README.md marks its examples as files');
  const problems: string[] = [];
  for (const { doc, file, body, line } of all) {
    const where = `${doc}:${line} (${file})`;
    const actual = repoFile(file);
    if (actual === undefined || actual === '') problems.push(`${where}: no such file`);
    else if (actual !== body) problems.push(`${where}: differs from the file`);
    const dir = dirname(file);
    if (!tests.some((t) => t.includes(file) || t.includes(`${dir}/`) || t.includes(`'${dir}'`))) {
      problems.push(`${where}: no test under test/ names the file or its folder`);
    }
  }
  assert.deepEqual(problems, []);
});

// The checks above can fail: each kind of problem is caught in a made-up document.
test('the checker catches a broken link, a wrong anchor, a stale snippet and an unmarked fence end', () => {
  const doc = [
    '# Title `code` here',
    '## Same',
    '## Same',
    'See [a](#title-code-here), [b](#same-1), [c](#nope), [d](missing.md), [e](../README.md#quick-start)',
    '`[not a link](nowhere.md)`',
    '<!-- file: examples/script-tag/app.js -->',
    '',
    '   ```js',
    '   changed',
    '   ```',
    '```',
    '[inside a fence](fenced.md)',
    '```',
  ].join('\n');
  const problems = linkProblems('docs/x.md', doc, (p) =>
    p === 'README.md' ? text.get('README.md') : p === 'docs/x.md' ? doc : undefined,
  );
  assert.deepEqual(problems, [
    'docs/x.md:4 → #nope: no heading or id makes #nope',
    'docs/x.md:4 → missing.md: no such file',
    'docs/x.md:4 → ../README.md#quick-start: no heading or id makes #quick-start',
  ]);
  const [snippet] = snippets(doc);
  assert.equal(snippet?.file, 'examples/script-tag/app.js');
  assert.equal(snippet?.body, 'changed\n');
  assert.notEqual(snippet?.body, repoFile(snippet!.file));
  assert.equal(slug('The `<passwordless-login>` element'), 'the-passwordless-login-element');
  assert.equal(slug('Reliability: fault injection, malformed input, load'), 'reliability-fault-injection-malformed-input-load');
});
