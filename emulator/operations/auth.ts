/**
 * Sign-in: InitiateAuth (USER_AUTH, refresh) and RespondToAuthChallenge. This file routes: it reads
 * the request, opens and checks sessions, hides unknown users behind simulated challenges, and hands
 * a chosen first factor or a challenge answer to `factors/`, where each factor's own rules live.
 */
import { errors } from '../errors.js';
import { checkEnum, ignoredObject, optionalString, optionalStringMap, requiredString, type Input } from '../input.js';
import type { OpenedSession } from '../sessions.js';
import { checkClient, legacyErrors, type Area, type PoolDeps } from './context.js';
import { availableFactors, challengeAnswer, factor, otpChallenge, type ChallengeAnswer } from './factors/index.js';
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
/** What an unknown user is offered under PreventUserExistenceErrors: a user without a password. */
const SIMULATED_AVAILABLE = ['EMAIL_OTP'];

function selectChallenge(available: string[], session: string) {
  return { AvailableChallenges: available, ChallengeName: 'SELECT_CHALLENGE', ChallengeParameters: {}, Session: session };
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

  const user = d.store.findUser(username);
  if (user === undefined) {
    if (legacyErrors(d)) throw errors.userNotFound();
    // PreventUserExistenceErrors: a simulated challenge that looks like a real user's; no mail,
    // no stored state (the session string carries all it needs).
    if (preferred === 'PASSWORD') throw errors.incorrectPassword();
    if (preferred === 'EMAIL_OTP')
      return otpChallenge(username, d.sessions.issue({ kind: 'otp', username, clientId }, true));
    return selectChallenge(
      SIMULATED_AVAILABLE,
      d.sessions.issue({ kind: 'select', username, clientId, available: SIMULATED_AVAILABLE }, true),
    );
  }
  // [U for USER_AUTH] as in the password flows; Amplify turns it into nextStep CONFIRM_SIGN_UP.
  if (user.status !== 'CONFIRMED') throw errors.userNotConfirmed();
  const available = availableFactors(user, d.config);
  if (preferred !== undefined && available.includes(preferred))
    return factor(preferred).start(d, user, { username, clientId, parameters: params, clientMetadata });
  // No preference, or one this user cannot use: let the client choose.
  return selectChallenge(available, d.sessions.issue({ kind: 'select', username, clientId, sub: user.sub, available }));
}

/** InitiateAuth USER_AUTH with the ConfirmSignUp Session: the sign-up code was the first factor. */
async function signInWithConfirmSession(d: PoolDeps, token: string, username: string, clientId: string): Promise<object> {
  const session = d.sessions.open(token, clientId);
  if (session.kind !== 'confirm' || session.simulated) throw errors.sessionInvalid();
  const user = session.sub === undefined ? undefined : d.store.userBySub(session.sub);
  if (user === undefined || user.username.toLowerCase() !== username.toLowerCase()) throw errors.sessionInvalid();
  d.sessions.markUsed(session.id);
  return signIn(d, user, clientId);
}

/** SELECT_CHALLENGE's ANSWER: runs the chosen factor as if it had been the preferred one. */
const select: ChallengeAnswer = {
  sessionKind: 'select',
  async answer(d: PoolDeps, session: OpenedSession, responses: Record<string, string>, clientMetadata) {
    const answer = responses.ANSWER;
    if (answer === undefined) throw errors.missingAuthParameter('ANSWER');
    const available = session.simulated ? SIMULATED_AVAILABLE : (session.available ?? []);
    // [U] Cognito's text for an answer that was not offered.
    if (!available.includes(answer))
      throw errors.invalidParameter(`The challenge ${answer} is not one of the available challenges.`);
    const { username, clientId } = session;
    if (session.simulated) return otpChallenge(username, d.sessions.issue({ kind: 'otp', username, clientId }, true));
    const user = d.store.userBySub(session.sub!);
    if (user === undefined) throw errors.sessionInvalid();
    const result = await factor(answer).start(d, user, { username, clientId, parameters: responses, clientMetadata });
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
  if (session.username.toLowerCase() !== username.toLowerCase()) throw errors.sessionInvalid();
  return handler.answer(d, session, responses, clientMetadata);
}

export const authOperations = {
  InitiateAuth: initiateAuth,
  RespondToAuthChallenge: respondToAuthChallenge,
} satisfies Area;
