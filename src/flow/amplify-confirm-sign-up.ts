/**
 * Confirming a sign-up and signing in with the session Cognito returns for it, through Cognito calls
 * made with Amplify's own transport. Part of the sign-in chunk, beside amplify-client.ts.
 */
import { decodeJWT, getGlobalContext, Hub } from '@aws-amplify/core';
import {
  getDnsSuffix,
  getRetryDecider,
  jitteredBackoff,
  parseJsonBody,
  parseJsonError,
  unauthenticatedHandler,
  type HttpResponse,
} from '@aws-amplify/core/internals/aws-client-utils';
import { composeServiceApi } from '@aws-amplify/core/internals/aws-client-utils/composers';
import { AMPLIFY_SYMBOL, AmplifyUrl, getAmplifyUserAgent } from '@aws-amplify/core/internals/utils';
import type { ResourcesConfig } from '@aws-amplify/core';
import { getCurrentUser } from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import type { AuthStep } from './client.js';
import { namedError } from './named-error.js';

/** Amplify keeps the in-progress sign-in (challenge session) under these sessionStorage keys. */
export const SIGN_IN_STATE_PREFIX = 'CognitoSignInState.';

/**
 * Drops Amplify's sessionStorage mirror of the in-progress sign-in (the challenge session it keeps
 * to survive a reload); its in-memory copy is what `confirmSignIn` uses.
 */
export function dropSignInState(): void {
  if (typeof window === 'undefined') return;
  for (const key of Object.keys(window.sessionStorage)) {
    if (key.startsWith(SIGN_IN_STATE_PREFIX)) window.sessionStorage.removeItem(key);
  }
}

/**
 * Cognito calls this module makes itself, through Amplify's own transport (the same retries, user
 * agent and error parsing as Amplify's auth clients): ConfirmSignUp, for the Session it returns, and
 * InitiateAuth with that Session.
 *
 * Why not Amplify's `confirmSignUp` + `autoSignIn`: Amplify keeps auto sign-in in a page-wide store
 * that `signUp` arms when its answer arrives and that any sign-in attempt clears when its error
 * arrives (`signInWithUserAuth` calls `resetAutoSignIn()` on UserNotConfirmed and UserNotFound). The
 * flow sends SignUp and InitiateAuth together, so for a new user whichever answer arrives last
 * decides, and half the time auto sign-in would be gone: a second email. Signing in with the
 * ConfirmSignUp session here does not depend on that order, and it also signs in an account that
 * was signed up earlier and never confirmed with its one sign-up code.
 */
async function cognito<T>(config: ResourcesConfig, operation: string, input: object): Promise<T> {
  const pool = config.Auth!.Cognito!;
  const region = pool.userPoolId?.split('_')[0] ?? '';
  const url = pool.userPoolEndpoint
    ? new AmplifyUrl(pool.userPoolEndpoint)
    : new AmplifyUrl(`https://cognito-idp.${region}.${getDnsSuffix(region)}`);
  const call = composeServiceApi(
    unauthenticatedHandler,
    (body: object) => ({
      url,
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
        'cache-control': 'no-store',
      },
      body: JSON.stringify(body),
    }),
    async (response: HttpResponse) => {
      if (response.statusCode < 300) return (await parseJsonBody(response)) as T;
      const error = (await parseJsonError(response)) ?? namedError('UnknownError', 'Unknown error');
      throw namedError(error.name, error.message);
    },
    {
      service: 'cognito-idp',
      retryDecider: getRetryDecider(parseJsonError),
      computeDelay: jitteredBackoff,
      userAgentValue: getAmplifyUserAgent(),
      cache: 'no-store',
      endpointResolver: () => ({ url }),
    },
  );
  return call({ region }, { ClientId: pool.userPoolClientId, ...input });
}

interface AuthenticationResult {
  AccessToken?: string;
  IdToken?: string;
  RefreshToken?: string;
}

/**
 * Confirms a sign-up and signs the user in with the session Cognito returns for it (the sign-up code
 * was the first factor), caching the tokens where Amplify's own sign-in would and announcing
 * `signedIn` on Amplify's Hub as it does. Falls back to a normal sign-in (one sign-in code) when
 * Cognito offers no session.
 */
export async function confirmAndSignIn(email: string, code: string): Promise<AuthStep> {
  const config = getGlobalContext().resourcesConfig;
  const { Session } = await cognito<{ Session?: string }>(config, 'ConfirmSignUp', { Username: email, ConfirmationCode: code });
  if (!Session) return { type: 'sign-in-needed' };
  let result: AuthenticationResult | undefined;
  try {
    ({ AuthenticationResult: result } = await cognito<{ AuthenticationResult?: AuthenticationResult }>(config, 'InitiateAuth', {
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: email },
      Session,
    }));
  } catch {
    // The account is confirmed either way; a normal sign-in finishes the job.
  }
  if (!result?.AccessToken) return { type: 'sign-in-needed' };
  const accessToken = decodeJWT(result.AccessToken);
  await cognitoUserPoolsTokenProvider.tokenOrchestrator.setTokens({
    tokens: {
      accessToken,
      idToken: result.IdToken ? decodeJWT(result.IdToken) : undefined,
      refreshToken: result.RefreshToken,
      // As Amplify computes it: how far this device's clock is behind Cognito's.
      clockDrift: (accessToken.payload.iat ?? 0) * 1000 - Date.now(),
      username: email,
      signInDetails: { loginId: email, authFlowType: 'USER_AUTH' },
    },
  });
  dropSignInState();
  Hub.dispatch('auth', { event: 'signedIn', data: await getCurrentUser() }, 'Auth', AMPLIFY_SYMBOL);
  return { type: 'signed-in' };
}
