/**
 * The one module that imports aws-amplify. The element loads it with a dynamic `import()` as soon as
 * it connects, so the email step renders before aws-amplify has arrived. Only the functions the flow
 * uses are imported, to keep the sign-in bundle small.
 */
// `@aws-amplify/core` rather than `Amplify` from 'aws-amplify': that facade's `configure` wires in
// the identity-pool credentials provider, which this flow never uses (about 4 KB gzip). It is the
// same copy that aws-amplify and @aws-amplify/auth use: aws-amplify depends on it and
// @aws-amplify/auth, whose functions run every request here, declares it as a peer dependency, so
// npm installs one copy beside them; this package declares the same peer. `ONE_AMPLIFY` checks it.
import { ConsoleLogger, createAmplifyContext, getGlobalContext, hasGlobalContext, Hub } from '@aws-amplify/core';
import { AMPLIFY_SYMBOL, setGlobalContext } from '@aws-amplify/core/internals/utils';
import type { LibraryOptions, ResourcesConfig } from '@aws-amplify/core';
import {
  autoSignIn,
  confirmSignIn,
  confirmSignUp,
  fetchAuthSession,
  resendSignUpCode,
  signIn,
  signOut,
  signUp,
  type SignInOutput,
} from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { Hub as AmplifyHub, defaultStorage, sessionStorage, sharedInMemoryStorage } from 'aws-amplify/utils';
import type { AuthClient, AuthSignal, AuthStep, PoolConfig, Session } from './client.js';

/** Amplify keeps the in-progress sign-in (challenge session) under these sessionStorage keys. */
const SIGN_IN_STATE_PREFIX = 'CognitoSignInState.';

const poolKey = (c: PoolConfig) => `${c.endpoint}|${c.userPoolId}|${c.clientId}`;

/** Live claims on the page-wide Amplify singleton, by pool; only one pool can be served at a time. */
const claims = new Map<string, number>();
let storageKind: PoolConfig['tokenStorage'] = 'local';
/** The app client served now: Amplify's localStorage keys start with `CognitoIdentityServiceProvider.<clientId>.`. */
let servedClientId = '';
/** Other tabs write several keys per sign-in or sign-out; their storage events are read once settled. */
const OTHER_TAB_SETTLE_MS = 50;

function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/**
 * True when `@aws-amplify/core` as imported here is the copy behind 'aws-amplify' (whose `utils`
 * re-export its `Hub`): then the host's `Amplify.configure` and this module share one
 * configuration, one session and one Hub.
 */
export const ONE_AMPLIFY = Hub === AmplifyHub;

function configure(config: PoolConfig): void {
  if (!ONE_AMPLIFY) {
    throw namedError('InvalidUserPoolConfigurationException', 'Two copies of @aws-amplify/core are installed.');
  }
  // Read the context directly: `Amplify.getConfig()` warns on the console when nothing is configured.
  const context = hasGlobalContext() ? getGlobalContext() : undefined;
  const current: ResourcesConfig = context?.resourcesConfig ?? {};
  const options: LibraryOptions = context?.libraryOptions ?? {};
  const cognito = current.Auth?.Cognito;
  const endpoint = config.endpoint || undefined;
  const alreadyServed =
    cognito?.userPoolId === config.userPoolId &&
    cognito.userPoolClientId === config.clientId &&
    cognito.userPoolEndpoint === endpoint &&
    options.Auth?.tokenProvider === cognitoUserPoolsTokenProvider;
  if (!alreadyServed) {
    // The host's other categories (API, Storage…) and library options survive. For the same pool
    // the host's other Cognito settings (an identity pool, say) are kept too, with its credentials
    // provider; tokens always come from the user-pool token provider this module drives.
    const samePool = cognito?.userPoolId === config.userPoolId && cognito.userPoolClientId === config.clientId;
    const kept: Record<string, unknown> = samePool ? { ...cognito } : {};
    delete kept.userPoolEndpoint;
    const auth = {
      Cognito: {
        ...kept,
        userPoolId: config.userPoolId,
        userPoolClientId: config.clientId,
        ...(endpoint ? { userPoolEndpoint: endpoint } : {}),
        loginWith: { email: true },
      },
    } as NonNullable<ResourcesConfig['Auth']>;
    const resources: ResourcesConfig = { ...current, Auth: auth };
    const credentialsProvider = samePool ? options.Auth?.credentialsProvider : undefined;
    cognitoUserPoolsTokenProvider.setAuthConfig(auth);
    // Amplify warns on the console whenever a custom endpoint is configured; here it is what the
    // `endpoint` attribute asks for (the local emulator), so the warning is held back for this call.
    const level = ConsoleLogger.LOG_LEVEL;
    if (endpoint) ConsoleLogger.LOG_LEVEL = 'ERROR';
    try {
      setGlobalContext(
        createAmplifyContext(resources, {
          ...options,
          Auth: { tokenProvider: cognitoUserPoolsTokenProvider, ...(credentialsProvider ? { credentialsProvider } : {}) },
        }),
      );
    } finally {
      ConsoleLogger.LOG_LEVEL = level;
    }
    // As `Amplify.configure` does: auth's OAuth listener and host code wait for this event.
    Hub.dispatch('core', { event: 'configure', data: getGlobalContext().resourcesConfig }, 'Configure', AMPLIFY_SYMBOL);
  }
  // The token storage is applied on every claim: another element may have chosen another one.
  storageKind = config.tokenStorage;
  servedClientId = config.clientId;
  cognitoUserPoolsTokenProvider.setKeyValueStorage(
    config.tokenStorage === 'memory'
      ? sharedInMemoryStorage
      : config.tokenStorage === 'session'
        ? sessionStorage
        : defaultStorage,
  );
}

