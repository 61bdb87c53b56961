// Shared helpers for <passwordless-account>'s browser tests: a signed-in user (through the sign-in
// element, as on a real site), the account element beside it, and waiting on its custom states.
import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { EmulatorInfo } from 'virtual:emulator';
import '../../src/register-account.js';
import type { PasswordlessAccount } from '../../src/passwordless-account.js';
import type { PasswordlessLogin } from '../../src/passwordless-login.js';
import { codeToSignedIn, createLogin, emailToCode, mustPart, nthMail, typeValue, uniqueEmail } from './element-helpers.js';

export type AccountStatus = 'loading' | 'signed-in' | 'signed-out';

/** Signs a new user up and in through `<passwordless-login>`; returns the element and the address. */
export async function signedInUser(pool: EmulatorInfo, email = uniqueEmail('account')): Promise<{ login: PasswordlessLogin; email: string }> {
  const login = await createLogin(pool);
  await emailToCode(login, email);
  await codeToSignedIn(login, (await nthMail(pool, email)).code);
  return { login, email };
}

export async function createAccount(pool: EmulatorInfo, attrs: Record<string, string> = {}, children = ''): Promise<PasswordlessAccount> {
  const el = document.createElement('passwordless-account');
  el.setAttribute('user-pool-id', pool.userPoolId);
  el.setAttribute('client-id', pool.clientId);
  el.setAttribute('endpoint', pool.endpoint);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.innerHTML = children;
  const parent = await fixture(html`<div></div>`);
  parent.append(el);
  await el.updateComplete;
  return el;
}

export function statusOf(el: HTMLElement): AccountStatus | 'none' {
  for (const s of ['loading', 'signed-in', 'signed-out'] as const) if (el.matches(`:state(${s})`)) return s;
  return 'none';
}

/** Waits until the element rests in `status`, not busy. */
export async function waitForStatus(el: PasswordlessAccount, status: AccountStatus): Promise<void> {
  await waitUntil(() => statusOf(el) === status && !el.matches(':state(busy)'), `account ${status}`, { timeout: 15000 });
  await el.updateComplete;
}

export async function waitIdle(el: PasswordlessAccount): Promise<void> {
  await waitUntil(() => !el.matches(':state(busy)'), 'account idle', { timeout: 15000 });
  await el.updateComplete;
}

/** "Change email", the new address, "Send code": resolves once the code step shows. */
export async function askForNewEmail(el: PasswordlessAccount, email: string): Promise<void> {
  mustPart<HTMLButtonElement>(el, 'change-email-button').click();
  await el.updateComplete;
  typeValue(mustPart<HTMLInputElement>(el, 'new-email-input'), email);
  mustPart<HTMLButtonElement>(el, 'submit-button').click();
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="code-input"]') !== null || !el.matches(':state(busy)'), 'code step', {
    timeout: 15000,
  });
  await waitIdle(el);
}

/** Types the code (submitted when complete) and waits for `email-changed`. */
export async function enterEmailCode(el: PasswordlessAccount, code: string): Promise<string> {
  const changed = oneEvent(el, 'email-changed');
  typeValue(mustPart<HTMLInputElement>(el, 'code-input'), code);
  const event = await changed;
  await waitIdle(el);
  return event.detail.email;
}
