/**
 * A signed-in user's own attributes: UpdateUserAttributes, GetUserAttributeVerificationCode,
 * VerifyUserAttribute. (The schema, which attributes a client may write at all, is ./attributes.ts.)
 *
 * Email is the username attribute, so changing it changes where the user signs in. With the pool's
 * `keepOriginalEmail` (Cognito's AttributesRequireVerificationBeforeUpdate: ['email']) a new address
 * stays pending, and the old one keeps signing in and receiving codes, until the code sent to the
 * new one is verified: a typo cannot lock anyone out. Without it the address switches at once,
 * unverified, as Cognito does.
 */
import { codesEqual, newCode } from '../codes.js';
import { errors } from '../errors.js';
import { optionalAttributeList, optionalStringMap, requiredString, type Input } from '../input.js';
import type { PendingCode, User } from '../store.js';
import { clientWritableAttributes, isEmail } from './attributes.js';
import { checkSendLimit, deliver, deliveryDetails, recordSend, renderCodeMail } from './code-mail.js';
import type { Area, PoolDeps } from './context.js';
import { authenticate } from './token-families.js';

/** Attribute verification codes are like sign-up codes: 6 digits, valid 24 hours. */
const ATTRIBUTE_CODE_DIGITS = 6;
const ATTRIBUTE_CODE_VALIDITY_MS = 24 * 60 * 60 * 1000;
/** [U] Cognito does not publish how many wrong codes it takes; as for sign-up codes. */
const MAX_ATTRIBUTE_CODE_FAILURES = 5;
/** Attributes the pool requires; a blank value, which would delete them, is refused. */
const REQUIRED = new Set(['email']);

/** Another user signs in with `email` (confirmed or not): it cannot become this user's address. */
function heldByAnother(d: PoolDeps, user: User, email: string): boolean {
  const holder = d.store.findUser(email);
  return holder !== undefined && holder !== user;
}

/**
 * A new code for `to`, through the Custom Message trigger: limit → render → apply → record → save →
 * deliver, so a refused send or a failing trigger changes nothing. The trigger sees `seen`, the
 * user's attributes as Cognito holds them when it sends the code.
 */
async function sendAttributeCode(
  d: PoolDeps,
  user: User,
  to: string,
  trigger: 'CustomMessage_UpdateUserAttribute' | 'CustomMessage_VerifyUserAttribute',
  clientMetadata: Record<string, string> | undefined,
  seen: Record<string, string>,
  apply: (code: PendingCode) => void,
) {
  const now = Date.now();
  checkSendLimit(d, user, now);
  const code = newCode(ATTRIBUTE_CODE_DIGITS);
  const rendered = await renderCodeMail(d, trigger, { ...user, attributes: seen }, code, clientMetadata);
  apply({ code, expiresAt: now + ATTRIBUTE_CODE_VALIDITY_MS, failedAttempts: 0 });
  recordSend(d, user, now);
  d.store.save();
  deliver(d, user, 'verify-email', code, rendered, to);
  return deliveryDetails(to);
}

