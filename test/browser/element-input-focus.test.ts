// Typing and focus (issue 10, item 9), and two fixes found while splitting the element: the resend
// countdown after a move in the DOM, and the stored-session peek.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import fc from 'fast-check';
import { enabled } from 'virtual:emulator';
import { PasswordlessLogin } from '../../src/passwordless-login.js';
import {
  codeToSignedIn,
  createLogin,
  emailToCode,
  freshPage,
  makeReturningUser,
  mustPart,
  nthMail,
  typeValue,
  waitForStep,
} from './element-helpers.js';

class SlowResendLogin extends PasswordlessLogin {
  static override resendCooldownSeconds = 5;
}
customElements.define('slow-resend-login', SlowResendLogin);

type Action =
  | { kind: 'type'; text: string }
  | { kind: 'press'; key: 'Backspace' | 'Delete' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End' }
  | { kind: 'paste'; text: string };

const unit = fc.constantFrom(' ', ' ', 'a', 'g', 'r', 'c', 'e', '@', '.', '-', '+', '1', 'É', '\u00a0');
const text = (maxLength: number) => fc.string({ unit, minLength: 1, maxLength });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('type' as const), text: text(6) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('press' as const),
      key: fc.constantFrom('Backspace', 'Delete', 'ArrowLeft', 'ArrowRight', 'Home', 'End') as fc.Arbitrary<
        'Backspace' | 'Delete' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End'
      >,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('paste' as const), text: text(20) }) },
);

/** Plays the actions into a focused field: real key events through the browser, pastes as one insertion. */
async function play(el: PasswordlessLogin, input: HTMLInputElement, actions: Action[]): Promise<void> {
  input.focus();
  for (const a of actions) {
    if (a.kind === 'type') await sendKeys({ type: a.text });
    else if (a.kind === 'press') await sendKeys({ press: a.key });
    else document.execCommand('insertText', false, a.text);
    await el.updateComplete;
  }
}

describe('<passwordless-login> typing and focus', () => {
  beforeEach(freshPage);
  after(freshPage);

  it('types like a plain <input type="email">, whatever the keys, pastes and spaces', async () => {
    const el = await createLogin(enabled);
    const plain = await fixture<HTMLInputElement>(html`<input type="email" />`);
    const field = mustPart<HTMLInputElement>(el, 'email-input');
    const clear = async () => {
      plain.value = '';
      typeValue(field, '');
      await el.updateComplete;
    };
    // The case the issue reported, then random sequences.
    const reported: Action[] = [{ kind: 'type', text: ' grace@example.com' }];
    await play(el, field, reported);
    await play(el, plain, reported);
    expect(field.value).to.equal(plain.value);
    expect(field.value).to.equal('grace@example.com');
    await clear();
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 8 }), async (actions) => {
        await clear();
        await play(el, field, actions);
        await play(el, plain, actions);
        expect(field.value, JSON.stringify(actions)).to.equal(plain.value);
      }),
      { numRuns: 25, seed: 20261130 },
    );
  });

  it('element.focus() focuses the current step\'s field (delegatesFocus)', async () => {
    const email = await makeReturningUser(enabled);
    const el = await createLogin(enabled);
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(mustPart(el, 'email-input'));
    await emailToCode(el, email);
    (document.activeElement as HTMLElement | null)?.blur();
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(mustPart(el, 'code-input'));
  });

  for (const [what, markup, expected] of [
    ['its first control', '<div slot="signed-in"><p>Welcome back</p><a href="#account">Your account</a></div>', 'A'],
    ['the view itself when it has none', '<p slot="signed-in">Welcome back</p>', 'P'],
  ] as const) {
    it(`after sign-in, focus goes to the slotted signed-in view: ${what}`, async () => {
      const email = await makeReturningUser(enabled);
      const el = await createLogin(enabled);
      el.insertAdjacentHTML('beforeend', markup);
      await emailToCode(el, email);
      await codeToSignedIn(el, (await nthMail(enabled, email)).code);
      await waitUntil(() => document.activeElement !== document.body, 'focus moved', { timeout: 2000 });
      expect(document.activeElement?.tagName).to.equal(expected);
      expect(el.contains(document.activeElement)).to.equal(true);
    });
  }

  it('the resend countdown goes on after the element is moved during the code step', async () => {
    const email = await makeReturningUser(enabled);
    const el = await createLogin(enabled, {}, 'slow-resend-login');
    await emailToCode(el, email);
    const label = () => mustPart(el, 'resend-button').textContent!.trim();
    expect(label()).to.equal('Resend code in 5 seconds');
    const elsewhere = await fixture(html`<section></section>`);
    elsewhere.append(el);
    await waitUntil(() => /in [1-3] seconds?$/.test(label()), 'the countdown moves on', { timeout: 4500 });
    await waitForStep(el, 'code');
  });

  it('the stored-session peek shows "Loading" only for a session of this pool', async () => {
    const token = (iss: string) =>
      ['e30', btoa(JSON.stringify({ iss, exp: 1 })).replace(/=+$/, ''), 'sig'].join('.');
    const prefix = `CognitoIdentityServiceProvider.${enabled.clientId}`;
    for (const [pool, busy] of [
      ['us-east-1_SomewhereElse', false],
      [enabled.userPoolId, true],
    ] as const) {
      localStorage.setItem(`${prefix}.LastAuthUser`, 'someone@example.com');
      localStorage.setItem(`${prefix}.someone@example.com.idToken`, token(`https://cognito-idp.us-east-1.amazonaws.com/${pool}`));
      const el = document.createElement('passwordless-login') as PasswordlessLogin;
      el.setAttribute('user-pool-id', enabled.userPoolId);
      el.setAttribute('client-id', enabled.clientId);
      el.setAttribute('endpoint', enabled.endpoint);
      document.body.append(el);
      // Read at once, before the flow loads and finds out for itself (the peek exists for that moment).
      const state = (el as unknown as { flowState: { busy: string | null } }).flowState;
      expect(state.busy === 'restoring', pool).to.equal(busy);
      el.remove();
      localStorage.clear();
    }
  });
});
