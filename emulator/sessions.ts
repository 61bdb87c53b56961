import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { errors } from './errors.js';

/** What a challenge session lets its holder do next. */
export type SessionKind = 'select' | 'otp' | 'confirm' | 'signup' | 'webauthn';

export interface SessionData {
  kind: SessionKind;
  /** The username as the client typed it; RespondToAuthChallenge must name the same user. */
  username: string;
  clientId: string;
  /** The user's sub; absent in a simulated session (unknown user, PreventUserExistenceErrors on). */
  sub?: string;
  /** For 'select': the challenges offered. */
  available?: string[];
  /** For 'otp': the 8-digit code sent. */
  code?: string;
  /** For 'webauthn': the challenge the assertion must sign (base64url). */
  challenge?: string;
}

interface Stored extends SessionData {
  expiresAt: number;
  used: boolean;
}

interface Envelope {
  i: string;
  k: SessionKind;
  x: number;
  /** Simulated: nothing is stored for it. */
  s?: 1;
  u?: string;
  c?: string;
}

export interface OpenedSession extends SessionData {
  id: string;
  simulated: boolean;
}

/**
 * Challenge sessions. The string a client holds is an HMAC-signed envelope (id, kind, expiry), so an
 * expired session is recognised without keeping it and a simulated one (PreventUserExistenceErrors)
 * needs no stored state at all; real sessions' state lives here, in memory only (a restart ends
 * them, which is harmless for three-minute sessions).
 */
export class SessionStore {
  private readonly secret = randomBytes(32);
  private readonly sessions = new Map<string, Stored>();
  /** sub → the one OTP session whose code is still valid: a new code invalidates the old one. */
  private readonly latestOtp = new Map<string, string>();

  constructor(private readonly validityMs: number) {}

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }

  private wrap(envelope: Envelope): string {
    const body = Buffer.from(JSON.stringify(envelope)).toString('base64url');
    // Real sessions start with AYAB (an AWS encryption SDK header); clients treat them as opaque.
    return `AYAB${body}.${this.sign(body)}`;
  }

  /**
   * Forgets expired sessions. They were inserted in issue order with one validity, so the expired
   * ones are at the front: stopping at the first live one keeps this O(1) per call under load
   * (a clock step backwards only keeps a few a little longer; `open` checks the expiry anyway).
   */
  private purge(now: number): void {
    for (const [id, s] of this.sessions) {
      if (s.expiresAt > now) break;
      this.sessions.delete(id);
      if (s.sub !== undefined && this.latestOtp.get(s.sub) === id) this.latestOtp.delete(s.sub);
    }
  }

  /** Creates a session; `simulated` ones (and 'signup' ones, which nothing checks) are not stored. */
  issue(data: SessionData, simulated = false): string {
    const now = Date.now();
    this.purge(now);
    const id = randomUUID();
    const expiresAt = now + this.validityMs;
    const stored = !simulated && data.kind !== 'signup';
    if (stored) {
      this.sessions.set(id, { ...data, expiresAt, used: false });
      if (data.kind === 'otp' && data.sub !== undefined) this.latestOtp.set(data.sub, id);
    }
    const envelope: Envelope = { i: id, k: data.kind, x: expiresAt };
    if (!stored) {
      envelope.s = 1;
      envelope.u = data.username;
      envelope.c = data.clientId;
    }
    return this.wrap(envelope);
  }

  /**
   * Opens a session string for `clientId`, throwing Cognito's NotAuthorizedException variants for
   * one that is garbage, expired or already used.
   */
  open(token: string, clientId: string): OpenedSession {
    if (!token.startsWith('AYAB')) throw errors.sessionInvalid();
    const [body, mac, extra] = token.slice(4).split('.');
    if (body === undefined || mac === undefined || extra !== undefined) throw errors.sessionInvalid();
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw errors.sessionInvalid();
    const envelope = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Envelope;
    if (envelope.x <= Date.now()) throw errors.sessionExpired();
    if (envelope.s === 1) {
      if (envelope.c !== clientId) throw errors.sessionInvalid();
      return { id: envelope.i, kind: envelope.k, username: envelope.u ?? '', clientId, simulated: true };
    }
    const stored = this.sessions.get(envelope.i);
    if (stored === undefined || stored.clientId !== clientId) throw errors.sessionInvalid();
    if (stored.used) throw errors.sessionUsed();
    return { ...stored, id: envelope.i, simulated: false };
  }

  /** Whether this OTP session's code is still the user's latest one. */
  isLatestOtp(session: OpenedSession): boolean {
    return session.sub !== undefined && this.latestOtp.get(session.sub) === session.id;
  }

  /** Single use: a used session answers "session can only be used once" until it expires. */
  markUsed(id: string): void {
    const s = this.sessions.get(id);
    if (s === undefined) return;
    s.used = true;
    if (s.sub !== undefined && this.latestOtp.get(s.sub) === id) this.latestOtp.delete(s.sub);
  }

  /** Ends every session of a deleted user. */
  dropUser(sub: string): void {
    for (const [id, s] of this.sessions) if (s.sub === sub) this.sessions.delete(id);
    this.latestOtp.delete(sub);
  }
}
