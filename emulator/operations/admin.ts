/**
 * Administrator operations, the ones the pool's triggers and a site's back office call with IAM
 * credentials: AdminGetUser, AdminCreateUser, AdminDeleteUser, AdminConfirmSignUp,
 * AdminSetUserPassword, AdminUpdateUserAttributes, AdminDeleteUserAttributes, AdminUserGlobalSignOut.
 *
 * Cognito authorizes them with IAM (SigV4), so an unsigned call is refused; the signature itself is
 * not checked (the emulator has no IAM). They name the user pool, not a client, and always say
 * whether a user exists. Temporary passwords and invitation messages are not emulated (no
 * NEW_PASSWORD_REQUIRED challenge): AdminCreateUser takes `MessageAction: SUPPRESS` and no
 * `TemporaryPassword`, and creates a confirmed, passwordless user, as a passwordless pool does.
 */
import { randomUUID } from 'node:crypto';
import { errors } from '../errors.js';
import {
  optionalAttributeList,
  optionalBoolean,
  optionalString,
  optionalStringMap,
  requiredString,
  type Input,
} from '../input.js';
import type { User } from '../store.js';
import { checkValue, inSchema, isEmail } from './attributes.js';
import type { Area, PoolDeps, RequestInfo } from './context.js';
import { afterConfirmation } from './lambda-triggers.js';
import { setPassword } from './passwords.js';
import { revokeAll } from './token-families.js';

/** What Cognito puts in a trigger event's callerContext.clientId for an administrator's call. */
const NO_CLIENT = 'CLIENT_ID_NOT_APPLICABLE';
/** Attributes nobody writes, an administrator included. */
const IMMUTABLE = new Set(['sub', 'identities']);
/** Attributes the pool requires: they can be changed, never removed. */
const REQUIRED = new Set(['email']);

/** The signed request's pool check; returns the username it names. */
function adminRequest(d: PoolDeps, input: Input, request: RequestInfo): string {
  if (!request.signed) throw errors.missingAuthenticationToken();
  const userPoolId = requiredString(input, 'UserPoolId');
  const username = requiredString(input, 'Username');
  if (userPoolId !== d.config.userPoolId) throw errors.userPoolNotFound(userPoolId);
  return username;
}

/** The user by sign-in address or by Cognito username (the sub, as triggers receive it). */
function existing(d: PoolDeps, username: string): User {
  const user = d.store.findUser(username) ?? d.store.userBySub(username);
  if (user === undefined) throw errors.userNotFound();
  return user;
}

/** An administrator's `[{Name, Value}]`: any attribute of the schema but the immutable ones. */
function adminAttributes(d: PoolDeps, list: ReadonlyArray<{ Name: string; Value: string }>): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const { Name, Value } of list) {
    if (!inSchema(d.config, Name) || IMMUTABLE.has(Name))
      throw errors.invalidParameter(`Attributes did not conform to the schema: ${Name}: Attribute does not exist in the schema.`);
    if (Value !== '') checkValue(d.config, Name, Value);
    attrs[Name] = Value;
  }
  return attrs;
}

const seconds = (ms: number) => Math.floor(ms / 1000);
const attributeList = (attributes: Record<string, string>) =>
  Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));

async function adminGetUser(d: PoolDeps, input: Input, request: RequestInfo): Promise<object> {
  const user = existing(d, adminRequest(d, input, request));
  return {
    Username: user.sub,
    UserAttributes: attributeList(user.attributes),
    UserCreateDate: seconds(user.createdAt),
    UserLastModifiedDate: seconds(user.createdAt),
    Enabled: true,
    UserStatus: user.status,
  };
}

async function adminCreateUser(d: PoolDeps, input: Input, request: RequestInfo): Promise<object> {
  const username = adminRequest(d, input, request);
  const attributes = adminAttributes(d, optionalAttributeList(input, 'UserAttributes') ?? []);
  optionalAttributeList(input, 'ValidationData');
  optionalBoolean(input, 'ForceAliasCreation');
  optionalStringMap(input, 'ClientMetadata');
  if (input.DesiredDeliveryMediums !== undefined && !Array.isArray(input.DesiredDeliveryMediums))
    throw errors.serialization('Unexpected value type in payload: DesiredDeliveryMediums must be a list.');
  if (optionalString(input, 'TemporaryPassword')) throw errors.notEmulated('temporary passwords (omit TemporaryPassword)');
  const action = optionalString(input, 'MessageAction');
  if (action !== 'SUPPRESS') throw errors.notEmulated('invitation messages (pass MessageAction SUPPRESS)');
  if (!isEmail(username)) throw errors.usernameNotEmail();
  if (attributes.email !== undefined && attributes.email.toLowerCase() !== username.toLowerCase())
    throw errors.invalidParameter('Attributes did not conform to the schema: email: must match the username.');
  if (d.store.findUser(username)) throw errors.adminUserExists();

  const sub = randomUUID();
  const user: User = {
    sub,
    username,
    attributes: { sub, ...attributes, email: attributes.email ?? username, email_verified: attributes.email_verified ?? 'false' },
    // [U] A user created without a password in a passwordless pool signs in with an email code.
    status: 'CONFIRMED',
    createdAt: Date.now(),
    codeSends: [],
  };
  d.store.addUser(user);
  d.store.save();
  d.log(`created ${username} (administrator)`);
  return {
    User: {
      Username: sub,
      Attributes: attributeList(user.attributes),
      UserCreateDate: seconds(user.createdAt),
      UserLastModifiedDate: seconds(user.createdAt),
      Enabled: true,
      UserStatus: user.status,
    },
  };
}

