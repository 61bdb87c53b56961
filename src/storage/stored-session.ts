import type { TokenStorageKind } from '../flow/client.js';

/**
 * A cheap synchronous look at Amplify's storage for a signed-in user of this pool, so that an
 * element restoring a session shows "Loading" rather than a flash of the email step. It only peeks
 * at the keys Amplify writes: whether the session is still valid is the flow's to find out. Amplify
 * keys its storage by app client only, so the ID token's issuer (which names the user pool) tells a
 * session of this pool from one of the same client id elsewhere (the emulator and AWS, say).
 */
export function hasStoredSession(pool: { userPoolId: string; clientId: string; tokenStorage: TokenStorageKind }): boolean {
  try {
    if (!pool.clientId || pool.tokenStorage === 'memory') return false;
    const storage = pool.tokenStorage === 'session' ? sessionStorage : localStorage;
    const prefix = `CognitoIdentityServiceProvider.${pool.clientId}.`;
    const user = storage.getItem(`${prefix}LastAuthUser`);
    const payload = (user && storage.getItem(`${prefix}${user}.idToken`)?.split('.')[1]) || '';
    const { iss } = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { iss?: unknown };
    return typeof iss === 'string' && iss.endsWith(`/${pool.userPoolId}`);
  } catch {
    return false;
  }
}
