// The HTTP surface outside the happy path: CORS, the /_emulator endpoints, malformed requests.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { harness, newEmail, type Harness } from './helpers.js';

describe('HTTP surface', () => {
  let h: Harness;
  before(async () => (h = await harness()));
  after(() => h.close());

  const call = (target: string | undefined, body: string, contentType = 'application/x-amz-json-1.1') =>
    fetch(`${h.emulator.endpoint}/`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(target === undefined ? {} : { 'x-amz-target': `AWSCognitoIdentityProviderService.${target}` }) },
      body,
    });

  async function expectError(response: Response, type: string, message?: RegExp) {
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('x-amzn-errortype'), type);
    assert.equal(response.headers.get('content-type'), 'application/x-amz-json-1.1');
    const body = (await response.json()) as { __type: string; message: string };
    assert.equal(body.__type, type);
    if (message) assert.match(body.message, message);
  }

  it('answers a CORS preflight for the API, the outbox and the well-known paths', async () => {
    for (const path of ['/', '/_emulator/messages', `/${h.emulator.userPoolId}/.well-known/jwks.json`]) {
      const r = await fetch(`${h.emulator.endpoint}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:8000',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'amz-sdk-invocation-id,amz-sdk-request,cache-control,content-type,x-amz-target,x-amz-user-agent',
        },
      });
      assert.equal(r.status, 204, path);
      assert.equal(r.headers.get('access-control-allow-origin'), 'http://localhost:8000');
      assert.match(r.headers.get('access-control-allow-methods') ?? '', /POST/);
      assert.match(r.headers.get('access-control-allow-headers') ?? '', /x-amz-target/);
    }
  });

  it('exposes the error and request-id headers on real responses', async () => {
    const origin = 'http://127.0.0.1:8000';
    const r = await fetch(`${h.emulator.endpoint}/`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.SignUp' },
      body: '{}',
    });
    assert.equal(r.headers.get('access-control-allow-origin'), origin);
    assert.match(r.headers.get('access-control-expose-headers') ?? '', /x-amzn-errortype/);
    assert.ok(r.headers.get('x-amzn-requestid'));
    const jwks = await fetch(h.emulator.jwksUri, { headers: { origin } });
    assert.equal(jwks.headers.get('access-control-allow-origin'), origin);
  });

  it('an unknown or missing operation is UnknownOperationException', async () => {
    await expectError(await call('AdminListGroupsForUser', '{}'), 'UnknownOperationException');
    await expectError(await call(undefined, '{}'), 'UnknownOperationException');
    const other = await fetch(`${h.emulator.endpoint}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'DynamoDB_20120810.GetItem' },
      body: '{}',
    });
    await expectError(other, 'UnknownOperationException');
  });

  it('a wrong content type is refused', async () => {
    await expectError(await call('SignUp', '{}', 'text/plain'), 'UnknownOperationException');
  });

  it('malformed JSON and non-object bodies are SerializationException', async () => {
    await expectError(await call('SignUp', '{"ClientId":'), 'SerializationException');
    await expectError(await call('SignUp', '[1,2]'), 'SerializationException');
  });

  it('a mistyped member is SerializationException, a missing one InvalidParameterException', async () => {
    await expectError(await call('SignUp', JSON.stringify({ ClientId: 42, Username: 'a@b.c' })), 'SerializationException', /ClientId/);
    await expectError(
      await call('SignUp', JSON.stringify({ ClientId: h.emulator.clientId })),
      'InvalidParameterException',
      /Value null at 'username' failed to satisfy constraint: Member must not be null/,
    );
    await expectError(
      await call('InitiateAuth', JSON.stringify({ ClientId: h.emulator.clientId, AuthFlow: 'MAGIC' })),
      'InvalidParameterException',
      /authFlow/,
    );
    await expectError(
      await call('InitiateAuth', JSON.stringify({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 7 } })),
      'SerializationException',
    );
  });

  it('oversized bodies get 413 and the server keeps working', async () => {
    const big = JSON.stringify({ ClientId: h.emulator.clientId, Username: 'a@b.c', ClientMetadata: { x: 'y'.repeat(200_000) } });
    const r = await call('SignUp', big);
    assert.equal(r.status, 413);
    const after = await h.client.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username: newEmail() }));
    assert.equal(after.UserConfirmed, false);
  });

  it('a chunked oversized body without content-length is also capped', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(h.emulator.endpoint);
      const req = request(
        { host: url.hostname, port: url.port, method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.SignUp' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 100; i += 1) req.write('x'.repeat(1024));
      req.end();
    });
    assert.equal(status, 413);
  });

  it('wrong methods and paths get 405 and 404', async () => {
    assert.equal((await fetch(`${h.emulator.endpoint}/`)).status, 405);
    assert.equal((await fetch(`${h.emulator.endpoint}/nowhere`)).status, 404);
    assert.equal((await fetch(`${h.emulator.endpoint}/us-east-1_Other/.well-known/jwks.json`)).status, 404);
    assert.equal((await fetch(h.emulator.jwksUri, { method: 'POST', body: '{}' })).status, 405);
    assert.equal((await fetch(`${h.emulator.endpoint}/_emulator/messages`, { method: 'PUT' })).status, 405);
  });

  it('the outbox lists mails oldest first, filters by recipient, and empties', async () => {
    await fetch(`${h.emulator.endpoint}/_emulator/messages`, { method: 'DELETE' });
    const a = newEmail();
    const b = newEmail();
    for (const email of [a, b]) await h.client.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username: email }));
    const all = (await (await fetch(`${h.emulator.endpoint}/_emulator/messages`)).json()) as Array<{ to: string }>;
    assert.deepEqual(all.map((m) => m.to), [a, b]);
    const onlyB = (await (await fetch(`${h.emulator.endpoint}/_emulator/messages?to=${encodeURIComponent(b.toUpperCase())}`)).json()) as Array<Record<string, unknown>>;
    assert.equal(onlyB.length, 1);
    assert.deepEqual(Object.keys(onlyB[0]!).sort(), ['code', 'kind', 'sentAt', 'subject', 'text', 'to']);
    assert.equal((await fetch(`${h.emulator.endpoint}/_emulator/messages`, { method: 'DELETE' })).status, 204);
    assert.deepEqual(await (await fetch(`${h.emulator.endpoint}/_emulator/messages`)).json(), []);
  });

  it('the request log lists operations and statuses oldest first, and empties', async () => {
    await fetch(`${h.emulator.endpoint}/_emulator/requests`, { method: 'DELETE' });
    await h.client.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username: newEmail() }));
    await call('Nope', '{}');
    const log = (await (await fetch(`${h.emulator.endpoint}/_emulator/requests`)).json()) as Array<{ operation: string; status: number; at: string }>;
    assert.deepEqual(log.map((r) => [r.operation, r.status]), [['SignUp', 200], ['Nope', 400]]);
    assert.ok(!Number.isNaN(Date.parse(log[0]!.at)));
    await fetch(`${h.emulator.endpoint}/_emulator/requests`, { method: 'DELETE' });
    assert.deepEqual(await (await fetch(`${h.emulator.endpoint}/_emulator/requests`)).json(), []);
  });
});
