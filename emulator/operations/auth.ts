/**
 * Sign-in: InitiateAuth (USER_AUTH, refresh) and RespondToAuthChallenge. This file routes: it reads
 * the request, opens and checks sessions, hides unknown users behind simulated challenges, and hands
 * a chosen first factor or a challenge answer to `factors/`, where each factor's own rules live.
 */
import { errors } from '../errors.js';
import { checkEnum, ignoredObject, optionalString, optionalStringMap, requiredString, type Input } from '../input.js';
import type { OpenedSession } from '../sessions.js';
import type { User } from '../store.js';
import { checkClient, legacyErrors, type Area, type PoolDeps } from './context.js';
import { availableFactors, challengeAnswer, factor, type ChallengeAnswer, type FactorRequest } from './factors/index.js';
import { phantomUser } from './phantoms.js';
import { refresh, signIn } from './token-families.js';

const AUTH_FLOWS = [
  'USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'CUSTOM_AUTH', 'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'USER_AUTH',
] as const;
const CHALLENGE_NAMES = [
  'SMS_MFA', 'EMAIL_OTP', 'SOFTWARE_TOKEN_MFA', 'SELECT_MFA_TYPE', 'MFA_SETUP', 'PASSWORD_VERIFIER',
  'CUSTOM_CHALLENGE', 'SELECT_CHALLENGE', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER', 'ADMIN_NO_SRP_AUTH',
  'NEW_PASSWORD_REQUIRED', 'SMS_OTP', 'PASSWORD', 'WEB_AUTHN', 'PASSWORD_SRP',
] as const;
/** Every PREFERRED_CHALLENGE Cognito knows, whether or not this pool offers it. */
const PREFERRED_CHALLENGES = ['EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN', 'PASSWORD', 'PASSWORD_SRP'];
function selectChallenge(available: string[], session: string) {
  return { AvailableChallenges: available, ChallengeName: 'SELECT_CHALLENGE', ChallengeParameters: {}, Session: session };
}

/**
 * The preferred factor if `user` can use it, else SELECT_CHALLENGE with the factors they can. For a
 * made-up user (`simulated`, see phantoms.ts) the same, through the factors' `simulate`: an unknown
 * name gets the answers of a real user with the same factors, and the same every time.
 */
function firstFactor(d: PoolDeps, user: User, request: FactorRequest, preferred: string | undefined, simulated: boolean): Promise<object> {
  const available = availableFactors(user, d.config);
  if (preferred !== undefined && available.includes(preferred)) {
    const chosen = factor(preferred);
    return simulated ? chosen.simulate(d, user, request) : chosen.start(d, user, request);
  }
  // No preference, or one this user cannot use: let the client choose.
  const { username, clientId } = request;
  const session = simulated
    ? d.sessions.issue({ kind: 'select', username, clientId, available, phantomSub: user.sub }, true)
    : d.sessions.issue({ kind: 'select', username, clientId, sub: user.sub, available });
  return Promise.resolve(selectChallenge(available, session));
}

/**
 * Whether an answer's USERNAME names the session's user: the name the session was issued for (any
 * case), or any other name of the same user (its sub, which is USER_ID_FOR_SRP and what Amplify
 * answers PASSWORD_VERIFIER with; its email). In a simulated session, the made-up user's sub.
 */
function namesSessionUser(d: PoolDeps, session: OpenedSession, username: string): boolean {
  if (d.sessions.usernameKey(username) === session.usernameKey) return true;
  if (session.simulated) return username === session.phantomSub;
  return session.sub !== undefined && d.store.findUser(username)?.sub === session.sub;
}

