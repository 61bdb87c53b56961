/**
 * Cognito's error shape: HTTP 400 with `{"__type","message"}` and an `x-amzn-errortype` header.
 * Messages are the ones real pools send (see shared/reference/cognito-wire.md §3.1); the ones marked
 * [U] there are our best guess and are marked the same way here.
 */
export class CognitoError extends Error {
  constructor(
    /** The `__type`, e.g. `CodeMismatchException`. */
    readonly type: string,
    message: string,
    /** 400 for every client error, as real Cognito answers; 500 only for internal faults. */
    readonly status = 400,
  ) {
    super(message);
    this.name = type;
  }
}

const e = (type: string, message: string) => () => new CognitoError(type, message);

/** Every error the emulator raises, named for the situation. */
export const errors = {
  // Cognito's front end answers an unknown target without a message; ours names what it got.
  unknownOperation: (target: string) =>
    new CognitoError('UnknownOperationException', target === '' ? 'Missing X-Amz-Target.' : `Unknown operation ${target}.`),
  serialization: (message: string) => new CognitoError('SerializationException', message),
  invalidParameter: (message: string) => new CognitoError('InvalidParameterException', message),
  invalidPassword: (message: string) => new CognitoError('InvalidPasswordException', message),
  missingMember: (member: string) =>
    new CognitoError(
      'InvalidParameterException',
      `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
    ),
  emptyMember: (member: string) =>
    new CognitoError(
      'InvalidParameterException',
      `1 validation error detected: Value '' at '${member}' failed to satisfy constraint: Member must have length greater than or equal to 1`,
    ),
  missingAuthParameter: (name: string) => new CognitoError('InvalidParameterException', `Missing required parameter ${name}`),
  // [U] Cognito's exact text for an unknown app client.
  unknownClient: (clientId: string) =>
    new CognitoError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`),
  usernameExists: e('UsernameExistsException', 'An account with the given email already exists.'),
  usernameNotEmail: e('InvalidParameterException', 'Username should be an email.'),
  signUpCodeMismatch: e('CodeMismatchException', 'Invalid verification code provided, please try again.'),
  expiredCode: e('ExpiredCodeException', 'Invalid code provided, please request a code again.'),
  alreadyConfirmed: e('NotAuthorizedException', 'User cannot be confirmed. Current status is CONFIRMED'),
  // [U] Cognito documents the exception for ConfirmSignUp but not its text.
  tooManyFailedAttempts: e('TooManyFailedAttemptsException', 'Too many failed attempts.'),
  // [U] common knowledge, not captured from a real pool.
  resendAlreadyConfirmed: e('InvalidParameterException', 'User is already confirmed.'),
  userNotFoundForClient: e('UserNotFoundException', 'Username/client id combination not found.'),
  userNotFound: e('UserNotFoundException', 'User does not exist.'),
  userNotConfirmed: e('UserNotConfirmedException', 'User is not confirmed.'),
  limitExceeded: e('LimitExceededException', 'Attempt limit exceeded, please try after some time.'),
  otpMismatch: e('CodeMismatchException', 'Invalid code or auth state for the user.'),
  sessionExpired: e('NotAuthorizedException', 'Invalid session for the user, session is expired.'),
  sessionUsed: e('NotAuthorizedException', 'Invalid session for the user, session can only be used once.'),
  sessionInvalid: e('NotAuthorizedException', 'Invalid session for the user.'),
  incorrectPassword: e('NotAuthorizedException', 'Incorrect username or password.'),
  invalidRefreshToken: e('NotAuthorizedException', 'Invalid Refresh Token'),
  refreshTokenRevoked: e('NotAuthorizedException', 'Refresh Token has been revoked'),
  refreshTokenExpired: e('NotAuthorizedException', 'Refresh Token has expired'),
  // [U] Cognito's text for a refresh token that rotation retired (after its grace period).
  refreshTokenReused: e('RefreshTokenReuseException', 'Refresh token has already been used.'),
  // Self sign-up off (AllowAdminCreateUserOnly): Cognito's text.
  signUpNotPermitted: e('NotAuthorizedException', 'SignUp is not permitted for this user pool'),
  // [U] Account recovery is admin only: the text is the emulator's own.
  recoveryAdminOnly: e('NotAuthorizedException', 'Password reset by the user is not allowed for this user pool; an administrator must reset it.'),
  // [U] An IAM-authorized operation without a SigV4 signature (AWS's text for unsigned requests).
  missingAuthenticationToken: e('MissingAuthenticationTokenException', 'Missing Authentication Token'),
  userPoolNotFound: (userPoolId: string) => new CognitoError('ResourceNotFoundException', `User pool ${userPoolId} does not exist.`),
  adminUserExists: e('UsernameExistsException', 'User account already exists'),
  // The emulator implements no temporary passwords (no NEW_PASSWORD_REQUIRED challenge).
  notEmulated: (what: string) => new CognitoError('InvalidParameterException', `The local emulator does not implement ${what}.`),
  invalidAccessToken: e('NotAuthorizedException', 'Invalid Access Token'),
  accessTokenExpired: e('NotAuthorizedException', 'Access Token has expired'),
  accessTokenRevoked: e('NotAuthorizedException', 'Access Token has been revoked'),
  // Cognito's text for an email another account signs in with (email is the username attribute).
  aliasExists: e('AliasExistsException', 'An account with the given email already exists.'),
  // [U] Cognito's text for an email attribute that is not an address.
  invalidEmail: e('InvalidParameterException', 'Invalid email address format.'),
  // [U] Cognito's text for a required attribute sent blank (which would delete it).
  requiredAttribute: (name: string) =>
    new CognitoError('InvalidParameterException', `Attributes did not conform to the schema: ${name}: The attribute is required`),
  // [U] Cognito's text for verifying an attribute that is not an email or phone number.
  notVerifiable: (name: string) =>
    new CognitoError('InvalidParameterException', `Invalid attribute name for verification: ${name}.`),
  // [U] The pool has no phone numbers: nothing to send a code to.
  noPhoneNumber: e('InvalidParameterException', 'The user has no phone_number attribute to verify.'),
  unauthorizedAttribute: e('NotAuthorizedException', 'A client attempted to write unauthorized attribute'),
  // [U] RevokeToken for a token of another client / a JWT instead of a refresh token.
  tokenOfOtherClient: e('UnauthorizedException', 'Token does not belong to this client.'),
  unsupportedTokenType: e('UnsupportedTokenTypeException', 'Unsupported token type.'),
  // [U] passkey texts: Cognito documents these exceptions, not their messages.
  webAuthnNotEnabled: e('WebAuthnNotEnabledException', 'WebAuthn is not enabled for this user pool.'),
  webAuthnChallengeNotFound: e('WebAuthnChallengeNotFoundException', 'No pending WebAuthn registration challenge was found; start the registration again.'),
  passkeyLimit: e('LimitExceededException', 'The user has the maximum number of passkeys.'),
  passkeyAlreadyRegistered: e('InvalidParameterException', 'This passkey is already registered.'),
  passkeyNotFound: e('ResourceNotFoundException', 'The passkey credential was not found.'),
  invalidNextToken: e('InvalidParameterException', 'Invalid NextToken.'),
  /** A Lambda trigger threw or timed out: Cognito names the trigger and passes its message on. */
  triggerFailed: (trigger: 'CustomMessage' | 'PostConfirmation' | 'PreTokenGeneration', message: string) =>
    new CognitoError('UserLambdaValidationException', `${trigger} failed with error ${message}.`),
  internal: () => new CognitoError('InternalErrorException', 'Internal server error.', 500),
} as const;
