import { randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import { codesEqual, newCode } from './codes.js';
import { errors } from './errors.js';
import {
  checkEnum,
  ignoredObject,
  optionalAttributeList,
  optionalBoolean,
  optionalString,
  optionalStringMap,
  requiredString,
  type Input,
} from './input.js';
import type { Outbox } from './mail.js';
import { renderMessage, type CustomMessageHandler, type TriggerSource } from './messages.js';
import type { OpenedSession, SessionStore } from './sessions.js';
import type { Store, User } from './store.js';
import { newRefreshToken, type TokenMinter } from './tokens.js';
import { hashToken } from './store.js';

export interface PoolConfig {
  userPoolId: string;
  clientId: string;
  region: string;
  userExistenceErrors: 'enabled' | 'legacy';
  /** Code sends per user per window; null disables the limit. */
  codeSendLimit: { max: number; windowSeconds: number } | null;
  refreshTokenValiditySeconds: number;
}

export interface PoolDeps {
  config: PoolConfig;
  store: Store;
  sessions: SessionStore;
  minter: TokenMinter;
  outbox: Outbox;
  log: (line: string) => void;
  customMessage: CustomMessageHandler | undefined;
}

/** The operations the emulator implements, by `X-Amz-Target` suffix. */
export const OPERATIONS = [
  'SignUp',
  'ConfirmSignUp',
  'ResendConfirmationCode',
  'InitiateAuth',
  'RespondToAuthChallenge',
  'GetTokensFromRefreshToken',
  'GetUser',
  'GlobalSignOut',
  'RevokeToken',
  'DeleteUser',
] as const;
export type Operation = (typeof OPERATIONS)[number];

const SIGN_UP_CODE_VALIDITY_MS = 24 * 60 * 60 * 1000;
/** [U] Cognito does not publish how many wrong sign-up codes it accepts before refusing. */
const MAX_SIGN_UP_CODE_FAILURES = 5;
const SIGN_UP_CODE_DIGITS = 6;
const SIGN_IN_CODE_DIGITS = 8;

const AUTH_FLOWS = [
  'USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'CUSTOM_AUTH', 'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'USER_AUTH',
] as const;
const CHALLENGE_NAMES = [
  'SMS_MFA', 'EMAIL_OTP', 'SOFTWARE_TOKEN_MFA', 'SELECT_MFA_TYPE', 'MFA_SETUP', 'PASSWORD_VERIFIER',
  'CUSTOM_CHALLENGE', 'SELECT_CHALLENGE', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER', 'ADMIN_NO_SRP_AUTH',
  'NEW_PASSWORD_REQUIRED', 'SMS_OTP', 'PASSWORD', 'WEB_AUTHN', 'PASSWORD_SRP',
] as const;
const FIRST_FACTORS = ['EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN', 'PASSWORD', 'PASSWORD_SRP'];

/** Standard attributes a client may write at sign-up (the pool defines no custom ones, but accepts `custom:*`). */
const WRITABLE_ATTRIBUTES = new Set([
  'address', 'birthdate', 'email', 'family_name', 'gender', 'given_name', 'locale', 'middle_name', 'name',
  'nickname', 'phone_number', 'picture', 'preferred_username', 'profile', 'zoneinfo', 'updated_at', 'website',
]);
const READ_ONLY_ATTRIBUTES = new Set(['sub', 'email_verified', 'phone_number_verified', 'identities']);

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Cognito's masking: first character of each part, no TLD: `a***@e***`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return `${email.charAt(0)}***`;
  return `${email.charAt(0)}***@${email.charAt(at + 1)}***`;
}

