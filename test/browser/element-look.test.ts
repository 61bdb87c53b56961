// The look: on a page with no styles of its own the element draws a finished card (bounded width,
// padding, a border, the system font, the scheme's canvas); on a styled page it takes the page's font
// and the colours the page gives through the public custom properties, and draws no card. Keyboard
// focus shows a ring in both.
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { enabled } from 'virtual:emulator';
import type { PasswordlessLogin } from '../../src/passwordless-login.js';
import { createLogin, freshPage, mustPart } from './element-helpers.js';

/** A styled page: its own font on <body>, switched by a class as a site's theme would. */
const pageSheet = new CSSStyleSheet();
pageSheet.replaceSync(`
  body.styled { font-family: Georgia, serif; }
  body.branded {
    --passwordless-login-text-color: rgb(10, 20, 30);
    --passwordless-login-accent-color: rgb(200, 0, 100);
  }
`);

const style = (el: Element) => getComputedStyle(el);
const inputFont = (el: PasswordlessLogin) => style(mustPart(el, 'email-input')).fontFamily;
const isCard = (el: PasswordlessLogin) => style(el).borderTopWidth === '1px' && style(el).paddingTop !== '0px';

describe('<passwordless-login> look', () => {
  before(() => {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
  });
  beforeEach(freshPage);
  afterEach(() => document.body.classList.remove('styled', 'branded'));
  after(() => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== pageSheet);
  });

  it('the test page is a bare page: it inherits the browser default serif', () => {
    expect(style(document.body).fontFamily).to.equal('"Times New Roman"');
  });

  it('on a bare page: bounded width, a padded card with a border, on a background of its own', async () => {
    const el = await createLogin(enabled);
    expect(document.documentElement.clientWidth, 'the page is wider than the card').to.be.greaterThan(600);
    const width = el.getBoundingClientRect().width;
    expect(width).to.be.within(300, 26 * 16);
    expect(isCard(el)).to.equal(true);
    expect(style(el).paddingInlineStart).to.equal('24px');
    expect(style(el).backgroundColor, 'the canvas colour, not transparent').to.not.equal('rgba(0, 0, 0, 0)');
    // The field and the button fill the card's width, inside its padding.
    expect(mustPart(el, 'email-input').getBoundingClientRect().width).to.be.closeTo(width - 2 * 24 - 2, 1);
  });

  it('on a bare page: the system font instead of the default serif, in the text and in the fields', async () => {
    const el = await createLogin(enabled);
    expect(style(el).fontFamily).to.equal('system-ui, sans-serif');
    expect(inputFont(el)).to.equal('system-ui, sans-serif');
    expect(style(mustPart(el, 'submit-button')).fontFamily).to.equal('system-ui, sans-serif');
  });

  it('--passwordless-login-font-family still decides on a bare page', async () => {
    const el = await createLogin(enabled);
    el.style.setProperty('--passwordless-login-font-family', 'monospace');
    expect(inputFont(el)).to.equal('monospace');
  });

  it("on a styled page: the page's font, no card; the public custom properties colour it", async () => {
    document.body.classList.add('styled', 'branded');
    const el = await createLogin(enabled);
    expect(inputFont(el)).to.equal('Georgia, serif');
    expect(style(el).fontFamily).to.equal('Georgia, serif');
    expect(isCard(el)).to.equal(false);
    expect(style(el).backgroundColor, 'transparent: the page shows through').to.equal('rgba(0, 0, 0, 0)');
    expect(style(el).color).to.equal('rgb(10, 20, 30)');
    expect(style(mustPart(el, 'submit-button')).backgroundColor).to.equal('rgb(200, 0, 100)');
    // Bounded on any page, unless the page says otherwise.
    expect(el.getBoundingClientRect().width).to.be.at.most(26 * 16);
  });

  it('follows the page when it styles itself later, and when it stops', async () => {
    const el = await createLogin(enabled);
    expect(isCard(el)).to.equal(true);
    document.body.classList.add('styled');
    await waitUntil(() => inputFont(el) === 'Georgia, serif', "the page's font once it sets one");
    expect(isCard(el)).to.equal(false);
    document.body.classList.remove('styled');
    await waitUntil(() => isCard(el), 'the card again on a bare page');
  });

  it('a page rule on the element lifts the width bound', async () => {
    const el = await createLogin(enabled);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('passwordless-login { max-width: none }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      expect(el.getBoundingClientRect().width).to.be.greaterThan(26 * 16);
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    }
  });

  for (const page of ['bare', 'styled'] as const) {
    it(`keyboard focus draws a visible ring in the accent colour (${page} page)`, async () => {
      if (page === 'styled') document.body.classList.add('styled');
      const el = await createLogin(enabled);
      const input = mustPart(el, 'email-input');
      const before = document.createElement('button');
      before.textContent = 'before';
      el.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(input);
      const ring = style(input);
      expect(ring.outlineStyle).to.equal('solid');
      expect(ring.outlineWidth).to.equal('2px');
      expect(ring.outlineColor).to.equal(style(mustPart(el, 'submit-button')).backgroundColor);
      await sendKeys({ press: 'Tab' });
      const button = mustPart(el, 'submit-button');
      expect(el.shadowRoot!.activeElement).to.equal(button);
      expect(style(button).outlineStyle).to.equal('solid');
      expect(style(button).outlineOffset).to.equal('2px');
      before.remove();
    });
  }
});
