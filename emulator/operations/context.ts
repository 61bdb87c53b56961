/**
 * What every operation handler receives, and the shape of an area's registry. Handlers are plain
 * functions of (deps, input) rather than methods of one class, so each area lives in its own file
 * and engineers adding areas never edit the same class.
 */
import { errors } from '../errors.js';
import type { Input } from '../input.js';
import type { Outbox } from '../mail.js';
import type { CustomMessageHandler } from '../messages.js';
import type { PoolConfig } from '../options.js';
import type { SessionStore } from '../sessions.js';
import type { Store } from '../store.js';
import type { TokenMinter } from '../tokens.js';
import type { RegistrationChallenges } from '../webauthn.js';
import type { TriggerRunner } from '../triggers/runner.js';

export type { PoolConfig } from '../options.js';

/** The pool's configuration and the services it runs on; add a dependency (e.g. triggers) here. */
export interface PoolDeps {
  config: PoolConfig;
  store: Store;
  sessions: SessionStore;
  /** Pending passkey registrations (StartWebAuthnRegistration → CompleteWebAuthnRegistration). */
  registrations: RegistrationChallenges;
  minter: TokenMinter;
  outbox: Outbox;
  log: (line: string) => void;
  customMessage: CustomMessageHandler | undefined;
  /** The pool's other Lambda triggers (Post confirmation, Pre token generation); see ./lambda-triggers.ts. */
  triggers: Pick<TriggerRunner, 'has' | 'invoke'> | undefined;
}

/**
 * One Cognito operation: reads its request members (so wrong types fail as Cognito's front end
 * fails them), and answers the response body or throws a CognitoError. The server runs one at a
 * time, so a handler may read, change and save the store without locking.
 */
export type Handler = (d: PoolDeps, input: Input, request: RequestInfo) => Promise<object>;

/** What a handler may need to know about the HTTP request beyond its body. */
export interface RequestInfo {
  /**
   * The request carries an AWS Signature Version 4 `Authorization` header. The emulator does not
   * check the signature (it has no IAM), but operations that Cognito authorizes with IAM (Admin*)
   * refuse an unsigned call, as Cognito does: a browser cannot call them.
   */
  signed: boolean;
}

/** An area's operations by `X-Amz-Target` suffix; declare with `satisfies Area` to keep the names. */
export type Area = Readonly<Record<string, Handler>>;

/** The pool has one app client; any other id is refused before the request is looked at further. */
export function checkClient(d: PoolDeps, clientId: string): void {
  if (clientId !== d.config.clientId) throw errors.unknownClient(clientId);
}

/** PreventUserExistenceErrors off: unknown users get UserNotFoundException instead of a simulation. */
export function legacyErrors(d: PoolDeps): boolean {
  return d.config.userExistenceErrors === 'legacy';
}
