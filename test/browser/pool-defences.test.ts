// The production pool's defences seen from the element, in Chromium with the real aws-amplify: the
// emulators run infra/'s Lambda triggers and rotate refresh tokens as the deployed pool does.
import { expect } from '@open-wc/testing';
import { adminOnly, enabled, rotating } from 'virtual:emulator';
import {
  callCognito,
  claims,
  codeToSignedIn,
  createLogin,
  emailToCode,
  freshPage,
  mailsTo,
  nthMail,
  stepOf,
  uniqueEmail,
  waitForStep,
} from './element-helpers.js';

const storageKeys = () => Object.keys(localStorage);
const refreshTokenInStorage = () => {
  const key = storageKeys().find((k) => k.startsWith('CognitoIdentityServiceProvider.') && k.endsWith('.refreshToken'));
  return key ? localStorage.getItem(key) : null;
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An admin operation as a site's back office sends it: SigV4-signed. The emulator checks that a
 * signature is there, not what it is (it has no IAM), so a well-formed header stands in for one.
 */
async function adminCall(pool: typeof adminOnly, operation: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await fetch(pool.endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
      authorization: `AWS4-HMAC-SHA256 Credential=AKIATEST/20260101/${pool.region}/cognito-idp/aws4_request, SignedHeaders=host, Signature=00`,
    },
    body: JSON.stringify({ UserPoolId: pool.userPoolId, ...body }),
  });
  return (await response.json()) as Record<string, unknown>;
}

async function adminCreateUser(pool: typeof adminOnly, email: string) {
  const created = await adminCall(pool, 'AdminCreateUser', {
    Username: email,
    MessageAction: 'SUPPRESS',
    UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }, { Name: 'custom:sealed_at', Value: 'admin' }],
  });
  expect(created.User).to.be.an('object');
}

describe('pool defences through the element', () => {
  beforeEach(freshPage);
  after(freshPage);

  it('takeover before sign-up: the owner confirms with the element and is signed in; the attacker’s password no longer works', async () => {
    const victim = uniqueEmail('victim');
    const password = 'Attacker-Chosen-Pa55!';
    const signUp = await callCognito(enabled, 'SignUp', {
      Username: victim,
      Password: password,
      UserAttributes: [{ Name: 'email', Value: victim }],
    });
    expect(signUp.status).to.equal(200);

    const el = await createLogin(enabled);
    const sent = await emailToCode(el, victim);
    expect(sent.purpose, 'the unconfirmed account gets a new sign-up code').to.equal('sign-up');
    // The owner confirms with that code, and the ConfirmSignUp session signs them in.
    const detail = await codeToSignedIn(el, (await nthMail(enabled, victim, 2)).code);
    expect(detail.user.email).to.equal(victim);
    expect(claims(detail.tokens.idToken)['custom:sealed_at'], 'the mark stays out of tokens').to.equal(undefined);

    const attacker = await callCognito(enabled, 'InitiateAuth', {
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: victim, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: password },
    });
    expect(attacker.status).to.equal(400);
    expect(attacker.body).to.deep.equal({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('refresh-token rotation: the element and Amplify keep the rotated token, the old one dies after the grace period', async () => {
    const email = uniqueEmail('rotating');
    const el = await createLogin(rotating);
    await emailToCode(el, email);
    await codeToSignedIn(el, (await nthMail(rotating, email)).code);
    const first = refreshTokenInStorage();
    expect(first).to.be.a('string');

    const refreshed = await el.getTokens({ forceRefresh: true });
    expect(refreshed).to.not.equal(null);
    const second = refreshTokenInStorage();
    expect(second, 'Amplify stored the rotated refresh token').to.be.a('string').and.not.equal(first);

    await sleep(1200);
    const reuse = await callCognito(rotating, 'GetTokensFromRefreshToken', { RefreshToken: first });
    expect(reuse.body.__type).to.equal('RefreshTokenReuseException');

    // A page load later (a new element over the same storage) the session is still there and
    // refreshes with the token Amplify kept.
    el.remove();
    const again = await createLogin(rotating);
    await waitForStep(again, 'signed-in');
    const third = await again.getTokens({ forceRefresh: true });
    expect(third).to.not.equal(null);
    expect(claims(third!.accessToken).origin_jti, 'the same sign-in').to.equal(claims(refreshed!.accessToken).origin_jti);
    expect(refreshTokenInStorage()).to.not.equal(second);
    expect(stepOf(again)).to.equal('signed-in');
  });

  it('self sign-up off: an account an administrator created signs in with sign-up="off"', async () => {
    const email = uniqueEmail('staff');
    await adminCreateUser(adminOnly, email);
    const el = await createLogin(adminOnly, { 'sign-up': 'off' });
    const sent = await emailToCode(el, email);
    expect(sent.purpose).to.equal('sign-in');
    const detail = await codeToSignedIn(el, (await nthMail(adminOnly, email)).code);
    expect(detail.user.email).to.equal(email);
  });

  it('self sign-up off: a new address gets no account and no email, whatever the element shows', async () => {
    const email = uniqueEmail('nobody');
    const el = await createLogin(adminOnly);
    // sign-up="auto" against a pool that refuses SignUp: the element cannot tell this address from
    // a returning user's (InitiateAuth answers a simulated challenge), so it shows the code step.
    await emailToCode(el, email);
    expect(await mailsTo(adminOnly, email)).to.have.length(0);
    const user = await adminCall(adminOnly, 'AdminGetUser', { Username: email });
    expect(user.__type).to.equal('UserNotFoundException');
  });
});
