// Passkey registration and management (StartWebAuthnRegistration, CompleteWebAuthnRegistration,
// ListWebAuthnCredentials, DeleteWebAuthnCredential) through the unmodified AWS SDK v3, with
// credentials made by a software authenticator; every refusal with Cognito's error.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CompleteWebAuthnRegistrationCommand,
  DeleteWebAuthnCredentialCommand,
  GetUserCommand,
  ListWebAuthnCredentialsCommand,
  StartWebAuthnRegistrationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { SoftAuthenticator, type Forgery } from './authenticator.js';
import { failure, harness, signedInUser, type Harness } from './helpers.js';

/** Start, answer with `authenticator` (forging `forge`), Complete. */
async function register(h: Harness, accessToken: string, authenticator = new SoftAuthenticator(), forge: Forgery = {}) {
  const { CredentialCreationOptions } = await h.client.send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken }));
  const credential = authenticator.create(CredentialCreationOptions as Record<string, unknown>, forge);
  await h.client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken: accessToken, Credential: credential as never }));
  return credential.id as string;
}

const list = async (h: Harness, accessToken: string, extra: { MaxResults?: number; NextToken?: string } = {}) =>
  h.client.send(new ListWebAuthnCredentialsCommand({ AccessToken: accessToken, ...extra }));

