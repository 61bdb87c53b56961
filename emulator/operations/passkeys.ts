/**
 * Passkey management for the signed-in user: StartWebAuthnRegistration,
 * CompleteWebAuthnRegistration, ListWebAuthnCredentials, DeleteWebAuthnCredential (all authorised
 * by an access token). Signing in with a passkey is the WEB_AUTHN factor in ./factors/web-authn.ts.
 */
import { errors } from '../errors.js';
import { optionalInteger, optionalString, requiredDocument, requiredString, type Input } from '../input.js';
import type { StoredPasskey } from '../store.js';
import { creationOptions, verifyRegistration } from '../webauthn.js';
import type { Area, PoolDeps } from './context.js';
import { authenticate } from './token-families.js';

/** [U] Cognito's documented limit is not published; 20 matches ListWebAuthnCredentials' page. */
export const MAX_PASSKEYS_PER_USER = 20;
const MAX_RESULTS = 20;

function passkeysOf(d: PoolDeps) {
  const config = d.config.passkeys;
  if (config === null) throw errors.webAuthnNotEnabled();
  return config;
}

async function startWebAuthnRegistration(d: PoolDeps, input: Input): Promise<object> {
  const user = await authenticate(d, input);
  const config = passkeysOf(d);
  if ((user.passkeys?.length ?? 0) >= MAX_PASSKEYS_PER_USER) throw errors.passkeyLimit();
  const challenge = d.registrations.issue(user.sub);
  return { CredentialCreationOptions: creationOptions(config, user, challenge) };
}

async function completeWebAuthnRegistration(d: PoolDeps, input: Input): Promise<object> {
  const user = await authenticate(d, input);
  const credential = requiredDocument(input, 'Credential');
  const config = passkeysOf(d);
  const challenge = d.registrations.take(user.sub);
  if (challenge === undefined) throw errors.webAuthnChallengeNotFound();
  const passkey = await verifyRegistration(config, challenge, credential);
  if (d.store.passkeyOwner(passkey.credentialId) !== undefined) throw errors.passkeyAlreadyRegistered();
  if ((user.passkeys?.length ?? 0) >= MAX_PASSKEYS_PER_USER) throw errors.passkeyLimit();
  d.store.addPasskey(user, passkey);
  d.store.save();
  d.log(`passkey registered for ${user.username}`);
  // An empty object, not an empty body: Amplify parses the answer as JSON.
  return {};
}

/** NextToken: where the next page starts, bound to the user so it is useless to anyone else. */
const pageToken = (sub: string, start: number) => Buffer.from(JSON.stringify({ u: sub, s: start })).toString('base64url');

function pageStart(token: string | undefined, sub: string): number {
  if (token === undefined) return 0;
  try {
    const { u, s } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { u?: unknown; s?: unknown };
    if (u === sub && typeof s === 'number' && Number.isInteger(s) && s >= 0) return s;
  } catch {
    // refused below
  }
  throw errors.invalidNextToken();
}

function describe(p: StoredPasskey) {
  return {
    CredentialId: p.credentialId,
    FriendlyCredentialName: p.name,
    RelyingPartyId: p.relyingPartyId,
    ...(p.attachment !== undefined ? { AuthenticatorAttachment: p.attachment } : {}),
    AuthenticatorTransports: p.transports,
    // Epoch seconds with a fraction, as Cognito's timestamps.
    CreatedAt: p.createdAt / 1000,
  };
}

async function listWebAuthnCredentials(d: PoolDeps, input: Input): Promise<object> {
  const user = await authenticate(d, input);
  const token = optionalString(input, 'NextToken');
  // [U] 0 (allowed by the model) is read as "the default page".
  const size = optionalInteger(input, 'MaxResults', 0, MAX_RESULTS) || MAX_RESULTS;
  const all = user.passkeys ?? [];
  const start = pageStart(token, user.sub);
  const page = all.slice(start, start + size);
  const next = start + size < all.length ? { NextToken: pageToken(user.sub, start + size) } : {};
  return { Credentials: page.map(describe), ...next };
}

async function deleteWebAuthnCredential(d: PoolDeps, input: Input): Promise<object> {
  const user = await authenticate(d, input);
  const credentialId = requiredString(input, 'CredentialId');
  // Another user's credential is as unknown as one that never existed.
  if (!d.store.deletePasskey(user, credentialId)) throw errors.passkeyNotFound();
  d.store.save();
  d.log(`passkey deleted for ${user.username}`);
  return {};
}

export const passkeyOperations = {
  StartWebAuthnRegistration: startWebAuthnRegistration,
  CompleteWebAuthnRegistration: completeWebAuthnRegistration,
  ListWebAuthnCredentials: listWebAuthnCredentials,
  DeleteWebAuthnCredential: deleteWebAuthnCredential,
} satisfies Area;
