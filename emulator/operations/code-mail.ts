/**
 * Sending a code by mail: the per-user send limit, the Custom Message trigger, the outbox, and the
 * masked delivery details Cognito answers with. Callers keep the order check limit → render →
 * record → save → deliver, so a refused or failed render sends and stores nothing.
 */
import { errors } from '../errors.js';
import { renderMessage, type RenderedMessage, type TriggerSource } from '../messages.js';
import type { User } from '../store.js';
import type { PoolDeps } from './context.js';

/** Cognito's masking: first character of each part, no TLD: `a***@e***`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return `${email.charAt(0)}***`;
  return `${email.charAt(0)}***@${email.charAt(at + 1)}***`;
}

/** `CodeDeliveryDetails` of SignUp and ResendConfirmationCode. */
export function deliveryDetails(email: string) {
  return { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: maskEmail(email) };
}

/** Throws LimitExceededException when `user` has had its quota of codes in the window. */
export function checkSendLimit(d: PoolDeps, user: User, now: number): void {
  const limit = d.config.codeSendLimit;
  if (limit === null) return;
  const since = now - limit.windowSeconds * 1000;
  const recent = user.codeSends.filter((t) => t > since);
  if (recent.length >= limit.max) throw errors.limitExceeded();
}

/** Counts a send; sends outside the window are dropped so the list stays short. */
export function recordSend(d: PoolDeps, user: User, now: number): void {
  const limit = d.config.codeSendLimit;
  const since = limit === null ? now : now - limit.windowSeconds * 1000;
  user.codeSends = [...user.codeSends.filter((t) => t > since), now];
}

/** The mail for `code`, written by the pool's Custom Message trigger when it has one. */
export function renderCodeMail(
  d: PoolDeps,
  trigger: TriggerSource,
  user: User,
  code: string,
  clientMetadata?: Record<string, string>,
): Promise<RenderedMessage> {
  return renderMessage(d.customMessage, {
    triggerSource: trigger,
    code,
    region: d.config.region,
    userPoolId: d.config.userPoolId,
    clientId: d.config.clientId,
    sub: user.sub,
    userAttributes: { ...user.attributes, 'cognito:user_status': user.status },
    ...(clientMetadata ? { clientMetadata } : {}),
    warn: d.log,
  });
}

/**
 * Puts the mail in the outbox (nothing leaves the machine) and logs the code for the developer. It
 * goes to the user's email unless `to` names another address (a changed email being verified).
 */
export function deliver(
  d: PoolDeps,
  user: User,
  kind: 'sign-up' | 'sign-in' | 'verify-email',
  code: string,
  rendered: RenderedMessage,
  to: string = user.attributes.email ?? user.username,
): void {
  d.outbox.add({ to, ...rendered, code, kind, sentAt: new Date().toISOString() });
  d.log(`mail to ${to}: ${kind} code ${code}`);
}