async function updateUserAttributes(d: PoolDeps, input: Input): Promise<object> {
  requiredString(input, 'AccessToken');
  const list = optionalAttributeList(input, 'UserAttributes');
  if (list === undefined) throw errors.missingMember('userAttributes');
  const clientMetadata = optionalStringMap(input, 'ClientMetadata');
  const user = await authenticate(d, input);

  const changes = clientWritableAttributes(d.config, list, 'update');
  for (const [name, value] of Object.entries(changes)) if (value === '' && REQUIRED.has(name)) throw errors.requiredAttribute(name);
  const email = changes.email;
  delete changes.email;
  if (email !== undefined && !isEmail(email)) throw errors.invalidEmail();
  // [U] The address the user already signs in with is no change: no code, nothing pending.
  const emailChanges = email !== undefined && email.toLowerCase() !== user.attributes.email?.toLowerCase();
  // Refused before anything is written: the whole request fails, as in Cognito.
  if (emailChanges && heldByAnother(d, user, email)) throw errors.aliasExists();

  const applyOthers = () => {
    for (const [name, value] of Object.entries(changes)) {
      if (value === '') delete user.attributes[name];
      else user.attributes[name] = value;
    }
  };
  if (!emailChanges) {
    applyOthers();
    // A return to the address in force drops a pending change: its code can no longer switch anything.
    if (email !== undefined) {
      delete user.pendingEmail;
      delete user.attributeCode;
    }
    d.store.save();
    return { CodeDeliveryDetailsList: [] };
  }
  const keep = d.config.keepOriginalEmail;
  // [U] What Cognito shows the trigger: with the original kept, the attributes in force (the new
  // address is not one of them yet); without, the new address, unverified, as it is stored.
  const seen: Record<string, string> = { ...user.attributes, ...changes, ...(keep ? {} : { email, email_verified: 'false' }) };
  for (const [name, value] of Object.entries(changes)) if (value === '') delete seen[name];
  const details = await sendAttributeCode(d, user, email, 'CustomMessage_UpdateUserAttribute', clientMetadata, seen, (code) => {
    applyOthers();
    user.attributeCode = code;
    if (keep) user.pendingEmail = email;
    else d.store.changeEmail(user, email, false);
  });
  d.log(keep ? `${user.sub} asked to change their email to ${email}` : `${user.sub} now signs in as ${email}, unverified`);
  return { CodeDeliveryDetailsList: [details] };
}

/** The attribute's name, which must be one a code can verify; this pool's only one is email. */
function verifiableAttribute(input: Input): 'email' {
  const name = requiredString(input, 'AttributeName');
  if (name === 'phone_number') throw errors.noPhoneNumber();
  if (name !== 'email') throw errors.notVerifiable(name);
  return name;
}

async function getUserAttributeVerificationCode(d: PoolDeps, input: Input): Promise<object> {
  requiredString(input, 'AccessToken');
  verifiableAttribute(input);
  const clientMetadata = optionalStringMap(input, 'ClientMetadata');
  const user = await authenticate(d, input);
  // [U] With nothing pending, a code for the address in force (verified or not) still goes out.
  const to = user.pendingEmail ?? user.attributes.email ?? user.username;
  const details = await sendAttributeCode(d, user, to, 'CustomMessage_VerifyUserAttribute', clientMetadata, user.attributes, (code) => {
    // The new code replaces the old one.
    user.attributeCode = code;
  });
  return { CodeDeliveryDetails: details };
}

async function verifyUserAttribute(d: PoolDeps, input: Input): Promise<object> {
  requiredString(input, 'AccessToken');
  verifiableAttribute(input);
  const submitted = requiredString(input, 'Code');
  const user = await authenticate(d, input);

  const pending = user.attributeCode;
  // [U] Without a code sent, as with an expired one.
  if (pending === undefined || pending.expiresAt <= Date.now()) throw errors.expiredCode();
  // VerifyUserAttribute's model names LimitExceededException, not TooManyFailedAttemptsException.
  if (pending.failedAttempts >= MAX_ATTRIBUTE_CODE_FAILURES) throw errors.limitExceeded();
  if (!codesEqual(pending.code, submitted)) {
    pending.failedAttempts += 1;
    d.store.save();
    throw errors.signUpCodeMismatch();
  }
  const email = user.pendingEmail ?? user.attributes.email ?? user.username;
  if (heldByAnother(d, user, email)) {
    // Someone signed up with the address meanwhile: this change can never happen. [U] Whether
    // Cognito keeps the pending value; dropping it keeps the account on the address in force.
    delete user.pendingEmail;
    delete user.attributeCode;
    d.store.save();
    throw errors.aliasExists();
  }
  const changed = email !== user.attributes.email;
  d.store.changeEmail(user, email, true);
  delete user.pendingEmail;
  delete user.attributeCode;
  d.store.save();
  d.log(changed ? `${user.sub} now signs in as ${email}` : `verified ${email}`);
  return {};
}

export const userAttributeOperations = {
  UpdateUserAttributes: updateUserAttributes,
  GetUserAttributeVerificationCode: getUserAttributeVerificationCode,
  VerifyUserAttribute: verifyUserAttribute,
} satisfies Area;
