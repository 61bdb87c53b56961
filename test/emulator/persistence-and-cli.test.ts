// --data across restarts, a corrupt data file, the command line, and the custom message handler.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
  StartWebAuthnRegistrationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { startEmulator } from '../../emulator/index.js';
import { failure, harness, newEmail, signedInUser } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'emulator-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const CLI = 'dist/emulator/cli.js';
const FIXTURE = 'test/emulator/fixtures/custom-message.mjs';

describe('--data', () => {
  it('keeps a signed-up user, its tokens and the pool ids across a restart', async () => {
    const file = join(dir, 'pool.json');
    const first = await harness({ dataFile: file });
    const email = newEmail();
    await first.client.send(new SignUpCommand({ ClientId: first.emulator.clientId, Username: email }));
    const { Session } = await first.client.send(
      new ConfirmSignUpCommand({ ClientId: first.emulator.clientId, Username: email, ConfirmationCode: await first.lastCode(email, 'sign-up') }),
    );
    const tokens = (
      await first.client.send(
        new InitiateAuthCommand({ ClientId: first.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email }, Session }),
      )
    ).AuthenticationResult!;
    const { userPoolId, clientId } = first.emulator;
    await first.close();
    assert.ok(!readFileSync(file, 'utf8').includes(tokens.RefreshToken!), 'the file keeps no usable refresh token');
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);

    const second = await harness({ dataFile: file });
    assert.deepEqual([second.emulator.userPoolId, second.emulator.clientId], [userPoolId, clientId]);
    // Same keys: the old access token still works; same user: signing up again is refused.
    const user = await second.client.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));
    assert.equal(user.UserAttributes?.find((a) => a.Name === 'email')?.Value, email);
    assert.equal((await failure(second.client.send(new SignUpCommand({ ClientId: clientId, Username: email })))).name, 'UsernameExistsException');
    const start = await second.client.send(
      new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'EMAIL_OTP' } }),
    );
    assert.equal(start.ChallengeName, 'EMAIL_OTP');
    await second.close();
  });

  it('a corrupt data file is a clear startup error and is left untouched', async () => {
    const file = join(dir, 'corrupt.json');
    writeFileSync(file, '{"format":"passwordless-login-emulator", "users": [');
    await assert.rejects(startEmulator({ log: false, dataFile: file }), (error: Error) => {
      assert.equal(error.name, 'EmulatorDataError');
      assert.match(error.message, /corrupt\.json cannot be used/);
      return true;
    });
    assert.equal(readFileSync(file, 'utf8'), '{"format":"passwordless-login-emulator", "users": [');
    writeFileSync(file, '{"format":"something-else"}');
    await assert.rejects(startEmulator({ log: false, dataFile: file }), /"format"/);
  });
});

