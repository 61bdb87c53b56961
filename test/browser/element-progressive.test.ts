// Progressive enhancement: an email field the page puts inside the element, in its light DOM, works
// before the bundle arrives; on upgrade the element adopts what the visitor did there (the value,
// the focus) and hides it, sending nothing. To have a pre-upgrade state in a page where
// `passwordless-login` is already defined, each test defines a subclass under a new tag name after
// the markup is in the document and the visitor has typed: `customElements.define` upgrades it then,
// as the script-tag bundle does when it arrives.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { enabled } from 'virtual:emulator';
import { PasswordlessLogin } from '../../src/passwordless-login.js';
import {
  clearRequests,
  emailToCode,
  freshPage,
  mustPart,
  nthMail,
  operations,
  requests,
  stepOf,
  uniqueEmail,
  waitForStep,
} from './element-helpers.js';

let tags = 0;

/** The element's markup with a light-DOM field (or `inner` instead), not upgraded yet. */
async function markup(attrs: Record<string, string> = {}, inner = '<label>Email <input type="email" name="email" autocomplete="email"></label>') {
  const tag = `progressive-login-${++tags}`;
  const parent = await fixture<HTMLDivElement>('<div></div>');
  const el = document.createElement(tag);
  const all = { 'user-pool-id': enabled.userPoolId, 'client-id': enabled.clientId, endpoint: enabled.endpoint, ...attrs };
  for (const [name, value] of Object.entries(all)) el.setAttribute(name, value);
  el.innerHTML = inner;
  parent.append(el);
  const upgrade = async () => {
    customElements.define(tag, class extends PasswordlessLogin {});
    const login = el as PasswordlessLogin;
    await login.updateComplete;
    return login;
  };
  return { el, light: el.querySelector<HTMLInputElement>('input'), upgrade };
}

const emailInput = (el: PasswordlessLogin) => mustPart<HTMLInputElement>(el, 'email-input');

/** Lets the flow module load and anything it might send arrive at the emulator. */
async function settle(el: PasswordlessLogin) {
  await waitUntil(() => !el.matches(':state(busy)'), 'not busy');
  await new Promise((r) => setTimeout(r, 300));
}

describe('<passwordless-login> progressive enhancement (a light-DOM email field)', () => {
  beforeEach(freshPage);
  afterEach(() => {
    for (const el of document.querySelectorAll('[user-pool-id]')) el.remove();
  });
  after(freshPage);

  it('before upgrade the light field is interactive; on upgrade the value and focus move to the shadow field, nothing is sent', async () => {
    const email = uniqueEmail('progressive');
    const { el, light, upgrade } = await markup();
    expect(el.shadowRoot).to.equal(null);
    light!.focus();
    await sendKeys({ type: email });
    expect(light!.value).to.equal(email);
    expect(document.activeElement).to.equal(light);
    await clearRequests(enabled);

    const login = await upgrade();
    const input = emailInput(login);
    expect(input.value).to.equal(email);
    expect(login.shadowRoot!.activeElement, 'the shadow email input has focus').to.equal(input);
    expect(document.activeElement).to.equal(login);
    expect(light!.checkVisibility(), 'the light field is no longer rendered').to.equal(false);
    expect(light!.isConnected, 'it is left in place').to.equal(true);

    // Typing goes on where it stopped (type=email has no selection API: what a key inserts shows
    // where the caret is): at the end, nothing lost; the light field follows (a reload restores it).
    await sendKeys({ type: 'x' });
    expect(input.value, 'caret at the end').to.equal(`${email}x`);
    expect(light!.value).to.equal(`${email}x`);
    await sendKeys({ press: 'Backspace' });
    expect(input.value).to.equal(email);

    await settle(login);
    expect(await requests(enabled), 'adopting sends nothing').to.deep.equal([]);
    await expect(login).to.be.accessible();

    // The flow works from there: Enter submits the adopted email and brings the code step.
    await sendKeys({ press: 'Enter' });
    await waitForStep(login, 'code');
    expect([...(await operations(enabled))].sort()).to.deep.equal(['InitiateAuth', 'SignUp']);
    expect((await nthMail(enabled, email)).kind).to.equal('sign-up');
    expect(login.shadowRoot!.activeElement).to.equal(mustPart(login, 'code-input'));
  });

  it('a light field that was typed in but not focused: the value is adopted, focus is not taken', async () => {
    const { light, upgrade } = await markup();
    light!.value = 'typed@example.com';
    const login = await upgrade();
    expect(emailInput(login).value).to.equal('typed@example.com');
    expect(document.activeElement).to.not.equal(login);
  });

  it('the email attribute fills an empty light field; a typed value wins over it', async () => {
    const empty = await markup({ email: 'prefill@example.com' });
    const a = await empty.upgrade();
    expect(emailInput(a).value).to.equal('prefill@example.com');

    const typed = await markup({ email: 'prefill@example.com' });
    typed.light!.focus();
    await sendKeys({ type: 'mine@example.com' });
    const b = await typed.upgrade();
    expect(emailInput(b).value).to.equal('mine@example.com');
  });

  it('without a light field nothing changes', async () => {
    const { upgrade } = await markup({ email: 'prefill@example.com' }, '');
    await clearRequests(enabled);
    const login = await upgrade();
    expect(emailInput(login).value).to.equal('prefill@example.com');
    expect(document.activeElement).to.not.equal(login);
    expect(stepOf(login)).to.equal('email');
    await settle(login);
    expect(await requests(enabled)).to.deep.equal([]);
  });

  it('an email field in slotted content (footer) is not adopted and stays rendered', async () => {
    const { el, upgrade } = await markup({}, '<p slot="footer"><input type="email" aria-label="Newsletter"></p>');
    const footer = el.querySelector('input')!;
    footer.value = 'news@example.com';
    const login = await upgrade();
    expect(emailInput(login).value).to.equal('');
    expect(footer.checkVisibility()).to.equal(true);
  });

  it('the code step can still be reached with the adopted value after the flow has loaded', async () => {
    const email = uniqueEmail('progressive-late');
    const { light, upgrade } = await markup();
    light!.value = email;
    const login = await upgrade();
    await settle(login);
    await emailToCode(login, email);
    expect(stepOf(login)).to.equal('code');
  });
});
