/**
 * A sign-in's tokens. Each sign-in starts a refresh-token family: the refresh token and every ID and
 * access token minted from it share an `origin_jti`, so revoking the family (RevokeToken,
 * GlobalSignOut, DeleteUser) also refuses its access tokens, as Cognito does. With refresh-token
 * rotation every refresh hands out the family's next refresh token. Before any tokens are minted
 * the pool's Pre token generation trigger runs; a throw there means none.
 */
import { randomUUID } from 'node:crypto';
import { errors } from '../errors.js';
import { requiredString, type Input } from '../input.js';
import { hashToken, type User } from '../store.js';
import { newRefreshToken } from '../tokens.js';
import { clientReadableAttributes } from './attributes.js';
import type { PoolDeps } from './context.js';
import { beforeTokens } from './lambda-triggers.js';

/** Starts a refresh-token family and mints its first tokens: the answer of a finished sign-in. */
export async function signIn(
  d: PoolDeps,
  user: User,
  clientId: string,
  clientMetadata?: Record<string, string>,
): Promise<object> {
  await beforeTokens(d, user, 'TokenGeneration_Authentication', clientId, clientMetadata);
  const refreshToken = newRefreshToken();
  const authTime = Math.floor(Date.now() / 1000);
  const family = {
    originJti: randomUUID(),
    tokenHash: hashToken(refreshToken),
    sub: user.sub,
    clientId,
    authTime,
    eventId: randomUUID(),
    expiresAt: Date.now() + d.config.refreshTokenValiditySeconds * 1000,
    revoked: false,
  };
  d.store.addFamily(family);
  d.store.save();
  const { idToken, accessToken } = await d.minter.mint({ ...family, attributes: clientReadableAttributes(user.attributes) });
  d.log(`signed in ${user.username}`);
  return {
    AuthenticationResult: {
      AccessToken: accessToken,
      ExpiresIn: d.minter.expiresIn,
      IdToken: idToken,
      RefreshToken: refreshToken,
      TokenType: 'Bearer',
    },
    ChallengeParameters: {},
  };
}

/**
 * New tokens for a refresh token (InitiateAuth REFRESH_TOKEN_AUTH, GetTokensFromRefreshToken). With
 * rotation (`rotate`, GetTokensFromRefreshToken only) the answer carries the family's next refresh
 * token; the one given stays usable for the grace period, then answers RefreshTokenReuseException.
 */
export async function refresh(d: PoolDeps, token: string, clientId: string, { rotate = false } = {}) {
  const family = d.store.familyByToken(token);
  if (family === undefined || family.clientId !== clientId) throw errors.invalidRefreshToken();
  if (family.revoked) throw errors.refreshTokenRevoked();
  const now = Date.now();
  if (family.expiresAt <= now) throw errors.refreshTokenExpired();
  const retired = family.retired?.find((t) => t.tokenHash === hashToken(token));
  if (retired !== undefined && retired.usableUntil <= now) throw errors.refreshTokenReused();
  const user = d.store.userBySub(family.sub);
  if (user === undefined) throw errors.refreshTokenRevoked();
  await beforeTokens(d, user, 'TokenGeneration_RefreshTokens', clientId);
  // The trigger may have ended this family (a sign-out everywhere) while it ran.
  if (family.revoked) throw errors.refreshTokenRevoked();
  const grace = d.config.refreshRotationGraceSeconds;
  let next: string | undefined;
  if (rotate && grace !== null) {
    next = newRefreshToken();
    d.store.rotate(family, hashToken(next), now + grace * 1000);
    d.store.save();
  }
  const { idToken, accessToken } = await d.minter.mint({ ...family, attributes: clientReadableAttributes(user.attributes) });
  return {
    AccessToken: accessToken,
    ExpiresIn: d.minter.expiresIn,
    IdToken: idToken,
    ...(next !== undefined ? { RefreshToken: next } : {}),
    TokenType: 'Bearer',
  };
}

/** The user behind the request's `AccessToken`, refusing expired, forged and revoked ones. */
export async function authenticate(d: PoolDeps, input: Input): Promise<User> {
  const token = requiredString(input, 'AccessToken');
  const claims = await d.minter.verifyAccess(token);
  if (claims === 'expired') throw errors.accessTokenExpired();
  if (claims === 'invalid') throw errors.invalidAccessToken();
  const family = d.store.familyByOriginJti(claims.originJti);
  if (family === undefined || family.revoked) throw errors.accessTokenRevoked();
  const user = d.store.userBySub(claims.sub);
  if (user === undefined) throw errors.userNotFound();
  return user;
}

/** Revokes every sign-in of `user`; the caller saves. */
export function revokeAll(d: PoolDeps, user: User): void {
  for (const family of d.store.familiesOf(user.sub)) family.revoked = true;
}
