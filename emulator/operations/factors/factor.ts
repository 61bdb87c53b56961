/**
 * A first factor of USER_AUTH (EMAIL_OTP, PASSWORD, PASSWORD_SRP, WEB_AUTHN): whom it is offered
 * to, how it starts (for a real user, and simulated for one who does not exist), and the challenges
 * it answers. `auth.ts` routes to factors by name, so adding
 * one is a file here and a line in `factors/index.ts`, not an edit of InitiateAuth.
 */
import type { OpenedSession, SessionKind } from '../../sessions.js';
import type { User } from '../../store.js';
import type { PoolConfig, PoolDeps } from '../context.js';

/** The request that chose a factor, through PREFERRED_CHALLENGE or SELECT_CHALLENGE's ANSWER. */
export interface FactorRequest {
  /** The username as the client typed it (sessions keep it so later answers must name the same). */
  username: string;
  clientId: string;
  /** InitiateAuth's AuthParameters or RespondToAuthChallenge's ChallengeResponses. */
  parameters: Record<string, string>;
  clientMetadata: Record<string, string> | undefined;
}

/** The answer to one challenge a factor issued, checked against the session it was issued with. */
export interface ChallengeAnswer {
  /** RespondToAuthChallenge refuses a session of any other kind as invalid. */
  sessionKind: SessionKind;
  /** Called with an open session of `sessionKind` whose username matches; tokens or a next challenge. */
  answer(
    d: PoolDeps,
    session: OpenedSession,
    responses: Record<string, string>,
    clientMetadata: Record<string, string> | undefined,
  ): Promise<object>;
}

export interface FirstFactor {
  /** The name in PREFERRED_CHALLENGE, SELECT_CHALLENGE's ANSWER and AvailableChallenges. */
  name: string;
  /** Whether `user` (confirmed) may use it in this pool, i.e. it is listed in AvailableChallenges. */
  offeredTo(user: User, config: PoolConfig): boolean;
  /**
   * Runs the factor for a real user who chose it: the tokens, or the factor's first challenge. A
   * throw leaves a SELECT_CHALLENGE session usable, so the client may try again.
   */
  start(d: PoolDeps, user: User, request: FactorRequest): Promise<object>;
  /**
   * What `start` answers, for a user who does not exist (PreventUserExistenceErrors): `phantom` is
   * the made-up user behind the name (../phantoms.ts). The same shape, errors and session length as
   * for a real user with the same factors; nothing sent, stored or counted. Its challenges' answers
   * then fail as a wrong answer from a real user fails.
   */
  simulate(d: PoolDeps, phantom: User, request: FactorRequest): Promise<object>;
  /** The RespondToAuthChallenge challenge names this factor answers, e.g. `EMAIL_OTP`. */
  challenges: Readonly<Record<string, ChallengeAnswer>>;
}
