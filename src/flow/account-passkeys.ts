/**
 * The account page's passkeys, on the sign-in element's passkey client (`AuthClient.passkeys()`:
 * Amplify's listWebAuthnCredentials, associateWebAuthnCredential, deleteWebAuthnCredential) and its
 * device memory (`passkey-memory.ts`), so that both elements agree on what this device holds: a
 * passkey added here lets the sign-in element go straight to the passkey prompt, the last one deleted
 * stops it doing so. The account flow owns the state; this holds the Cognito and memory side.
 *
 * What Cognito keeps of a passkey is its name and when it was added (ListWebAuthnCredentials'
 * WebAuthnCredentialDescription); it records no "last used" and has no operation to rename one
 * (its passkey API is Start/CompleteWebAuthnRegistration, ListWebAuthnCredentials and
 * DeleteWebAuthnCredential), so neither is offered.
 */
import type { AccountClient } from './account-client.js';
import type { PasskeysView } from './account-state.js';
import type { Passkey, PoolConfig } from './client.js';
import type { PasskeyMemory } from './passkey-memory.js';

/**
 * The device memory for passkeys, from the passkeys chunk (which the passkey client loads anyway):
 * imported statically, it would make the account chunk fetch that chunk on every account page,
 * signed out too.
 */
const passkeyMemory = async (config: PoolConfig): Promise<PasskeyMemory> => (await import('./passkey-memory.js')).passkeyMemory(config);

/** As the sign-in element decides it: WebAuthn needs the API and a secure context. */
const browserHasWebAuthn = () => typeof globalThis.PublicKeyCredential === 'function' && globalThis.isSecureContext === true;

const nameOf = (error: unknown) => String((error as { name?: unknown } | null)?.name);

/**
 * The section's content, or null when there is nothing to show: the page turned passkeys off, or
 * there is no passkey to list and none could be added (no WebAuthn here, or a pool without
 * passkeys). Whether the pool allows them is asked once per device (the sign-in element's
 * StartWebAuthnRegistration probe) and remembered.
 */
export async function readPasskeys(client: AccountClient, config: PoolConfig, mode: 'auto' | 'off'): Promise<PasskeysView | null> {
  if (mode === 'off') return null;
  const passkeys = await client.passkeys();
  const list = await passkeys.list();
  let canAdd = browserHasWebAuthn();
  if (canAdd) {
    const memory = await passkeyMemory(config);
    let allowed = memory.poolAllows();
    if (allowed === undefined) {
      const answer = await passkeys.poolAllowsPasskeys(config).catch(() => null);
      if (answer !== null) memory.setPoolAllows(answer);
      // Unknown (offline, throttled): offered; a pool without passkeys then says so on the click.
      allowed = answer ?? true;
    }
    canAdd = allowed;
  }
  return list.length === 0 && !canAdd ? null : { list, canAdd };
}

/** Runs the browser's passkey creation and registers it; resolves with its credential id. */
export async function addPasskey(client: AccountClient, config: PoolConfig, email: string): Promise<string> {
  const memory = await passkeyMemory(config);
  try {
    const credentialId = await (await client.passkeys()).create();
    memory.setPoolAllows(true);
    await memory.setPasskey(email, true);
    return credentialId;
  } catch (error) {
    const name = nameOf(error);
    // This authenticator already holds one of the user's passkeys: the device does have one.
    if (name === 'PasskeyAlreadyExists') await memory.setPasskey(email, true);
    if (name.startsWith('WebAuthnNotEnabled') || name.startsWith('WebAuthnConfigurationMissing')) memory.setPoolAllows(false);
    throw error;
  }
}

/**
 * Deletes one passkey; resolves with the list left. One already gone (deleted from another device
 * meanwhile: ResourceNotFoundException) is what was asked for, and the fresh list shows it gone.
 * Which passkey this device holds is not known (Amplify does not say which one signed in), so the
 * device forgets its mark when none is left.
 */
export async function deletePasskey(client: AccountClient, config: PoolConfig, email: string, credentialId: string): Promise<Passkey[]> {
  const passkeys = await client.passkeys();
  await passkeys.delete(credentialId).catch((error: unknown) => {
    if (nameOf(error) !== 'ResourceNotFoundException') throw error;
  });
  const left = await passkeys.list();
  if (left.length === 0) await (await passkeyMemory(config)).setPasskey(email, false);
  return left;
}

/**
 * A deleted account's passkeys are gone: this device must not offer the prompt for its address. The
 * persisted marks go with device-memory.ts' clearMarker; this is the page-lifetime one (with
 * token-storage other than local).
 */
export async function forgetPasskeys(config: PoolConfig, email: string): Promise<void> {
  await (await passkeyMemory(config)).setPasskey(email, false);
}