/** Starts the CLI and resolves with its first stdout line (parsed) and the child. */
function startCli(args: string[]) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = createInterface({ input: child.stdout! });
  const rest: string[] = [];
  const first = new Promise<Record<string, string>>((resolve, reject) => {
    let seen = false;
    lines.on('line', (line) => {
      if (!seen) {
        seen = true;
        try {
          resolve(JSON.parse(line) as Record<string, string>);
        } catch (error) {
          reject(error as Error);
        }
      } else rest.push(line);
    });
    child.on('exit', (code) => reject(new Error(`cli exited with ${code}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, first, rest, exited };
}

describe('command line', () => {
  it('prints one JSON line when ready, logs each mail, and stops cleanly on SIGTERM', async () => {
    const cli = startCli(['--port', '0', '--auth-session-validity', '20s', '--code-send-limit', '3/10m']);
    const info = await cli.first;
    assert.deepEqual(Object.keys(info), ['endpoint', 'userPoolId', 'clientId', 'region', 'jwksUri']);
    assert.match(info.endpoint!, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(info.userPoolId!, /^us-east-1_[0-9A-Za-z]+$/);
    assert.match(info.clientId!, /^[a-z0-9]{26}$/);
    assert.equal(info.jwksUri, `${info.endpoint}/${info.userPoolId}/.well-known/jwks.json`);
    const email = newEmail();
    const r = await fetch(`${info.endpoint}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.SignUp' },
      body: JSON.stringify({ ClientId: info.clientId, Username: email }),
    });
    assert.equal(r.status, 200);
    const [mail] = (await (await fetch(`${info.endpoint}/_emulator/messages?to=${email}`)).json()) as Array<{ code: string }>;
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(cli.rest.some((line) => line.includes(email) && line.includes('sign-up') && line.includes(mail!.code)), cli.rest.join('\n'));
    cli.child.kill('SIGTERM');
    assert.equal(await cli.exited, 0);
  });

  it('--help documents every option', () => {
    const r = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    assert.equal(r.status, 0);
    for (const option of ['--port', '--host', '--user-pool-id', '--client-id', '--user-existence-errors', '--auth-session-validity', '--code-send-limit', '--data', '--custom-message', '--keep-original-email', '--passkeys', '--relying-party-id', '--allowed-origins', '--user-verification', '--cors-origin', '--allowed-host', '--request-timeout', '--password-policy', '--custom-attribute'])
      assert.ok(r.stdout.includes(option), option);
  });

  it('bad options are one error line and exit code 2', () => {
    for (const args of [['--port', 'abc'], ['--user-existence-errors', 'maybe'], ['--keep-original-email', 'yes'], ['--auth-session-validity', 'soon'], ['--nope'], ['--user-pool-id', 'nounderscore'], ['--passkeys', 'maybe'], ['--relying-party-id', '127.0.0.1'], ['--user-verification', 'always'], ['--allowed-origins', 'localhost'], ['--passkeys', 'off', '--user-verification', 'required'], ['--cors-origin', 'app.test'], ['--allowed-host', 'a b'], ['--request-timeout', 'never'], ['--password-policy', 'min=5'], ['--password-policy', 'emoji'], ['--custom-attribute', 'age:Float']]) {
      const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.equal(r.stdout, '');
    }
  });

  it('the passkey options reach the pool: RP ID, user verification, allowed origins, off', async () => {
    const on = startCli(['--port', '0', '--relying-party-id', 'example.com', '--user-verification', 'required', '--allowed-origins', 'https://example.com']);
    const off = startCli(['--port', '0', '--passkeys', 'off']);
    try {
      for (const [cli, expected] of [[on, 'ok'], [off, 'WebAuthnNotEnabledException']] as const) {
        const info = await cli.first;
        const h = {
          emulator: { clientId: info.clientId! },
          client: new CognitoIdentityProviderClient({ endpoint: info.endpoint, region: info.region, maxAttempts: 1 }),
          async lastCode(to: string, kind: string) {
            const mails = (await (await fetch(`${info.endpoint}/_emulator/messages?to=${encodeURIComponent(to)}`)).json()) as Array<{ kind: string; code: string }>;
            return mails.filter((m) => m.kind === kind).at(-1)!.code;
          },
        };
        const { accessToken } = await signedInUser(h);
        const start = h.client.send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken }));
        if (expected === 'ok') {
          const options = (await start).CredentialCreationOptions as Record<string, any>;
          assert.equal(options.rp.id, 'example.com');
          assert.equal(options.authenticatorSelection.userVerification, 'required');
        } else assert.equal((await failure(start)).name, expected);
        h.client.destroy();
      }
    } finally {
      on.child.kill('SIGTERM');
      off.child.kill('SIGTERM');
      assert.equal(await on.exited, 0);
      assert.equal(await off.exited, 0);
    }
  });

  it('a non-loopback host gets a development-server warning after the JSON line', async () => {
    const cli = startCli(['--port', '0', '--host', '0.0.0.0']);
    const info = await cli.first;
    assert.match(info.endpoint!, /^http:\/\/127\.0\.0\.1:/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(cli.rest.some((line) => /development server/.test(line)), cli.rest.join('\n'));
    cli.child.kill('SIGINT');
    assert.equal(await cli.exited, 0);
  });

  it('a corrupt --data file stops the CLI with one clear line', () => {
    const file = join(dir, 'cli-corrupt.json');
    writeFileSync(file, 'not json');
    const r = spawnSync(process.execPath, [CLI, '--port', '0', '--data', file], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /cli-corrupt\.json cannot be used/);
  });
});

describe('customMessage', () => {
  it('the handler writes the mails: subject, text, HTML, locale and trigger source', async () => {
    const h = await harness({ customMessage: FIXTURE });
    try {
      const email = newEmail();
      await h.client.send(
        new SignUpCommand({ ClientId: h.emulator.clientId, Username: email, UserAttributes: [{ Name: 'locale', Value: 'de' }] }),
      );
      const [signUpMail] = await h.mails(email);
      assert.equal(signUpMail!.subject, 'Ihr Bestätigungscode');
      assert.equal(signUpMail!.text, `Ihr Code: ${signUpMail!.code} (CustomMessage_SignUp, UNCONFIRMED)`);
      assert.equal(signUpMail!.html, undefined);
      await h.client.send(new ConfirmSignUpCommand({ ClientId: h.emulator.clientId, Username: email, ConfirmationCode: signUpMail!.code }));
      const start = await h.client.send(
        new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'EMAIL_OTP' } }),
      );
      const signInMail = (await h.mails(email)).at(-1)!;
      assert.equal(signInMail.kind, 'sign-in');
      assert.equal(signInMail.subject, 'Ihr Anmeldecode');
      assert.ok(signInMail.html?.includes(`<strong>${signInMail.code}</strong>`));
      assert.equal(signInMail.text, `Code: ${signInMail.code}\nCustomMessage_Authentication`);
      const done = await h.client.send(
        new RespondToAuthChallengeCommand({
          ClientId: h.emulator.clientId,
          ChallengeName: 'EMAIL_OTP',
          Session: start.Session,
          ChallengeResponses: { USERNAME: email, EMAIL_OTP_CODE: signInMail.code },
        }),
      );
      assert.ok(done.AuthenticationResult);
    } finally {
      await h.close();
    }
  });

  it('a failing handler is UserLambdaValidationException and creates no user', async () => {
    const h = await harness({ customMessage: FIXTURE });
    try {
      const email = `fail-${newEmail()}`;
      const r = await failure(h.client.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username: email })));
      assert.deepEqual(r, { name: 'UserLambdaValidationException', message: 'CustomMessage failed with error boom.', status: 400 });
      assert.deepEqual(await h.mails(email), []);
      const again = await failure(h.client.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username: email })));
      assert.equal(again.name, 'UserLambdaValidationException', 'not UsernameExistsException: nothing was stored');
    } finally {
      await h.close();
    }
  });

  it('a missing module is a startup error', async () => {
    await assert.rejects(startEmulator({ log: false, customMessage: join(dir, 'missing.mjs') }), /Cannot load the custom message module/);
  });
});
