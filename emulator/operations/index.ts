/**
 * The emulated user pool: one pool, one public app client (ALLOW_USER_AUTH,
 * ALLOW_REFRESH_TOKEN_AUTH, no secret). Operations live in one file per area; this module only
 * gathers the areas' registries and dispatches. Adding an area: its file, and one entry in AREAS.
 */
import type { Input } from '../input.js';
import { authOperations } from './auth.js';
import { adminOperations } from './admin.js';
import type { Area, Handler, PoolDeps, RequestInfo } from './context.js';
import { passkeyOperations } from './passkeys.js';
import { recoveryOperations } from './recovery.js';
import { signUpOperations } from './sign-up.js';
import { signedInOperations } from './signed-in.js';
import { userAttributeOperations } from './user-attributes.js';

export type { Handler, PoolConfig, PoolDeps, RequestInfo } from './context.js';

/** In this order in OPERATIONS (the order the fuzz test draws from). */
const AREAS = [
  signUpOperations,
  authOperations,
  signedInOperations,
  userAttributeOperations,
  passkeyOperations,
  recoveryOperations,
  adminOperations,
] as const;

/** Distributes over a union, so each area contributes its own names. */
type NamesOf<A> = A extends unknown ? keyof A & string : never;
/** An `X-Amz-Target` suffix the emulator implements. */
export type Operation = NamesOf<(typeof AREAS)[number]>;

const HANDLERS = new Map<string, Handler>();
for (const area of AREAS as readonly Area[])
  for (const [name, handler] of Object.entries(area)) {
    // Fails at load, in every test, rather than letting one area silently replace another's operation.
    if (HANDLERS.has(name)) throw new Error(`two areas define the operation ${name}`);
    HANDLERS.set(name, handler);
  }

/** The operations the emulator implements, by `X-Amz-Target` suffix. */
export const OPERATIONS: readonly Operation[] = [...HANDLERS.keys()] as Operation[];

export class Pool {
  constructor(private readonly d: PoolDeps) {}

  async run(operation: Operation, input: Input, request: RequestInfo = { signed: false }): Promise<object> {
    return HANDLERS.get(operation)!(this.d, input, request);
  }
}
