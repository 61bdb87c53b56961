// Host styles cannot break the element's layout: under an aggressive global stylesheet every step's
// fields are visible with a size and every button can be clicked (it is what the page hits at its
// centre). Only the documented ::part() names and --passwordless-login-* properties restyle it.
import { expect } from '@open-wc/testing';
import { enabled } from 'virtual:emulator';
import type { PasswordlessLogin } from '../../src/passwordless-login.js';
import {
  codeToSignedIn,
  createLogin,
  emailToCode,
  freshPage,
  mustPart,
  nthMail,
  uniqueEmail,
} from './element-helpers.js';

const HOSTILE_CSS = `
  * { all: unset; }
  body { display: block; line-height: 40; }
  input, button, form, label, p, div, span { display: none !important; visibility: hidden !important; opacity: 0 !important; }
  input { width: 0 !important; height: 0 !important; }
  button { font-size: 0 !important; pointer-events: none !important; }
  div { position: absolute; }
  [part], [part~="submit-button"], .root, #email, #code, .actions { display: none !important; }
  * { --_text: transparent; --_accent: junk; --_gap: -40px; --_radius: banana; --_field-background: url(x); }
  passwordless-login {
    --passwordless-login-gap: banana;
    --passwordless-login-radius: 12;
    --passwordless-login-font-family: 12px;
    --passwordless-login-transition-duration: forever;
  }
`;

function addStyle(css: string): HTMLStyleElement {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  return style;
}

/** Visible, with a size, and what the page hits at its centre (so a click lands on it). */
function expectUsable(el: PasswordlessLogin, name: string): void {
  const control = mustPart(el, name);
  control.scrollIntoView({ block: 'center', inline: 'center' });
  const box = control.getBoundingClientRect();
  const style = getComputedStyle(control);
  expect(box.width, `${name} width`).to.be.greaterThan(0);
  expect(box.height, `${name} height`).to.be.greaterThan(0);
  expect(style.display, `${name} display`).to.not.equal('none');
  expect(style.visibility, `${name} visibility`).to.equal('visible');
  expect(Number(style.opacity), `${name} opacity`).to.be.greaterThan(0.5);
  expect(style.pointerEvents, `${name} pointer-events`).to.not.equal('none');
  expect(style.color, `${name} text colour`).to.not.equal('rgba(0, 0, 0, 0)');
  expect(parseFloat(style.fontSize), `${name} font size`).to.be.greaterThan(8);
  const hit = el.shadowRoot!.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  expect(hit === control || control.contains(hit), `${name} is hit at its centre`).to.equal(true);
}

describe('<passwordless-login> under hostile host styles', () => {
  let style: HTMLStyleElement | undefined;
  beforeEach(freshPage);
  afterEach(() => {
    style?.remove();
    style = undefined;
  });
  after(freshPage);

  it('the hostile stylesheet does hide page content of the same kinds (the checks can fail)', async () => {
    const probe = document.createElement('div');
    probe.innerHTML = '<input part="email-input"><button part="submit-button">x</button>';
    document.body.append(probe);
    style = addStyle(HOSTILE_CSS);
    expect(getComputedStyle(probe.querySelector('input')!).display).to.equal('none');
    expect(getComputedStyle(probe.querySelector('button')!).display).to.equal('none');
    probe.remove();
  });

  it('every step stays usable: email, code, signed in', async () => {
    style = addStyle(HOSTILE_CSS);
    const email = uniqueEmail('styles');
    // In a <section>, not the fixture's <div>: the hostile sheet hides every div, and a page may
    // always hide the element's container; what it must not do is break the element inside it.
    const section = document.createElement('section');
    document.body.append(section);
    const el = document.createElement('passwordless-login');
    el.setAttribute('user-pool-id', enabled.userPoolId);
    el.setAttribute('client-id', enabled.clientId);
    el.setAttribute('endpoint', enabled.endpoint);
    el.setAttribute('token-storage', 'memory');
    section.append(el);
    await el.updateComplete;
    expect(getComputedStyle(el).display, 'the host still renders').to.not.equal('none');
    expectUsable(el, 'email-input');
    expectUsable(el, 'submit-button');
    await emailToCode(el, email);
    for (const name of ['code-input', 'submit-button', 'resend-button', 'change-email-button']) expectUsable(el, name);
    await codeToSignedIn(el, (await nthMail(enabled, email)).code);
    expectUsable(el, 'sign-out-button');
    section.remove();
  });

  it('::part(submit-button) and a --passwordless-login-* property do restyle it', async () => {
    // Colour transitions are part of the design; a 0s duration (a documented property) reads the end value.
    const el = await createLogin(enabled);
    el.style.setProperty('--passwordless-login-transition-duration', '0s');
    const button = mustPart(el, 'submit-button');
    const input = mustPart(el, 'email-input');
    expect(getComputedStyle(button).backgroundColor).to.not.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(input).borderTopColor).to.not.equal('rgb(4, 5, 6)');
    style = addStyle(`
      passwordless-login::part(submit-button) { background-color: rgb(1, 2, 3); }
      passwordless-login { --passwordless-login-border-color: rgb(4, 5, 6); }
    `);
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(input).borderTopColor).to.equal('rgb(4, 5, 6)');
  });
  it('page rules on the private --_* names do not reach the element; the public ones do', async () => {
    const el = await createLogin(enabled);
    el.style.setProperty('--passwordless-login-transition-duration', '0s');
    const button = mustPart(el, 'submit-button');
    const input = mustPart(el, 'email-input');
    const before = { background: getComputedStyle(button).backgroundColor, text: getComputedStyle(input).color };
    expect(before.background).to.not.equal('rgb(255, 0, 0)');
    style = addStyle('* { --_accent: rgb(255, 0, 0); --_text: rgb(0, 255, 0); --_field-background: rgb(0, 0, 255); }');
    expect(getComputedStyle(button).backgroundColor, 'accent').to.equal(before.background);
    expect(getComputedStyle(input).color, 'text').to.equal(before.text);
    expect(getComputedStyle(input).backgroundColor, 'field').to.not.equal('rgb(0, 0, 255)');
    el.style.setProperty('--passwordless-login-accent-color', 'rgb(7, 8, 9)');
    expect(getComputedStyle(button).backgroundColor, 'the public property wins').to.equal('rgb(7, 8, 9)');
  });
});
