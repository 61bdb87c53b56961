import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { errors } from './errors.js';
import { Sealer } from './sealed.js';
import type { User } from './store.js';

/** What a challenge session lets its holder do next. */
export type SessionKind = 'select' | 'otp' | 'confirm' | 'signup' | 'webauthn' | 'srp';

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
  /** For 'srp': the client's A and the server's b and B (hex), and the SECRET_BLOCK sent. */
  srp?: { A: string; b: string; B: string; secretBlock: string };
  /** In a simulated session: the made-up user's sub (USER_ID_FOR_SRP), which answers may name. */
  phantomSub?: string;
}

interface Stored extends Omit<SessionData, 'username'> {
  usernameKey: string;
  expiresAt: number;
  used: boolean;
}

/** What the client holds, sealed (see sealed.ts): nothing in it is readable, every one the same length. */
interface Envelope {
  /** Session id. */
  i: string;
  k: SessionKind;
  /** Expiry, epoch milliseconds: an expired session is told apart from a forged one after it is forgotten. */
  x: number;
  /** 1 when simulated: then nothing is stored, and the fields below carry what the answer needs. */
  s: 0 | 1;
  u: string;
  c: string;
  a?: string[];
  w?: string;
  p?: string;
}

export interface OpenedSession extends Omit<SessionData, 'username'> {
  id: string;
  /** The keyed hash of the lowercased username it was issued for; see `usernameKey`. */
  usernameKey: string;
  simulated: boolean;
  /** In a simulated session answered with the username it was issued for: the made-up user (set by auth.ts). */
  phantom?: User;
}

/**
 * Challenge sessions. The string a client holds is a sealed envelope (id, kind, expiry), so an
 * expired session is recognised without keeping it and a simulated one (PreventUserExistenceErrors)
 * needs no stored state at all, yet both look alike from outside; real sessions' state lives here,
 * in memory only (a restart ends them, which is harmless for three-minute sessions).
 */
export class SessionStore {
  private readonly sealer = new Sealer('challenge-session', 'base64url');
  private readonly usernameSecret = randomBytes(32);
  private readonly sessions = new Map<string, Stored>();
  /** sub → the one OTP session whose code is still valid: a new code invalidates the old one. */
  private readonly latestOtp = new Map<string, string>();

  constructor(private readonly validityMs: number) {}

  /** A fixed-size stand-in for a username (case-insensitive, as usernames are), so sessions never carry one. */
  usernameKey(username: string): string {
    return createHmac('sha256', this.usernameSecret).update(username.toLowerCase()).digest('base64url');
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
    const { username, ...rest } = data;
    const usernameKey = this.usernameKey(username);
    const stored = !simulated && data.kind !== 'signup';
    if (stored) {
      this.sessions.set(id, { ...rest, usernameKey, expiresAt, used: false });
      if (data.kind === 'otp' && data.sub !== undefined) this.latestOtp.set(data.sub, id);
    }
    const envelope: Envelope = { i: id, k: data.kind, x: expiresAt, s: stored ? 0 : 1, u: usernameKey, c: data.clientId };
    if (!stored) {
      if (data.available !== undefined) envelope.a = data.available;
      if (data.challenge !== undefined) envelope.w = data.challenge;
      if (data.phantomSub !== undefined) envelope.p = data.phantomSub;
    }
    return this.sealer.seal(envelope);
  }

  /**
   * Opens a session string for `clientId`, throwing Cognito's NotAuthorizedException variants for
   * one that is garbage, expired or already used.
   */
  open(token: string, clientId: string): OpenedSession {
    const envelope = this.sealer.open(token) as Envelope | null;
    if (envelope === null) throw errors.sessionInvalid();
    if (envelope.x <= Date.now()) throw errors.sessionExpired();
    if (envelope.c !== clientId) throw errors.sessionInvalid();
    if (envelope.s === 1) {
      return {
        id: envelope.i,
        kind: envelope.k,
        usernameKey: envelope.u,
        clientId,
        simulated: true,
        ...(envelope.a !== undefined ? { available: envelope.a } : {}),
        ...(envelope.w !== undefined ? { challenge: envelope.w } : {}),
        ...(envelope.p !== undefined ? { phantomSub: envelope.p } : {}),
      };
    }
    const stored = this.sessions.get(envelope.i);
    if (stored === undefined || stored.clientId !== clientId) throw errors.sessionInvalid();
    if (stored.used) throw errors.sessionUsed();
    const { expiresAt: _, used: __, ...data } = stored;
    return { ...data, id: envelope.i, simulated: false };
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
