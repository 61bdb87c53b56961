/**
 * The account element's words in English, the reference language: its keys define the table every
 * language provides (`AccountMessages`). Separate from the sign-in element's table, so that pages
 * with only `<passwordless-login>` never load them. Messages that take values are functions; the
 * values (addresses, names, dates) come wrapped in Unicode isolates by the caller.
 */
export const accountEn = {
  loading: 'Loading your account…',
  signedOut: 'You are not signed in.',

  emailHeading: 'Email address',
  emailHint: 'You sign in with this address.',
  changeEmail: 'Change email',
  newEmailLabel: 'New email address',
  newEmailHint: 'We will send a code to it. Until you enter the code, you keep signing in with your current address.',
  sendCode: 'Send code',
  cancel: 'Cancel',
  codeSentTo: (destination: string) => `We sent a code to ${destination}.`,
  codeLabel: 'Code from the email',
  codeHint: 'Enter the 6-digit code.',
  confirmCode: 'Confirm new email',
  resendCode: 'Send a new code',
  sending: 'Sending a code…',
  verifying: 'Checking the code…',
  codeSent: 'Code sent. Check the new address’s inbox.',
  emailChanged: (email: string) => `You now sign in with ${email}.`,

  passkeysHeading: 'Passkeys',
  passkeysHint: 'Sign in with your fingerprint, face or screen lock instead of a code.',
  noPasskeys: 'You have no passkeys yet.',
  unnamedPasskey: 'Passkey',
  passkeyAdded: (date: string) => `Added ${date}`,
  addPasskey: 'Add a passkey',
  addingPasskey: 'Follow your browser’s prompt to create the passkey…',
  loadingPasskeys: 'Loading your passkeys…',
  deletePasskey: 'Delete',
  deletePasskeyLabel: (name: string) => `Delete passkey ${name}`,
  confirmDeletePasskey: (name: string) => `Delete the passkey ${name}? You will no longer be able to sign in with it.`,
  deletingPasskey: 'Deleting the passkey…',
  passkeyCreated: 'Passkey added.',
  passkeyDeleted: 'Passkey deleted.',

  devicesHeading: 'Devices',
  signOutEverywhereHint: 'Sign out on every device and browser where you are signed in, this one included.',
  signOutEverywhere: 'Sign out everywhere',
  signingOut: 'Signing out everywhere…',
  signedOutEverywhere: 'You are signed out on every device.',

  deleteHeading: 'Delete account',
  deleteHint: 'Deleting your account cannot be undone.',
  deleteAccount: 'Delete my account',
  confirmDeleteAccount: (email: string) => `Delete the account ${email} for good? This cannot be undone.`,
  confirmDelete: 'Delete',
  deleting: 'Deleting your account…',
  accountDeleted: 'Your account has been deleted.',

  errorEmailRequired: 'Enter the new email address.',
  errorInvalidEmail: 'Enter a valid email address, like name@example.com.',
  errorSameEmail: 'That is already your email address.',
  errorEmailTaken: 'Another account already uses that email address.',
  errorCodeIncomplete: 'Enter all 6 digits of the code.',
  errorWrongCode: 'That code is not right. Check the email and try again.',
  errorCodeExpired: 'That code has expired. Send a new code.',
  errorTooManyAttempts: 'Too many attempts. Wait a few minutes, then try again.',
  errorSessionExpired: 'You are no longer signed in. Sign in again to continue.',
  errorNetwork: 'Cannot reach the account service. Check your connection and try again.',
  errorConfiguration: 'Account settings are not set up correctly on this page.',
  errorPoolConflict: 'Another element on this page uses a different user pool.',
  errorService: 'The account service had a problem. Try again in a moment.',
  errorPasskeyCancelled: 'No passkey was created. Try again when you are ready.',
  errorPasskeyFailed: 'This device could not create a passkey.',
  errorPasskeyExists: 'This device already has a passkey for your account.',
  errorPasskeysUnavailable: 'Passkeys are not available for this site.',
  errorUnknown: 'Something went wrong. Try again.',
};

/** Every string the account element shows; a language file must provide all of them. */
export type AccountMessages = {
  [K in keyof typeof accountEn]: (typeof accountEn)[K] extends string ? string : (typeof accountEn)[K];
};

export default accountEn satisfies AccountMessages;
