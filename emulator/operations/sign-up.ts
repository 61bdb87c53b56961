/**
 * Sign-up: SignUp, ConfirmSignUp, ResendConfirmationCode. Email is the username attribute and is
 * verified by the sign-up code; the password is optional (the pool signs in with EMAIL_OTP). With
 * self sign-up off (AllowAdminCreateUserOnly) SignUp is refused; confirmation runs the pool's Post
 * confirmation trigger.
 */
import { randomUUID } from 'node:crypto';
import { codesEqual, newCode } from '../codes.js';
import { errors } from '../errors.js';
import {
  ignoredObject,
  optionalAttributeList,
  optionalBoolean,
  optionalString,
  optionalStringMap,
  requiredString,
  type Input,
} from '../input.js';
import type { User } from '../store.js';
import { clientWritableAttributes, isEmail } from './attributes.js';
import { checkSendLimit, deliver, deliveryDetails, recordSend, renderCodeMail } from './code-mail.js';
import { checkClient, legacyErrors, type Area, type PoolDeps } from './context.js';
import { afterConfirmation } from './lambda-triggers.js';
import { checkPasswordPolicy, setPassword } from './passwords.js';

const SIGN_UP_CODE_VALIDITY_MS = 24 * 60 * 60 * 1000;
/** [U] Cognito does not publish how many wrong sign-up codes it accepts before refusing. */
const MAX_SIGN_UP_CODE_FAILURES = 5;
const SIGN_UP_CODE_DIGITS = 6;

async function signUp(d: PoolDeps, input: Input): Promise<object> {
  const clientId = requiredString(input, 'ClientId');
  const username = requiredString(input, 'Username');
  // A blank password, like an omitted one, makes a user without a password (Cognito documents both).
  const password = optionalString(input, 'Password') || undefined;
  const attributes = optionalAttributeList(input, 'UserAttributes') ?? [];
  optionalAttributeList(input, 'ValidationData');
  const clientMetadata = optionalStringMap(input, 'ClientMetadata');
  optionalString(input, 'SecretHash');
  ignoredObject(input, 'UserContextData');
  ignoredObject(input, 'AnalyticsMetadata');
  checkClient(d, clientId);
  if (!d.config.selfSignUp) throw errors.signUpNotPermitted();

  if (!isEmail(username)) throw errors.usernameNotEmail();
  const attrs = clientWritableAttributes(d.config, attributes, 'create');
  // [U] With email as the username attribute the username becomes the email attribute; an email
  // attribute that names a different address is refused rather than silently overwritten.
  if (attrs.email !== undefined && attrs.email.toLowerCase() !== username.toLowerCase())
    throw errors.invalidParameter('Attributes did not conform to the schema: email: must match the username.');
  if (password !== undefined) checkPasswordPolicy(d.config.passwordPolicy, password);
  if (d.store.findUser(username)) throw errors.usernameExists();

  const now = Date.now();
  const sub = randomUUID();
  const user: User = {
    sub,
    username,
    attributes: { sub, ...attrs, email: attrs.email ?? username, email_verified: 'false' },
    status: 'UNCONFIRMED',
    createdAt: now,
    codeSends: [],
  };
  if (password !== undefined) setPassword(d, user, password);
  const code = newCode(SIGN_UP_CODE_DIGITS);
  const rendered = await renderCodeMail(d, 'CustomMessage_SignUp', user, code, clientMetadata);
  user.signUpCode = { code, expiresAt: now + SIGN_UP_CODE_VALIDITY_MS, failedAttempts: 0 };
  recordSend(d, user, now);
  d.store.addUser(user);
  d.store.save();
  deliver(d, user, 'sign-up', code, rendered);
  return {
    CodeDeliveryDetails: deliveryDetails(user.attributes.email!),
    Session: d.sessions.issue({ kind: 'signup', username, clientId, sub }),
    UserConfirmed: false,
    UserSub: sub,
  };
}

async function confirmSignUp(d: PoolDeps, input: Input): Promise<object> {
  const clientId = requiredString(input, 'ClientId');
  const username = requiredString(input, 'Username');
  const code = requiredString(input, 'ConfirmationCode');
  optionalBoolean(input, 'ForceAliasCreation');
  const clientMetadata = optionalStringMap(input, 'ClientMetadata');
  optionalString(input, 'SecretHash');
  // The SignUp Session may come back here; Amplify never sends it and nothing depends on it.
  optionalString(input, 'Session');
  ignoredObject(input, 'UserContextData');
  ignoredObject(input, 'AnalyticsMetadata');
  checkClient(d, clientId);

  const user = d.store.findUser(username);
  if (user === undefined) {
    if (legacyErrors(d)) throw errors.userNotFoundForClient();
    throw errors.signUpCodeMismatch();
  }
  if (user.status === 'CONFIRMED') throw errors.alreadyConfirmed();
  const pending = user.signUpCode;
  if (pending === undefined || pending.expiresAt <= Date.now()) throw errors.expiredCode();
  if (pending.failedAttempts >= MAX_SIGN_UP_CODE_FAILURES) throw errors.tooManyFailedAttempts();
  if (!codesEqual(pending.code, code)) {
    pending.failedAttempts += 1;
    d.store.save();
    throw errors.signUpCodeMismatch();
  }
  user.status = 'CONFIRMED';
  user.attributes.email_verified = 'true';
  delete user.signUpCode;
  d.store.save();
  d.log(`confirmed ${user.username}`);
  await afterConfirmation(d, user, 'PostConfirmation_ConfirmSignUp', clientId, clientMetadata);
  // [U] Real Cognito returns this Session whenever the client allows USER_AUTH (Amplify's
  // autoSignIn depends on it), whether or not the SignUp session was sent back.
  return { Session: d.sessions.issue({ kind: 'confirm', username, clientId, sub: user.sub }) };
}

async function resendConfirmationCode(d: PoolDeps, input: Input): Promise<object> {
  const clientId = requiredString(input, 'ClientId');
  const username = requiredString(input, 'Username');
  const clientMetadata = optionalStringMap(input, 'ClientMetadata');
  optionalString(input, 'SecretHash');
  ignoredObject(input, 'UserContextData');
  ignoredObject(input, 'AnalyticsMetadata');
  checkClient(d, clientId);

  const user = d.store.findUser(username);
  if (user === undefined) {
    if (legacyErrors(d)) throw errors.userNotFoundForClient();
    // PreventUserExistenceErrors: a simulated delivery, nothing sent or stored.
    return { CodeDeliveryDetails: deliveryDetails(username) };
  }
  if (user.status === 'CONFIRMED') throw errors.resendAlreadyConfirmed();
  const now = Date.now();
  checkSendLimit(d, user, now);
  const code = newCode(SIGN_UP_CODE_DIGITS);
  const rendered = await renderCodeMail(d, 'CustomMessage_ResendCode', user, code, clientMetadata);
  // [U] The new code replaces the old one.
  user.signUpCode = { code, expiresAt: now + SIGN_UP_CODE_VALIDITY_MS, failedAttempts: 0 };
  recordSend(d, user, now);
  d.store.save();
  deliver(d, user, 'sign-up', code, rendered);
  return { CodeDeliveryDetails: deliveryDetails(user.attributes.email ?? username) };
}

export const signUpOperations = {
  SignUp: signUp,
  ConfirmSignUp: confirmSignUp,
  ResendConfirmationCode: resendConfirmationCode,
} satisfies Area;
