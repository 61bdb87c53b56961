/**
 * English, part three: what only shows once passkey code has run (a passkey sign-in, the offer to
 * create one, the passkey methods): their progress, notices and errors, and "Email me a code
 * instead" after a passkey error. It is in the passkeys chunk; the flow asks the element to load it
 * beside that code (`FlowHost.loadPasskeyStrings`), so that an email sign-in does not carry it.
 */
export const enPasskeys = {
  emailCodeButton: 'Email me a code instead',
  passkeyOffer: 'Next time, sign in with your fingerprint, face or screen lock, with no code to type.',
  createPasskey: 'Create a passkey',
  notNow: 'Not now',
  creatingPasskey: 'Creating a passkey…',
  passkeyCreated: 'Passkey created. Use it to sign in next time.',
  errorPasskeyCancelled: 'The passkey was not used: the request was cancelled or timed out.',
  errorPasskeyFailed: 'This passkey could not be used. Try again.',
  errorPasskeysUnavailable: 'Passkeys are not available here.',
};
