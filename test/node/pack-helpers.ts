// Helpers for test/node/pack.test.ts: the README's examples copied into the app that installed the
// packed package, the app's own tools run on them, bundles of them signed in through in Chromium,
// and the emulator's CLI read line by line.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import type { Browser } from 'playwright-core';

export const ROOT = join(import.meta.dirname, '../..');

/** Copies an example folder into the app (so it resolves the installed package); returns the copy. */
export function copyExample(app: string, folder: string, as = folder.replace('examples/', '')): string {
  const dir = join(app, as);
  cpSync(join(ROOT, folder), dir, { recursive: true });
  return dir;
}

/** Runs one of the app's own tools (node_modules/.bin); its exit status and output. */
export function appTool(app: string, tool: string, args: string[], cwd: string): { status: number; output: string } {
  try {
    const output = execFileSync(join(app, 'node_modules', '.bin', tool), args, { cwd, encoding: 'utf8', stdio: 'pipe' });
    return { status: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, output: `${e.stdout}${e.stderr}` };
  }
}

/** Imports a module the app installed (its compiler, say), as the app would resolve it. */
export async function appImport<T>(app: string, specifier: string): Promise<T> {
  const path = createRequire(join(app, 'package.json')).resolve(specifier);
  const module = (await import(pathToFileURL(path).href)) as T & { default?: T };
  // require() resolves a CommonJS build for some packages: its exports arrive as `default`.
  return Object.keys(module).some((k) => k !== 'default') ? module : (module.default as T);
}

/** Bundles an app entry for the browser, resolving packages from the app's node_modules. */
export async function bundle(entry: string, plugins: Plugin[] = [], options: Parameters<typeof build>[0] = {}): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    logLevel: 'error',
    plugins,
    ...options,
  });
  return result.outputFiles![0]!.contents;
}

/** The pool ids an example names in its markup (a real pool's, or the emulator's defaults). */
export function idsIn(source: string): { userPoolId: string; clientId: string } {
  return {
    userPoolId: /(?:user-pool-id|userPoolId)="([^"]+)"/.exec(source)![1]!,
    clientId: /(?:client-id|clientId)="([^"]+)"/.exec(source)![1]!,
  };
}

/**
 * Serves `html` and `/main.js` (the app's bundle), answers the example's Cognito endpoint from an
 * emulator of the packed package with the example's pool ids, and signs a new user in through the
 * page: the app's own `signed-in` handler must then show "Signed in as <email>" in place of the
 * element.
 */
export async function signsIn(options: {
  app: string;
  browser: Browser;
  main: Uint8Array;
  ids: { userPoolId: string; clientId: string };
  html?: string;
}): Promise<void> {
  const { app, browser, main, ids } = options;
  const html =
    options.html ??
    '<!doctype html><html lang="en"><head><title>app</title></head><body><div id="root"></div><script type="module" src="/main.js"></script></body></html>';
  const { startEmulator } = await import(pathToFileURL(join(app, 'node_modules/passwordless-login/dist/emulator/index.js')).href);
  // With the production pool's triggers, bundled in the package with their AWS SDK: nothing else installed.
  const cognito = await startEmulator({ port: 0, log: false, triggers: true, ...ids });
  const server = createServer((req, res) => {
    if (req.url === '/main.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(main);
    else res.writeHead(200, { 'content-type': 'text/html' }).end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const tab = await browser.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  try {
    // The example names a real pool in eu-west-1; the emulator answers for Cognito there.
    await tab.route('https://cognito-idp.eu-west-1.amazonaws.com/**', async (route) =>
      route.fulfill({ response: await route.fetch({ url: `${cognito.endpoint}/` }) }),
    );
    await tab.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
    const email = `app-${randomUUID()}@example.com`;
    await tab.locator('passwordless-login [part~="email-input"]').fill(email);
    await tab.locator('passwordless-login [part~="submit-button"]').click();
    await tab.locator('passwordless-login [part~="code-input"]').waitFor({ timeout: 15_000 });
    const mails = await (await fetch(`${cognito.endpoint}/_emulator/messages?to=${encodeURIComponent(email)}`)).json();
    assert.equal(mails.length, 1, 'one email for a new user');
    await tab.locator('passwordless-login [part~="code-input"]').fill(mails[0].code);
    // The component's signed-in handler ran: it replaced the element with the user's email.
    await tab.getByText(`Signed in as ${email}`).waitFor({ timeout: 15_000 });
    assert.equal(await tab.locator('passwordless-login').count(), 0);
    assert.deepEqual(errors, [], 'no uncaught error in the app');
    // The packaged seal trigger ran at confirmation (its bundled AWS SDK calling the emulator).
    const user = await fetch(cognito.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.AdminGetUser',
        // Admin calls must be SigV4-signed; the emulator checks the header is there, not the signature.
        authorization: `AWS4-HMAC-SHA256 Credential=AKIATEST/20260101/${cognito.region}/cognito-idp/aws4_request, SignedHeaders=host, Signature=00`,
      },
      body: JSON.stringify({ UserPoolId: cognito.userPoolId, Username: email }),
    }).then((r) => r.json());
    assert.ok(user.UserAttributes.some((a: { Name: string }) => a.Name === 'custom:sealed_at'), 'the account is sealed');
  } finally {
    await tab.close();
    server.closeAllConnections();
    server.close();
    await cognito.close();
  }
}

/** `npx passwordless-login-emulator` in the app, its stdout lines as they come. */
export function startCli(app: string, args: string[]) {
  const child = spawn(join(app, 'node_modules', '.bin', 'passwordless-login-emulator'), args, {
    cwd: app,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const waiters: Array<() => void> = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const wake of waiters.splice(0)) wake();
  });
  const exited = new Promise((r) => child.once('exit', r));
  /** Resolves with the first line (from `from` on) that matches. */
  async function line(pattern: RegExp, from = 0, timeout = 15_000): Promise<{ text: string; index: number }> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const index = lines.findIndex((l, i) => i >= from && pattern.test(l));
      if (index >= 0) return { text: lines[index]!, index };
      if (Date.now() > deadline) throw new Error(`no line matching ${pattern} in:\n${lines.join('\n')}`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 250);
      });
    }
  }
  return {
    lines,
    line,
    stop: async () => {
      child.kill('SIGINT');
      await exited;
    },
  };
}

/** The `nth` fenced block after `marker` in a Markdown file, as trimmed lines. */
export function documentedBlock(file: string, marker: string, nth = 0): string[] {
  const md = readFileSync(join(ROOT, file), 'utf8');
  const at = md.indexOf(marker);
  assert.ok(at >= 0, `${file} has ${JSON.stringify(marker)}`);
  const block = [...md.slice(at).matchAll(/```[a-z]*\n([\s\S]*?)\n\s*```/g)][nth]!;
  return block[1]!.split('\n').map((l) => l.trim());
}
