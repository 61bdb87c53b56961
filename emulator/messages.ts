import { resolve, extname } from 'node:path';
import { pathToFileURL } from 'node:url';
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

export type CustomMessageHandler = (event: CustomMessageEvent, context: object) => unknown;

/** A rendered mail. */
export interface RenderedMessage {
  subject: string;
  text: string;
  html?: string;
}

/** Lambda triggers get 5 seconds from Cognito before it gives up on them. */
const TRIGGER_TIMEOUT_MS = 5000;

/** The pool's default templates (Cognito's own defaults for the verification mail). */
const DEFAULTS: Record<TriggerSource, { subject: string; message: string }> = {
  CustomMessage_SignUp: { subject: 'Your verification code', message: 'Your verification code is {####}.' },
  CustomMessage_ResendCode: { subject: 'Your verification code', message: 'Your verification code is {####}.' },
  CustomMessage_Authentication: { subject: 'Your sign-in code', message: 'Your sign-in code is {####}.' },
  CustomMessage_UpdateUserAttribute: { subject: 'Your verification code', message: 'Your verification code is {####}.' },
  CustomMessage_VerifyUserAttribute: { subject: 'Your verification code', message: 'Your verification code is {####}.' },
};

/**
 * Loads a Custom Message trigger module: `handler` as a named export, or a default export that is
 * the handler or has one. TypeScript files are loaded through tsx, which must then be installed.
 */
export async function loadCustomMessage(path: string): Promise<CustomMessageHandler> {
  const url = pathToFileURL(resolve(path)).href;
  let mod: Record<string, unknown>;
  try {
    if (['.ts', '.mts', '.cts'].includes(extname(path))) {
      let tsImport: (specifier: string, parent: string) => Promise<unknown>;
      try {
        ({ tsImport } = (await import('tsx/esm/api')) as { tsImport: typeof tsImport });
      } catch {
        throw new Error('loading a TypeScript module needs the "tsx" package; install it or pass a .js file');
      }
      mod = (await tsImport(url, import.meta.url)) as Record<string, unknown>;
    } else {
      mod = (await import(url)) as Record<string, unknown>;
    }
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot load the custom message module ${path}: ${why}`);
  }
  const fallback = mod.default as Record<string, unknown> | ((...args: unknown[]) => unknown) | undefined;
  const handler =
    mod.handler ?? (typeof fallback === 'function' ? fallback : (fallback as Record<string, unknown> | undefined)?.handler);
  if (typeof handler !== 'function')
    throw new Error(`The custom message module ${path} exports no "handler" function`);
  return handler as CustomMessageHandler;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Task timed out after ${(ms / 1000).toFixed(2)} seconds`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

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
 * out fails the operation with UserLambdaValidationException, as Cognito does, before anything is
 * stored or sent. [U] A handler that returns no message, or one without `{####}`, gets the default
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
      result = await withTimeout(Promise.resolve().then(() => handler(event, {})), TRIGGER_TIMEOUT_MS);
    } catch (error) {
      throw errors.lambdaFailed(error instanceof Error ? error.message : String(error));
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