async function initiateAuth(d: PoolDeps, input: Input): Promise<object> {
  const clientId = requiredString(input, 'ClientId');
  const flow = requiredString(input, 'AuthFlow');
  checkEnum(flow, 'authFlow', AUTH_FLOWS);
  const params = optionalStringMap(input, 'AuthParameters') ?? {};
  const clientMetadata = optionalStringMap(input, 'ClientMetadata');
  const sessionToken = optionalString(input, 'Session');
  ignoredObject(input, 'UserContextData');
  ignoredObject(input, 'AnalyticsMetadata');
  checkClient(d, clientId);

  if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') {
    // A client that rotates refresh tokens has no ALLOW_REFRESH_TOKEN_AUTH: GetTokensFromRefreshToken only.
    if (d.config.refreshRotationGraceSeconds !== null) throw errors.invalidParameter(`${flow} flow not enabled for this client`);
    const token = params.REFRESH_TOKEN;
    if (token === undefined) throw errors.missingAuthParameter('REFRESH_TOKEN');
    return { AuthenticationResult: await refresh(d, token, clientId), ChallengeParameters: {} };
  }
  if (flow !== 'USER_AUTH') throw errors.invalidParameter(`${flow} flow not enabled for this client`);

  const username = params.USERNAME;
  if (username === undefined || username === '') throw errors.missingAuthParameter('USERNAME');
  const preferred = params.PREFERRED_CHALLENGE;
  // [U] Cognito's text for an unknown preferred challenge.
  if (preferred !== undefined && !PREFERRED_CHALLENGES.includes(preferred))
    throw errors.invalidParameter(`Invalid value for PREFERRED_CHALLENGE: ${preferred}`);

  if (sessionToken !== undefined) return signInWithConfirmSession(d, sessionToken, username, clientId);

  const request = { username, clientId, parameters: params, clientMetadata };
  // By email, or by sub: Cognito takes the internal username (the sub, email being the username attribute) too.
  const user = d.store.findUser(username);
  if (user === undefined) {
    if (legacyErrors(d)) throw errors.userNotFound();
    // PreventUserExistenceErrors: a made-up user's answers; no mail, no stored state.
    return firstFactor(d, phantomUser(d, username), request, preferred, true);
  }
  // [U for USER_AUTH] as in the password flows; Amplify turns it into nextStep CONFIRM_SIGN_UP.
  if (user.status !== 'CONFIRMED') throw errors.userNotConfirmed();
  return firstFactor(d, user, request, preferred, false);
}

/** InitiateAuth USER_AUTH with the ConfirmSignUp Session: the sign-up code was the first factor. */
async function signInWithConfirmSession(d: PoolDeps, token: string, username: string, clientId: string): Promise<object> {
  const session = d.sessions.open(token, clientId);
  if (session.kind !== 'confirm' || session.simulated) throw errors.sessionInvalid();
  const user = session.sub === undefined ? undefined : d.store.userBySub(session.sub);
  if (user === undefined || !namesSessionUser(d, session, username)) throw errors.sessionInvalid();
  d.sessions.markUsed(session.id);
  return signIn(d, user, clientId);
}

/** SELECT_CHALLENGE's ANSWER: runs the chosen factor as if it had been the preferred one. */
const select: ChallengeAnswer = {
  sessionKind: 'select',
  async answer(d: PoolDeps, session: OpenedSession, responses: Record<string, string>, clientMetadata) {
    const answer = responses.ANSWER;
    if (answer === undefined) throw errors.missingAuthParameter('ANSWER');
    const available = session.available ?? [];
    // [U] Cognito's text for an answer that was not offered.
    if (!available.includes(answer))
      throw errors.invalidParameter(`The challenge ${answer} is not one of the available challenges.`);
    const request = { username: responses.USERNAME!, clientId: session.clientId, parameters: responses, clientMetadata };
    if (session.simulated) {
      // `phantom` is unset only when the answer named the made-up sub rather than the name (no client does).
      const phantom = session.phantom ?? phantomUser(d, responses.USERNAME!);
      return factor(answer).simulate(d, phantom, request);
    }
    const user = d.store.userBySub(session.sub!);
    if (user === undefined) throw errors.sessionInvalid();
    const result = await factor(answer).start(d, user, request);
    // Only once the factor has started: a wrong password or a refused send leaves the choice open.
    d.sessions.markUsed(session.id);
    return result;
  },
};

async function respondToAuthChallenge(d: PoolDeps, input: Input): Promise<object> {
  const clientId = requiredString(input, 'ClientId');
  const challenge = requiredString(input, 'ChallengeName');
  checkEnum(challenge, 'challengeName', CHALLENGE_NAMES);
  const responses = optionalStringMap(input, 'ChallengeResponses') ?? {};
  const sessionToken = optionalString(input, 'Session');
  const clientMetadata = optionalStringMap(input, 'ClientMetadata');
  ignoredObject(input, 'UserContextData');
  ignoredObject(input, 'AnalyticsMetadata');
  checkClient(d, clientId);

  const username = responses.USERNAME;
  if (username === undefined || username === '') throw errors.missingAuthParameter('USERNAME');
  // [U] Without a session there is no challenge to answer.
  if (sessionToken === undefined || sessionToken === '') throw errors.sessionInvalid();
  const session = d.sessions.open(sessionToken, clientId);
  const handler = challenge === 'SELECT_CHALLENGE' ? select : challengeAnswer(challenge);
  // [U] A challenge name that does not match the session (or that no factor issues) is a bad session.
  if (handler === undefined || session.kind !== handler.sessionKind) throw errors.sessionInvalid();
  if (!namesSessionUser(d, session, username)) throw errors.sessionInvalid();
  if (session.simulated && d.sessions.usernameKey(username) === session.usernameKey) session.phantom = phantomUser(d, username);
  return handler.answer(d, session, responses, clientMetadata);
}

export const authOperations = {
  InitiateAuth: initiateAuth,
  RespondToAuthChallenge: respondToAuthChallenge,
} satisfies Area;