/**
 * With memory storage nothing may stay in Web Storage, but Amplify always mirrors the in-progress
 * challenge session into sessionStorage (to survive a reload). Its in-memory copy is what
 * `confirmSignIn` uses, so the mirror can be dropped after every call.
 */
function dropSignInMirror(): void {
  if (storageKind !== 'memory' || typeof window === 'undefined') return;
  for (let i = window.sessionStorage.length - 1; i >= 0; i--) {
    const key = window.sessionStorage.key(i);
    if (key?.startsWith(SIGN_IN_STATE_PREFIX)) window.sessionStorage.removeItem(key);
  }
}

async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    dropSignInMirror();
  }
}

/**
 * Amplify's `autoSignIn` runs behind a 300 ms leading-edge debounce: a call within 300 ms of the
 * previous one is dropped and its promise never settles. Two sign-ups that quick happen (two
 * elements, a fast pool), so calls are spaced out here.
 */
const AUTO_SIGN_IN_DEBOUNCE_MS = 350;
let lastAutoSignInAt = -Infinity;

async function runAutoSignIn(): Promise<SignInOutput> {
  const wait = lastAutoSignInAt + AUTO_SIGN_IN_DEBOUNCE_MS - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  lastAutoSignInAt = performance.now();
  return autoSignIn();
}

async function fromSignIn(output: SignInOutput): Promise<AuthStep> {
  const step = output.nextStep;
  switch (step.signInStep) {
    case 'DONE':
      return { type: 'signed-in' };
    case 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE':
      return { type: 'code', purpose: 'sign-in', destination: step.codeDeliveryDetails?.destination ?? '' };
    case 'CONFIRM_SIGN_UP':
      return { type: 'confirm-sign-up' };
    case 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION':
      // Cognito ignored the preferred challenge (it may when the pool offers several); pick it.
      if (step.availableChallenges?.includes('EMAIL_OTP')) {
        return fromSignIn(await confirmSignIn({ challengeResponse: 'EMAIL_OTP' }));
      }
      throw namedError('InvalidUserPoolConfigurationException', 'Email one-time codes are not enabled.');
    default:
      throw namedError('InvalidUserPoolConfigurationException', `Unsupported sign-in step ${step.signInStep}.`);
  }
}

