// Cognito Custom Message trigger: writes the code emails in the user's language (sign-up, sign-in,
// and the code that confirms a changed email), and tells the address in force when someone asks to
// change it.
//
// Cognito calls it before sending a code. For the triggers below it replaces the email subject and
// body; every other trigger (AdminCreateUser invitations, ForgotPassword…) goes back untouched, so
// Cognito's own templates apply. The notice to the old address is the one mail Cognito does not send:
// the trigger sends it itself through Amazon SES (see notice.ts). The CDK app bundles this folder
// into one CommonJS file that ships inline in the CloudFormation template (the AWS SDK, which the
// notice uses, comes with the Lambda runtime), and the local emulator imports this module directly.
import { LANGUAGES, MESSAGES, RTL_LANGUAGES, type Language } from './messages.js';
import { noticeSender, sendNotice } from './notice.js';

export { LANGUAGES, type Language } from './messages.js';

/** Which email: confirming a new account, signing in, or confirming a changed email address. */
export type EmailKind = 'signUp' | 'signIn' | 'changeEmail';

/** The triggers this handler writes, and the email each one sends. */
export const KIND_BY_TRIGGER: Readonly<Record<string, EmailKind>> = {
  CustomMessage_SignUp: 'signUp',
  CustomMessage_ResendCode: 'signUp',
  CustomMessage_Authentication: 'signIn',
  // UpdateUserAttributes changed the email; GetUserAttributeVerificationCode asked for a new code.
  // Both codes go to the new address.
  CustomMessage_UpdateUserAttribute: 'changeEmail',
  CustomMessage_VerifyUserAttribute: 'changeEmail',
};

/** The part of Cognito's Custom Message event this handler reads and writes (hand-written so the
 * module needs no `@types/aws-lambda`). */
export interface CustomMessageTriggerEvent {
  version?: string;
  triggerSource: string;
  region?: string;
  userPoolId?: string;
  userName?: string;
  callerContext?: { awsSdkVersion?: string; clientId?: string };
  request: {
    userAttributes?: Record<string, string | undefined>;
    /** `{####}`: Cognito puts the code there after the trigger returns. */
    codeParameter?: string | null;
    usernameParameter?: string | null;
    linkParameter?: string | null;
    clientMetadata?: Record<string, string> | null;
  };
  response: {
    smsMessage?: string | null;
    emailMessage?: string | null;
    emailSubject?: string | null;
  };
}

export interface RenderOptions {
  /** The site's name, shown in the subject and the sentence above the code. */
  appName?: string | undefined;
}

export interface RenderedEmail {
  /** The language used, after fallback. */
  language: Language;
  dir: 'ltr' | 'rtl';
  subject: string;
  /** The body Cognito sends (Custom Message has one email body field: this one). */
  html: string;
  /** The same message as plain text, for previews, logs and the emulator's outbox. */
  text: string;
}

/** Cognito's placeholder for the code. */
export const CODE_PLACEHOLDER = '{####}';

const LANGUAGE_SET: ReadonlySet<string> = new Set(LANGUAGES);
/** Retired or alternative codes that browsers and old systems still send. */
const ALIASES: Readonly<Record<string, Language>> = { iw: 'he', zho: 'zh', jpn: 'ja' };

/**
 * Picks the email language from a BCP 47 tag (`de`, `pt-BR`, `zh-Hans`, also `pt_BR` or a list like
 * `fr-CA,fr;q=0.9`): the base language when it is one of ours, else English.
 */