function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${scryptSync(password, salt, 32).toString('base64')}`;
}

function passwordMatches(stored: string, password: string): boolean {
  const [, salt, hash] = stored.split('$');
  if (salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64');
  return timingSafeEqual(expected, scryptSync(password, Buffer.from(salt, 'base64'), expected.length));
}

const delivery = (email: string) => ({ AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: maskEmail(email) });

/** One emulated user pool with one public app client (ALLOW_USER_AUTH, ALLOW_REFRESH_TOKEN_AUTH, no secret). */
export class Pool {
  constructor(private readonly d: PoolDeps) {}

  private get legacy(): boolean {
    return this.d.config.userExistenceErrors === 'legacy';
  }

  async run(operation: Operation, input: Input): Promise<object> {
    switch (operation) {
      case 'SignUp':
        return this.signUp(input);
      case 'ConfirmSignUp':
        return this.confirmSignUp(input);
      case 'ResendConfirmationCode':
        return this.resendConfirmationCode(input);
      case 'InitiateAuth':
        return this.initiateAuth(input);
      case 'RespondToAuthChallenge':
        return this.respondToAuthChallenge(input);
      case 'GetTokensFromRefreshToken':
        return this.getTokensFromRefreshToken(input);
      case 'GetUser':
        return this.getUser(input);
      case 'GlobalSignOut':
        return this.globalSignOut(input);
      case 'RevokeToken':
        return this.revokeToken(input);
      case 'DeleteUser':
        return this.deleteUser(input);
    }
  }

  private checkClient(clientId: string): void {
    if (clientId !== this.d.config.clientId) throw errors.unknownClient(clientId);
  }

  // ---- code mail ---------------------------------------------------------------------------

  /** Throws LimitExceededException when `user` has had its quota of codes in the window. */
  private checkSendLimit(user: User, now: number): void {
    const limit = this.d.config.codeSendLimit;
    if (limit === null) return;
    const since = now - limit.windowSeconds * 1000;
    const recent = user.codeSends.filter((t) => t > since);
    if (recent.length >= limit.max) throw errors.limitExceeded();
  }

  private recordSend(user: User, now: number): void {
    const limit = this.d.config.codeSendLimit;
    const since = limit === null ? now : now - limit.windowSeconds * 1000;
    user.codeSends = [...user.codeSends.filter((t) => t > since), now];
  }

  private render(trigger: TriggerSource, user: User, code: string, clientMetadata?: Record<string, string>) {
    const status = user.status;
    return renderMessage(this.d.customMessage, {
      triggerSource: trigger,
      code,
      region: this.d.config.region,
      userPoolId: this.d.config.userPoolId,
      clientId: this.d.config.clientId,
      sub: user.sub,
      userAttributes: { ...user.attributes, 'cognito:user_status': status },
      ...(clientMetadata ? { clientMetadata } : {}),
      warn: this.d.log,
    });
  }

  private deliver(user: User, kind: 'sign-up' | 'sign-in', code: string, rendered: { subject: string; text: string; html?: string }) {
    const to = user.attributes.email ?? user.username;
    this.d.outbox.add({ to, ...rendered, code, kind, sentAt: new Date().toISOString() });
    this.d.log(`mail to ${to}: ${kind} code ${code}`);
  }

  // ---- sign-up -----------------------------------------------------------------------------

  private async signUp(input: Input): Promise<object> {
    const clientId = requiredString(input, 'ClientId');
    const username = requiredString(input, 'Username');
    const password = optionalString(input, 'Password');
    const attributes = optionalAttributeList(input, 'UserAttributes') ?? [];
    optionalAttributeList(input, 'ValidationData');
    const clientMetadata = optionalStringMap(input, 'ClientMetadata');
    optionalString(input, 'SecretHash');
    ignoredObject(input, 'UserContextData');
    ignoredObject(input, 'AnalyticsMetadata');
    this.checkClient(clientId);

    if (!EMAIL.test(username)) throw errors.usernameNotEmail();
    const attrs: Record<string, string> = {};
    for (const { Name, Value } of attributes) {
      if (READ_ONLY_ATTRIBUTES.has(Name)) throw errors.unauthorizedAttribute();
      if (!WRITABLE_ATTRIBUTES.has(Name) && !Name.startsWith('custom:'))
        throw errors.invalidParameter(`Attributes did not conform to the schema: ${Name}: Attribute does not exist in the schema.`);
      attrs[Name] = Value;
    }
    // [U] With email as the username attribute the username becomes the email attribute; an email
    // attribute that names a different address is refused rather than silently overwritten.
    if (attrs.email !== undefined && attrs.email.toLowerCase() !== username.toLowerCase())
      throw errors.invalidParameter('Attributes did not conform to the schema: email: must match the username.');
    // [U] Password optional because the pool allows EMAIL_OTP and auto-verifies email. When one is
    // given it must meet a minimal policy; the real default policy also wants character classes.
    if (password !== undefined && password.length < 8)
      throw errors.invalidPassword('Password did not conform with policy: Password not long enough');
    if (this.d.store.findUser(username)) throw errors.usernameExists();

    const now = Date.now();
    const sub = randomUUID();
    const user: User = {
      sub,
      username,
      attributes: { sub, ...attrs, email: attrs.email ?? username, email_verified: 'false' },
      status: 'UNCONFIRMED',
      createdAt: now,
      codeSends: [],
      ...(password !== undefined ? { passwordHash: hashPassword(password) } : {}),
    };
    const code = newCode(SIGN_UP_CODE_DIGITS);
    const rendered = await this.render('CustomMessage_SignUp', user, code, clientMetadata);
    user.signUpCode = { code, expiresAt: now + SIGN_UP_CODE_VALIDITY_MS, failedAttempts: 0 };
    this.recordSend(user, now);
    this.d.store.addUser(user);
    this.d.store.save();
    this.deliver(user, 'sign-up', code, rendered);
    return {
      CodeDeliveryDetails: delivery(user.attributes.email!),
      Session: this.d.sessions.issue({ kind: 'signup', username, clientId, sub }),
      UserConfirmed: false,
      UserSub: sub,
    };
  }

  private async confirmSignUp(input: Input): Promise<object> {
    const clientId = requiredString(input, 'ClientId');
    const username = requiredString(input, 'Username');
    const code = requiredString(input, 'ConfirmationCode');
    optionalBoolean(input, 'ForceAliasCreation');
    optionalStringMap(input, 'ClientMetadata');
    optionalString(input, 'SecretHash');
    // The SignUp Session may come back here; Amplify never sends it and nothing depends on it.
    optionalString(input, 'Session');
    ignoredObject(input, 'UserContextData');
    ignoredObject(input, 'AnalyticsMetadata');
    this.checkClient(clientId);

    const user = this.d.store.findUser(username);
    if (user === undefined) {
      if (this.legacy) throw errors.userNotFoundForClient();
      throw errors.signUpCodeMismatch();
    }
    if (user.status === 'CONFIRMED') throw errors.alreadyConfirmed();
    const pending = user.signUpCode;
    if (pending === undefined || pending.expiresAt <= Date.now()) throw errors.expiredCode();
    if (pending.failedAttempts >= MAX_SIGN_UP_CODE_FAILURES) throw errors.tooManyFailedAttempts();
    if (!codesEqual(pending.code, code)) {
      pending.failedAttempts += 1;
      this.d.store.save();
      throw errors.signUpCodeMismatch();
    }
    user.status = 'CONFIRMED';
    user.attributes.email_verified = 'true';
    delete user.signUpCode;
    this.d.store.save();
    this.d.log(`confirmed ${user.username}`);
    // [U] Real Cognito returns this Session whenever the client allows USER_AUTH (Amplify's
    // autoSignIn depends on it), whether or not the SignUp session was sent back.
    return { Session: this.d.sessions.issue({ kind: 'confirm', username, clientId, sub: user.sub }) };
  }

  private async resendConfirmationCode(input: Input): Promise<object> {
    const clientId = requiredString(input, 'ClientId');
    const username = requiredString(input, 'Username');
    const clientMetadata = optionalStringMap(input, 'ClientMetadata');
    optionalString(input, 'SecretHash');
    ignoredObject(input, 'UserContextData');
    ignoredObject(input, 'AnalyticsMetadata');
    this.checkClient(clientId);

    const user = this.d.store.findUser(username);
    if (user === undefined) {
      if (this.legacy) throw errors.userNotFoundForClient();
      // PreventUserExistenceErrors: a simulated delivery, nothing sent or stored.
      return { CodeDeliveryDetails: delivery(username) };
    }
    if (user.status === 'CONFIRMED') throw errors.resendAlreadyConfirmed();
    const now = Date.now();
    this.checkSendLimit(user, now);
    const code = newCode(SIGN_UP_CODE_DIGITS);
    const rendered = await this.render('CustomMessage_ResendCode', user, code, clientMetadata);
    // [U] The new code replaces the old one.
    user.signUpCode = { code, expiresAt: now + SIGN_UP_CODE_VALIDITY_MS, failedAttempts: 0 };
    this.recordSend(user, now);
    this.d.store.save();
    this.deliver(user, 'sign-up', code, rendered);
    return { CodeDeliveryDetails: delivery(user.attributes.email ?? username) };
  }

  // ---- sign-in -----------------------------------------------------------------------------

  /** What this user can do as a first factor. [U] PASSWORD only for users who have one; no SRP here. */
  private available(user: User): string[] {
    return user.passwordHash !== undefined ? ['PASSWORD', 'EMAIL_OTP'] : ['EMAIL_OTP'];
  }

  private async sendSignInCode(user: User, username: string, clientId: string, clientMetadata?: Record<string, string>) {
    const now = Date.now();
    this.checkSendLimit(user, now);
    const code = newCode(SIGN_IN_CODE_DIGITS);
    const rendered = await this.render('CustomMessage_Authentication', user, code, clientMetadata);
    this.recordSend(user, now);
    this.d.store.save();
    const session = this.d.sessions.issue({ kind: 'otp', username, clientId, sub: user.sub, code });
    this.deliver(user, 'sign-in', code, rendered);
    return this.otpChallenge(user.attributes.email ?? username, session);
  }

  private otpChallenge(email: string, session: string) {
    return {
      AvailableChallenges: ['EMAIL_OTP'],
      ChallengeName: 'EMAIL_OTP',
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: maskEmail(email) },
      Session: session,
    };
  }

  private selectChallenge(available: string[], session: string) {
    return { AvailableChallenges: available, ChallengeName: 'SELECT_CHALLENGE', ChallengeParameters: {}, Session: session };
  }

  /** Starts a refresh-token family and mints its first tokens. */
  private async signIn(user: User, clientId: string): Promise<object> {
    const refreshToken = newRefreshToken();
    const authTime = Math.floor(Date.now() / 1000);
    const family = {
      originJti: randomUUID(),
      tokenHash: hashToken(refreshToken),
      sub: user.sub,
      clientId,
      authTime,
      eventId: randomUUID(),
      expiresAt: Date.now() + this.d.config.refreshTokenValiditySeconds * 1000,
      revoked: false,
    };
    this.d.store.addFamily(family);
    this.d.store.save();
    const { idToken, accessToken } = await this.d.minter.mint({ ...family, attributes: user.attributes });
    this.d.log(`signed in ${user.username}`);
    return {
      AuthenticationResult: {
        AccessToken: accessToken,
        ExpiresIn: this.d.minter.expiresIn,
        IdToken: idToken,
        RefreshToken: refreshToken,
        TokenType: 'Bearer',
      },
      ChallengeParameters: {},
    };
  }

  private async refresh(token: string, clientId: string) {
    const family = this.d.store.familyByToken(token);
    if (family === undefined || family.clientId !== clientId) throw errors.invalidRefreshToken();
    if (family.revoked) throw errors.refreshTokenRevoked();
    if (family.expiresAt <= Date.now()) throw errors.refreshTokenExpired();
    const user = this.d.store.userBySub(family.sub);
    if (user === undefined) throw errors.refreshTokenRevoked();
    const { idToken, accessToken } = await this.d.minter.mint({ ...family, attributes: user.attributes });
    // No RefreshToken in the answer: the emulated client has refresh-token rotation off (the default).
    return { AccessToken: accessToken, ExpiresIn: this.d.minter.expiresIn, IdToken: idToken, TokenType: 'Bearer' };
  }

  private async initiateAuth(input: Input): Promise<object> {
    const clientId = requiredString(input, 'ClientId');
    const flow = requiredString(input, 'AuthFlow');
    checkEnum(flow, 'authFlow', AUTH_FLOWS);
    const params = optionalStringMap(input, 'AuthParameters') ?? {};
    const clientMetadata = optionalStringMap(input, 'ClientMetadata');
    const sessionToken = optionalString(input, 'Session');
    ignoredObject(input, 'UserContextData');
    ignoredObject(input, 'AnalyticsMetadata');
    this.checkClient(clientId);

    if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') {
      const token = params.REFRESH_TOKEN;
      if (token === undefined) throw errors.missingAuthParameter('REFRESH_TOKEN');
      return { AuthenticationResult: await this.refresh(token, clientId), ChallengeParameters: {} };
    }
    if (flow !== 'USER_AUTH') throw errors.invalidParameter(`${flow} flow not enabled for this client`);

    const username = params.USERNAME;
    if (username === undefined || username === '') throw errors.missingAuthParameter('USERNAME');
    const preferred = params.PREFERRED_CHALLENGE;
    // [U] Cognito's text for an unknown preferred challenge.
    if (preferred !== undefined && !FIRST_FACTORS.includes(preferred))
      throw errors.invalidParameter(`Invalid value for PREFERRED_CHALLENGE: ${preferred}`);

    if (sessionToken !== undefined) return this.signInWithConfirmSession(sessionToken, username, clientId);

    const user = this.d.store.findUser(username);
    if (user === undefined) {
      if (this.legacy) throw errors.userNotFound();
      // PreventUserExistenceErrors: a simulated challenge that looks like a real user's; no mail,
      // no stored state (the session string carries all it needs).
      if (preferred === 'PASSWORD') throw errors.incorrectPassword();
      if (preferred === 'EMAIL_OTP')
        return this.otpChallenge(username, this.d.sessions.issue({ kind: 'otp', username, clientId }, true));
      return this.selectChallenge(['EMAIL_OTP'], this.d.sessions.issue({ kind: 'select', username, clientId, available: ['EMAIL_OTP'] }, true));
    }
    // [U for USER_AUTH] as in the password flows; Amplify turns it into nextStep CONFIRM_SIGN_UP.
    if (user.status !== 'CONFIRMED') throw errors.userNotConfirmed();
    const available = this.available(user);
    if (preferred === 'EMAIL_OTP') return this.sendSignInCode(user, username, clientId, clientMetadata);
    if (preferred === 'PASSWORD' && available.includes('PASSWORD')) {
      const password = params.PASSWORD;
      if (password === undefined) throw errors.missingAuthParameter('PASSWORD');
      if (!passwordMatches(user.passwordHash!, password)) throw errors.incorrectPassword();
      return this.signIn(user, clientId);
    }
    // No preference, or one this user cannot use: let the client choose.
    return this.selectChallenge(
      available,
      this.d.sessions.issue({ kind: 'select', username, clientId, sub: user.sub, available }),
    );
  }

  /** InitiateAuth USER_AUTH with the ConfirmSignUp Session: the sign-up code was the first factor. */
  private async signInWithConfirmSession(token: string, username: string, clientId: string): Promise<object> {
    const session = this.d.sessions.open(token, clientId);
    if (session.kind !== 'confirm' || session.simulated) throw errors.sessionInvalid();
    const user = session.sub === undefined ? undefined : this.d.store.userBySub(session.sub);
    if (user === undefined || user.username.toLowerCase() !== username.toLowerCase()) throw errors.sessionInvalid();
    this.d.sessions.markUsed(session.id);
    return this.signIn(user, clientId);
  }

  private async respondToAuthChallenge(input: Input): Promise<object> {
    const clientId = requiredString(input, 'ClientId');
    const challenge = requiredString(input, 'ChallengeName');
    checkEnum(challenge, 'challengeName', CHALLENGE_NAMES);
    const responses = optionalStringMap(input, 'ChallengeResponses') ?? {};
    const sessionToken = optionalString(input, 'Session');
    const clientMetadata = optionalStringMap(input, 'ClientMetadata');
    ignoredObject(input, 'UserContextData');
    ignoredObject(input, 'AnalyticsMetadata');
    this.checkClient(clientId);

    const username = responses.USERNAME;
    if (username === undefined || username === '') throw errors.missingAuthParameter('USERNAME');
    // [U] Without a session there is no challenge to answer.
    if (sessionToken === undefined || sessionToken === '') throw errors.sessionInvalid();
    const session = this.d.sessions.open(sessionToken, clientId);
    const expectedKind = challenge === 'SELECT_CHALLENGE' ? 'select' : challenge === 'EMAIL_OTP' ? 'otp' : undefined;
    // [U] A challenge name that does not match the session is treated as a bad session.
    if (session.kind !== expectedKind) throw errors.sessionInvalid();
    if (session.username.toLowerCase() !== username.toLowerCase()) throw errors.sessionInvalid();

    if (challenge === 'SELECT_CHALLENGE') return this.answerSelect(session, responses, clientId, clientMetadata);
    return this.answerEmailOtp(session, responses);
  }

  private async answerSelect(
    session: OpenedSession,
    responses: Record<string, string>,
    clientId: string,
    clientMetadata?: Record<string, string>,
  ): Promise<object> {
    const answer = responses.ANSWER;
    if (answer === undefined) throw errors.missingAuthParameter('ANSWER');
    const available = session.simulated ? ['EMAIL_OTP'] : (session.available ?? []);
    // [U] Cognito's text for an answer that was not offered.
    if (!available.includes(answer))
      throw errors.invalidParameter(`The challenge ${answer} is not one of the available challenges.`);
    if (session.simulated) {
      return this.otpChallenge(session.username, this.d.sessions.issue({ kind: 'otp', username: session.username, clientId }, true));
    }
    const user = this.d.store.userBySub(session.sub!);
    if (user === undefined) throw errors.sessionInvalid();
    if (answer === 'PASSWORD') {
      const password = responses.PASSWORD;
      if (password === undefined) throw errors.missingAuthParameter('PASSWORD');
      if (!passwordMatches(user.passwordHash!, password)) throw errors.incorrectPassword();
      this.d.sessions.markUsed(session.id);
      return this.signIn(user, clientId);
    }
    const result = await this.sendSignInCode(user, session.username, clientId, clientMetadata);
    this.d.sessions.markUsed(session.id);
    return result;
  }

  private async answerEmailOtp(session: OpenedSession, responses: Record<string, string>): Promise<object> {
    const code = responses.EMAIL_OTP_CODE;
    if (code === undefined) throw errors.missingAuthParameter('EMAIL_OTP_CODE');
    // A simulated session (unknown user) can never succeed; [U] Cognito's answer is a mismatch.
    if (session.simulated) throw errors.otpMismatch();
    const user = this.d.store.userBySub(session.sub!);
    if (user === undefined) throw errors.sessionInvalid();
    // A wrong code leaves the session usable; a superseded code never matches again.
    if (!this.d.sessions.isLatestOtp(session) || !codesEqual(session.code ?? '', code)) throw errors.otpMismatch();
    this.d.sessions.markUsed(session.id);
    user.attributes.email_verified = 'true';
    return this.signIn(user, session.clientId);
  }

  // ---- tokens ------------------------------------------------------------------------------

  private async getTokensFromRefreshToken(input: Input): Promise<object> {
    const clientId = requiredString(input, 'ClientId');
    const token = requiredString(input, 'RefreshToken');
    optionalString(input, 'ClientSecret');
    optionalString(input, 'DeviceKey');
    optionalStringMap(input, 'ClientMetadata');
    this.checkClient(clientId);
    return { AuthenticationResult: await this.refresh(token, clientId) };
  }

  /** The user behind an access token, refusing expired, forged and revoked ones. */
  private async authenticate(input: Input): Promise<User> {
    const token = requiredString(input, 'AccessToken');
    const claims = await this.d.minter.verifyAccess(token);
    if (claims === 'expired') throw errors.accessTokenExpired();
    if (claims === 'invalid') throw errors.invalidAccessToken();
    const family = this.d.store.familyByOriginJti(claims.originJti);
    if (family === undefined || family.revoked) throw errors.accessTokenRevoked();
    const user = this.d.store.userBySub(claims.sub);
    if (user === undefined) throw errors.userNotFound();
    return user;
  }

  private async getUser(input: Input): Promise<object> {
    const user = await this.authenticate(input);
    return {
      UserAttributes: Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value })),
      Username: user.sub,
    };
  }

  private revokeAll(user: User): void {
    for (const family of this.d.store.familiesOf(user.sub)) family.revoked = true;
  }

  private async globalSignOut(input: Input): Promise<object> {
    const user = await this.authenticate(input);
    this.revokeAll(user);
    this.d.store.save();
    this.d.log(`signed out ${user.username} everywhere`);
    return {};
  }

  private async revokeToken(input: Input): Promise<object> {
    const token = requiredString(input, 'Token');
    const clientId = requiredString(input, 'ClientId');
    optionalString(input, 'ClientSecret');
    optionalStringMap(input, 'ClientMetadata');
    this.checkClient(clientId);
    // [U] An ID or access token (a three-part JWT) is not a token RevokeToken takes.
    if (token.split('.').length === 3) throw errors.unsupportedTokenType();
    const family = this.d.store.familyByToken(token);
    // [U] As OAuth token revocation (RFC 7009): an unknown token is answered with success.
    if (family === undefined) return {};
    if (family.clientId !== clientId) throw errors.tokenOfOtherClient();
    family.revoked = true;
    this.d.store.save();
    return {};
  }

  private async deleteUser(input: Input): Promise<object> {
    const user = await this.authenticate(input);
    // Families stay, revoked, so old tokens answer "revoked" rather than "invalid".
    this.revokeAll(user);
    this.d.store.deleteUser(user);
    this.d.sessions.dropUser(user.sub);
    this.d.store.save();
    this.d.log(`deleted ${user.username}`);
    return {};
  }
}

