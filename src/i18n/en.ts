/**
 * English, the reference language: its keys define the translation table and it is always bundled.
 * Messages that take values are functions; counts go through `Intl.PluralRules`.
 */
const plural = new Intl.PluralRules('en');

export const en = {
  /** Accessible name of the whole form. */
  formLabel: 'Sign in with a code sent by email',
  emailLabel: 'Email address',
  continue: 'Continue',
  codeLabel: 'Code from the email',
  codeHint: (length: number) => `Enter the ${length}-digit code.`,
  codeSentTo: (destination: string) => `We sent a code to ${destination}.`,
  verify: 'Sign in',
  resend: 'Resend code',
  resendIn: (seconds: number) =>
    `Resend code in ${seconds} ${plural.select(seconds) === 'one' ? 'second' : 'seconds'}`,
  newCode: 'Send a new code',
  changeEmail: 'Use a different email',
  signedInAs: (email: string) => `Signed in as ${email}`,
  signOut: 'Sign out',
  loading: 'Loading…',
  sending: 'Sending a code…',
  verifying: 'Checking the code…',
  signingOut: 'Signing out…',
  codeSent: 'Code sent. Check your email.',
  signedIn: 'You are signed in.',
  signedOut: 'You are signed out.',
  errorEmailRequired: 'Enter your email address.',
  errorInvalidEmail: 'Enter a valid email address, like name@example.com.',
  errorCodeIncomplete: (length: number) => `Enter all ${length} digits of the code.`,
  errorWrongCode: 'That code is not right. Check the email and try again.',
  errorCodeExpired: 'That code has expired. Send a new code.',
  errorSessionExpired: 'This sign-in has expired. Send a new code to continue.',
  errorNoAccount: 'There is no account for this email address.',
  errorTooManyAttempts: 'Too many attempts. Wait a few minutes, then try again.',
  errorNetwork: 'Cannot reach the sign-in service. Check your connection and try again.',
  errorUserDisabled: 'This account is disabled.',
  errorConfiguration: 'Sign-in is not set up correctly on this page.',
  errorPoolConflict: 'Another sign-in form on this page uses a different user pool.',
  errorStorageConflict: 'Sign-in on this page is set up to keep sessions in two different places.',
  errorService: 'The sign-in service had a problem. Try again in a moment.',
  errorUnknown: 'Something went wrong. Try again.',
};

/** Every string the element shows; a language file must provide all of them. */
export type Messages = { [K in keyof typeof en]: (typeof en)[K] extends string ? string : (typeof en)[K] };

export default en satisfies Messages;
