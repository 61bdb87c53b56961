// Passkeys in the user pool: WEB_AUTHN becomes a first factor only when a relying party ID is given
// (PasskeyRelyingPartyId, the site's domain), with the user verification PasskeyUserVerification
// chooses; the app client needs nothing more, and the optional web ACL lets a passkey sign-in through.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Template } from 'aws-cdk-lib/assertions';
import { createApp } from '../lib/app.js';
import { evaluateTemplate, onlyResource } from './helpers.js';
import { WebAclSimulator } from './waf-evaluator.js';

const outdir = mkdtempSync(join(tmpdir(), 'passwordless-login-passkeys-test-'));
after(() => rmSync(outdir, { recursive: true, force: true }));
const { app, stack } = createApp({ outdir });
app.synth();
const json = Template.fromStack(stack).toJSON() as any;
const SES = { SesFromAddress: 'no-reply@example.com' };
const pool = (parameters: Record<string, string> = {}) =>
  onlyResource(evaluateTemplate(json, { ...SES, ...parameters }).resources, 'AWS::Cognito::UserPool');
const client = (parameters: Record<string, string> = {}) =>
  onlyResource(evaluateTemplate(json, { ...SES, ...parameters }).resources, 'AWS::Cognito::UserPoolClient');

describe('passkeys (WEB_AUTHN)', () => {
  it('are off by default: EMAIL_OTP and the PASSWORD Cognito requires, no WebAuthn settings', () => {
    const p = pool();
    assert.deepEqual((p.Policies as any).SignInPolicy.AllowedFirstAuthFactors, ['PASSWORD', 'EMAIL_OTP']);
    assert.equal(p.WebAuthnRelyingPartyID, undefined);
    assert.equal(p.WebAuthnUserVerification, undefined);
  });

  it('with PasskeyRelyingPartyId, WEB_AUTHN is a first factor for that domain, user verification preferred', () => {
    const p = pool({ PasskeyRelyingPartyId: 'example.com' });
    assert.deepEqual((p.Policies as any).SignInPolicy.AllowedFirstAuthFactors, ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN']);
    assert.equal(p.WebAuthnRelyingPartyID, 'example.com');
    assert.equal(p.WebAuthnUserVerification, 'preferred');
    assert.equal(p.UserPoolTier, 'ESSENTIALS');
  });

  it('the element tag the stack outputs says passkeys="off" for a pool without them', () => {
    const snippet = (parameters: Record<string, string>) => evaluateTemplate(json, { ...SES, ...parameters }).outputs.ElementSnippet;
    assert.match(String(snippet({})), / passkeys="off"><\/passwordless-login>$/);
    assert.doesNotMatch(String(snippet({ PasskeyRelyingPartyId: 'example.com' })), /passkeys=/);
  });

  it('PasskeyUserVerification=required asks for a fingerprint, face or PIN every time', () => {
    assert.equal(pool({ PasskeyRelyingPartyId: 'example.com', PasskeyUserVerification: 'required' }).WebAuthnUserVerification, 'required');
    assert.deepEqual(json.Parameters.PasskeyUserVerification.AllowedValues, ['preferred', 'required']);
    assert.equal(json.Parameters.PasskeyUserVerification.Default, 'preferred');
  });

  it('changes nothing else in the pool, and nothing in the app client (USER_AUTH carries WEB_AUTHN)', () => {
    const strip = (p: Record<string, unknown>) => ({ ...p, Policies: undefined, WebAuthnRelyingPartyID: undefined, WebAuthnUserVerification: undefined });
    assert.deepEqual(strip(pool({ PasskeyRelyingPartyId: 'example.com' })), strip(pool()));
    assert.deepEqual(client({ PasskeyRelyingPartyId: 'example.com' }), client());
    assert.deepEqual(client().ExplicitAuthFlows, ['ALLOW_USER_AUTH']);
  });

  // CloudFormation matches AllowedPattern against the whole value.
  const allowed = (value: string) => new RegExp(`^(?:${json.Parameters.PasskeyRelyingPartyId.AllowedPattern})$`).test(value);
  for (const [value, ok] of [
    ['', true],
    ['example.com', true],
    ['app.example.com', true],
    ['localhost', true],
    ['my-site.example.co.uk', true],
    ['https://example.com', false],
    ['example.com:443', false],
    ['example.com/path', false],
    ['Example.com', false],
    ['127.0.0.1', false],
    ['-example.com', false],
  ] as const) {
    it(`PasskeyRelyingPartyId ${ok ? 'accepts' : 'refuses'} ${JSON.stringify(value)}`, () => assert.equal(allowed(value), ok));
  }

  it('a passkey sign-in passes the web ACL (Waf=on), a password one still does not', () => {
    const acl = Object.values<any>(json.Resources).find((r) => r.Type === 'AWS::WAFv2::WebACL').Properties;
    const waf = new WebAclSimulator(acl, { CodeEmailsPerIp: 100 });
    const call = (operation: string, body: unknown) => ({
      ip: '198.51.100.9',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}` },
      body: JSON.stringify(body),
    });
    // What aws-amplify sends (shared/reference/cognito-passkeys.md §3).
    const credential = JSON.stringify({
      id: 'aYMQb71P', rawId: 'aYMQb71P', type: 'public-key', clientExtensionResults: {},
      response: { clientDataJSON: 'eyJ0eXBlIjoid2ViYXV0aG4uZ2V0In0', authenticatorData: 'SZYN5YgO', signature: 'MEUCIQ', userHandle: 'ZWFhZA' },
      authenticatorAttachment: 'platform',
    });
    const traffic: Array<[string, unknown]> = [
      ['InitiateAuth', { AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'ana@example.com', PREFERRED_CHALLENGE: 'WEB_AUTHN' }, ClientId: 'c' }],
      ['RespondToAuthChallenge', { ChallengeName: 'SELECT_CHALLENGE', ChallengeResponses: { USERNAME: 'ana@example.com', ANSWER: 'WEB_AUTHN' }, ClientId: 'c', Session: 's' }],
      ['RespondToAuthChallenge', { ChallengeName: 'WEB_AUTHN', ChallengeResponses: { USERNAME: 'ana@example.com', CREDENTIAL: credential }, ClientId: 'c', Session: 's' }],
      ['StartWebAuthnRegistration', { AccessToken: 'eyJ.a.b' }],
      ['CompleteWebAuthnRegistration', { AccessToken: 'eyJ.a.b', Credential: JSON.parse(credential) }],
      ['ListWebAuthnCredentials', { AccessToken: 'eyJ.a.b', MaxResults: 20 }],
      ['DeleteWebAuthnCredential', { AccessToken: 'eyJ.a.b', CredentialId: 'aYMQb71P' }],
    ];
    for (const [operation, body] of traffic) assert.deepEqual(waf.decide(call(operation, body)), { action: 'Allow' }, operation);
    const password = call('InitiateAuth', { AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'ana@example.com', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'x' }, ClientId: 'c' });
    assert.equal(waf.decide(password).action, 'Block');
  });
});
