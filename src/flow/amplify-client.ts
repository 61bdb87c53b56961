/**
 * The module that imports aws-amplify for signing in (`amplify-passkeys.ts`, loaded from here on
 * demand, imports the passkey management functions). The element loads it with a dynamic `import()`
 * as soon as it connects, so the email step renders before aws-amplify has arrived. Only the
 * functions the flow uses are imported, to keep the sign-in bundle small.
 */
// `@aws-amplify/core` rather than `Amplify` from 'aws-amplify': that facade's `configure` wires in
// the identity-pool credentials provider, which this flow never uses (about 4 KB gzip). It is the
// same copy that aws-amplify and @aws-amplify/auth use: aws-amplify depends on it and
// @aws-amplify/auth, whose functions run every request here, declares it as a peer dependency, so
// npm installs one copy beside them; this package declares the same peer. `ONE_AMPLIFY` checks it.
import { ConsoleLogger, createAmplifyContext, getGlobalContext, hasGlobalContext, Hub } from '@aws-amplify/core';
import { AMPLIFY_SYMBOL, setGlobalContext } from '@aws-amplify/core/internals/utils';
import type { KeyValueStorageInterface, LibraryOptions, ResourcesConfig } from '@aws-amplify/core';
import {
  confirmSignIn,
  fetchAuthSession,
  resendSignUpCode,
  signIn,
  signOut,
  signUp,
  type SignInOutput,
} from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { Hub as AmplifyHub, defaultStorage, sessionStorage, sharedInMemoryStorage } from 'aws-amplify/utils';
import { confirmAndSignIn, dropSignInState, SIGN_IN_STATE_PREFIX } from './amplify-confirm-sign-up.js';
import type { AuthClient, AuthSignal, AuthStep, PoolConfig, Session } from './client.js';
import { namedError } from './named-error.js';

const poolKey = (c: PoolConfig) => `${c.endpoint}|${c.userPoolId}|${c.clientId}`;

/**
 * Live claims on the page-wide Amplify singleton, by pool, with the token storage they asked for:
 * only one pool, and one storage for it, can be served at a time.
 */
const claims = new Map<string, { count: number; storage: PoolConfig['tokenStorage'] }>();
let storageKind: PoolConfig['tokenStorage'] = 'local';
/** The Auth configuration and the key-value storage this module last gave Amplify, to tell the page's own from them. */
let writtenAuth: unknown;
let writtenStorage: KeyValueStorageInterface | undefined;
/** The app client served now: Amplify's localStorage keys start with `CognitoIdentityServiceProvider.<clientId>.`. */
let servedClientId = '';
/** Other tabs write several keys per sign-in or sign-out; their storage events are read once settled. */
const OTHER_TAB_SETTLE_MS = 50;

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
  // The page's own Amplify settings are respected: what this module did not write is never replaced
  // silently. Another pool configured by the page, a token provider of its own, or a token storage
  // of its own that the element's `token-storage` contradicts, is a clear error instead.
  const pagesOwn = current.Auth !== undefined && current.Auth !== writtenAuth;
  if (pagesOwn && cognito?.userPoolId && (cognito.userPoolId !== config.userPoolId || cognito.userPoolClientId !== config.clientId)) {
    throw namedError('PoolConflict', "The page's own Amplify configuration uses a different user pool.");
  }
  if (options.Auth?.tokenProvider && options.Auth.tokenProvider !== cognitoUserPoolsTokenProvider) {
    throw namedError('StorageConflict', 'The page gave Amplify a token provider of its own.');
  }
  let storageNow: KeyValueStorageInterface | undefined;
  try {
    storageNow = cognitoUserPoolsTokenProvider.authTokenStore.getKeyValueStorage();
  } catch {
    // None set: the element's own choice applies.
  }
  const pagesStorage = storageNow !== undefined && storageNow !== (writtenStorage ?? defaultStorage);
  if (pagesStorage && config.tokenStorage !== 'local') {
    throw namedError('StorageConflict', 'The page gave Amplify a token storage of its own.');
  }
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
    writtenAuth = getGlobalContext().resourcesConfig.Auth;
    // As `Amplify.configure` does: auth's OAuth listener and host code wait for this event.
    Hub.dispatch('core', { event: 'configure', data: getGlobalContext().resourcesConfig }, 'Configure', AMPLIFY_SYMBOL);
  }
  storageKind = config.tokenStorage;
  servedClientId = config.clientId;
  // With the default `token-storage`, a storage the page gave Amplify itself (cookies for SSR, say) stays.
  if (pagesStorage) return;
  writtenStorage =
    config.tokenStorage === 'memory' ? sharedInMemoryStorage : config.tokenStorage === 'session' ? sessionStorage : defaultStorage;
  cognitoUserPoolsTokenProvider.setKeyValueStorage(writtenStorage);
}

/**
 * With memory storage nothing may stay in Web Storage, but Amplify always mirrors the in-progress
 * challenge session into sessionStorage (to survive a reload). Its in-memory copy is what
 * `confirmSignIn` uses, so the mirror can be dropped after every call.
 */
