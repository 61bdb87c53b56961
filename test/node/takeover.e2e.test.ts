// Issue 10, item 1, end to end: the account takeover before the owner signs up, attempted against
// the emulator exactly as `npm run emulator` runs it (the built CLI with its defaults: the
// production pool's Lambda triggers from infra/, bundled), the attacker using the AWS SDK v3 as an
// attacker would, the owner using the element (script-tag bundle) in Chromium. Run `npm run build`
// first. With sign-up="auto" the owner confirms the account and ends signed in, and the attacker's
// password no longer signs in (PREFERRED_CHALLENGE=PASSWORD, or SELECT_CHALLENGE → PASSWORD). With
// sign-up="off" the element sends no sign-up code and confirms nothing, so the account the attacker
// made never becomes usable; with SelfSignUp off the attacker cannot even make it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/browser.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const PASSWORD = 'Attacker-Chosen-Pa55!';

interface Cli {
  child: ChildProcess;
  endpoint: string;
  userPoolId: string;
  clientId: string;
  region: string;
}

/** `npm run emulator` without the build step (the tests run after `npm run build`), on a free port. */
function startCli(args: string[] = []): Promise<Cli> {
  const child = spawn(process.execPath, [join(ROOT, 'dist/emulator/cli.js'), '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => {
      child.stdout!.resume();
      try {
        resolvePromise({ child, ...(JSON.parse(line) as Omit<Cli, 'child'>) });
      } catch {
        reject(new Error(`the emulator printed ${line} ${stderr}`));
      }
    });
    child.once('exit', (code) => reject(new Error(`the emulator exited (${code}): ${stderr}`)));
  });
}

function stopCli(cli: Cli | undefined): Promise<void> {
  if (!cli || cli.child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    cli.child.once('exit', () => done());
    cli.child.kill('SIGTERM');
  });
}

let cli: Cli;
let adminOnlyCli: Cli;
let browser: Browser;
let server: Awaited<ReturnType<typeof startStaticServer>>;
let attacker: CognitoIdentityProviderClient;
const pageDir = mkdtempSync(join(tmpdir(), 'takeover-page-'));

before(async () => {
  [cli, adminOnlyCli] = await Promise.all([startCli(), startCli(['--self-sign-up', 'off'])]);
  writeFileSync(
    join(pageDir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>victim</title>' +
      '<script type="module" src="/cdn/passwordless-login.js"></script><script type="module" src="/page.js"></script></head><body></body></html>',
  );
  // The element as a site would put it on a page, its sign-up mode from the query string.
  writeFileSync(
    join(pageDir, 'page.js'),
    `const config = await fetch('/config.json').then((r) => r.json());
const el = document.createElement('passwordless-login');
el.setAttribute('user-pool-id', config.userPoolId);
el.setAttribute('client-id', config.clientId);
el.setAttribute('endpoint', config.endpoint);
el.setAttribute('sign-up', new URLSearchParams(location.search).get('sign-up') ?? 'auto');
document.body.append(el);
`,
  );
  server = await startStaticServer({
    mounts: [
      ['/cdn/', join(ROOT, 'dist', 'cdn')],
      ['/', pageDir],
    ],
    json: { '/config.json': () => ({ endpoint: cli.endpoint, userPoolId: cli.userPoolId, clientId: cli.clientId }) },
  });
  browser = await launchChromium();
  attacker = new CognitoIdentityProviderClient({ endpoint: cli.endpoint, region: cli.region, maxAttempts: 1 });
});

after(async () => {
  attacker?.destroy();
  await browser?.close();
  await server?.close();
  await Promise.all([stopCli(cli), stopCli(adminOnlyCli)]);
  rmSync(pageDir, { recursive: true, force: true });
});

const el = 'passwordless-login';
const part = (page: Page, name: string) => page.locator(`${el} [part~="${name}"]`);

async function mails(target: Cli, to: string): Promise<Array<{ kind: string; code: string }>> {
  return (await fetch(`${target.endpoint}/_emulator/messages?to=${encodeURIComponent(to)}`)).json() as Promise<Array<{ kind: string; code: string }>>;
}

async function nthMail(to: string, n: number): Promise<{ kind: string; code: string }> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const found = await mails(cli, to);
    if (found.length >= n) return found[n - 1]!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no mail #${n} to ${to}`);
}

async function atStep(page: Page, step: 'email' | 'code' | 'signed-in'): Promise<void> {
  await page.waitForFunction(
    ([tag, s]) => {
      const node = document.querySelector(tag!);
      return !!node && node.matches(`:state(${s})`) && !node.matches(':state(busy)');
    },
    [el, step],
    { timeout: 15_000 },
  );
}