export const amplifyClient: AuthClient = {
  claim(config) {
    const key = poolKey(config);
    for (const [other, count] of claims) {
      if (other !== key && count > 0) {
        throw namedError('PoolConflict', 'Another element on this page uses a different user pool.');
      }
    }
    configure(config);
    claims.set(key, (claims.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      claims.set(key, (claims.get(key) ?? 1) - 1);
    };
  },

  signUp: (email, locale) =>
    call(async () => {
      const result = await signUp({
        username: email,
        options: {
          userAttributes: { email, ...(locale ? { locale } : {}) },
          autoSignIn: { authFlowType: 'USER_AUTH' },
        },
      });
      const step = result.nextStep;
      if (step.signUpStep === 'CONFIRM_SIGN_UP') {
        return { type: 'code', purpose: 'sign-up', destination: step.codeDeliveryDetails.destination ?? '' };
      }
      // A pre-sign-up trigger confirmed the user: the sign-up session signs them in without a code.
      if (step.signUpStep === 'COMPLETE_AUTO_SIGN_IN') return fromSignIn(await runAutoSignIn());
      return { type: 'sign-in-needed' };
    }),

  signIn: (email) =>
    call(async () => {
      try {
        return await fromSignIn(
          await signIn({ username: email, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' } }),
        );
      } catch (error) {
        // Another element or tab signed in meanwhile; its session is the one to show.
        if ((error as Error).name === 'UserAlreadyAuthenticatedException') return { type: 'signed-in' };
        throw error;
      }
    }),

  confirmSignIn: (code) => call(async () => fromSignIn(await confirmSignIn({ challengeResponse: code }))),

  confirmSignUp: (email, code) =>
    call(async () => {
      const result = await confirmSignUp({ username: email, confirmationCode: code });
      // Auto sign-in is armed only by `signUp` in this page within 3 minutes; otherwise a normal
      // sign-in follows.
      if (result.nextStep.signUpStep === 'COMPLETE_AUTO_SIGN_IN') return fromSignIn(await runAutoSignIn());
      return { type: 'sign-in-needed' };
    }),

  resendSignUpCode: (email) =>
    call(async () => {
      const details = await resendSignUpCode({ username: email });
      return { type: 'code', purpose: 'sign-up', destination: details.destination ?? '' };
    }),

  async currentSession(forceRefresh = false): Promise<Session | null> {
    const { tokens } = await fetchAuthSession({ forceRefresh });
    if (!tokens?.idToken || !tokens.accessToken) return null;
    const id = tokens.idToken.payload;
    const access = tokens.accessToken.payload;
    const expiresAt = Math.min(Number(id.exp ?? Infinity), Number(access.exp ?? Infinity)) * 1000;
    return {
      user: {
        userId: String(id.sub ?? access.sub ?? ''),
        username: String(id['cognito:username'] ?? access.username ?? ''),
        email: String(id.email ?? ''),
      },
      tokens: { idToken: tokens.idToken.toString(), accessToken: tokens.accessToken.toString(), expiresAt },
    };
  },

  signOut: (global) => call(() => signOut({ global })),

  listen(listener) {
    const stopHub = Hub.listen('auth', ({ payload }) => {
      const signal: AuthSignal | undefined =
        payload.event === 'signedIn'
          ? 'signed-in'
          : payload.event === 'signedOut'
            ? 'signed-out'
            : payload.event === 'tokenRefresh_failure'
              ? 'refresh-failed'
              : undefined;
      if (signal) listener(signal);
    });
    // Other tabs (and same-origin frames) of the site: Hub is per page, but with local storage they
    // share the tokens, and every change to them fires a `storage` event here. Whether the pool's
    // LastAuthUser key is there once the writes settle says signed in or out. Session storage
    // belongs to one tab and memory to one page: nothing to follow.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onStorage = (event: StorageEvent) => {
      if (storageKind !== 'local' || event.storageArea !== localStorage) return;
      const prefix = `CognitoIdentityServiceProvider.${servedClientId}.`;
      if (event.key !== null && !event.key.startsWith(prefix)) return; // null: the storage was cleared
      clearTimeout(timer);
      timer = setTimeout(() => {
        listener(localStorage.getItem(`${prefix}LastAuthUser`) ? 'signed-in' : 'signed-out');
      }, OTHER_TAB_SETTLE_MS);
    };
    if (typeof window !== 'undefined') window.addEventListener('storage', onStorage);
    return () => {
      stopHub();
      clearTimeout(timer);
      if (typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
    };
  },
};
