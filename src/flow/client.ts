/**
 * The contract between the sign-in flow and whatever talks to Cognito. The real implementation is
 * `amplify-client.ts`, with `amplify-passkeys.ts` for managing passkeys (the only modules that import
 * aws-amplify); narrow timing tests may stub it.
 */

/** Where tokens are kept between page loads. */
export type TokenStorageKind = 'local' | 'session' | 'memory';

/** One user pool app client, as the element's attributes describe it. */
export interface PoolConfig {
  userPoolId: string;
  clientId: string;
  /** A custom Cognito endpoint (the local emulator); empty for AWS. */
  endpoint: string;
  tokenStorage: TokenStorageKind;
}

/** The signed-in user as the `signed-in` event describes it. */
export interface SessionUser {
  userId: string;
  username: string;
  email: string;
}

/** Tokens as JWT strings; `expiresAt` is when the first of them expires, in ms since the epoch. */
export interface SessionTokens {
  idToken: string;
  accessToken: string;
  expiresAt: number;
}

export interface Session {
  user: SessionUser;
  tokens: SessionTokens;
}

/** What a call that may send a code leads to next. */
export type AuthStep =
  /** A code was sent; `destination` is masked by Cognito (`a***@e***`). */
  | { type: 'code'; purpose: 'sign-in' | 'sign-up'; destination: string }
  /** Tokens are cached: the user is signed in. */
  | { type: 'signed-in' }
  /** The account exists but was never confirmed. */
  | { type: 'confirm-sign-up' }
  /** The sign-up is confirmed but auto sign-in did not happen: a normal sign-in is needed. */
  | { type: 'sign-in-needed' }
  /**
   * A passkey sign-in found no passkey to use (the user has none, the pool allows none, or the
   * address is unknown: Cognito does not say which). The sign-in waits for `chooseEmailCode()`.
   */
  | { type: 'no-passkey' };

/** A passkey registered to the signed-in user, as `listPasskeys()` describes it. */
export interface Passkey {
  /** base64url, as the browser's `PublicKeyCredential.id`. */
  credentialId: string;
  /** Cognito's friendly name for it. */
  name: string;
  createdAt: Date;
  /** `platform` (this device's authenticator), `cross-platform` (a security key, a phone), or null when unknown. */
  authenticatorAttachment: string | null;
}

/** Managing the signed-in user's passkeys; loaded on demand (its Amplify code is a chunk of its own). */
export interface PasskeyClient {
  /**
   * Runs the browser's passkey creation for the signed-in user and registers the passkey with the
   * pool; resolves with the new credential's id. Rejects with Amplify's PasskeyError names
   * (`PasskeyRegistrationCanceled`, `PasskeyAlreadyExists` …) or Cognito's exception names.
   */
  create(): Promise<string>;
  /** The signed-in user's passkeys, oldest first. */
  list(): Promise<Passkey[]>;
  delete(credentialId: string): Promise<void>;
  /**
   * Whether the pool allows passkeys, asked without creating one: true, false, or null when the
   * answer was anything else (offline, throttled).
   */
  poolAllowsPasskeys(config: PoolConfig): Promise<boolean | null>;
}

/** Auth events from other elements, other tabs or token refresh. */
export type AuthSignal =
  | 'signed-in'
  | 'signed-out'
  | 'refresh-failed'
  /** New tokens on this page (a refresh, e.g. after the account element verified a new email). */
  | 'refreshed';

export interface AuthClient {
  /**
   * Points the shared Amplify configuration at this pool, keeping the host's other categories.
   * Throws an error named `PoolConflict` when another live element, or the page's own Amplify
   * configuration, uses a different pool, and `StorageConflict` when they keep tokens elsewhere.
   * Returns a function that releases this element's claim on the pool.
   */
  claim(config: PoolConfig): () => void;
  signUp(email: string, locale: string): Promise<AuthStep>;
  signIn(email: string): Promise<AuthStep>;
  /**
   * Signs in with a passkey (USER_AUTH preferring WEB_AUTHN): the browser's passkey prompt, then
   * `signed-in`; or `no-passkey`. Rejects with Amplify's PasskeyError names when the prompt fails.
   */
  signInWithPasskey(email: string): Promise<AuthStep>;
  /** After `no-passkey`: answers the pending choice with EMAIL_OTP, which sends a sign-in code. */
  chooseEmailCode(): Promise<AuthStep>;
  confirmSignIn(code: string): Promise<AuthStep>;
  confirmSignUp(email: string, code: string): Promise<AuthStep>;
  resendSignUpCode(email: string): Promise<AuthStep>;
  /** The stored session for the claimed pool, refreshed when needed; null when signed out. */
  currentSession(forceRefresh?: boolean): Promise<Session | null>;
  signOut(global: boolean): Promise<void>;
  /**
   * Removes what the Cognito client keeps on this device about users of the claimed app client
   * (for Amplify: `LastAuthUser`, every user's token and device keys, the in-progress sign-in).
   */
  forget(): void;
  /** Subscribes to auth signals; returns the unsubscribe function. */
  listen(listener: (signal: AuthSignal) => void): () => void;
  /** Loads the passkey management client (a separate chunk). */
  passkeys(): Promise<PasskeyClient>;
}
