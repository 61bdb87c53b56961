// Virtual authenticators for the passkey tests, through the DevTools Protocol's WebAuthn domain
// (scripts/wtr-webauthn-plugin.mjs): a platform authenticator with user verification, copies of
// its credentials onto a "second device", and a fingerprint that fails.
import { executeServerCommand } from '@web/test-runner-commands';

/** A resident credential as CDP describes it (binaries as base64, `credentialId` too). */
export interface VirtualCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  privateKey: string;
  userHandle?: string;
  signCount: number;
}

const cdp = <T = Record<string, never>>(method: string, params: Record<string, unknown> = {}) =>
  executeServerCommand<T, { method: string; params: Record<string, unknown> }>('webauthn', { method, params });

/** A phone's or laptop's built-in authenticator: resident keys, user verification that succeeds. */
export async function addPlatformAuthenticator(): Promise<string> {
  const { authenticatorId } = await cdp<{ authenticatorId: string }>('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return authenticatorId;
}

export const removeAuthenticator = (authenticatorId: string) => cdp('WebAuthn.removeVirtualAuthenticator', { authenticatorId });

export async function credentialsOf(authenticatorId: string): Promise<VirtualCredential[]> {
  return (await cdp<{ credentials: VirtualCredential[] }>('WebAuthn.getCredentials', { authenticatorId })).credentials;
}

export const addCredential = (authenticatorId: string, credential: VirtualCredential) =>
  cdp('WebAuthn.addCredential', { authenticatorId, credential });

/** false: the next ceremony's fingerprint or face check fails (with user verification required, the prompt ends in NotAllowedError). */
export const setUserVerified = (authenticatorId: string, isUserVerified: boolean) =>
  cdp('WebAuthn.setUserVerified', { authenticatorId, isUserVerified });

/** The browser's `credential.id` (base64url) for a CDP credential id (base64). */
export const toBase64Url = (base64: string) => base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/**
 * Another device: this one's Web Storage and device memory gone (the page's Amplify session with
 * them), and a new authenticator holding a copy of `credential`, as a passkey synced to a new phone.
 */
export async function secondDevice(credential: VirtualCredential): Promise<string> {
  localStorage.clear();
  sessionStorage.clear();
  await forgetDeviceMemory();
  const authenticatorId = await addPlatformAuthenticator();
  await addCredential(authenticatorId, credential);
  return authenticatorId;
}

/** Deletes the element's IndexedDB device memory (flow/device-memory.ts). */
export function forgetDeviceMemory(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase('passwordless-login.device-memory');
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => resolve();
  });
}
