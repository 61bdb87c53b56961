// The real aws-amplify, in Chromium, against the local Cognito emulator: a passwordless sign-up with
// one code and auto sign-in, sign-out, then a sign-in with the 8-digit code from the outbox.
import { expect } from '@open-wc/testing';
import { Amplify } from 'aws-amplify';
import {
  autoSignIn,
  confirmSignIn,
  confirmSignUp,
  fetchAuthSession,
  fetchUserAttributes,
  getCurrentUser,
  signIn,
  signOut,
  signUp,
} from 'aws-amplify/auth';
import { enabled } from 'virtual:emulator';
import { mailsTo as mailsToPool, requests as requestsToPool } from './element-helpers.js';

const mailsTo = (email: string) => mailsToPool(enabled, email);
const requests = () => requestsToPool(enabled);

describe('aws-amplify against the emulator', () => {
  before(() => {
    Amplify.configure({
      Auth: {
        Cognito: {
          userPoolId: enabled.userPoolId,
          userPoolClientId: enabled.clientId,
          userPoolEndpoint: enabled.endpoint,
          loginWith: { email: true },
        },
      },
    });
  });

  after(async () => {
    await signOut();
  });

  it('signs up without a password, auto-signs-in, signs out and signs in with an email code', async () => {
    const email = `amplify-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
    await fetch(`${enabled.endpoint}/_emulator/requests`, { method: 'DELETE' });

    const up = await signUp({
      username: email,
      options: { userAttributes: { email }, autoSignIn: { authFlowType: 'USER_AUTH' } },
    });
    expect(up.isSignUpComplete).to.equal(false);
    expect(up.nextStep.signUpStep).to.equal('CONFIRM_SIGN_UP');
    const signUpMails = await mailsTo(email);
    expect(signUpMails).to.have.length(1);
    expect(signUpMails[0]!.kind).to.equal('sign-up');
    expect(signUpMails[0]!.code).to.match(/^\d{6}$/);

    const confirmed = await confirmSignUp({ username: email, confirmationCode: signUpMails[0]!.code });
    expect(confirmed.nextStep.signUpStep).to.equal('COMPLETE_AUTO_SIGN_IN');

    const auto = await autoSignIn();
    expect(auto.isSignedIn).to.equal(true);
    expect(auto.nextStep.signInStep).to.equal('DONE');
    // One code for the whole sign-up: auto sign-in sent no second mail.
    expect(await mailsTo(email)).to.have.length(1);
    const firstSession = await fetchAuthSession();
    expect(firstSession.tokens?.idToken?.payload.email).to.equal(email);
    const user = await getCurrentUser();
    expect(user.userId).to.equal(up.userId);
    const attributes = await fetchUserAttributes();
    expect(attributes.email_verified).to.equal('true');

    await signOut();
    expect((await fetchAuthSession()).tokens).to.equal(undefined);
    // Amplify's local sign-out revokes the refresh token because the access token has origin_jti.
    expect((await requests()).map((r) => `${r.operation} ${r.status}`)).to.include('RevokeToken 200');

    const start = await signIn({
      username: email,
      options: { authFlowType: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' },
    });
    expect(start.nextStep.signInStep).to.equal('CONFIRM_SIGN_IN_WITH_EMAIL_CODE');
    const signInMails = (await mailsTo(email)).filter((m) => m.kind === 'sign-in');
    expect(signInMails).to.have.length(1);
    expect(signInMails[0]!.code).to.match(/^\d{8}$/);

    const done = await confirmSignIn({ challengeResponse: signInMails[0]!.code });
    expect(done.isSignedIn).to.equal(true);
    expect(done.nextStep.signInStep).to.equal('DONE');
    const session = await fetchAuthSession();
    expect(session.userSub).to.equal(up.userId);
    expect(session.tokens?.accessToken.payload.token_use).to.equal('access');
  });
});
