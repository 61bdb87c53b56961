/**
 * The WebAuthn ceremonies of the WEB_AUTHN factor: the options Cognito hands the browser, and the
 * verification of what the browser sends back. Signatures, attestation, counters and flags are
 * checked by @simplewebauthn/server; the checks made here first (challenge, origin, RP ID hash)
 * only pick which of Cognito's errors a refusal is, so each refusal names its cause.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { decodeAttestationObject, decodeClientDataJSON, isoBase64URL, parseAuthenticatorData } from '@simplewebauthn/server/helpers';
import { CognitoError, errors } from './errors.js';
import type { PasskeyConfig } from './options.js';
import type { StoredPasskey, User } from './store.js';

/** ES256 and RS256, what Cognito offers in pubKeyCredParams. */
const ALGORITHMS = [-7, -257];
/** Cognito's option timeouts: 60 s to create a passkey, 180 s to use one. */
const CREATE_TIMEOUT_MS = 60_000;
const GET_TIMEOUT_MS = 180_000;
/** Cognito's challenges decode to 16 bytes. */
export const newChallenge = () => randomBytes(16).toString('base64url');

/** `user.id` of the creation options: base64url of the UTF-8 `sub`, so `userHandle` names the user. */
export const userHandle = (user: User) => Buffer.from(user.sub, 'utf8').toString('base64url');

/**
 * Whether a page origin may run ceremonies for the pool. Listed origins win; otherwise the RP ID
 * `localhost` accepts `http(s)://localhost` on any port (a loopback page), and any other RP ID
 * accepts HTTPS pages on it or below it, on any port (what the browser itself allows).
 */
