// Colour scheme: the element inherits the page's `color-scheme` (the demo's light/dark switch sets
// it on <html>), follows `prefers-color-scheme` where the page declares none, and the public
// --passwordless-login-* properties still win in both schemes.
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { enabled } from 'virtual:emulator';
import type { PasswordlessLogin } from '../../src/passwordless-login.js';
import { createLogin, freshPage, mustPart } from './element-helpers.js';

const LIGHT_TEXT = 'rgb(31, 41, 55)';
const DARK_TEXT = 'rgb(229, 231, 235)';
const LIGHT_FIELD = 'rgb(255, 255, 255)';
const DARK_FIELD = 'rgb(17, 24, 39)';

const textColor = (el: HTMLElement) => getComputedStyle(el).color;
const fieldBackground = (el: PasswordlessLogin) => getComputedStyle(mustPart(el, 'email-input')).backgroundColor;

/** The demo's switch: a stylesheet keyed on an attribute of <html>. */
const themeSheet = new CSSStyleSheet();
themeSheet.replaceSync(`
  :root[data-theme='light'] { color-scheme: light; }
  :root[data-theme='dark'] { color-scheme: dark; }
  :root[data-theme='auto'] { color-scheme: light dark; }
`);

describe('<passwordless-login> colour scheme', () => {
  before(() => {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, themeSheet];
  });
  beforeEach(freshPage);
  afterEach(async () => {
    delete document.documentElement.dataset.theme;
    await emulateMedia({ colorScheme: 'light' });
  });
  after(() => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== themeSheet);
  });

  it('a page without color-scheme: follows prefers-color-scheme, in both directions', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await createLogin(enabled);
    expect(getComputedStyle(document.documentElement).colorScheme).to.equal('normal');
    expect(textColor(el)).to.equal(DARK_TEXT);
    expect(fieldBackground(el)).to.equal(DARK_FIELD);
    await emulateMedia({ colorScheme: 'light' });
    expect(textColor(el)).to.equal(LIGHT_TEXT);
    expect(fieldBackground(el)).to.equal(LIGHT_FIELD);
  });

  it('a page that forces color-scheme: dark gets dark even when the user prefers light', async () => {
    await emulateMedia({ colorScheme: 'light' });
    document.documentElement.dataset.theme = 'dark';
    const el = await createLogin(enabled);
    expect(textColor(el)).to.equal(DARK_TEXT);
    expect(fieldBackground(el)).to.equal(DARK_FIELD);
    expect(getComputedStyle(mustPart(el, 'email-input')).colorScheme, 'the field the browser draws').to.equal('dark');
  });

  it('a page that forces color-scheme: light gets light even when the user prefers dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    document.documentElement.dataset.theme = 'light';
    const el = await createLogin(enabled);
    expect(textColor(el)).to.equal(LIGHT_TEXT);
    expect(fieldBackground(el)).to.equal(LIGHT_FIELD);
  });

  it('follows the page when it switches at run time, and back to the preference when it stops declaring one', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    document.documentElement.dataset.theme = 'light';
    const el = await createLogin(enabled);
    expect(textColor(el)).to.equal(LIGHT_TEXT);
    document.documentElement.dataset.theme = 'dark';
    await waitUntil(() => textColor(el) === DARK_TEXT, 'dark after the switch');
    document.documentElement.dataset.theme = 'light';
    await waitUntil(() => textColor(el) === LIGHT_TEXT, 'light after the switch back');
    // `light dark` on the page: the preference decides.
    document.documentElement.dataset.theme = 'auto';
    await waitUntil(() => textColor(el) === DARK_TEXT, 'dark from the preference');
    // No declaration at all: the element adopts `light dark` itself.
    delete document.documentElement.dataset.theme;
    await waitUntil(() => textColor(el) === DARK_TEXT, 'still dark from the preference');
    await emulateMedia({ colorScheme: 'light' });
    expect(textColor(el)).to.equal(LIGHT_TEXT);
  });

  it('inside a container that sets color-scheme, follows the container', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const el = await createLogin(enabled);
    el.remove();
    const wrapper = document.createElement('div');
    wrapper.style.colorScheme = 'dark';
    document.body.append(wrapper);
    wrapper.append(el);
    await el.updateComplete;
    expect(textColor(el)).to.equal(DARK_TEXT);
    wrapper.remove();
  });

  it('the public custom properties win in both schemes', async () => {
    document.documentElement.dataset.theme = 'dark';
    const el = await createLogin(enabled);
    el.style.setProperty('--passwordless-login-text-color', 'rgb(1, 2, 3)');
    el.style.setProperty('--passwordless-login-field-background', 'rgb(4, 5, 6)');
    expect(textColor(el)).to.equal('rgb(1, 2, 3)');
    expect(fieldBackground(el)).to.equal('rgb(4, 5, 6)');
    document.documentElement.dataset.theme = 'light';
    await el.updateComplete;
    expect(textColor(el)).to.equal('rgb(1, 2, 3)');
    expect(fieldBackground(el)).to.equal('rgb(4, 5, 6)');
    // The submit button keeps its accent from light-dark() when only the text colour is themed.
    // (Waited for: the button's colour transition runs.)
    const button = mustPart(el, 'submit-button');
    await waitUntil(() => getComputedStyle(button).backgroundColor === 'rgb(37, 99, 235)', 'light accent');
  });
});
