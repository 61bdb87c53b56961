// `npm pack` yields a package that installs into a blank project and works there: the packed files
// are only what ships, aws-amplify stays one copy (a peer dependency), the types make
// `addEventListener('signed-in', e => e.detail.tokens)` compile without casts.
// Each framework's example (examples/<framework>/, the snippets in README.md and docs/frameworks.md)
// type-checks in the app with the shipped typings, the mistakes in its Wrong file are errors, and
// the React (bare tag and wrapper), Vue, Svelte and Angular ones, bundled from the installed package,
// sign a new user in in Chromium against the packaged emulator.
// The README's one-minute path is followed as written: `npx passwordless-login-emulator` prints what
// the README and docs/emulator.md say it prints, and examples/quick-start/ (the README's snippets),
// bundled from the installed package, signs in with the code read from the emulator's terminal.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Plugin } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../scripts/browser.mjs';
import { appImport, appTool, bundle, copyExample, documentedBlock, idsIn, signsIn, startCli } from './pack-helpers.js';

const ROOT = resolve(import.meta.dirname, '../..');
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
let app: string;
let tarball: string;
let browser: Browser | undefined;
let server: Server | undefined;

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

before(async () => {
  app = mkdtempSync(join(tmpdir(), 'passwordless-login-app-'));
  // The build ran before the Node tests (scripts/test.mjs), so the pack skips `prepack`.
  const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', app], ROOT));
  tarball = join(app, packed[0].filename);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'blank-app', private: true, type: 'module' }));
  // One install for every test: the runtime peers, and what a fresh app of each framework has for
  // type checking (Angular 21: the newest that runs on Node 20; 22 needs Node 22).
  npm(
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball,
      'aws-amplify@6', 'react@19', 'react-dom@19', '@types/react@19', '@types/react-dom@19', 'typescript@~5.9',
      'vue@3', 'vue-tsc@3', 'svelte@5', 'svelte-check@4', 'preact@10', 'solid-js@1',
      '@angular/core@21', '@angular/common@21', '@angular/compiler@21', '@angular/compiler-cli@21',
      '@angular/platform-browser@21', 'rxjs@7'],
    app,
  );
});

after(async () => {
  await browser?.close();
  server?.closeAllConnections();
  server?.close();
  if (app) rmSync(app, { recursive: true, force: true });
});

test('the package holds only what ships', () => {
  const packed = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT))[0];
  assert.ok(existsSync(join(ROOT, 'dist/cdn/bundle-stats.json')), 'the build wrote its size record (kept out below)');
  const files: string[] = packed.files.map((f: { path: string }) => f.path);
  for (const required of [
    'dist/lib/register.js', 'dist/lib/register.d.ts', 'dist/lib/passwordless-login.js', 'dist/lib/react.js',
    'dist/lib/register-account.js', 'dist/lib/register-account.d.ts', 'dist/lib/passwordless-account.js',
    'dist/cdn/passwordless-login.js', 'dist/cdn/passwordless-account.js', 'dist/emulator/index.js', 'dist/emulator/cli.js', 'custom-elements.json',
    'dist/types/jsx.d.ts', 'dist/types/vue.d.ts', 'dist/types/svelte.d.ts', 'docs/frameworks.md',
    'README.md', 'package.json',
  ]) {
    assert.ok(files.includes(required), `${required} is in the package`);
  }
  // Only what runs (JavaScript), what types it (.d.ts, the manifest) and what documents it (the
  // README, the changelog, docs/ with its screenshots): no sources, tests, maps or build leftovers.
  const shipped = [
    /^(package\.json|README\.md|CHANGELOG\.md|LICENSE|custom-elements\.json)$/,
    /^dist\/(lib|emulator)\/.+\.(js|d\.ts)$/,
    // The production pool's Lambda triggers, bundled (CommonJS) for the emulator's `triggers: true`.
    /^dist\/emulator\/triggers\/lambda\/[\w-]+\.cjs$/,
    /^dist\/cdn\/(chunks\/)?[\w.-]+\.js$/,
    /^dist\/types\/[\w-]+\.d\.ts$/,
    /^docs\/[\w-]+\.md$/,
    /^docs\/screenshots\/[\w-]+\.png$/,
  ];
  const strays = files.filter((f) => !shipped.some((pattern) => pattern.test(f)));
  assert.deepEqual(strays, [], 'files in the package that nothing needs at run time, for types or for the docs');
  assert.ok(!files.includes('dist/cdn/bundle-stats.json'), "the build's size record stays out");
});

