/**
 * After sign-in: GetTokensFromRefreshToken, GetUser, GlobalSignOut, RevokeToken, DeleteUser, the
 * operations that take a sign-in's refresh or access token. (Named for that rather than "tokens" or
 * "session", which are already ../tokens.ts, the JWT minter, and ../sessions.ts, challenge sessions.)
 */
import { errors } from '../errors.js';
import { optionalString, optionalStringMap, requiredString, type Input } from '../input.js';
import { clientReadableAttributes } from './attributes.js';
import { checkClient, type Area, type PoolDeps } from './context.js';
import { authenticate, refresh, revokeAll } from './token-families.js';

async function getTokensFromRefreshToken(d: PoolDeps, input: Input): Promise<object> {
  const clientId = requiredString(input, 'ClientId');
  const token = requiredString(input, 'RefreshToken');
  optionalString(input, 'ClientSecret');
  optionalString(input, 'DeviceKey');
  optionalStringMap(input, 'ClientMetadata');
  checkClient(d, clientId);
  return { AuthenticationResult: await refresh(d, token, clientId, { rotate: true }) };
}

async function getUser(d: PoolDeps, input: Input): Promise<object> {
  const user = await authenticate(d, input);
  return {
    UserAttributes: Object.entries(clientReadableAttributes(user.attributes)).map(([Name, Value]) => ({ Name, Value })),
    Username: user.sub,
  };
}

async function globalSignOut(d: PoolDeps, input: Input): Promise<object> {
  const user = await authenticate(d, input);
  revokeAll(d, user);
  d.store.save();
  d.log(`signed out ${user.username} everywhere`);
  return {};
}

async function revokeToken(d: PoolDeps, input: Input): Promise<object> {
  const token = requiredString(input, 'Token');
  const clientId = requiredString(input, 'ClientId');
  optionalString(input, 'ClientSecret');
  optionalStringMap(input, 'ClientMetadata');
  checkClient(d, clientId);
  // [U] An ID or access token (a three-part JWT) is not a token RevokeToken takes.
  if (token.split('.').length === 3) throw errors.unsupportedTokenType();
  const family = d.store.familyByToken(token);
  // [U] As OAuth token revocation (RFC 7009): an unknown token is answered with success.
  if (family === undefined) return {};
  if (family.clientId !== clientId) throw errors.tokenOfOtherClient();
  family.revoked = true;
  d.store.save();
  return {};
}

async function deleteUser(d: PoolDeps, input: Input): Promise<object> {
  const user = await authenticate(d, input);
  // Families stay, revoked, so old tokens answer "revoked" rather than "invalid".
  revokeAll(d, user);
  d.store.deleteUser(user);
  d.sessions.dropUser(user.sub);
  d.registrations.dropUser(user.sub);
  d.store.save();
  d.log(`deleted ${user.username}`);
  return {};
}

export const signedInOperations = {
  GetTokensFromRefreshToken: getTokensFromRefreshToken,
  GetUser: getUser,
  GlobalSignOut: globalSignOut,
  RevokeToken: revokeToken,
  DeleteUser: deleteUser,
} satisfies Area;
