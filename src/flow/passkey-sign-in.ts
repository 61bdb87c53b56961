/**
 * The passkey half of a passkey sign-in, for the sign-in flow (login-flow.ts decides when, and what
 * follows): the ceremony's failure in the element's terms, and what the device remembers after it.
 * In the passkeys chunk, with the device memory: an email sign-in never loads it.
 */
import type { AuthStep, PoolConfig } from './client.js';
import { LoginError } from './login-error.js';
import { passkeyErrorCode } from './passkey-errors.js';
import { passkeyMemory } from './passkey-memory.js';
import { passkeysUsedHere } from './passkeys-here.js';

/**
 * Settles a passkey sign-in the flow has started (`client.signInWithPasskey`, already on its way
 * while this module loaded). Resolves with its step; rejects with a LoginError whose code is a
 * passkey one (`passkey-cancelled` …), so that the action's context does not remap it.
 */
export async function settlePasskeySignIn(attempt: Promise<AuthStep>, config: PoolConfig, email: string): Promise<AuthStep> {
  let step: AuthStep;
  try {
    step = await attempt;
  } catch (error) {
    throw new LoginError(passkeyErrorCode(error));
  }
  const memory = passkeyMemory(config);
  // Remembered without waiting: the mark is queued before the offer's check (device-memory.ts runs
  // a page's calls in order), so a passkey user is not offered another.
  if (step.type === 'signed-in') void memory.setPasskey(email, true);
  // No passkey after all (deleted, or never had one): this device stops going straight to the prompt.
  else if (step.type === 'no-passkey' && passkeysUsedHere(config)) await memory.setPasskey(email, false);
  return step;
}
