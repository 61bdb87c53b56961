/**
 * Amazon SES v2 `SendEmail` (`POST /v2/email/outbound-emails`), for the pool's Lambda triggers: a
 * trigger that mails someone itself (the Custom Message trigger's notice to the old address of an
 * email change) uses the AWS SDK's SESv2 client, which `AWS_ENDPOINT_URL_SESV2` points here. The mail
 * lands in the outbox like Cognito's own, so tests exercise the real handler code. Simple content
 * only; the signature is not checked (nothing leaves the machine).
 */
import { randomUUID } from 'node:crypto';
import { htmlToText } from './mail.js';
import type { OutboxMessage } from './mail.js';

/** SES v2's path for SendEmail (REST-JSON). */
export const SES_SEND_EMAIL_PATH = '/v2/email/outbound-emails';

/** An SES v2 error: REST-JSON, the type in `x-amzn-errortype`, `{ message }` in the body. */
export class SesError extends Error {
  constructor(
    readonly type: 'BadRequestException',
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const bad = (message: string) => new SesError('BadRequestException', message);

function record(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad(`${where} must be an object.`);
  return value as Record<string, unknown>;
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string' || value === '') throw bad(`${where} is required.`);
  return value;
}

/**
 * The outbox message for one SendEmail body (already parsed JSON), or a BadRequestException. [U] The
 * messages are the emulator's own; SES's exact texts are not recorded here.
 */
export function sesMessage(body: unknown): { message: Omit<OutboxMessage, 'to'>; to: string[]; messageId: string } {
  const input = record(body, 'The request body');
  const from = text(input.FromEmailAddress, 'FromEmailAddress');
  const destination = record(input.Destination, 'Destination');
  const to = destination.ToAddresses;
  if (!Array.isArray(to) || to.length === 0 || !to.every((a) => typeof a === 'string' && a.includes('@')))
    throw bad('Destination.ToAddresses must list at least one address.');
  const content = record(input.Content, 'Content');
  if (content.Simple === undefined) throw bad('Only Content.Simple is supported by the emulator.');
  const simple = record(content.Simple, 'Content.Simple');
  const subject = text(record(simple.Subject, 'Content.Simple.Subject').Data, 'Content.Simple.Subject.Data');
  const bodyPart = record(simple.Body, 'Content.Simple.Body');
  const html = bodyPart.Html === undefined ? undefined : text(record(bodyPart.Html, 'Body.Html').Data, 'Body.Html.Data');
  const plain = bodyPart.Text === undefined ? undefined : text(record(bodyPart.Text, 'Body.Text').Data, 'Body.Text.Data');
  if (html === undefined && plain === undefined) throw bad('Content.Simple.Body needs Text or Html.');
  return {
    to: to as string[],
    messageId: `${randomUUID()}-000000`,
    message: {
      from,
      subject,
      text: plain ?? htmlToText(html!),
      ...(html !== undefined ? { html } : {}),
      code: '',
      kind: 'notice',
      sentAt: new Date().toISOString(),
    },
  };
}
