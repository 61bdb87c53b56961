/**
 * The contract between the account flow and whatever talks to Cognito for it. The real
 * implementation is `amplify-account.ts`: the account's own aws-amplify calls, on top of the
 * sign-in client's pool claim and session (`amplify-client.ts`), so that both elements on a page
 * share one Amplify configuration and one session.
 */
import type { AuthSignal, PasskeyClient, PoolConfig, Session } from './client.js';

export interface AccountClient {
  /** As `AuthClient.claim`: the page-wide Amplify configuration, shared with `<passwordless-login>`. */
  claim(config: PoolConfig): () => void;
  /** The stored session, refreshed when needed (or always, with `forceRefresh`); null when signed out. */
  currentSession(forceRefresh?: boolean): Promise<Session | null>;
  /** Auth signals from the sign-in element, other tabs and token refresh. */
  listen(listener: (signal: AuthSignal) => void): () => void;
  /**
   * Asks Cognito to change the sign-in email (UpdateUserAttributes). Resolves with the masked address
   * the code went to, or null when the pool changed it at once, with no code.
   */
  changeEmail(email: string, locale: string): Promise<{ destination: string } | null>;
  /** A new code for the pending address (GetUserAttributeVerificationCode). */
  resendEmailCode(locale: string): Promise<{ destination: string }>;
  /** Verifies the pending address with its code (VerifyUserAttribute): it becomes the sign-in address. */
  confirmEmail(code: string): Promise<void>;
  /**
   * GlobalSignOut, then the local sign-out. Rejects, signing nothing out here, when Cognito did not
   * confirm the global sign-out: the user must not be told every device is signed out when it is not.
   */
  signOutEverywhere(config: PoolConfig): Promise<void>;
  /** DeleteUser, then the local sign-out. */
  deleteAccount(): Promise<void>;
  /** The sign-in client's passkey management (its own chunk), for the passkeys section. */
  passkeys(): Promise<PasskeyClient>;
}
