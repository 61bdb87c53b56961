import type { LoginErrorCode } from '../errors.js';

/**
 * How the element's passkey methods reject (`createPasskey()`, `listPasskeys()`, `deletePasskey()`):
 * an Error named `LoginError` whose `code` is the one a `login-error` event would carry. Inside the
 * flow, it also carries a ceremony's error already mapped, so the action's context does not remap it.
 */
export class LoginError extends Error {
  override name = 'LoginError';
  constructor(readonly code: LoginErrorCode) {
    super(code);
  }
}
