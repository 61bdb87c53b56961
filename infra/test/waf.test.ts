// What the optional web ACL does to requests: the element's own traffic passes; a password in a
// SignUp (however it is spelled), a password sign-in and a flood from one address are refused.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Template } from 'aws-cdk-lib/assertions';
import { createApp } from '../lib/app.js';
import { BODY_INSPECTION_LIMIT, WebAclSimulator, type WafRequest } from './waf-evaluator.js';

const outdir = mkdtempSync(join(tmpdir(), 'passwordless-login-waf-test-'));
after(() => rmSync(outdir, { recursive: true, force: true }));
const { app, stack } = createApp({ outdir });
app.synth();
const json = Template.fromStack(stack).toJSON() as any;
const acl = Object.values<any>(json.Resources).find((r) => r.Type === 'AWS::WAFv2::WebACL').Properties;
const defaultLimit = Number(json.Parameters.WafRateLimit.Default);
const newAcl = (limit = defaultLimit) => new WebAclSimulator(acl, { CodeEmailsPerIp: limit });

const CLIENT_ID = '1example23456789abcdefghij';
function call(operation: string, body: unknown, ip = '198.51.100.7', raw?: string): WafRequest {
  return {
    ip,
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: raw ?? JSON.stringify(body),
  };
}

// The bodies aws-amplify sends for the element's flow (shared/reference/cognito-wire.md §2).
const elementTraffic: Array<[string, unknown]> = [
  ['SignUp', { Username: 'ana@example.com', UserAttributes: [{ Name: 'email', Value: 'ana@example.com' }, { Name: 'locale', Value: 'pt' }], ClientId: CLIENT_ID }],
  ['ConfirmSignUp', { Username: 'ana@example.com', ConfirmationCode: '123456', ClientId: CLIENT_ID }],
  ['ResendConfirmationCode', { Username: 'ana@example.com', ClientId: CLIENT_ID }],
  ['InitiateAuth', { AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'ana@example.com', PREFERRED_CHALLENGE: 'EMAIL_OTP' }, ClientId: CLIENT_ID }],
  ['InitiateAuth', { AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'ana@example.com' }, ClientId: CLIENT_ID, Session: 'AYAB'.padEnd(1500, 'x') }],
  ['RespondToAuthChallenge', { ChallengeName: 'SELECT_CHALLENGE', ChallengeResponses: { USERNAME: 'ana@example.com', ANSWER: 'EMAIL_OTP' }, ClientId: CLIENT_ID, Session: 's' }],
  ['RespondToAuthChallenge', { ChallengeName: 'EMAIL_OTP', ChallengeResponses: { USERNAME: 'ana@example.com', EMAIL_OTP_CODE: '12345678' }, ClientId: CLIENT_ID, Session: 's' }],
  ['GetTokensFromRefreshToken', { ClientId: CLIENT_ID, RefreshToken: 'eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.x.y.z.w' }],
  ['RevokeToken', { ClientId: CLIENT_ID, Token: 'eyJj.x.y.z.w' }],
  ['GetUser', { AccessToken: 'eyJ.a.b' }],
];

describe('web ACL: the element’s own requests', () => {
  it('lets every call of the sign-up and sign-in flow through', () => {
    const waf = newAcl();
    for (const [operation, body] of elementTraffic) {
      assert.deepEqual(waf.decide(call(operation, body)), { action: 'Allow' }, operation);
    }
  });

  it('lets an address or an attribute that merely contains the word password through', () => {
    const waf = newAcl();
    const email = 'password@example.com';
    const body = { Username: email, UserAttributes: [{ Name: 'email', Value: email }, { Name: 'locale', Value: 'password' }], ClientId: CLIENT_ID };
    assert.equal(waf.decide(call('SignUp', body)).action, 'Allow');
    assert.equal(waf.decide(call('InitiateAuth', { AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'EMAIL_OTP' }, ClientId: CLIENT_ID })).action, 'Allow');
  });
});

describe('web ACL: no password in a SignUp', () => {
  const signUp = (extra: string) =>
    `{"Username":"victim@example.com","UserAttributes":[{"Name":"email","Value":"victim@example.com"}],"ClientId":"${CLIENT_ID}",${extra}}`;
  const refused = { rule: 'NoPasswordInSignUp', action: 'Block', status: 400, body: { __type: 'NotAuthorizedException', message: 'Passwords are not accepted by this user pool.' } };

  for (const [what, raw] of [
    ['as the SDK sends it', signUp('"Password":"Attacker-Chosen-1"')],
    ['in lower case', signUp('"password":"Attacker-Chosen-1"')],
    ['with a JSON escape in the key', signUp('"Pass\\u0077ord":"Attacker-Chosen-1"')],
    ['with white space before the colon', signUp('"Password"   :"Attacker-Chosen-1"')],
  ] as const) {
    it(`refuses a password ${what}`, () => {
      assert.deepEqual(newAcl().decide(call('SignUp', undefined, undefined, raw)), refused);
    });
  }

  it('refuses whatever WAF cannot read as JSON, and a body too large to inspect whole', () => {
    assert.equal(newAcl().decide(call('SignUp', undefined, undefined, signUp('"Password":"x"').slice(0, -1))).rule, 'NoPasswordInSignUp');
    const padded = signUp(`"ClientMetadata":{"pad":"${'x'.repeat(BODY_INSPECTION_LIMIT)}"},"Password":"x"`);
    assert.equal(newAcl().decide(call('SignUp', undefined, undefined, padded)).rule, 'NoPasswordInSignUp');
  });

  it('recognises the operation whatever the case of the header and its value', () => {
    const request = call('SignUp', undefined, undefined, signUp('"Password":"x"'));
    request.headers = { 'x-amz-target': 'awscognitoidentityproviderservice.SIGNUP', 'content-type': 'application/x-amz-json-1.1' };
    assert.equal(newAcl().decide(request).rule, 'NoPasswordInSignUp');
  });
});

