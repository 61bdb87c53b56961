// The classic Cognito tutorial's flow through aws-amplify, as the baseline for round trips and client
// cost: signUp with a password → confirmSignUp with the emailed code → signIn. Bundled by esbuild into
// bench/.build/classic.js at the start of a run; bench/run.mjs drives it through `window.classic`.
import { Amplify } from 'aws-amplify';
import { confirmSignIn, confirmSignUp, signIn, signUp } from 'aws-amplify/auth';

const { userPoolId, clientId, endpoint } = document.body.dataset;
Amplify.configure({
  Auth: {
    Cognito: {
      userPoolId,
      userPoolClientId: clientId,
      userPoolEndpoint: endpoint,
      loginWith: { email: true },
      signUpVerificationMethod: 'code',
    },
  },
});

const steps = {
  /** Step 1: an account with a password; Cognito emails a confirmation code. */
  signUp: (email, password) => signUp({ username: email, password, options: { userAttributes: { email } } }),
  /** Step 2: the code from the email. */
  confirmSignUp: (email, code) => confirmSignUp({ username: email, confirmationCode: code }),
  /**
   * Step 3, with the password. Amplify's default flow is SRP (two requests on real Cognito); the
   * emulator implements choice-based sign-in only, so this is USER_AUTH with the PASSWORD factor: one
   * request, the cheapest a password sign-in can be.
   */
  signInWithPassword: (email, password) =>
    signIn({ username: email, password, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'PASSWORD' } }),
  /** Step 3, passwordless: a second email with a sign-in code. */
  signInWithEmailCode: (email) =>
    signIn({ username: email, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' } }),
  confirmSignIn: (code) => confirmSignIn({ challengeResponse: code }),
};
/** Results of `start`ed steps by id. */
const jobs = [];
window.classic = {
  /**
   * Starts a step in a task of the page's own (a zero timeout), not inside the DevTools command
   * that calls this, so its main-thread time counts as the page's and not as the harness's.
   * Returns an id for `result`.
   */
  start(name, ...args) {
    jobs.push(new Promise((resolve) => setTimeout(resolve, 0)).then(() => steps[name](...args)));
    return jobs.length - 1;
  },
  result: (id) => jobs[id],
};
window.dispatchEvent(new Event('classic-ready'));
