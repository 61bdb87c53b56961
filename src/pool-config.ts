import type { PoolConfig, TokenStorageKind } from './flow/client.js';

/** The pool attributes as an element holds them (`user-pool-id`, `client-id`, `endpoint`, `token-storage`). */
export interface PoolAttributes {
  userPoolId: string;
  clientId: string;
  endpoint: string;
  tokenStorage: TokenStorageKind;
}

/** The properties behind those attributes: a change to any of them points the flow at another pool. */
export const POOL_PROPERTIES = ['userPoolId', 'clientId', 'endpoint', 'tokenStorage'] as const;

/**
 * The pool the attributes describe; null while a required one is missing. An unknown `token-storage`
 * value means `local`, the default, rather than an error: attributes come from markup.
 */
export function poolConfig({ userPoolId, clientId, endpoint, tokenStorage }: PoolAttributes): PoolConfig | null {
  if (!userPoolId || !clientId) return null;
  const storage = tokenStorage === 'session' || tokenStorage === 'memory' ? tokenStorage : 'local';
  return { userPoolId, clientId, endpoint, tokenStorage: storage };
}
