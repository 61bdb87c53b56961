/**
 * The account element's Cognito calls through aws-amplify. The pool claim, the session and the auth
 * signals are the sign-in client's (`amplify-client.ts`), so `<passwordless-login>` and
 * `<passwordless-account>` on one page share one Amplify configuration and one session; only the
 * account's own Amplify functions are imported here, so that pages with only the sign-in element
 * never load them (a chunk of their own in the script-tag bundle).
 */
import {
  confirmUserAttribute,
  deleteUser,
  fetchAuthSession,
  sendUserAttributeVerificationCode,
  updateUserAttribute,
} from 'aws-amplify/auth';
import type { AccountClient } from './account-client.js';
import { amplifyClient } from './amplify-client.js';
import type { PoolConfig } from './client.js';

const named = (name: string, message: string) => Object.assign(new Error(message), { name });

/** The `locale` for the Custom Message trigger, used when the user has no `locale` attribute. */
const metadata = (locale: string) => (locale ? { clientMetadata: { locale } } : {});

/**
 * GlobalSignOut, sent directly: Amplify's `signOut({ global: true })` swallows a failed request and
 * signs out locally anyway, which would tell the user every device is signed out when none is.
 */
async function globalSignOut(config: PoolConfig): Promise<void> {
  const { tokens } = await fetchAuthSession();
  if (!tokens?.accessToken) throw named('UserUnAuthenticatedException', 'Not signed in.');
  const region = config.userPoolId.split('_')[0];
  const response = await fetch(config.endpoint || `https://cognito-idp.${region}.amazonaws.com/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.GlobalSignOut',
    },
    body: JSON.stringify({ AccessToken: tokens.accessToken.toString() }),
    cache: 'no-store',
    credentials: 'omit',
  });
  if (response.ok) return;
  const body = (await response.json().catch(() => ({}))) as { __type?: string; message?: string };
  const type = (body.__type ?? response.headers.get('x-amzn-errortype') ?? 'UnknownError').split(/[#:,]/).filter(Boolean);
  throw named(type.length > 1 ? type[1]! : (type[0] ?? 'UnknownError'), body.message ?? `HTTP ${response.status}`);
}

export const amplifyAccount: AccountClient = {
  claim: (config) => amplifyClient.claim(config),
  currentSession: (forceRefresh) => amplifyClient.currentSession(forceRefresh),
  listen: (listener) => amplifyClient.listen(listener),

  async changeEmail(email, locale) {
    const { nextStep } = await updateUserAttribute({ userAttribute: { attributeKey: 'email', value: email }, options: metadata(locale) });
    if (nextStep.updateAttributeStep === 'CONFIRM_ATTRIBUTE_WITH_CODE')
      return { destination: nextStep.codeDeliveryDetails?.destination ?? '' };
    return null;
  },

  async resendEmailCode(locale) {
    const details = await sendUserAttributeVerificationCode({ userAttributeKey: 'email', options: metadata(locale) });
    return { destination: details.destination ?? '' };
  },

  confirmEmail: (code) => confirmUserAttribute({ userAttributeKey: 'email', confirmationCode: code }),

  async signOutEverywhere(config) {
    await globalSignOut(config);
    // Every refresh token of the user is revoked now; this one's tokens go too (RevokeToken, ignored
    // if it fails: the token is dead either way), and the sign-in element hears `signedOut`.
    await amplifyClient.signOut(false);
  },

  deleteAccount: () => deleteUser(),

  passkeys: () => amplifyClient.passkeys(),
};
