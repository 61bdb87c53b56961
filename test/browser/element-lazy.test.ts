// The email step renders before the sign-in flow and aws-amplify arrive (they are one lazily
// loaded chunk in the script-tag bundle). A submit before they arrive waits, busy, and is sent
// once; a chunk that fails to load is a `network` error that the next submit retries; a reset
// while waiting sends nothing. The flow's arrival is held back here with a gate.
import { expect, oneEvent } from '@open-wc/testing';
import { enabled } from 'virtual:emulator';
import { PasswordlessLogin } from '../../src/passwordless-login.js';
import {
  clearRequests,
  createLogin,
  errorText,
  freshPage,
  mustPart,
  operations,
  typeValue,
  uniqueEmail,
  waitForStep,
} from './element-helpers.js';

/** The element whose flow module arrives only when the test opens the gate (or fails it). */
class GatedLogin extends PasswordlessLogin {
  static gate: Promise<void> = Promise.resolve();
  protected override loadFlowModule() {
    return GatedLogin.gate.then(() => super.loadFlowModule());
  }
}
customElements.define('gated-login', GatedLogin);

function gate() {
  let open!: () => void;
  let fail!: () => void;
  GatedLogin.gate = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = () => reject(new TypeError('Failed to fetch dynamically imported module'));
  });
  return { open, fail };
}

const status = (el: HTMLElement) => mustPart(el, 'status').textContent?.trim() ?? '';

describe('<passwordless-login> before the flow has arrived', () => {
  beforeEach(freshPage);
  afterEach(() => {
    GatedLogin.gate = Promise.resolve();
  });

  it('renders the email step, and a submit (clicked twice, then Enter) waits busy and sends one SignUp', async () => {
    const { open } = gate();
    const el = await createLogin(enabled, {}, 'gated-login');
    expect(el.matches(':state(email)')).to.equal(true);
    await clearRequests(enabled);

    const email = uniqueEmail('early');
    typeValue(mustPart<HTMLInputElement>(el, 'email-input'), email);
    const button = mustPart<HTMLButtonElement>(el, 'submit-button');
    button.click();
    button.click();
    mustPart(el, 'form').dispatchEvent(new SubmitEvent('submit', { cancelable: true }));
    await el.updateComplete;
    expect(el.matches(':state(busy)'), 'busy while the flow loads').to.equal(true);
    expect(status(el)).to.equal('Sending a code…');
    expect(mustPart<HTMLInputElement>(el, 'email-input').readOnly).to.equal(true);
    expect(await operations(enabled), 'nothing sent yet').to.deep.equal([]);

    const sent = oneEvent(el, 'code-sent');
    open();
    await sent;
    await waitForStep(el, 'code');
    expect((await operations(enabled)).filter((op) => op === 'SignUp')).to.have.length(1);
  });

  it('a flow that fails to load is a network error; the next submit loads it again and goes on', async () => {
    const { fail } = gate();
    const el = await createLogin(enabled, {}, 'gated-login');
    const email = uniqueEmail('offline-chunk');
    typeValue(mustPart<HTMLInputElement>(el, 'email-input'), email);
    const failed = oneEvent(el, 'login-error');
    mustPart<HTMLButtonElement>(el, 'submit-button').click();
    fail();
    expect((await failed).detail.code).to.equal('network');
    await el.updateComplete;
    expect(el.matches(':state(busy)')).to.equal(false);
    expect(errorText(el)).to.not.equal('');
    expect(mustPart<HTMLInputElement>(el, 'email-input').value, 'the email is kept').to.equal(email);

    GatedLogin.gate = Promise.resolve();
    const sent = oneEvent(el, 'code-sent');
    mustPart<HTMLButtonElement>(el, 'submit-button').click();
    await sent;
    await waitForStep(el, 'code');
  });

  it('reset() while waiting goes back to the email step and nothing is sent when the flow arrives', async () => {
    const { open } = gate();
    const el = await createLogin(enabled, {}, 'gated-login');
    await clearRequests(enabled);
    typeValue(mustPart<HTMLInputElement>(el, 'email-input'), uniqueEmail('reset'));
    mustPart<HTMLButtonElement>(el, 'submit-button').click();
    await el.updateComplete;
    expect(el.matches(':state(busy)')).to.equal(true);
    el.reset();
    await el.updateComplete;
    expect(el.matches(':state(busy)')).to.equal(false);
    open();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(el.matches(':state(email)')).to.equal(true);
    expect((await operations(enabled)).filter((op) => op === 'SignUp' || op === 'InitiateAuth')).to.deep.equal([]);
  });
});
