/** A message the emulator would have emailed. */
export interface OutboxMessage {
  to: string;
  subject: string;
  /** Plain text (derived from the HTML when a custom message handler returned HTML). */
  text: string;
  /** Present when the message body looks like HTML. */
  html?: string;
  /** The code the mail carries; empty for a notice (`kind: 'notice'`), which carries none. */
  code: string;
  /**
   * `sign-up` and `sign-in` codes; `verify-email`, the code that confirms a changed email (sent to
   * the new address); `notice`, a mail a Lambda trigger sent itself through Amazon SES (SendEmail).
   */
  kind: 'sign-up' | 'sign-in' | 'verify-email' | 'notice';
  /** The sender, for mails sent through SES; Cognito's own mails name none. */
  from?: string;
  /** ISO 8601. */
  sentAt: string;
}

/** Nothing leaves the machine: messages are kept here and read over `/_emulator/messages`. */
export class Outbox {
  private messages: OutboxMessage[] = [];

  add(message: OutboxMessage): void {
    this.messages.push(message);
  }

  /** Oldest first; `to` matches case-insensitively. */
  list(to?: string): OutboxMessage[] {
    if (to === undefined) return [...this.messages];
    const wanted = to.toLowerCase();
    return this.messages.filter((m) => m.to.toLowerCase() === wanted);
  }

  clear(): void {
    this.messages = [];
  }
}

const HTML_HINT = /<\s*(html|body|p|div|br|table|a|span|strong|b|h[1-6])\b[^>]*>/i;

export function looksLikeHtml(body: string): boolean {
  return HTML_HINT.test(body);
}

/** A readable plain-text version of an HTML mail body. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|tr|table)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