describe('web ACL: no password sign-in', () => {
  const initiate = (parameters: Record<string, string>) =>
    call('InitiateAuth', { AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'victim@example.com', ...parameters }, ClientId: CLIENT_ID });
  const respond = (responses: Record<string, string>) =>
    call('RespondToAuthChallenge', { ChallengeName: 'SELECT_CHALLENGE', ChallengeResponses: { USERNAME: 'victim@example.com', ...responses }, ClientId: CLIENT_ID, Session: 's' });

  it('refuses PREFERRED_CHALLENGE=PASSWORD (with or without the password) and PASSWORD_SRP', () => {
    for (const request of [
      initiate({ PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'Attacker-Chosen-1' }),
      initiate({ PREFERRED_CHALLENGE: 'PASSWORD' }),
      initiate({ PREFERRED_CHALLENGE: 'PASSWORD_SRP', SRP_A: 'abc' }),
    ]) {
      const decision = newAcl().decide(request);
      assert.equal(decision.rule, 'NoPasswordSignIn', request.body);
      assert.equal((decision.body as { __type: string }).__type, 'NotAuthorizedException');
    }
  });

  it('refuses SELECT_CHALLENGE answered with PASSWORD, however the answer is escaped', () => {
    assert.equal(newAcl().decide(respond({ ANSWER: 'PASSWORD', PASSWORD: 'Attacker-Chosen-1' })).rule, 'NoPasswordSignIn');
    const escaped = call('RespondToAuthChallenge', undefined, undefined,
      `{"ChallengeName":"SELECT_CHALLENGE","ChallengeResponses":{"USERNAME":"v@example.com","ANSWER":"\\u0050ASSWORD"},"ClientId":"${CLIENT_ID}","Session":"s"}`);
    assert.equal(newAcl().decide(escaped).rule, 'NoPasswordSignIn');
  });
});

describe('web ACL: code emails and code checks per IP address', () => {
  const signUp = (n: number, ip?: string) =>
    call('SignUp', { Username: `u${n}@example.com`, UserAttributes: [{ Name: 'email', Value: `u${n}@example.com` }], ClientId: CLIENT_ID }, ip);

  it(`lets ${defaultLimit} SignUps from one address through in 5 minutes, then refuses with TooManyRequestsException`, () => {
    const waf = newAcl();
    for (let n = 0; n < defaultLimit; n++) assert.equal(waf.decide(signUp(n)).action, 'Allow', `request ${n + 1}`);
    const refused = waf.decide(signUp(defaultLimit));
    assert.equal(refused.rule, 'CodeEmailsPerIp');
    assert.equal(refused.status, 400);
    assert.equal((refused.body as { __type: string }).__type, 'TooManyRequestsException');
    assert.equal(waf.decide(signUp(0, '203.0.113.9')).action, 'Allow', 'another address has its own count');
  });

  it('counts each operation apart, and never limits refresh, GetUser or sign-out', () => {
    const waf = newAcl(10);
    const resend = call('ResendConfirmationCode', { Username: 'victim@example.com', ClientId: CLIENT_ID });
    for (let n = 0; n < 10; n++) assert.equal(waf.decide(resend).action, 'Allow');
    assert.equal(waf.decide(resend).rule, 'CodeEmailsPerIp', 'the 11th resend is refused');
    const initiate = call('InitiateAuth', elementTraffic[3]![1]);
    assert.equal(waf.decide(initiate).action, 'Allow', 'InitiateAuth has its own count');
    for (const operation of ['GetTokensFromRefreshToken', 'GetUser', 'RevokeToken']) {
      const body = elementTraffic.find(([op]) => op === operation)![1];
      for (let n = 0; n < 50; n++) assert.equal(waf.decide(call(operation, body)).action, 'Allow', operation);
    }
  });

  it('limits every operation that sends a code email or checks a code', () => {
    for (const [operation, body] of elementTraffic.slice(0, 7)) {
      const waf = newAcl(10);
      for (let n = 0; n < 10; n++) waf.decide(call(operation, body));
      assert.equal(waf.decide(call(operation, body)).rule, 'CodeEmailsPerIp', operation);
    }
  });
});
