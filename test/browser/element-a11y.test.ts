// Accessibility: axe at every step, a keyboard-only run, focus moves, live regions, reduced motion
// and the dark colour scheme.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { enabled } from 'virtual:emulator';
import {
  codeToSignedIn,
  createLogin,
  emailToCode,
  freshPage,
  mustPart,
  nthMail,
  submitEmail,
  uniqueEmail,
  waitForStep,
} from './element-helpers.js';

const focused = (el: HTMLElement) => el.shadowRoot!.activeElement;

describe('<passwordless-login> accessibility', () => {
  beforeEach(freshPage);
  after(async () => {
    await emulateMedia({ reducedMotion: 'no-preference', colorScheme: 'light' });
    await freshPage();
  });

  it('passes axe at the email step, with an error, at the code step and signed in', async () => {
    const el = await createLogin(enabled);
    await expect(el).to.be.accessible();

    const failed = oneEvent(el, 'login-error');
    await submitEmail(el, 'nope');
    await failed;
    await el.updateComplete;
    await expect(el).to.be.accessible();

    const email = uniqueEmail('axe');
    await emailToCode(el, email);
    await expect(el).to.be.accessible();

    await codeToSignedIn(el, (await nthMail(enabled, email)).code);
    await expect(el).to.be.accessible();
  });

  it('errors are in an alert live region and progress in a status region', async () => {
    const el = await createLogin(enabled);
    expect(mustPart(el, 'error').getAttribute('role')).to.equal('alert');
    expect(mustPart(el, 'status').getAttribute('role')).to.equal('status');
    const input = mustPart(el, 'email-input');
    expect(input.getAttribute('aria-describedby')).to.contain('error');
    const label = el.shadowRoot!.querySelector(`label[for="${input.id}"]`);
    expect(label?.textContent).to.equal('Email address');
  });

  it('works with the keyboard alone, and focus moves to the code field and back', async function () {
    this.timeout(30000);
    const email = uniqueEmail('keys');
    const el = await createLogin(enabled);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(mustPart(el, 'email-input'));
    await sendKeys({ type: email });
    const sent = oneEvent(el, 'code-sent');
    await sendKeys({ press: 'Enter' });
    await sent;
    await waitForStep(el, 'code');
    await waitUntil(() => focused(el) === mustPart(el, 'code-input'), 'focus on the code field');

    // Tab through to "Use a different email" and back to the email step.
    await sendKeys({ press: 'Tab' }); // submit
    await sendKeys({ press: 'Tab' }); // resend
    await sendKeys({ press: 'Tab' }); // change email
    expect(focused(el)).to.equal(mustPart(el, 'change-email-button'));
    await sendKeys({ press: 'Enter' });
    await waitForStep(el, 'email');
    await waitUntil(() => focused(el) === mustPart(el, 'email-input'), 'focus back on the email field');

    const again = oneEvent(el, 'code-sent');
    await sendKeys({ press: 'Enter' });
    await again;
    await waitForStep(el, 'code');
    await waitUntil(() => focused(el) === mustPart(el, 'code-input'), 'focus on the code field');
    // Back to the email just signed up: the sign-up code is resent, so one code still signs in.
    const code = (await nthMail(enabled, email, 2)).code;
    expect(code).to.match(/^\d{6}$/);
    const signedIn = oneEvent(el, 'signed-in');
    await sendKeys({ type: code }); // complete: submits itself
    await signedIn;
    await waitForStep(el, 'signed-in');
    await waitUntil(() => focused(el) === mustPart(el, 'signed-in'), 'focus on the signed-in view');

    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(mustPart(el, 'sign-out-button'));
    const out = oneEvent(el, 'signed-out');
    await sendKeys({ press: 'Enter' });
    await out;
    await waitForStep(el, 'email');
    await waitUntil(() => focused(el) === mustPart(el, 'email-input'), 'focus back on the email field');
  });

  it('respects prefers-reduced-motion', async () => {
    const el = await createLogin(enabled);
    const button = mustPart(el, 'submit-button');
    await emulateMedia({ reducedMotion: 'no-preference' });
    expect(getComputedStyle(button).transitionDuration).not.to.equal('0s');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(button).transitionDuration).to.equal('0s');
  });

  it('follows prefers-color-scheme and the public custom properties', async () => {
    const el = await createLogin(enabled);
    await emulateMedia({ colorScheme: 'light' });
    const light = getComputedStyle(el).color;
    await emulateMedia({ colorScheme: 'dark' });
    const dark = getComputedStyle(el).color;
    expect(dark).not.to.equal(light);
    el.style.setProperty('--passwordless-login-text-color', 'rgb(1, 2, 3)');
    expect(getComputedStyle(el).color).to.equal('rgb(1, 2, 3)');
  });
});