async function openElement(signUp: 'auto' | 'off'): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(new URL(`/?sign-up=${signUp}`, server.url).href);
  await part(page, 'email-input').waitFor();
  return page;
}

async function submitEmail(page: Page, email: string): Promise<void> {
  await part(page, 'email-input').fill(email);
  await part(page, 'submit-button').click();
  await atStep(page, 'code');
}

/** Signs up `victim` with the attacker's password, straight through the API. */
function attackerSignsUp(client: CognitoIdentityProviderClient, clientId: string, victim: string) {
  return client.send(
    new SignUpCommand({ ClientId: clientId, Username: victim, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: victim }] }),
  );
}

/** The attacker's two ways to sign in with the password; each rejection's `name`. */
async function attackerSignsIn(victim: string): Promise<[string, string]> {
  const preferred = await attacker
    .send(
      new InitiateAuthCommand({
        ClientId: cli.clientId,
        AuthFlow: 'USER_AUTH',
        AuthParameters: { USERNAME: victim, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD },
      }),
    )
    .then(
      (r) => `tokens: ${Boolean(r.AuthenticationResult?.AccessToken)}`,
      (e: Error) => e.name,
    );
  const selected = await attacker
    .send(new InitiateAuthCommand({ ClientId: cli.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: victim } }))
    .then((select) =>
      attacker.send(
        new RespondToAuthChallengeCommand({
          ClientId: cli.clientId,
          ChallengeName: 'SELECT_CHALLENGE',
          Session: select.Session,
          ChallengeResponses: { USERNAME: victim, ANSWER: 'PASSWORD', PASSWORD },
        }),
      ),
    )
    .then(
      (r) => `tokens: ${Boolean(r.AuthenticationResult?.AccessToken)}`,
      (e: Error) => e.name,
    );
  return [preferred, selected];
}

describe('account takeover before the owner signs up', () => {
  test('sign-up="auto": the owner confirms and is signed in; the attacker’s password signs in no more', async () => {
    const victim = `victim-${randomUUID()}@example.com`;
    await attackerSignsUp(attacker, cli.clientId, victim);

    const page = await openElement('auto');
    await submitEmail(page, victim);
    // The element met the unconfirmed account and sent its owner a fresh sign-up code; confirming
    // with it signs them in.
    const signUpCode = await nthMail(victim, 2);
    assert.equal(signUpCode.kind, 'sign-up');
    await part(page, 'code-input').fill(signUpCode.code);
    await atStep(page, 'signed-in');
    assert.match((await part(page, 'signed-in').textContent()) ?? '', new RegExp(victim.replace(/[.]/g, '\\.')));
    await page.close();

    assert.deepEqual(await attackerSignsIn(victim), ['NotAuthorizedException', 'NotAuthorizedException']);
  });

  test('sign-up="off": no sign-up code, nothing confirmed, so the attacker’s account never becomes usable', async () => {
    const victim = `victim-${randomUUID()}@example.com`;
    await attackerSignsUp(attacker, cli.clientId, victim);
    const before = (await mails(cli, victim)).length;

    const page = await openElement('off');
    await submitEmail(page, victim);
    // What an unknown address gets: the sign-in code step, with nothing sent.
    assert.match((await part(page, 'form').textContent()) ?? '', /v\*\*\*@e\*\*\*/);
    await part(page, 'code-input').fill('12345678');
    await page.waitForFunction((tag) => document.querySelector(tag!)?.shadowRoot?.querySelector('[part~="error"]')?.textContent?.trim(), el);
    await atStep(page, 'code');
    await page.close();

    assert.equal((await mails(cli, victim)).length, before, 'no sign-up code was sent');
    assert.deepEqual(await attackerSignsIn(victim), ['UserNotConfirmedException', 'UserNotConfirmedException']);
  });

  test('SelfSignUp=off (--self-sign-up off): the attacker cannot create the account at all', async () => {
    const client = new CognitoIdentityProviderClient({ endpoint: adminOnlyCli.endpoint, region: adminOnlyCli.region, maxAttempts: 1 });
    try {
      const victim = `victim-${randomUUID()}@example.com`;
      const refused = await attackerSignsUp(client, adminOnlyCli.clientId, victim).then(
        () => 'created',
        (e: Error) => `${e.name}: ${e.message}`,
      );
      assert.equal(refused, 'NotAuthorizedException: SignUp is not permitted for this user pool');
      assert.deepEqual(await mails(adminOnlyCli, victim), []);
    } finally {
      client.destroy();
    }
  });
});
