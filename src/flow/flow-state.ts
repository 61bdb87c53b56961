/**
 * What the sign-in flow shows and tells: its state (rendered by the element), its events (turned
 * into DOM events by the element), and what it asks of its host. Types only, but for the code
 * lengths and the initial state.
 */
import type { LoginErrorCode } from '../errors.js';
import type { AuthClient, PoolConfig, Session } from './client.js';

/** Code lengths are a property of the step: Cognito's sign-in OTP has 8 digits, sign-up codes 6. */
export const CODE_LENGTH = { 'sign-in': 8, 'sign-up': 6 } as const;

export type Purpose = keyof typeof CODE_LENGTH;

export type Busy = 'restoring' | 'sending' | 'verifying' | 'signing-out' | 'passkey' | 'creating-passkey' | null;

/** How the user signed in: a code, a passkey, or a session already there (restored, another tab). */
export type SignInMethod = 'email-code' | 'passkey' | 'session';

export interface CodeStep {
  purpose: Purpose;
  codeLength: number;
  /** Masked by Cognito, e.g. `a***@e***`. */
  destination: string;
  /** When "Resend code" becomes available, in ms since the epoch. */
  resendAt: number;
  /**
   * Whether an account exists is not known (SignUp failed for another reason than an existing
   * account, while InitiateAuth answered with a code step): "Resend code" discovers again.
   */
  uncertain: boolean;
  /** No code was sent and none is accepted (an unconfirmed account with `sign-up="off"`). */
  decoy?: boolean;
}

export interface FlowState {
  step: 'email' | 'code' | 'signed-in';
  busy: Busy;
  email: string;
  code: CodeStep | null;
  error: LoginErrorCode | null;
  session: Session | null;
  isNewUser: boolean;
  /** The signed-in view offers to create a passkey. */
  passkeyOffer: boolean;
}

export type FlowEvent =
  | { type: 'signed-in'; session: Session; isNewUser: boolean; restored: boolean; method: SignInMethod }
  | { type: 'passkey-created'; credentialId: string }
  | { type: 'signed-out'; everywhere: boolean }
  | { type: 'code-sent'; destination: string; codeLength: number; purpose: Purpose }
  | { type: 'error'; code: LoginErrorCode };

export interface FlowHost {
  loadClient(): Promise<AuthClient>;
  /** The pool as the element's attributes describe it now; null while required ones are missing. */
  config(): PoolConfig | null;
  signUpMode(): 'auto' | 'off';
  /** The element's language, recorded as the user's `locale` at sign-up. */
  locale(): string;
  resendCooldownMs(): number;
  /** `auto` when the element offers passkeys (`passkeys="auto"` and the browser has WebAuthn). */
  passkeysMode(): 'auto' | 'off';
  /** Loads the strings only passkey code shows (English's are a chunk of their own); awaited beside that code. */
  loadPasskeyStrings(): Promise<unknown>;
  onChange(state: FlowState): void;
  onEvent(event: FlowEvent): void;
}

export const INITIAL_STATE: FlowState = {
  step: 'email',
  busy: null,
  email: '',
  code: null,
  error: null,
  session: null,
  isNewUser: false,
  passkeyOffer: false,
};