test('a blank app that also uses aws-amplify ends up with one copy of it', () => {
  for (const name of ['aws-amplify', '@aws-amplify/core']) {
    const tree = JSON.parse(npm(['ls', name, '--all', '--json'], app));
    assert.ok(tree.dependencies['passwordless-login'].dependencies?.[name], `passwordless-login depends on ${name}`);
    const paths = new Set(npm(['ls', name, '--all', '--parseable'], app).trim().split('\n'));
    assert.deepEqual([...paths], [join(app, 'node_modules', name)], `the element's ${name} is the app's`);
  }
  const installed = execFileSync('find', [join(app, 'node_modules'), '-path', '*/aws-amplify/package.json'], {
    encoding: 'utf8',
  }).trim().split('\n').filter(Boolean);
  assert.equal(installed.length, 1, `one aws-amplify in node_modules, found ${installed.join(', ')}`);
});

test('the types make the element and its events typed without casts', () => {
  writeFileSync(
    join(app, 'typed.ts'),
    [
      "import 'passwordless-login';",
      "import type { PasswordlessLogin } from 'passwordless-login/element';",
      "const el: PasswordlessLogin = document.createElement('passwordless-login');",
      "el.addEventListener('signed-in', (e) => { const t: string = e.detail.tokens.idToken; console.log(t, e.detail.user.email); });",
      "el.addEventListener('code-sent', (e) => { const n: number = e.detail.codeLength; console.log(n); });",
      "el.addEventListener('login-error', (e) => { const c: string = e.detail.code; console.log(c); });",
      "// @ts-expect-error: the detail is typed, so a wrong property is an error",
      "el.addEventListener('signed-in', (e) => e.detail.nope);",
      "import 'passwordless-login/account';",
      "import type { PasswordlessAccount } from 'passwordless-login/account-element';",
      "const account: PasswordlessAccount = document.createElement('passwordless-account');",
      "account.addEventListener('email-changed', (e) => { const m: string = e.detail.email; console.log(m); });",
      "account.addEventListener('signed-out', (e) => { const all: boolean = e.detail.everywhere; console.log(all); });",
      "account.addEventListener('account-error', (e) => { const c: string = e.detail.code; console.log(c); });",
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'],
        strict: true, noEmit: true, skipLibCheck: true, types: [],
      },
      files: ['typed.ts'],
    }),
  );
  execFileSync(bin('tsc'), ['-p', app], { encoding: 'utf8' });
});

for (const [component, what] of [['Login', "React 19's bare tag"], ['LoginWrapper', 'the React wrapper']] as const) {
  test(`a React app with ${what} (examples/react/${component}.tsx) signs a new user in`, async () => {
    const dir = copyExample(app, 'examples/react', `react-run-${component}`);
    writeFileSync(
      join(dir, 'main.tsx'),
      `import { createRoot } from 'react-dom/client';
import { Login } from './${component}.tsx';
createRoot(document.getElementById('root')!).render(<Login />);
`,
    );
    const ids = idsIn(readFileSync(join(dir, `${component}.tsx`), 'utf8'));
    browser ??= await launchChromium();
    await signsIn({ app, browser, ids, main: await bundle(join(dir, 'main.tsx')) });
  });
}

test("an Angular app with the README's standalone component (examples/angular/login.component.ts) signs a new user in", async () => {
  const dir = copyExample(app, 'examples/angular', 'angular-run');
  // Compiled just in time in the browser (@angular/compiler in the bundle); ngc's ahead-of-time
  // type check of the same file is the 'angular:' test below.
  writeFileSync(
    join(dir, 'main.ts'),
    `import '@angular/compiler';
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { LoginComponent } from './login.component';
bootstrapApplication(LoginComponent, { providers: [provideZonelessChangeDetection()] });
`,
  );
  const main = await bundle(join(dir, 'main.ts'), [], { tsconfigRaw: { compilerOptions: { experimentalDecorators: true } } });
  const html = '<!doctype html><html lang="en"><head><title>app</title></head><body><app-login></app-login><script type="module" src="/main.js"></script></body></html>';
  browser ??= await launchChromium();
  await signsIn({ app, browser, ids: idsIn(readFileSync(join(dir, 'login.component.ts'), 'utf8')), main, html });
});

/** The parts of the app's own compilers these tests call (the repository does not install them). */
interface VueSfcCompiler {
  parse(source: string, options: { filename: string }): { descriptor: object };
  compileScript(
    descriptor: object,
    options: { id: string; inlineTemplate: boolean; templateOptions: { compilerOptions: object } },
  ): { content: string };
}
interface SvelteCompiler {
  compile(source: string, options: { filename: string; generate: 'client' }): { js: { code: string } };
}

