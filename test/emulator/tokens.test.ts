// The emulator's tokens, verified the way a site's back end would: aws-jwt-verify's CognitoJwtVerifier.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import {
  ConfirmSignUpCommand,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { failure, harness, newEmail, type Harness } from './helpers.js';

function payload(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}
function header(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('tokens', () => {
  let h: Harness;
  let verifier: ReturnType<typeof CognitoJwtVerifier.create<{ userPoolId: string; tokenUse: null; clientId: string }>>;
  let tokens: { AccessToken: string; IdToken: string; RefreshToken: string };
  let email: string;
  let sub: string;

  before(async () => {
    h = await harness();
    verifier = CognitoJwtVerifier.create({ userPoolId: h.emulator.userPoolId, tokenUse: null, clientId: h.emulator.clientId });
    const jwks = await (await fetch(h.emulator.jwksUri)).json();
    verifier.cacheJwks(jwks as Parameters<typeof verifier.cacheJwks>[0], h.emulator.userPoolId);
    email = newEmail();
    const up = await h.client.send(new SignUpCommand({ ClientId: h.emulator.clientId, Username: email, UserAttributes: [{ Name: 'email', Value: email }, { Name: 'locale', Value: 'de' }] }));
    sub = up.UserSub!;
    const { Session } = await h.client.send(
      new ConfirmSignUpCommand({ ClientId: h.emulator.clientId, Username: email, ConfirmationCode: await h.lastCode(email, 'sign-up') }),
    );
    const r = await h.client.send(
      new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email }, Session }),
    );
    tokens = r.AuthenticationResult as typeof tokens;
  });
  after(() => h.close());

  it('serves a JWKS with two RS256 signing keys and an openid-configuration', async () => {
    const jwks = (await (await fetch(h.emulator.jwksUri)).json()) as { keys: Array<Record<string, string>> };
    assert.equal(jwks.keys.length, 2);
    for (const key of jwks.keys) {
      assert.deepEqual([key.alg, key.kty, key.use, key.e], ['RS256', 'RSA', 'sig', 'AQAB']);
      assert.equal(key.d, undefined, 'no private key material');
    }
    assert.notEqual(jwks.keys[0]!.kid, jwks.keys[1]!.kid);
    const oidc = (await (await fetch(`${h.emulator.endpoint}/${h.emulator.userPoolId}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    assert.equal(oidc.issuer, `https://cognito-idp.${h.emulator.region}.amazonaws.com/${h.emulator.userPoolId}`);
    assert.equal(oidc.jwks_uri, h.emulator.jwksUri);
  });

  it('aws-jwt-verify accepts the ID and access tokens', async () => {
    const id = await verifier.verify(tokens.IdToken);
    const access = await verifier.verify(tokens.AccessToken);
    assert.equal(id.token_use, 'id');
    assert.equal(access.token_use, 'access');
    assert.notEqual(header(tokens.IdToken).kid, header(tokens.AccessToken).kid);
    assert.equal(header(tokens.IdToken).alg, 'RS256');
  });

  it('carries the claims Cognito puts in them', () => {
    const iss = `https://cognito-idp.${h.emulator.region}.amazonaws.com/${h.emulator.userPoolId}`;
    const id = payload(tokens.IdToken);
    const access = payload(tokens.AccessToken);
    assert.deepEqual(
      Object.keys(id).sort(),
      ['aud', 'auth_time', 'cognito:username', 'email', 'email_verified', 'event_id', 'exp', 'iat', 'iss', 'jti', 'locale', 'origin_jti', 'sub', 'token_use'].sort(),
    );
    assert.equal(id.sub, sub);
    assert.equal(id['cognito:username'], sub);
    assert.equal(id.email, email);
    assert.equal(id.email_verified, true);
    assert.equal(id.locale, 'de');
    assert.equal(id.aud, h.emulator.clientId);
    assert.equal(id.iss, iss);
    assert.equal(Number(id.exp) - Number(id.iat), 3600);
    assert.deepEqual(
      Object.keys(access).sort(),
      ['auth_time', 'client_id', 'event_id', 'exp', 'iat', 'iss', 'jti', 'origin_jti', 'scope', 'sub', 'token_use', 'username'].sort(),
    );
    assert.equal(access.scope, 'aws.cognito.signin.user.admin');
    assert.equal(access.client_id, h.emulator.clientId);
    assert.equal(access.username, sub);
    assert.equal(access.origin_jti, id.origin_jti);
    assert.equal(access.event_id, id.event_id);
    assert.notEqual(access.jti, id.jti);
  });

  it('refreshed tokens keep origin_jti and auth_time and still verify', async () => {
    const r = await h.client.send(new GetTokensFromRefreshTokenCommand({ ClientId: h.emulator.clientId, RefreshToken: tokens.RefreshToken }));
    const access = await verifier.verify(r.AuthenticationResult!.AccessToken!);
    assert.equal(access.origin_jti, payload(tokens.AccessToken).origin_jti);
    assert.equal(access.auth_time, payload(tokens.AccessToken).auth_time);
  });

  it('rejects a tampered token', async () => {
    const [h64, p64, sig] = tokens.IdToken.split('.');
    const claims = JSON.parse(Buffer.from(p64!, 'base64url').toString('utf8')) as Record<string, unknown>;
    claims.email = 'mallory@example.com';
    const forged = `${h64}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${sig}`;
    await assert.rejects(verifier.verify(forged), /signature/i);
  });

  it('a revoked refresh token cannot be refreshed into new tokens', async () => {
    await h.client.send(new RevokeTokenCommand({ ClientId: h.emulator.clientId, Token: tokens.RefreshToken }));
    const r = await failure(h.client.send(new GetTokensFromRefreshTokenCommand({ ClientId: h.emulator.clientId, RefreshToken: tokens.RefreshToken })));
    assert.equal(r.message, 'Refresh Token has been revoked');
  });
});