export function resolveLanguage(locale: string | null | undefined): Language {
  if (!locale) return 'en';
  for (const entry of locale.split(',')) {
    const tag = entry.split(';')[0]!.trim().replace(/_/g, '-').toLowerCase();
    const base = tag.split('-')[0]!;
    if (LANGUAGE_SET.has(base)) return base as Language;
    const alias = ALIASES[base];
    if (alias) return alias;
  }
  return 'en';
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Stands in for the app name inside a sentence until the sentence has been escaped. */
const APP_MARK = '\uE000';

function cleanAppName(appName: string | undefined): string | undefined {
  // A subject line is a mail header: no control characters, no line breaks.
  const name = appName?.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return name ? name : undefined;
}

/** A sentence with the app name as HTML: the name is escaped and isolated (`<bdi>`) so that a
 * left-to-right name inside right-to-left text keeps its order. */
function sentenceHtml(sentence: (app?: string) => string, app: string | undefined): string {
  if (!app) return escapeHtml(sentence());
  return escapeHtml(sentence(APP_MARK)).replace(APP_MARK, `<bdi>${escapeHtml(app)}</bdi>`);
}

const FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Helvetica Neue',Arial,'Noto Sans',sans-serif";
const MONO = "font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,'Liberation Mono','Courier New',monospace";

function cellStyle(dir: 'ltr' | 'rtl'): string {
  return `${FONT};font-size:16px;line-height:1.5;color:#1f2937;text-align:${dir === 'rtl' ? 'right' : 'left'}`;
}

/** The HTML document every email shares: a centred card with a heading and then `rows` (`<tr>`s). */
function documentHtml(language: Language, dir: 'ltr' | 'rtl', subject: string, rows: string[], heading: string): string {
  const cell = cellStyle(dir);
  return `<!DOCTYPE html>
<html lang="${language}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f4f6">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;background-color:#f3f4f6">
<tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" dir="${dir}" style="max-width:480px;border-collapse:separate;background-color:#ffffff;border:1px solid #e5e7eb;border-radius:8px">
<tr><td style="padding:32px 24px 8px;${cell}"><h1 style="margin:0;${FONT};font-size:22px;line-height:1.3;font-weight:700;color:#111827">${escapeHtml(heading)}</h1></td></tr>
${rows.join('\n')}
</table>
</td></tr>
</table>
</body>
</html>
`;
}

/**
 * Renders one code email. `code` is what Cognito gave the trigger (`{####}`, replaced by Cognito
 * afterwards); it appears exactly once in the HTML and once in the text.
 */
export function renderEmail(
  kind: EmailKind,
  locale: string | null | undefined,
  code: string = CODE_PLACEHOLDER,
  options: RenderOptions = {},
): RenderedEmail {
  const language = resolveLanguage(locale);
  const dir = RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
  const messages = MESSAGES[language];
  const m = messages[kind];
  const app = cleanAppName(options.appName);
  const subject = m.subject(app);

  const cell = cellStyle(dir);
  const html = documentHtml(language, dir, subject, [
    `<tr><td style="padding:8px 24px;${cell}">${sentenceHtml(m.intro, app)}</td></tr>`,
    `<tr><td align="center" style="padding:16px 24px"><div dir="ltr" style="display:inline-block;padding:16px 12px 16px 20px;background-color:#f3f4f6;border:1px solid #d1d5db;border-radius:6px;${MONO};font-size:32px;line-height:1.2;font-weight:700;letter-spacing:0.25em;color:#111827;-webkit-user-select:all;user-select:all">${escapeHtml(code)}</div></td></tr>`,
    `<tr><td style="padding:8px 24px;${cell}">${escapeHtml(m.expiry)} ${escapeHtml(messages.doNotShare)}</td></tr>`,
    `<tr><td style="padding:8px 24px 32px;${cell};font-size:14px;color:#4b5563">${escapeHtml(m.ignore)}</td></tr>`,
  ], m.heading);

  const text = `${m.heading}

${m.intro(app)}

${code}

${m.expiry} ${messages.doNotShare}

${m.ignore}
`;

  return { language, dir, subject, html, text };
}

/**
 * Renders the notice to the address in force that someone asked to change it. It carries no code
 * and does not name the new address: the trigger is not told it (see notice.ts).
 */
export function renderNotice(locale: string | null | undefined, options: RenderOptions = {}): RenderedEmail {
  const language = resolveLanguage(locale);
  const dir = RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
  const m = MESSAGES[language].changeNotice;
  const app = cleanAppName(options.appName);
  const subject = m.subject(app);
  const cell = cellStyle(dir);
  const html = documentHtml(language, dir, subject, [
    `<tr><td style="padding:8px 24px;${cell}">${sentenceHtml(m.intro, app)}</td></tr>`,
    `<tr><td style="padding:8px 24px 32px;${cell};font-weight:700">${escapeHtml(m.ifNotYou)}</td></tr>`,
  ], m.heading);
  const text = `${m.heading}

${m.intro(app)}

${m.ifNotYou}
`;
  return { language, dir, subject, html, text };
}

/**
 * The Lambda entry point. The language comes from the user's standard `locale` attribute (the
 * element sets it at sign-up and keeps it in step), else from a `locale` in the call's client
 * metadata, else English. `APP_NAME` in the environment names the site.
 *
 * When the email is being changed (CustomMessage_UpdateUserAttribute) it also sends the notice to
 * the address in force before answering. If that send fails, the trigger fails, and Cognito refuses
 * the change (UserLambdaValidationException) before storing or sending anything: nobody can move an
 * account to a new address without its owner being told.
 */
export const handler = async (event: CustomMessageTriggerEvent): Promise<CustomMessageTriggerEvent> => {
  const kind = KIND_BY_TRIGGER[event.triggerSource];
  if (!kind) return event;
  const attributes = event.request.userAttributes ?? {};
  const locale = attributes.locale || event.request.clientMetadata?.locale;
  const appName = process.env.APP_NAME;
  if (event.triggerSource === 'CustomMessage_UpdateUserAttribute') {
    const sender = noticeSender(process.env);
    // With the original kept active (the pool's AttributesRequireVerificationBeforeUpdate), the
    // event shows the address in force, verified: that is whom to tell. An unverified address is
    // the new one itself (a pool that switches at once), and the old one is not known here.
    const current = attributes.email_verified === 'true' ? attributes.email : undefined;
    if (!sender) console.warn('email change notice not sent: no SES sender configured (SES_FROM)');
    else if (!current) console.warn('email change notice not sent: the event shows no verified address in force');
    else await sendNotice(sender, current, renderNotice(locale, { appName }));
  }
  const email = renderEmail(kind, locale, event.request.codeParameter || CODE_PLACEHOLDER, { appName });
  return {
    ...event,
    response: { ...event.response, emailSubject: email.subject, emailMessage: email.html },
  };
};