export function originAllowed(config: PasskeyConfig, origin: string): boolean {
  if (config.allowedOrigins.length > 0)
    return config.allowedOrigins.some((allowed) =>
      allowed.endsWith(':*') ? new RegExp(`^${escape(allowed.slice(0, -2))}(?::\\d{1,5})?$`).test(origin) : allowed === origin,
    );
  const rp = escape(config.relyingPartyId);
  const pattern =
    config.relyingPartyId === 'localhost' ? /^https?:\/\/localhost(?::\d{1,5})?$/ : new RegExp(`^https://(?:[a-z0-9-]+\\.)*${rp}(?::\\d{1,5})?$`);
  return pattern.test(origin);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** StartWebAuthnRegistration's CredentialCreationOptions (a JSON object, binaries base64url). */
export function creationOptions(config: PasskeyConfig, user: User, challenge: string) {
  return {
    rp: { id: config.relyingPartyId, name: config.relyingPartyId },
    // [U] Cognito's example shows the username; the email is what a passkey manager should list.
    user: { id: userHandle(user), name: user.username, displayName: user.username },
    challenge,
    pubKeyCredParams: ALGORITHMS.map((alg) => ({ alg, type: 'public-key' })),
    timeout: CREATE_TIMEOUT_MS,
    excludeCredentials: (user.passkeys ?? []).map((p) => ({ id: p.credentialId, type: 'public-key' })),
    authenticatorSelection: { requireResidentKey: true, residentKey: 'required', userVerification: config.userVerification },
  };
}

/** The WEB_AUTHN challenge's CREDENTIAL_REQUEST_OPTIONS (serialised: ChallengeParameters are strings). */
export function requestOptions(config: PasskeyConfig, user: User, challenge: string): string {
  return JSON.stringify({
    challenge,
    timeout: GET_TIMEOUT_MS,
    rpId: config.relyingPartyId,
    allowCredentials: (user.passkeys ?? []).map((p) => ({
      type: 'public-key',
      id: p.credentialId,
      ...(p.transports.length > 0 ? { transports: p.transports } : {}),
    })),
    userVerification: config.userVerification,
  });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** The parts of a credential both ceremonies read; anything else is a malformed request. */
function checkShape(credential: unknown, fields: readonly string[], what: string): asserts credential is Record<string, unknown> {
  const ok =
    isRecord(credential) &&
    isString(credential.id) &&
    isString(credential.rawId) &&
    credential.type === 'public-key' &&
    isRecord(credential.response) &&
    fields.every((f) => isString((credential.response as Record<string, unknown>)[f]));
  // [U] Cognito's text for a credential that is not a RegistrationResponseJSON / AuthenticationResponseJSON.
  if (!ok) throw errors.invalidParameter(`${what} is not a valid WebAuthn credential.`);
}

interface ClientData {
  type: string;
  challenge: string;
  origin: string;
}

function clientData(encoded: string, what: string): ClientData {
  try {
    const data = decodeClientDataJSON(encoded) as Partial<ClientData>;
    if (isString(data.type) && isString(data.challenge) && isString(data.origin)) return data as ClientData;
  } catch {
    // not base64url JSON: refused below
  }
  throw errors.invalidParameter(`${what} has an unreadable clientDataJSON.`);
}

const rpIdHash = (rpId: string) => createHash('sha256').update(rpId).digest();

/** A verified registration, ready to store; the caller checks the challenge was pending. */
export async function verifyRegistration(
  config: PasskeyConfig,
  expectedChallenge: string,
  credential: unknown,
): Promise<StoredPasskey> {
  checkShape(credential, ['clientDataJSON', 'attestationObject'], 'Credential');
  const response = credential as unknown as RegistrationResponseJSON;
  const data = clientData(response.response.clientDataJSON, 'Credential');
  // [U] messages throughout: Cognito documents the exceptions, not their texts.
  if (data.type !== 'webauthn.create' || data.challenge !== expectedChallenge)
    throw new CognitoError('WebAuthnChallengeNotFoundException', 'The credential does not answer a pending registration challenge.');
  if (!originAllowed(config, data.origin))
    throw new CognitoError('WebAuthnOriginNotAllowedException', `Origin ${data.origin} is not allowed for relying party ${config.relyingPartyId}.`);
  let authData: Uint8Array;
  try {
    const attestation = decodeAttestationObject(isoBase64URL.toBuffer(response.response.attestationObject));
    authData = attestation.get('authData');
    if (!(authData instanceof Uint8Array) || authData.length < 37) throw new Error('short authData');
  } catch {
    throw errors.invalidParameter('Credential has an unreadable attestationObject.');
  }
  if (!rpIdHash(config.relyingPartyId).equals(Buffer.from(authData.subarray(0, 32))))
    throw new CognitoError(
      'WebAuthnRelyingPartyMismatchException',
      `The credential was created for another relying party than ${config.relyingPartyId}.`,
    );
  let result;
  try {
    result = await verifyRegistrationResponse({
      response,
      expectedChallenge,
      expectedOrigin: data.origin,
      expectedRPID: config.relyingPartyId,
      requireUserVerification: config.userVerification === 'required',
      supportedAlgorithmIDs: ALGORITHMS,
    });
  } catch (error) {
    throw new CognitoError('WebAuthnCredentialNotSupportedException', `The credential cannot be used: ${(error as Error).message}`);
  }
  if (!result.verified) throw new CognitoError('WebAuthnCredentialNotSupportedException', 'The credential could not be verified.');
  const { credential: verified } = result.registrationInfo;
  const attachment = credential.authenticatorAttachment;
  const transports = (response.response.transports ?? []).filter((t): t is string => typeof t === 'string');
  return {
    credentialId: verified.id,
    publicKey: isoBase64URL.fromBuffer(verified.publicKey),
    counter: verified.counter,
    transports,
    ...(attachment === 'platform' || attachment === 'cross-platform' ? { attachment } : {}),
    // [U] Cognito's FriendlyCredentialName; its example lists a security key as "Roaming passkey".
    name: attachment === 'cross-platform' ? 'Roaming passkey' : 'Platform passkey',
    relyingPartyId: config.relyingPartyId,
    createdAt: Date.now(),
  };
}

// [U] RespondToAuthChallenge documents no WebAuthn exceptions: a refused assertion is NotAuthorized.
const refused = (why: string) => new CognitoError('NotAuthorizedException', `Passkey sign-in failed: ${why}.`);

/**
 * Verifies a WEB_AUTHN answer (CREDENTIAL, a serialised AuthenticationResponseJSON) for `user`
 * against the challenge of its session, and moves the passkey's counter forward.
 */
export async function verifyAssertion(config: PasskeyConfig, user: User, challenge: string, serialized: string): Promise<void> {
  let credential: unknown;
  try {
    credential = JSON.parse(serialized);
  } catch {
    throw errors.invalidParameter('CREDENTIAL is not JSON.');
  }
  checkShape(credential, ['clientDataJSON', 'authenticatorData', 'signature'], 'CREDENTIAL');
  const response = credential as unknown as AuthenticationResponseJSON;
  const data = clientData(response.response.clientDataJSON, 'CREDENTIAL');
  if (data.type !== 'webauthn.get') throw refused('not an assertion');
  if (data.challenge !== challenge) throw refused('the challenge does not match this session');
  if (!originAllowed(config, data.origin)) throw refused(`origin ${data.origin} is not allowed`);
  // Another user's passkey, or a deleted one, is simply not among this user's.
  const passkey = user.passkeys?.find((p) => p.credentialId === response.id);
  if (passkey === undefined) throw refused('unknown credential');
  const handle = response.response.userHandle;
  if (handle !== undefined && handle !== null && handle !== '' && handle !== userHandle(user)) throw refused('the credential belongs to another user');
  let signedRpIdHash: Uint8Array;
  try {
    signedRpIdHash = parseAuthenticatorData(isoBase64URL.toBuffer(response.response.authenticatorData)).rpIdHash;
  } catch {
    throw errors.invalidParameter('CREDENTIAL has unreadable authenticatorData.');
  }
  if (!rpIdHash(config.relyingPartyId).equals(Buffer.from(signedRpIdHash))) throw refused('the relying party does not match');
  let result;
  try {
    result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: data.origin,
      expectedRPID: config.relyingPartyId,
      credential: { id: passkey.credentialId, publicKey: isoBase64URL.toBuffer(passkey.publicKey), counter: passkey.counter },
      requireUserVerification: config.userVerification === 'required',
    });
  } catch (error) {
    throw refused((error as Error).message.replace(/\.$/, ''));
  }
  if (!result.verified) throw refused('the signature does not verify');
  passkey.counter = result.authenticationInfo.newCounter;
}

/**
 * The one registration challenge each user may answer (a new Start replaces it; answering or
 * expiry ends it). In memory: a restart ends pending registrations, as it ends challenge sessions.
 */
export class RegistrationChallenges {
  private readonly pending = new Map<string, { challenge: string; expiresAt: number }>();

  constructor(private readonly validityMs: number) {}

  issue(sub: string): string {
    const challenge = newChallenge();
    this.pending.set(sub, { challenge, expiresAt: Date.now() + this.validityMs });
    return challenge;
  }

  /** The user's live challenge, removed so it cannot be answered twice; undefined if none. */
  take(sub: string): string | undefined {
    const found = this.pending.get(sub);
    this.pending.delete(sub);
    return found !== undefined && found.expiresAt > Date.now() ? found.challenge : undefined;
  }

  dropUser(sub: string): void {
    this.pending.delete(sub);
  }
}