test('a Vue app with the README\'s component (examples/vue/Login.vue, compiled by Vue\'s SFC compiler) signs a new user in', async () => {
  const dir = copyExample(app, 'examples/vue', 'vue-run');
  const sfc = await appImport<VueSfcCompiler>(app, 'vue/compiler-sfc');
  // As docs/frameworks.md tells Vite's Vue plugin: the tag is a custom element.
  const compilerOptions = { isCustomElement: (tag: string) => tag === 'passwordless-login' };
  const vue: Plugin = {
    name: 'vue',
    setup(b) {
      b.onLoad({ filter: /\.vue$/ }, ({ path }) => {
        const { descriptor } = sfc.parse(readFileSync(path, 'utf8'), { filename: path });
        const script = sfc.compileScript(descriptor, { id: 'login', inlineTemplate: true, templateOptions: { compilerOptions } });
        return { contents: script.content, loader: 'ts', resolveDir: dir };
      });
    },
  };
  writeFileSync(join(dir, 'main.ts'), "import { createApp } from 'vue';\nimport Login from './Login.vue';\ncreateApp(Login).mount('#root');\n");
  const main = await bundle(join(dir, 'main.ts'), [vue], {
    define: { __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  });
  browser ??= await launchChromium();
  await signsIn({ app, browser, ids: idsIn(readFileSync(join(dir, 'Login.vue'), 'utf8')), main });
});

test('a Svelte 5 app with the README\'s component (examples/svelte/Login.svelte, compiled by Svelte) signs a new user in', async () => {
  const dir = copyExample(app, 'examples/svelte', 'svelte-run');
  const { compile } = await appImport<SvelteCompiler>(app, 'svelte/compiler');
  const svelte: Plugin = {
    name: 'svelte',
    setup(b) {
      b.onLoad({ filter: /\.svelte$/ }, ({ path }) => ({
        contents: compile(readFileSync(path, 'utf8'), { filename: path, generate: 'client' }).js.code,
        loader: 'js',
        resolveDir: dir,
      }));
    },
  };
  writeFileSync(join(dir, 'main.ts'), "import { mount } from 'svelte';\nimport Login from './Login.svelte';\nmount(Login, { target: document.getElementById('root')! });\n");
  const main = await bundle(join(dir, 'main.ts'), [svelte], { conditions: ['browser'] });
  browser ??= await launchChromium();
  await signsIn({ app, browser, ids: idsIn(readFileSync(join(dir, 'Login.svelte'), 'utf8')), main });
});




test("the README's one-minute path: npx passwordless-login-emulator, the quick-start page, the code from the terminal", async () => {
  const page = readFileSync(join(ROOT, 'examples/quick-start/index.html'), 'utf8');
  const attr = (name: string) => new RegExp(`${name}="([^"]+)"`).exec(page)![1]!;
  const cli = startCli(app, ['--port', '0']); // the README's port 9239 may be taken here; routed below
  try {
    // What it prints when ready is what the README shows, but for the port.
    const ready = JSON.parse((await cli.line(/^\{/)).text) as { endpoint: string; userPoolId: string; clientId: string };
    assert.equal(cli.lines[0], JSON.stringify(ready), 'the JSON line comes first');
    await cli.line(/^Cognito emulator listening on /);
    const port = new URL(ready.endpoint).port;
    const asDocumented = cli.lines.slice(0, 2).map((l) => l.replaceAll(`127.0.0.1:${port}`, '127.0.0.1:9239'));
    assert.deepEqual(documentedBlock('README.md', 'start the local Cognito emulator', 1), asDocumented, "the README shows the emulator's first two lines");
    assert.equal(attr('endpoint'), 'http://127.0.0.1:9239', 'the page points at the default port');
    assert.equal(attr('user-pool-id'), ready.userPoolId, "the page carries the emulator's default pool id");
    assert.equal(attr('client-id'), ready.clientId, "the page carries the emulator's default client id");

    const dir = join(app, 'quick-start');
    cpSync(join(ROOT, 'examples/quick-start'), dir, { recursive: true });
    execFileSync(bin('esbuild'), ['main.js', '--bundle', '--format=esm', '--outfile=out/main.js', '--log-level=error'], { cwd: dir });
    const bundle = readFileSync(join(dir, 'out/main.js'));
    const html = readFileSync(join(dir, 'index.html'));
    const site = createServer((req, res) => {
      if (req.url === '/main.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
      else res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    browser ??= await launchChromium();
    const tab = await browser.newPage();
    try {
      await tab.route('http://127.0.0.1:9239/**', (route) =>
        route.continue({ url: route.request().url().replace('127.0.0.1:9239', `127.0.0.1:${port}`) }),
      );
      await tab.goto(`http://127.0.0.1:${(site.address() as { port: number }).port}/`);
      const email = `quick-${randomUUID()}@example.com`;
      await tab.locator('passwordless-login [part~="email-input"]').fill(email);
      await tab.locator('passwordless-login [part~="submit-button"]').click();
      // "The emulator's terminal shows the code."
      const mail = await cli.line(new RegExp(`^mail to ${email.replace(/[.+]/g, '\\$&')}: sign-up code (\\d{6})$`));
      await tab.locator('passwordless-login [part~="code-input"]').fill(/(\d{6})$/.exec(mail.text)![1]!);
      await tab.locator('output').filter({ hasText: email }).waitFor({ timeout: 15_000 });
      assert.equal(await tab.locator('output').textContent(), `Signed in as ${email}`);

      // docs/emulator.md shows a new user's sign-up through the element line for line.
      await cli.line(/^InitiateAuth 200$/, mail.index);
      const seen = cli.lines
        .slice(0, cli.lines.indexOf('InitiateAuth 200', mail.index) + 1)
        .map((l) => l.replaceAll(`127.0.0.1:${port}`, '127.0.0.1:9239').replaceAll(email, 'alice@example.com')
          .replace(/code \d{6}$/, 'code 493021'));
      assert.deepEqual(documentedBlock('docs/emulator.md', 'A new user signing up through the element'), seen);
    } finally {
      await tab.close();
      site.closeAllConnections();
      site.close();
    }
  } finally {
    await cli.stop();
  }
  assert.match(cli.lines.at(-1)!, /^SIGINT: stopping$/, 'Ctrl+C stops it, as documented');
});



for (const folder of ['examples/react', 'examples/preact', 'examples/solid']) {
  test(`${folder}: the example compiles with noImplicitAny and no casts; the wrong attribute values and details are errors`, () => {
    const dir = copyExample(app, folder);
    assert.doesNotMatch(readFileSync(join(dir, 'Login.tsx'), 'utf8'), / as [A-Z]|<[A-Z]\w*>\(|@ts-/, 'no casts');
    const { status, output } = appTool(app, 'tsc', ['-p', '.'], dir);
    // Wrong.tsx marks each mistake with @ts-expect-error, so an untyped attribute fails the run too.
    assert.equal(status, 0, output);
  });
}

test('vue: vue-tsc checks the example; wrong attribute values and details are errors', () => {
  const dir = copyExample(app, 'examples/vue');
  const { status, output } = appTool(app, 'vue-tsc', ['-p', '.'], dir);
  assert.equal(status, 0, output); // Wrong.vue's @vue-expect-error lines must each be an error
  assert.match(readFileSync(join(dir, 'Wrong.vue'), 'utf8'), /@vue-expect-error[^\n]*\n\s*<passwordless-login sign-up="bogus"/);
});

test('svelte: svelte-check passes the example and reports exactly the mistakes in Wrong.svelte', () => {
  const dir = copyExample(app, 'examples/svelte');
  const { status, output } = appTool(app, 'svelte-check', ['--tsconfig', './tsconfig.json', '--output', 'machine'], dir);
  assert.notEqual(status, 0);
  const errors = output.split('\n').filter((l) => / ERROR /.test(l)).map((l) => l.replace(/^\d+ ERROR /, ''));
  assert.deepEqual(errors.map((l) => l.split(' ')[0]), ['"Wrong.svelte"', '"Wrong.svelte"'], output);
  assert.match(errors[0]!, /^"Wrong.svelte" 6:\d+ .*bogus.* is not assignable to type .*auto.*off/);
  assert.match(errors[1]!, /^"Wrong.svelte" 7:\d+ "Property 'nope' does not exist on type 'SignedInDetail'/);
});

test('angular: ngc with strictTemplates compiles the standalone example; typed events catch the wrong handler and detail', () => {
  const dir = copyExample(app, 'examples/angular');
  const { status, output } = appTool(app, 'ngc', ['-p', 'tsconfig.json'], dir);
  assert.notEqual(status, 0);
  const errors = [...output.replace(/\x1b\[[0-9;]*m/g, '').matchAll(/^(\S+):(\d+):\d+ - error (TS\d+): (.*)$/gm)].map(
    (m) => `${m[1]}:${m[2]} ${m[3]} ${m[4]}`,
  );
  assert.deepEqual(errors, [
    "wrong.component.ts:9 TS2345 Argument of type 'SignedInEvent' is not assignable to parameter of type 'CodeSentEvent'.",
    "wrong.component.ts:9 TS2339 Property 'nope' does not exist on type 'CodeSentDetail'.",
  ], output);
});