describe('passkey registration (defaults: RP ID localhost, user verification preferred)', () => {
  let h: Harness;
  before(async () => {
    h = await harness();
  });
  after(() => h.close());

  it('StartWebAuthnRegistration answers creation options in Cognito\'s shape', async () => {
    const { email, accessToken } = await signedInUser(h);
    const { Username: sub } = await h.client.send(new GetUserCommand({ AccessToken: accessToken }));
    const { CredentialCreationOptions: options } = await h.client.send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken }));
    const o = options as Record<string, any>;
    assert.deepEqual(o.rp, { id: 'localhost', name: 'localhost' });
    assert.deepEqual(o.user, { id: Buffer.from(sub!).toString('base64url'), name: email, displayName: email });
    assert.match(o.challenge, /^[A-Za-z0-9_-]{22}$/, 'a 16-byte base64url challenge');
    assert.deepEqual(o.pubKeyCredParams, [{ alg: -7, type: 'public-key' }, { alg: -257, type: 'public-key' }]);
    assert.equal(o.timeout, 60000);
    assert.deepEqual(o.excludeCredentials, []);
    assert.deepEqual(o.authenticatorSelection, { requireResidentKey: true, residentKey: 'required', userVerification: 'preferred' });
    const again = (await h.client.send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken }))).CredentialCreationOptions as Record<string, any>;
    assert.notEqual(again.challenge, o.challenge, 'a fresh challenge each time');
  });

  it('CompleteWebAuthnRegistration stores a verified passkey that List shows and the next Start excludes', async () => {
    const { accessToken } = await signedInUser(h);
    const before = Date.now() / 1000;
    const id = await register(h, accessToken);
    const { Credentials, NextToken } = await list(h, accessToken);
    assert.equal(NextToken, undefined);
    assert.equal(Credentials?.length, 1);
    const [c] = Credentials!;
    assert.equal(c!.CredentialId, id);
    assert.equal(c!.RelyingPartyId, 'localhost');
    assert.equal(c!.AuthenticatorAttachment, 'platform');
    assert.deepEqual(c!.AuthenticatorTransports, ['internal']);
    assert.equal(c!.FriendlyCredentialName, 'Platform passkey');
    assert.ok(c!.CreatedAt instanceof Date && c!.CreatedAt.getTime() / 1000 >= before - 1);
    const { CredentialCreationOptions } = await h.client.send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken }));
    assert.deepEqual((CredentialCreationOptions as Record<string, any>).excludeCredentials, [{ id, type: 'public-key' }]);
  });

  it('a challenge answers once: Complete without a Start, or a second Complete, is WebAuthnChallengeNotFoundException', async () => {
    const { accessToken } = await signedInUser(h);
    const authenticator = new SoftAuthenticator();
    const fake = authenticator.create({ rp: { id: 'localhost' }, user: { id: 'eA' }, challenge: 'AAAAAAAAAAAAAAAAAAAAAA' });
    const noStart = await failure(h.client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken: accessToken, Credential: fake as never })));
    assert.equal(noStart.name, 'WebAuthnChallengeNotFoundException');
    assert.equal(noStart.status, 400);
    const { CredentialCreationOptions } = await h.client.send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken }));
    const credential = authenticator.create(CredentialCreationOptions as Record<string, unknown>);
    await h.client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken: accessToken, Credential: credential as never }));
    const replay = await failure(h.client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken: accessToken, Credential: credential as never })));
    assert.equal(replay.name, 'WebAuthnChallengeNotFoundException');
    assert.equal((await list(h, accessToken)).Credentials?.length, 1);
  });

  it('only the latest Start\'s challenge is accepted, and one answering another challenge is refused', async () => {
    const { accessToken } = await signedInUser(h);
    const authenticator = new SoftAuthenticator();
    const first = (await h.client.send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken }))).CredentialCreationOptions as Record<string, unknown>;
    await h.client.send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken }));
    const stale = authenticator.create(first);
    const refused = await failure(h.client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken: accessToken, Credential: stale as never })));
    assert.equal(refused.name, 'WebAuthnChallengeNotFoundException');
    const wrongType = await failure(register(h, accessToken, authenticator, { type: 'webauthn.get' }));
    assert.equal(wrongType.name, 'WebAuthnChallengeNotFoundException');
    assert.deepEqual((await list(h, accessToken)).Credentials, []);
  });

  it('refuses a page origin the pool does not allow (WebAuthnOriginNotAllowedException)', async () => {
    const { accessToken } = await signedInUser(h);
    for (const origin of ['http://127.0.0.1:8000', 'https://evil.example', 'http://localhost.evil.example:8000']) {
      const refused = await failure(register(h, accessToken, new SoftAuthenticator(origin)));
      assert.equal(refused.name, 'WebAuthnOriginNotAllowedException', origin);
    }
    // Any port of localhost, http or https, is a loopback page.
    await register(h, accessToken, new SoftAuthenticator('https://localhost'));
    await register(h, accessToken, new SoftAuthenticator('http://localhost:61234'));
    assert.equal((await list(h, accessToken)).Credentials?.length, 2);
  });

  it('refuses a credential made for another relying party (WebAuthnRelyingPartyMismatchException)', async () => {
    const { accessToken } = await signedInUser(h);
    const refused = await failure(register(h, accessToken, new SoftAuthenticator(), { rpId: 'example.com' }));
    assert.equal(refused.name, 'WebAuthnRelyingPartyMismatchException');
    assert.deepEqual((await list(h, accessToken)).Credentials, []);
  });

  it('with user verification preferred, a passkey made without it is accepted', async () => {
    const { accessToken } = await signedInUser(h);
    await register(h, accessToken, new SoftAuthenticator(), { uv: false });
    assert.equal((await list(h, accessToken)).Credentials?.length, 1);
  });

  it('refuses malformed credentials with InvalidParameterException, a missing one as a missing member', async () => {
    const { accessToken } = await signedInUser(h);
    const cases: unknown[] = ['text', 7, [], {}, { id: 'x', rawId: 'x', type: 'public-key', response: {} }, { id: 'x', rawId: 'x', type: 'public-key', response: { clientDataJSON: '!!', attestationObject: 'AA' } }];
    for (const credential of cases) {
      await h.client.send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken }));
      const refused = await failure(h.client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken: accessToken, Credential: credential as never })));
      assert.equal(refused.name, 'InvalidParameterException', JSON.stringify(credential));
    }
    const missing = await failure(h.client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken: accessToken } as never)));
    assert.equal(missing.name, 'InvalidParameterException');
    assert.match(missing.message, /credential/);
  });

  it('a credential registered once cannot be registered again, by anyone', async () => {
    const alice = await signedInUser(h);
    const bob = await signedInUser(h);
    const authenticator = new SoftAuthenticator();
    await register(h, alice.accessToken, authenticator);
    const [existing] = authenticator.credentials;
    // The same credential (id and key), attested again over a fresh challenge, for Bob and for Alice.
    for (const user of [bob, alice]) {
      const refused = await failure(register(h, user.accessToken, authenticator, { reuse: existing! }));
      assert.equal(refused.name, 'InvalidParameterException');
      assert.match(refused.message, /already registered/);
    }
    assert.deepEqual((await list(h, bob.accessToken)).Credentials, []);
    assert.equal((await list(h, alice.accessToken)).Credentials?.length, 1);
  });

  it('every operation needs a valid access token', async () => {
    for (const command of [
      new StartWebAuthnRegistrationCommand({ AccessToken: 'x' }),
      new CompleteWebAuthnRegistrationCommand({ AccessToken: 'x', Credential: {} as never }),
      new ListWebAuthnCredentialsCommand({ AccessToken: 'x' }),
      new DeleteWebAuthnCredentialCommand({ AccessToken: 'x', CredentialId: 'abc' }),
    ]) {
      const refused = await failure(h.client.send(command as never));
      assert.equal(refused.name, 'NotAuthorizedException');
    }
  });

  it('List pages with MaxResults (0-20) and a NextToken bound to the user', async () => {
    const alice = await signedInUser(h);
    const bob = await signedInUser(h);
    const ids = [await register(h, alice.accessToken), await register(h, alice.accessToken), await register(h, alice.accessToken)];
    const page1 = await list(h, alice.accessToken, { MaxResults: 2 });
    assert.deepEqual(page1.Credentials?.map((c) => c.CredentialId), ids.slice(0, 2));
    assert.ok(page1.NextToken);
    const page2 = await list(h, alice.accessToken, { MaxResults: 2, NextToken: page1.NextToken });
    assert.deepEqual(page2.Credentials?.map((c) => c.CredentialId), ids.slice(2));
    assert.equal(page2.NextToken, undefined);
    assert.equal((await failure(list(h, alice.accessToken, { MaxResults: 21 }))).name, 'InvalidParameterException');
    assert.equal((await failure(list(h, alice.accessToken, { MaxResults: -1 }))).name, 'InvalidParameterException');
    assert.equal((await failure(list(h, alice.accessToken, { NextToken: 'garbage' }))).name, 'InvalidParameterException');
    assert.equal((await failure(list(h, bob.accessToken, { NextToken: page1.NextToken }))).name, 'InvalidParameterException');
  });

  it('Delete removes the user\'s own passkey only; unknown or another user\'s ids are ResourceNotFoundException', async () => {
    const alice = await signedInUser(h);
    const bob = await signedInUser(h);
    const id = await register(h, alice.accessToken);
    const notBobs = await failure(h.client.send(new DeleteWebAuthnCredentialCommand({ AccessToken: bob.accessToken, CredentialId: id })));
    assert.equal(notBobs.name, 'ResourceNotFoundException');
    assert.equal((await list(h, alice.accessToken)).Credentials?.length, 1);
    assert.deepEqual(await h.client.send(new DeleteWebAuthnCredentialCommand({ AccessToken: alice.accessToken, CredentialId: id })).then((r) => Object.keys(r).filter((k) => k !== '$metadata')), []);
    assert.deepEqual((await list(h, alice.accessToken)).Credentials, []);
    const gone = await failure(h.client.send(new DeleteWebAuthnCredentialCommand({ AccessToken: alice.accessToken, CredentialId: id })));
    assert.equal(gone.name, 'ResourceNotFoundException');
  });
});

