/**
 * Discovery: what an address is (new, returning, signed up and never confirmed), found out while
 * its code is sent, in as few round trips as possible.
 *
 * Round trips (sequential waits on Cognito before the next screen; requests sent together count once):
 * - returning user, `sign-up="auto"`: SignUp + InitiateAuth together (UsernameExists; the sign-in
 *   code) → code (8 digits, one email); RespondToAuthChallenge → signed in. One round trip on any
 *   device: nothing about the user is remembered to get there.
 * - new user: SignUp + InitiateAuth together → code (6 digits, the only email). The InitiateAuth
 *   meets nobody (a simulated challenge under PreventUserExistenceErrors, UserNotFound under LEGACY)
 *   or the account SignUp just created (UserNotConfirmed), depending on which Cognito handles first;
 *   neither sends mail. ConfirmSignUp + InitiateAuth with the ConfirmSignUp session → signed in.
 * - unconfirmed user (signed up earlier, never confirmed): SignUp + InitiateAuth together
 *   (UsernameExists, UserNotConfirmed), then ResendConfirmationCode → sign-up code (two round trips:
 *   only after the first does the element know a code must be resent; one email);
 *   ConfirmSignUp + InitiateAuth with its session → signed in.
 * - `sign-up="off"`: InitiateAuth alone → code; an unconfirmed account gets the same code step an
 *   unknown address gets, and no code is sent or accepted (`sign-up="off"` never confirms an account).
 * - returning user with a passkey this device knows of, or through "Sign in with a passkey":
 *   InitiateAuth (WEB_AUTHN) → the browser's passkey prompt → RespondToAuthChallenge → signed in.
 *   No passkey after all: the discovery above (or, with `sign-up="off"`, RespondToAuthChallenge
 *   EMAIL_OTP) → code, with no error.
 */
import type { AuthClient, AuthStep } from './client.js';
import { errorCodeFor } from './cognito-errors.js';

/**
 * For this long after this element signed an address up, coming back to it resends the sign-up code
 * at once (one request) instead of discovering again what the element already knows.
 */
export const PENDING_SIGN_UP_MS = 10 * 60_000;

/**
 * SignUp and InitiateAuth go out together (see above): the step to follow, and whether the address
 * is new. Nothing sends a second email: SignUp mails only a new account, InitiateAuth only an
 * existing, confirmed one. Throws when neither answer leads on.
 */
export async function signUpOrSignIn(
  client: AuthClient,
  email: string,
  locale: string,
  check: () => void,
): Promise<[step: AuthStep, isNewUser: boolean, uncertain: boolean]> {
  const [signUp, signIn] = await Promise.allSettled([client.signUp(email, locale), client.signIn(email)]);
  check();
  if (signUp.status === 'fulfilled') return [signUp.value, true, false];
  const exists = (signUp.reason as Error)?.name === 'UsernameExistsException';
  // SignUp refused for a reason that says nothing about the address and that trying again would
  // not change (throttled, rate-limited by a firewall, self sign-up not permitted) while
  // InitiateAuth answered with a code step: a returning user's code, already mailed, or the
  // challenge Cognito simulates for an unknown address. The code step is shown either way, so that
  // a returning user is never turned away with a code in their inbox; "Resend code" finds out
  // again. A SignUp cut off by the network is not such a reason: the user is most likely offline,
  // a new user would wait for a code that never comes, and sending again is the cure, so the email
  // step says so and keeps the address.
  const uncertain =
    !exists &&
    signIn.status === 'fulfilled' &&
    signIn.value.type === 'code' &&
    ((signUp.reason as Error)?.name === 'NotAuthorizedException' ||
      errorCodeFor(signUp.reason, 'email') === 'too-many-attempts');
  if (!exists && !uncertain) throw signUp.reason;
  if (signIn.status === 'rejected') throw signIn.reason;
  return [signIn.value, false, uncertain];
}
