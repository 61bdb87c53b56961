/**
 * Managing the signed-in user's passkeys through aws-amplify (`associateWebAuthnCredential`,
 * `listWebAuthnCredentials`, `deleteWebAuthnCredential`). A chunk of its own, loaded only when a
 * passkey is offered or managed: nothing of it is in the email step or in an email sign-in.
 * (Signing in with a passkey needs no extra code: Amplify's `signIn` already carries it.)
 */
import {
  associateWebAuthnCredential,
  deleteWebAuthnCredential,
  fetchAuthSession,
  listWebAuthnCredentials,
} from 'aws-amplify/auth';
import type { Passkey, PasskeyClient, PoolConfig } from './client.js';

/** ListWebAuthnCredentials' largest page; Cognito allows 20 passkeys per user in practice. */
const PAGE_SIZE = 20;

async function listAll(): Promise<Passkey[]> {
  const passkeys: Passkey[] = [];
  let nextToken: string | undefined;
  do {
    const page = await listWebAuthnCredentials({ pageSize: PAGE_SIZE, ...(nextToken ? { nextToken } : {}) });
    for (const c of page.credentials) {
      if (!c.credentialId) continue;
      passkeys.push({
        credentialId: c.credentialId,
        name: c.friendlyCredentialName ?? '',
        createdAt: c.createdAt ?? new Date(0),
        authenticatorAttachment: c.authenticatorAttachment ?? null,
      });
    }
    nextToken = page.nextToken;
  } while (nextToken);
  return passkeys;
}

/**
 * StartWebAuthnRegistration, called directly rather than through Amplify (which runs it only as the
 * first half of a creation): the one request that tells whether the pool allows passkeys. Its
 * challenge is simply left to expire; the next creation asks for a new one.
 */
async function poolAllowsPasskeys(config: PoolConfig): Promise<boolean | null> {
  const { tokens } = await fetchAuthSession();
  if (!tokens?.accessToken) return null;
  const region = config.userPoolId.split('_')[0];
  const url = config.endpoint || `https://cognito-idp.${region}.amazonaws.com/`;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.StartWebAuthnRegistration',
      },
      body: JSON.stringify({ AccessToken: tokens.accessToken.toString() }),
      cache: 'no-store',
      credentials: 'omit',
    });
    if (response.ok) return true;
    const { __type: type = '' } = (await response.json().catch(() => ({}))) as { __type?: string };
    return /WebAuthn(NotEnabled|ConfigurationMissing)Exception$/.test(type) ? false : null;
  } catch {
    return null;
  }
}

export const amplifyPasskeys: PasskeyClient = {
  async create() {
    await associateWebAuthnCredential();
    // Amplify does not say which credential it registered: the newest one is it (a ceremony takes
    // a person's gesture, so two cannot be created in the same instant).
    const all = await listAll();
    const newest = all.reduce<Passkey | undefined>((a, b) => (a && a.createdAt >= b.createdAt ? a : b), undefined);
    if (!newest) throw Object.assign(new Error('The new passkey is not listed.'), { name: 'PasskeyRegistrationFailed' });
    return newest.credentialId;
  },
  list: listAll,
  delete: (credentialId) => deleteWebAuthnCredential({ credentialId }),
  poolAllowsPasskeys,
};
