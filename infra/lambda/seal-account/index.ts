// Cognito Post confirmation and Pre token generation trigger: closes the account takeover that
// happens when someone signs up with another person's email address before they do.
//
// The attack. Cognito's public SignUp accepts a Password, and PASSWORD must stay an allowed first
// factor of the pool (Cognito refuses a sign-in policy without it), so USER_AUTH lets anyone sign in
// with a password the account has. An attacker signs up victim@example.com with a password of their
// choice; later the victim types that email into a sign-in form, confirms the account with the code
// from their mailbox, and the attacker signs in with PREFERRED_CHALLENGE=PASSWORD as the victim.
//
// Why this design (and not another):
// - No Cognito hook sees the SignUp password (the Pre sign-up event has none), and a password cannot
//   be removed once set, only replaced. So it is replaced with a random one nobody ever sees, at the
//   first moment the account becomes usable: confirmation (Post confirmation: ConfirmSignUp and
//   AdminConfirmSignUp). See seal.ts for what sealing does.
// - Not earlier: a permanent AdminSetUserPassword confirms an unconfirmed account, so sealing at
//   sign-up time (in the Custom Message trigger, say) would confirm addresses nobody proved.
// - A trigger can fail (throttling, a timeout, a bad deploy). Cognito then answers ConfirmSignUp
//   with an error, but does not promise to undo the confirmation; the account may be usable with the
//   attacker's password after all. So a second trigger guards the one thing the attacker wants,
//   tokens: Pre token generation runs before Cognito issues tokens, for every factor (PASSWORD,
//   EMAIL_OTP, passkeys) and every refresh. An account without the seal mark gets none. The gate
//   seals it there (and ends its sessions) and refuses this issuance; the owner's next sign-in with
//   an email code works, while the attacker's password is gone. If sealing fails there too, tokens
//   stay refused: the design fails closed. Pre authentication could not do this: its event does not
//   say which factor is used, and whether Cognito checks a password before or after it is not
//   documented, so sealing there could still let that one password sign-in through.
// - Every account gets a password nobody knows, including people who signed up without one. That
//   also keeps a stolen access token from adding a password: ChangePassword needs the previous
//   password whenever the account has one.
// - Cost of failing closed: accounts without the mark (created before this trigger existed, or by an
//   administrator who did not set it) are refused tokens once, at their next sign-in or refresh,
//   while the gate seals them. docs/security.md says how to create users with the mark.
// - Defence in depth at the edge: the optional AWS WAF web ACL of the stack refuses SignUp bodies
//   that carry a Password and sign-in requests that choose PASSWORD (lib/waf.ts).
//
// The function needs AdminSetUserPassword, AdminDeleteUserAttributes, AdminUpdateUserAttributes and
// AdminUserGlobalSignOut on this user pool and nothing else (the stack scopes its role to the pool).
// It uses the AWS SDK the Lambda runtime provides; the local emulator runs this same file and points
// the SDK at itself through AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER.
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { SEAL_ATTRIBUTE, seal, signOutEverywhere, type SealTarget } from './seal.js';

export { KEPT_ATTRIBUTES, SEAL_ATTRIBUTE, randomPassword, strayAttributes } from './seal.js';

/** The part of Cognito's Post confirmation and Pre token generation events this handler reads. */
export interface SealTriggerEvent {
  version?: string;
  triggerSource: string;
  region?: string;
  userPoolId: string;
  /** Cognito's username (with email as the username attribute, the account's `sub`). */
  userName: string;
  callerContext?: { awsSdkVersion?: string; clientId?: string };
  request: {
    userAttributes: Record<string, string | undefined>;
    clientMetadata?: Record<string, string> | null;
    [key: string]: unknown;
  };
  response: Record<string, unknown>;
}

/** What the gate answers (Cognito wraps it: "PreTokenGeneration failed with error …"). */
export const SEALED_NOW_MESSAGE = 'This account has just been secured. Sign in again.';

let client: CognitoIdentityProviderClient | undefined;

/** One client per container, created on first use: the token gate's usual path needs none. */
async function cognito(): Promise<CognitoIdentityProviderClient> {
  if (!client) {
    const { CognitoIdentityProviderClient: Client } = await import('@aws-sdk/client-cognito-identity-provider');
    client = new Client({});
  }
  return client;
}

const target = (event: SealTriggerEvent): SealTarget => ({
  userPoolId: event.userPoolId,
  username: event.userName,
  attributes: event.request.userAttributes ?? {},
});

export const handler = async (event: SealTriggerEvent): Promise<SealTriggerEvent> => {
  const source = event.triggerSource;
  if (source === 'PostConfirmation_ConfirmSignUp') {
    await seal(await cognito(), target(event));
  } else if (source === 'PostConfirmation_ConfirmForgotPassword') {
    // The new password was set with a code from the owner's mailbox: it is theirs.
    await seal(await cognito(), target(event), { keepPassword: true });
  } else if (source.startsWith('TokenGeneration_')) {
    if (!event.request.userAttributes?.[SEAL_ATTRIBUTE]) {
      const c = await cognito();
      await seal(c, target(event));
      await signOutEverywhere(c, target(event));
      throw new Error(SEALED_NOW_MESSAGE);
    }
  }
  return event;
};
