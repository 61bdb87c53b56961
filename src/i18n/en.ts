/**
 * English, the reference language, part one: what can show before the sign-in flow has loaded (the
 * email step, its progress, a failed load). It is always bundled; the rest of English is en-flow.ts,
 * which comes with the flow, and en-passkeys.ts, which comes with passkey code. Their keys together define the translation table; every other language
 * has all of them in its one file (loaded on demand anyway).
 */
import type { enFlow } from './en-flow.js';
import type { enPasskeys } from './en-passkeys.js';

export const en = {
  /** Accessible name of the whole form. */
  formLabel: 'Sign in with a code sent by email',
  emailLabel: 'Email address',
  continue: 'Continue',
  loading: 'Loading…',
  sending: 'Sending a code…',
  passkeyButton: 'Sign in with a passkey',
  waitingForPasskey: 'Waiting for your passkey…',
  errorNetwork: 'Cannot reach the sign-in service. Check your connection and try again.',
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : T[K] };

/** The strings always bundled: English has these from the start (the rest come with the flow). */
export type FirstMessages = Strings<typeof en>;

/** Every string the element shows; a language file must provide all of them. */
export type Messages = Strings<typeof en & typeof enFlow & typeof enPasskeys>;

export default en satisfies FirstMessages;
