// Shared helpers for the element's browser tests: fixtures pointed at an emulator, its outbox and
// request log, and a clean Amplify between tests (aws-amplify is one singleton per page).
import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { signOut } from 'aws-amplify/auth';
import type { EmulatorInfo } from 'virtual:emulator';
import '../../src/register.js';
import type { PasswordlessLogin } from '../../src/passwordless-login.js';

// The emulator's own shapes for its outbox and request log (types only: nothing of it is bundled).
import type { OutboxMessage as Mail, RequestRecord } from '../../emulator/index.js';

export type { Mail, RequestRecord };

export const uniqueEmail = (tag = 'user') => `${tag}-${crypto.randomUUID()}@example.com`;

export async function mailsTo(pool: EmulatorInfo, email: string): Promise<Mail[]> {
  const response = await fetch(`${pool.endpoint}/_emulator/messages?to=${encodeURIComponent(email)}`);
  if (!response.ok) throw new Error(`outbox answered ${response.status}`);
  return (await response.json()) as Mail[];
}

/** Waits for the `count`-th mail to an address and returns it. */
export async function nthMail(pool: EmulatorInfo, email: string, count = 1): Promise<Mail> {
  let mails: Mail[] = [];
  await waitUntil(async () => (mails = await mailsTo(pool, email)).length >= count, `mail #${count} to ${email}`, {
    timeout: 10000,
    interval: 50,
  });
  return mails[count - 1]!;
}

export async function requests(pool: EmulatorInfo): Promise<RequestRecord[]> {
  return (await (await fetch(`${pool.endpoint}/_emulator/requests`)).json()) as RequestRecord[];
}

export async function clearRequests(pool: EmulatorInfo): Promise<void> {
  await fetch(`${pool.endpoint}/_emulator/requests`, { method: 'DELETE' });
}

/**
 * The Cognito operations the page made since the last clear, in order (not the admin calls the
 * pool's own Lambda triggers make while they run).
 */
export async function operations(pool: EmulatorInfo): Promise<string[]> {
  return (await requests(pool)).filter((r) => !r.trigger).map((r) => r.operation);
}

/**
 * Calls the pool's API directly, as an attacker (or any script) would: one JSON request, no
 * aws-amplify. Resolves to the HTTP status and the parsed answer.
 */
export async function callCognito(
  pool: EmulatorInfo,
  operation: string,
  body: Record<string, unknown>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(pool.endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify({ ClientId: pool.clientId, ...body }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Signs out whoever is signed in and empties Web Storage: each test starts from a fresh visitor. */
export async function freshPage(): Promise<void> {
  for (const el of Array.from(document.querySelectorAll('passwordless-login'))) el.remove();
  try {
    await signOut();
  } catch {
    // Not configured yet, or nobody signed in.
  }
  localStorage.clear();
  sessionStorage.clear();
}

export async function createLogin(
  pool: EmulatorInfo,
  attrs: Record<string, string> = {},
  tag = 'passwordless-login',
): Promise<PasswordlessLogin> {
  const el = document.createElement(tag) as PasswordlessLogin;
  el.setAttribute('user-pool-id', pool.userPoolId);
  el.setAttribute('client-id', pool.clientId);
  el.setAttribute('endpoint', pool.endpoint);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  const parent = await fixture(html`<div></div>`);
  parent.append(el);
  await el.updateComplete;
  return el;
}

export const part = <T extends HTMLElement = HTMLElement>(el: HTMLElement, name: string): T | null =>
  el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);

export function mustPart<T extends HTMLElement = HTMLElement>(el: HTMLElement, name: string): T {
  const found = part<T>(el, name);
  if (!found) throw new Error(`no part ${name} in step ${stepOf(el)}`);
  return found;
}

export function stepOf(el: HTMLElement): string {
  for (const step of ['email', 'code', 'signed-in']) if (el.matches(`:state(${step})`)) return step;
  return 'none';
}

export async function waitForStep(el: PasswordlessLogin, step: 'email' | 'code' | 'signed-in'): Promise<void> {
  await waitUntil(() => stepOf(el) === step && !el.matches(':state(busy)'), `step ${step}`, { timeout: 15000 });
  await el.updateComplete;
}

export const errorText = (el: HTMLElement) => part(el, 'error')?.textContent?.trim() ?? '';

/** Types into a field the way a program would (value + input event), then submits its form. */
export function typeValue(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
}

export async function submitEmail(el: PasswordlessLogin, email: string): Promise<void> {
  typeValue(mustPart<HTMLInputElement>(el, 'email-input'), email);
  mustPart<HTMLButtonElement>(el, 'submit-button').click();
}

/** Submits an email and waits for the code step; returns the `code-sent` detail. */
export async function emailToCode(el: PasswordlessLogin, email: string) {
  const sent = oneEvent(el, 'code-sent');
  await submitEmail(el, email);
  const event = await sent;
  await waitForStep(el, 'code');
  return event.detail;
}

/** Enters a code (auto-submitted when complete) and waits for `signed-in`. */
export async function codeToSignedIn(el: PasswordlessLogin, code: string) {
  const signedIn = oneEvent(el, 'signed-in');
  typeValue(mustPart<HTMLInputElement>(el, 'code-input'), code);
  const event = await signedIn;
  await waitForStep(el, 'signed-in');
  return event.detail;
}

/** Creates an account that has signed in once, then signs it out: a returning user. */
export async function makeReturningUser(pool: EmulatorInfo, email = uniqueEmail('returning')): Promise<string> {
  const el = await createLogin(pool);
  await emailToCode(el, email);
  await codeToSignedIn(el, (await nthMail(pool, email)).code);
  await el.signOut();
  el.remove();
  await fetch(`${pool.endpoint}/_emulator/messages`, { method: 'DELETE' });
  return email;
}

/** Decodes a JWT's payload (no verification: the test only reads claims). */
export function claims(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(atob(payload)) as Record<string, unknown>;
}
