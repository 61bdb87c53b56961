import type { LoginErrorCode } from './errors.js';
import type { SessionTokens, SessionUser } from './flow/client.js';

export type { LoginErrorCode } from './errors.js';
export type { SessionTokens, SessionUser } from './flow/client.js';

export interface SignedInDetail {
  user: SessionUser;
  /** JWT strings; `expiresAt` in ms since the epoch. */
  tokens: SessionTokens;
  /** True when the account was created during this sign-in. */
  isNewUser: boolean;
  /** True when an existing session was picked up on load. */
  restored: boolean;
  /** How: `email-code` (a code typed), `passkey`, or `session` (restored, or signed in by another element or tab). */
  method: 'email-code' | 'passkey' | 'session';
}

export interface PasskeyCreatedDetail {
  /** The new passkey's credential id (base64url), as `listPasskeys()` lists it. */
  credentialId: string;
}

export interface CodeSentDetail {
  /** Where the code went, masked by Cognito (e.g. `a***@e***`). */
  destination: string;
  codeLength: number;
  purpose: 'sign-in' | 'sign-up';
}

export interface LoginErrorDetail {
  code: LoginErrorCode;
  /** The translated message the user sees. */
  message: string;
}

const INIT = { bubbles: true, composed: true } as const;

/** The user signed in, or a stored session was restored. */
export class SignedInEvent extends CustomEvent<SignedInDetail> {
  static readonly eventName = 'signed-in';
  constructor(detail: SignedInDetail) {
    super(SignedInEvent.eventName, { ...INIT, detail });
  }
}

export interface SignedOutDetail {
  /** True after "sign out everywhere" (GlobalSignOut): every session of the user ended, on every device. */
  everywhere: boolean;
}

/** The user signed out, or the session could no longer be refreshed. */
export class SignedOutEvent extends CustomEvent<SignedOutDetail> {
  static readonly eventName = 'signed-out';
  constructor(detail: SignedOutDetail = { everywhere: false }) {
    super(SignedOutEvent.eventName, { ...INIT, detail });
  }
}

/** A code was emailed. */
export class CodeSentEvent extends CustomEvent<CodeSentDetail> {
  static readonly eventName = 'code-sent';
  constructor(detail: CodeSentDetail) {
    super(CodeSentEvent.eventName, { ...INIT, detail });
  }
}

/** The user was shown an error. */
export class LoginErrorEvent extends CustomEvent<LoginErrorDetail> {
  static readonly eventName = 'login-error';
  constructor(detail: LoginErrorDetail) {
    super(LoginErrorEvent.eventName, { ...INIT, detail });
  }
}

/** A passkey was created for the signed-in user (from the offer, or `createPasskey()`). */
export class PasskeyCreatedEvent extends CustomEvent<PasskeyCreatedDetail> {
  static readonly eventName = 'passkey-created';
  constructor(detail: PasskeyCreatedDetail) {
    super(PasskeyCreatedEvent.eventName, { ...INIT, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'signed-in': SignedInEvent;
    'signed-out': SignedOutEvent;
    'code-sent': CodeSentEvent;
    'login-error': LoginErrorEvent;
    'passkey-created': PasskeyCreatedEvent;
  }
}
