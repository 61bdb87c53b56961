/**
 * Account recovery: ForgotPassword and ConfirmForgotPassword. The pool's AccountRecoverySetting is
 * admin only (as in `infra/`): passwordless users have no password to recover, and a self-service
 * reset would be one more way to set a password on someone's account. So both are refused, the same
 * way for every username (an unknown one included, which reveals nothing), and no mail is sent.
 */
import { errors } from '../errors.js';
import { ignoredObject, optionalString, optionalStringMap, requiredString, type Input } from '../input.js';
import { checkClient, type Area, type PoolDeps } from './context.js';

async function forgotPassword(d: PoolDeps, input: Input): Promise<object> {
  const clientId = requiredString(input, 'ClientId');
  requiredString(input, 'Username');
  optionalString(input, 'SecretHash');
  optionalStringMap(input, 'ClientMetadata');
  ignoredObject(input, 'UserContextData');
  ignoredObject(input, 'AnalyticsMetadata');
  checkClient(d, clientId);
  throw errors.recoveryAdminOnly();
}

async function confirmForgotPassword(d: PoolDeps, input: Input): Promise<object> {
  const clientId = requiredString(input, 'ClientId');
  requiredString(input, 'Username');
  requiredString(input, 'ConfirmationCode');
  requiredString(input, 'Password');
  optionalString(input, 'SecretHash');
  optionalStringMap(input, 'ClientMetadata');
  ignoredObject(input, 'UserContextData');
  ignoredObject(input, 'AnalyticsMetadata');
  checkClient(d, clientId);
  throw errors.recoveryAdminOnly();
}

export const recoveryOperations = {
  ForgotPassword: forgotPassword,
  ConfirmForgotPassword: confirmForgotPassword,
} satisfies Area;
