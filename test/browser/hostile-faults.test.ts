// Faults: 20 sign-ins through the element against the `faulty` emulator with 30% injected faults
// (500, 503, throttling, dropped connections) and 500 ms latency on every Cognito call, with a fixed
// seed. Each sign-in must end signed in, or on a clear, retryable message that a retry (bounded)
// gets past; the busy state always clears; the email is never lost; one click never mails two codes.
import { expect, waitUntil } from '@open-wc/testing';
import { faulty } from 'virtual:emulator';
import type { PasswordlessLogin } from '../../src/passwordless-login.js';
import {
  createLogin,
  errorText,
  freshPage,
  mailsTo,
  makeReturningUser,
  mustPart,
  stepOf,
  typeValue,
  uniqueEmail,
} from './element-helpers.js';

const SIGN_INS = 20;
const RETURNING = 6;
const MAX_CLICKS_PER_STEP = 8;
/** Amplify retries 5xx, throttling and network errors with backoff; a click must settle within this. */
const BUSY_BOUND_MS = 30_000;
/** Messages that tell the user to try again, and that a retry can get past. */
const RETRYABLE = new Set(['network', 'service', 'too-many-attempts', 'session-expired', 'code-expired']);

const FAULTS = {
  seed: 20261125,
  internalError: 0.08,
  unavailable: 0.08,
  throttle: 0.07,
  drop: 0.07,
  latencyMs: 500,
};

async function setFaults(body: object | null): Promise<void> {
  const response = await fetch(`${faulty.endpoint}/_emulator/faults`, {
    method: body ? 'PUT' : 'DELETE',
    headers: { 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  expect(response.ok, `faults ${response.status}`).to.equal(true);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the element is not busy, failing if the spinner does not stop within the bound. */
async function settled(el: PasswordlessLogin, what: string): Promise<void> {
  await sleep(20);
  await waitUntil(() => !el.matches(':state(busy)'), `busy clears after ${what}`, {
    timeout: BUSY_BOUND_MS,
    interval: 50,
  });
  await el.updateComplete;
}

interface Outcome {
  email: string;
  clicks: number;
  errors: string[];
}

/** One sign-in through the element; returns how many actions it took and which errors it met. */
async function signIn(email: string, log: string[]): Promise<Outcome> {
  const el = await createLogin(faulty, { 'token-storage': 'memory' });
  const errors: string[] = [];
  let clicks = 0;
  const lastError = () => {
    const code = el.matches(':state(busy)') ? '' : (el as unknown as { lastErrorCode?: string }).lastErrorCode;
    return code ?? '';
  };
  el.addEventListener('login-error', (e) => {
    (el as unknown as { lastErrorCode?: string }).lastErrorCode = e.detail.code;
    errors.push(e.detail.code);
  });
  el.addEventListener('code-sent', () => {
    (el as unknown as { lastErrorCode?: string }).lastErrorCode = '';
  });

  /** Runs one user action and checks: settles, at most one new mail, a clear message if it failed. */
  const act = async (what: string, action: () => void) => {
    clicks++;
    (el as unknown as { lastErrorCode?: string }).lastErrorCode = '';
    const before = (await mailsTo(faulty, email)).length;
    action();
    await settled(el, what);
    const after = (await mailsTo(faulty, email)).length;
    expect(after - before, `${email}: one ${what} mails at most one code`).to.be.at.most(1);
    const code = lastError();
    if (code) {
      expect(RETRYABLE.has(code), `${email}: "${code}" after ${what} is retryable`).to.equal(true);
      expect(errorText(el), 'the message is shown').to.not.equal('');
    }
    return code;
  };

  // Email step: submit until the code step (or signed in), keeping the address throughout.
  let emailClicks = 0;
  while (stepOf(el) === 'email') {
    expect(++emailClicks, `${email}: email step within ${MAX_CLICKS_PER_STEP} clicks`).to.be.at.most(MAX_CLICKS_PER_STEP);
    const input = mustPart<HTMLInputElement>(el, 'email-input');
    if (input.value !== email) typeValue(input, email);
    await act('Continue', () => mustPart<HTMLButtonElement>(el, 'submit-button').click());
    if (stepOf(el) === 'email') {
      expect(mustPart<HTMLInputElement>(el, 'email-input').value, 'the email is kept').to.equal(email);
    }
  }

  // Code step: enter the newest code; after an expired session, ask for a new one.
  let codeActions = 0;
  while (stepOf(el) === 'code') {
    expect(++codeActions, `${email}: code step within ${MAX_CLICKS_PER_STEP} actions`).to.be.at.most(MAX_CLICKS_PER_STEP);
    const error = lastError();
    if (error === 'session-expired' || error === 'code-expired') {
      await act('Send a new code', () => mustPart<HTMLButtonElement>(el, 'resend-button').click());
      continue;
    }
    const mails = await mailsTo(faulty, email);
    expect(mails.length, `${email}: a code arrived`).to.be.at.least(1);
    const code = mails.at(-1)!.code;
    await act('the code', () => typeValue(mustPart<HTMLInputElement>(el, 'code-input'), code));
  }
  expect(stepOf(el), `${email}: signed in (errors: ${errors.join(', ')})`).to.equal('signed-in');
  log.push(`${email}: ${clicks} actions${errors.length ? `, errors ${errors.join(', ')}` : ''}`);
  await el.signOut().catch(() => {});
  el.remove();
  return { email, clicks, errors };
}

describe('<passwordless-login> under injected faults', () => {
  beforeEach(freshPage);
  afterEach(async () => {
    await fetch(`${faulty.endpoint}/_emulator/faults`, { method: 'DELETE' });
    await freshPage();
  });

  it(`${SIGN_INS} sign-ins with 30% faults and 500 ms latency end signed in`, async function () {
    this.timeout(170_000);
    const returning: string[] = [];
    for (let i = 0; i < RETURNING; i++) returning.push(await makeReturningUser(faulty, uniqueEmail('faulty-back')));
    await freshPage();
    await setFaults(FAULTS);

    const log: string[] = [];
    const outcomes: Outcome[] = [];
    for (let i = 0; i < SIGN_INS; i++) {
      // Returning users spread among new ones.
      const email = i % 3 === 1 && returning.length ? returning.shift()! : uniqueEmail('faulty-new');
      outcomes.push(await signIn(email, log));
      await freshPage();
    }

    const state = (await (await fetch(`${faulty.endpoint}/_emulator/faults`)).json()) as {
      injected: Record<string, number>;
    };
    const injected = Object.values(state.injected).reduce((a, b) => a + b, 0);
    const firstTime = outcomes.filter((o) => o.errors.length === 0).length;
    console.log(log.join('\n'));
    console.log(
      `faults: ${firstTime}/${SIGN_INS} sign-ins succeeded the first time; ${injected} faults injected ` +
        `(${JSON.stringify(state.injected)})`,
    );
    expect(outcomes.length).to.equal(SIGN_INS);
    expect(injected, 'faults were injected').to.be.greaterThan(0);
  });
});