async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    if (storageKind === 'memory') dropSignInState();
  }
}

/**
 * Amplify's sign-in state (the challenge session confirmSignIn answers) is one per page, written
 * when a sign-in's answer arrives. A sign-in abandoned by "Use a different email" still answers
 * later: the next sign-in or confirmation waits for it, so that a late answer never replaces the
 * session of a newer attempt.
 */
let signInQueue: Promise<unknown> = Promise.resolve();
function signInTurn<T>(work: () => Promise<T>): Promise<T> {
  const run = signInQueue.then(work, work);
  signInQueue = run.catch(() => {});
  return run;
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

/** USER_AUTH with a preferred first factor: an email code, or a passkey. */
function startSignIn(email: string, preferredChallenge: 'EMAIL_OTP' | 'WEB_AUTHN'): Promise<AuthStep> {
  return signInTurn(() => call(async () => {
    try {
      const output = await signIn({ username: email, options: { authFlowType: 'USER_AUTH', preferredChallenge } });
      const step = output.nextStep;
      // Cognito offers WEB_AUTHN only to users with a passkey, and may still ask for the choice.
      if (preferredChallenge === 'WEB_AUTHN' && step.signInStep === 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION') {
        if (!step.availableChallenges?.includes('WEB_AUTHN')) return { type: 'no-passkey' };
        return await fromSignIn(await confirmSignIn({ challengeResponse: 'WEB_AUTHN' }));
      }
      return await fromSignIn(output);
    } catch (error) {
      // Another element or tab signed in meanwhile; its session is the one to show.
      if ((error as Error).name === 'UserAlreadyAuthenticatedException') return { type: 'signed-in' };
      throw error;
    }
  }));
}

export const amplifyClient: AuthClient = {
  claim(config) {
    const key = poolKey(config);
    for (const [other, { count, storage }] of claims) {
      if (count === 0) continue;
      if (other !== key) throw namedError('PoolConflict', 'Another element on this page uses a different user pool.');
      // Tokens of one pool live in one place: a second element must not move a `memory` element's
      // tokens into localStorage.
      if (storage !== config.tokenStorage) {
        throw namedError('StorageConflict', 'Another element for this pool keeps its tokens elsewhere.');
      }
    }
    configure(config);
    const claim = claims.get(key);
    claims.set(key, { count: (claim?.count ?? 0) + 1, storage: config.tokenStorage });
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const now = claims.get(key);
      if (now) now.count = Math.max(0, now.count - 1);
    };
  },

  signUp: (email, locale) =>
    call(async () => {
      // No `autoSignIn`: see `confirmAndSignIn` for why the sign-in after confirmation is done here.
      const result = await signUp({
        username: email,
        options: { userAttributes: { email, ...(locale ? { locale } : {}) } },
      });
      const step = result.nextStep;
      if (step.signUpStep === 'CONFIRM_SIGN_UP') {
        return { type: 'code', purpose: 'sign-up', destination: step.codeDeliveryDetails.destination ?? '' };
      }
      // A pre-sign-up trigger confirmed the user at once: a normal sign-in (one code) follows.
      return { type: 'sign-in-needed' };
    }),

  signIn: (email) => startSignIn(email, 'EMAIL_OTP'),

  // Amplify runs the browser's passkey prompt inside `signIn` and answers WEB_AUTHN itself.
  signInWithPasskey: (email) => startSignIn(email, 'WEB_AUTHN'),

  chooseEmailCode: () => signInTurn(() => call(async () => fromSignIn(await confirmSignIn({ challengeResponse: 'EMAIL_OTP' })))),

  confirmSignIn: (code) => signInTurn(() => call(async () => fromSignIn(await confirmSignIn({ challengeResponse: code })))),

  confirmSignUp: (email, code) => signInTurn(() => call(() => confirmAndSignIn(email, code))),

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

  forget() {
    if (typeof window === 'undefined') return;
    // Amplify's keys for the app client, in whichever Web Storage they were written to: LastAuthUser
    // (the typed email in plain text) and, per user, tokens, clock drift, sign-in details, device keys.
    const prefixes = [`CognitoIdentityServiceProvider.${servedClientId}.`, SIGN_IN_STATE_PREFIX, `passwordless-login.known.${servedClientId}`];
    for (const storage of [window.localStorage, window.sessionStorage]) {
      // Keys listed first: Storage does not keep its key order stable while items are removed.
      for (const key of Object.keys(storage)) if (prefixes.some((prefix) => key.startsWith(prefix))) storage.removeItem(key);
    }
  },

  passkeys: () => import('./amplify-passkeys.js').then((m) => m.amplifyPasskeys),

  listen(listener) {
    const stopHub = Hub.listen('auth', ({ payload }) => {
      const signal: AuthSignal | undefined =
        payload.event === 'signedIn'
          ? 'signed-in'
          : payload.event === 'signedOut'
            ? 'signed-out'
            : payload.event === 'tokenRefresh_failure'
              ? 'refresh-failed'
              : payload.event === 'tokenRefresh'
                ? 'refreshed'
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
