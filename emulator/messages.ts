import { errors } from './errors.js';
import { htmlToText, looksLikeHtml } from './mail.js';

export type TriggerSource =
  | 'CustomMessage_SignUp'
  | 'CustomMessage_ResendCode'
  | 'CustomMessage_Authentication'
  /** UpdateUserAttributes changed the email: the code goes to the new address. */
  | 'CustomMessage_UpdateUserAttribute'
  /** GetUserAttributeVerificationCode: a new code for the pending (or unverified) email. */
  | 'CustomMessage_VerifyUserAttribute';

/** Cognito's Custom Message trigger event, as the handler receives it. */
export interface CustomMessageEvent {
  version: '1';
  region: string;
  userPoolId: string;
  userName: string;
  triggerSource: TriggerSource;
  callerContext: { awsSdkVersion: string; clientId: string };
  request: {
    userAttributes: Record<string, string>;
    codeParameter: '{####}';
    linkParameter: '{##Click Here##}';
    usernameParameter: null;
    clientMetadata?: Record<string, string>;
  };
  response: { smsMessage: string | null; emailMessage: string | null; emailSubject: string | null };
}

/** Runs the pool's Custom Message trigger (in the trigger worker, see triggers/runner.ts). */
export type CustomMessageHandler = (event: CustomMessageEvent) => Promise<unknown>;

/** A rendered mail. */
export interface RenderedMessage {
  subject: string;
  text: string;
  html?: string;
}

/** The pool's default templates (Cognito's own defaults for the verification mail). */
const DEFAULTS: Record<TriggerSource, { subject: string; message: string }> = {
  CustomMessage_SignUp: { subject: 'Your verification code', message: 'Your verification code is {####}.' },
  CustomMessage_ResendCode: { subject: 'Your verification code', message: 'Your verification code is {####}.' },
  CustomMessage_Authentication: { subject: 'Your sign-in code', message: 'Your sign-in code is {####}.' },
  CustomMessage_UpdateUserAttribute: { subject: 'Your verification code', message: 'Your verification code is {####}.' },
  CustomMessage_VerifyUserAttribute: { subject: 'Your verification code', message: 'Your verification code is {####}.' },
};

export interface RenderContext {
  triggerSource: TriggerSource;
  code: string;
  region: string;
  userPoolId: string;
  clientId: string;
  sub: string;
  userAttributes: Record<string, string>;
  clientMetadata?: Record<string, string>;
  warn: (line: string) => void;
}

/**
 * Renders one mail, through the custom handler when there is one. A handler that throws or times
 * out (the trigger runner's 5 seconds) fails the operation with UserLambdaValidationException, as
 * Cognito does, before anything is stored or sent. [U] A handler that returns no message, or one without `{####}`, gets the default
 * template: Cognito refuses to send a code mail that does not contain the code.
 */
export async function renderMessage(handler: CustomMessageHandler | undefined, ctx: RenderContext): Promise<RenderedMessage> {
  const defaults = DEFAULTS[ctx.triggerSource];
  let subject = defaults.subject;
  let message = defaults.message;
  if (handler !== undefined) {
    const event: CustomMessageEvent = {
      version: '1',
      region: ctx.region,
      userPoolId: ctx.userPoolId,
      userName: ctx.sub,
      triggerSource: ctx.triggerSource,
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: ctx.clientId },
      request: {
        userAttributes: { ...ctx.userAttributes },
        codeParameter: '{####}',
        linkParameter: '{##Click Here##}',
        usernameParameter: null,
        ...(ctx.clientMetadata ? { clientMetadata: { ...ctx.clientMetadata } } : {}),
      },
      response: { smsMessage: null, emailMessage: null, emailSubject: null },
    };
    let result: unknown;
    try {
      result = await handler(event);
    } catch (error) {
      throw errors.triggerFailed('CustomMessage', error instanceof Error ? error.message : String(error));
    }
    const returned = (typeof result === 'object' && result !== null ? result : event) as Partial<CustomMessageEvent>;
    const response = returned.response ?? event.response;
    if (typeof response.emailMessage === 'string' && response.emailMessage.includes('{####}')) {
      message = response.emailMessage;
      if (typeof response.emailSubject === 'string' && response.emailSubject !== '') subject = response.emailSubject;
    } else if (response.emailMessage != null) {
      ctx.warn(`custom message handler returned an emailMessage without {####}; using the default message`);
    }
  }
  const body = message.split('{####}').join(ctx.code);
  subject = subject.split('{####}').join(ctx.code);
  if (looksLikeHtml(body)) return { subject, text: htmlToText(body), html: body };
  return { subject, text: body };
}