async function adminDeleteUser(d: PoolDeps, input: Input, request: RequestInfo): Promise<object> {
  const user = existing(d, adminRequest(d, input, request));
  revokeAll(d, user);
  d.store.deleteUser(user);
  d.sessions.dropUser(user.sub);
  d.store.save();
  d.log(`deleted ${user.username} (administrator)`);
  return {};
}

async function adminConfirmSignUp(d: PoolDeps, input: Input, request: RequestInfo): Promise<object> {
  const user = existing(d, adminRequest(d, input, request));
  const clientMetadata = optionalStringMap(input, 'ClientMetadata');
  if (user.status !== 'UNCONFIRMED') throw errors.alreadyConfirmed();
  user.status = 'CONFIRMED';
  delete user.signUpCode;
  d.store.save();
  d.log(`confirmed ${user.username} (administrator)`);
  await afterConfirmation(d, user, 'PostConfirmation_ConfirmSignUp', NO_CLIENT, clientMetadata);
  return {};
}

async function adminSetUserPassword(d: PoolDeps, input: Input, request: RequestInfo): Promise<object> {
  const user = existing(d, adminRequest(d, input, request));
  const password = requiredString(input, 'Password');
  if (optionalBoolean(input, 'Permanent') !== true) throw errors.notEmulated('temporary passwords (pass Permanent: true)');
  setPassword(d, user, password);
  // A permanent password confirms the account, as Cognito documents.
  user.status = 'CONFIRMED';
  delete user.signUpCode;
  d.store.save();
  return {};
}

async function adminUpdateUserAttributes(d: PoolDeps, input: Input, request: RequestInfo): Promise<object> {
  const user = existing(d, adminRequest(d, input, request));
  const list = optionalAttributeList(input, 'UserAttributes');
  if (list === undefined) throw errors.missingMember('userAttributes');
  optionalStringMap(input, 'ClientMetadata');
  const changes = adminAttributes(d, list);
  for (const name of REQUIRED) if (changes[name] === '') throw errors.requiredAttribute(name);
  const email = changes.email;
  if (email !== undefined && email.toLowerCase() !== user.attributes.email?.toLowerCase()) {
    if (!isEmail(email)) throw errors.invalidEmail();
    const holder = d.store.findUser(email);
    if (holder !== undefined && holder !== user) throw errors.aliasExists();
    // An administrator's change takes effect at once; verified only if they say so.
    d.store.changeEmail(user, email, changes.email_verified === 'true');
  }
  for (const [name, value] of Object.entries(changes)) {
    if (name === 'email') continue;
    if (value === '') delete user.attributes[name];
    else user.attributes[name] = value;
  }
  d.store.save();
  return {};
}

async function adminDeleteUserAttributes(d: PoolDeps, input: Input, request: RequestInfo): Promise<object> {
  const user = existing(d, adminRequest(d, input, request));
  const names = input.UserAttributeNames;
  if (names === undefined || names === null) throw errors.missingMember('userAttributeNames');
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string'))
    throw errors.serialization('Unexpected value type in payload: UserAttributeNames must be a list of strings.');
  for (const name of names as string[]) {
    if (REQUIRED.has(name)) throw errors.requiredAttribute(name);
    if (!inSchema(d.config, name) || IMMUTABLE.has(name))
      throw errors.invalidParameter(`Attributes did not conform to the schema: ${name}: Attribute does not exist in the schema.`);
  }
  for (const name of names as string[]) delete user.attributes[name];
  d.store.save();
  return {};
}

async function adminUserGlobalSignOut(d: PoolDeps, input: Input, request: RequestInfo): Promise<object> {
  const user = existing(d, adminRequest(d, input, request));
  revokeAll(d, user);
  d.store.save();
  return {};
}

export const adminOperations = {
  AdminGetUser: adminGetUser,
  AdminCreateUser: adminCreateUser,
  AdminDeleteUser: adminDeleteUser,
  AdminConfirmSignUp: adminConfirmSignUp,
  AdminSetUserPassword: adminSetUserPassword,
  AdminUpdateUserAttributes: adminUpdateUserAttributes,
  AdminDeleteUserAttributes: adminDeleteUserAttributes,
  AdminUserGlobalSignOut: adminUserGlobalSignOut,
} satisfies Area;
