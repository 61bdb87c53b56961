import type { TokenStorageKind } from '../flow/client.js';

/**
 * A cheap synchronous look at Amplify's storage for a signed-in user of this app client, so that an
 * element restoring a session shows "Loading" rather than a flash of the email step. It only peeks
 * at the key Amplify writes: whether the session is still valid is the flow's to find out.
 */
export function hasStoredSession(pool: { clientId: string; tokenStorage: TokenStorageKind }): boolean {
  const key = `CognitoIdentityServiceProvider.${pool.clientId}.LastAuthUser`;
  try {
    if (!pool.clientId) return false;
    if (pool.tokenStorage === 'memory') return false;
    return (pool.tokenStorage === 'session' ? sessionStorage : localStorage).getItem(key) !== null;
  } catch {
    return false;
  }
}