describe('passkey registration with user verification required', () => {
  let h: Harness;
  before(async () => {
    h = await harness({ passkeys: { userVerification: 'required' } });
  });
  after(() => h.close());

  it('asks for it in the options and refuses a passkey made without it', async () => {
    const { accessToken } = await signedInUser(h);
    const { CredentialCreationOptions } = await h.client.send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken }));
    assert.equal((CredentialCreationOptions as Record<string, any>).authenticatorSelection.userVerification, 'required');
    const refused = await failure(register(h, accessToken, new SoftAuthenticator(), { uv: false }));
    assert.equal(refused.name, 'WebAuthnCredentialNotSupportedException');
    await register(h, accessToken);
    assert.equal((await list(h, accessToken)).Credentials?.length, 1);
  });
});

describe('passkey registration: limits, expiry, other relying parties', () => {
  it('a registration challenge expires with the session validity', async () => {
    const h = await harness({ authSessionValiditySeconds: 1 });
    try {
      const { accessToken } = await signedInUser(h);
      const { CredentialCreationOptions } = await h.client.send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken }));
      const credential = new SoftAuthenticator().create(CredentialCreationOptions as Record<string, unknown>);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const refused = await failure(h.client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken: accessToken, Credential: credential as never })));
      assert.equal(refused.name, 'WebAuthnChallengeNotFoundException');
    } finally {
      await h.close();
    }
  });

  it('a user may hold 20 passkeys; the 21st Start is LimitExceededException', async () => {
    const h = await harness();
    try {
      const { accessToken } = await signedInUser(h);
      for (let i = 0; i < 20; i++) await register(h, accessToken);
      const refused = await failure(h.client.send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken })));
      assert.equal(refused.name, 'LimitExceededException');
      assert.equal((await list(h, accessToken)).Credentials?.length, 20);
    } finally {
      await h.close();
    }
  });

  it('an RP ID other than localhost accepts HTTPS pages on it and below it, or exactly the listed origins', async () => {
    const h = await harness({ passkeys: { relyingPartyId: 'example.com' } });
    try {
      const { accessToken } = await signedInUser(h);
      await register(h, accessToken, new SoftAuthenticator('https://example.com'));
      await register(h, accessToken, new SoftAuthenticator('https://app.example.com:8443'));
      for (const origin of ['http://example.com', 'https://example.com.evil.test', 'https://badexample.com', 'http://localhost:8000'])
        assert.equal((await failure(register(h, accessToken, new SoftAuthenticator(origin)))).name, 'WebAuthnOriginNotAllowedException', origin);
    } finally {
      await h.close();
    }
    const listed = await harness({ passkeys: { allowedOrigins: ['http://localhost:8000', 'https://localhost:*'] } });
    try {
      const { accessToken } = await signedInUser(listed);
      await register(listed, accessToken, new SoftAuthenticator('http://localhost:8000'));
      await register(listed, accessToken, new SoftAuthenticator('https://localhost:9999'));
      assert.equal((await failure(register(listed, accessToken, new SoftAuthenticator('http://localhost:8001')))).name, 'WebAuthnOriginNotAllowedException');
    } finally {
      await listed.close();
    }
  });

  it('with passkeys off, Start and Complete are WebAuthnNotEnabledException', async () => {
    const h = await harness({ passkeys: false });
    try {
      const { accessToken } = await signedInUser(h);
      assert.equal((await failure(h.client.send(new StartWebAuthnRegistrationCommand({ AccessToken: accessToken })))).name, 'WebAuthnNotEnabledException');
      const credential = new SoftAuthenticator().create({ rp: { id: 'localhost' }, user: { id: 'eA' }, challenge: 'AAAAAAAAAAAAAAAAAAAAAA' });
      assert.equal(
        (await failure(h.client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken: accessToken, Credential: credential as never })))).name,
        'WebAuthnNotEnabledException',
      );
    } finally {
      await h.close();
    }
  });

  it('refuses options that cannot be a relying party setup', async () => {
    const { startEmulator } = await import('../../emulator/index.js');
    for (const passkeys of [{ relyingPartyId: '127.0.0.1' }, { relyingPartyId: 'https://example.com' }, { relyingPartyId: 'Example.com' }, { allowedOrigins: ['http://localhost:8000/path'] }, { userVerification: 'always' }])
      await assert.rejects(startEmulator({ log: false, passkeys: passkeys as never }), TypeError, JSON.stringify(passkeys));
  });

  it('passkeys persist in the data file, also through a restart with passkeys off', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-passkeys-'));
    const dataFile = join(dir, 'pool.json');
    try {
      const h = await harness({ dataFile });
      const { accessToken } = await signedInUser(h);
      const id = await register(h, accessToken);
      await h.close();
      const stored = JSON.parse(readFileSync(dataFile, 'utf8')) as { users: Array<{ passkeys?: Array<{ credentialId: string; publicKey: string }> }> };
      assert.equal(stored.users[0]!.passkeys?.[0]?.credentialId, id);
      const again = await harness({ dataFile });
      assert.deepEqual((await list(again, accessToken)).Credentials?.map((c) => c.CredentialId), [id]);
      await again.close();
      const off = await harness({ dataFile, passkeys: false });
      assert.deepEqual((await list(off, accessToken)).Credentials?.map((c) => c.CredentialId), [id]);
      await off.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
