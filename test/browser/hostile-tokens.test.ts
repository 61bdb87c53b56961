// Tokens never leak: after a full sign-in (and a forced refresh) no JWT-looking string is in the
// URL, any attribute or text of the light and shadow DOM, anything logged to the console, or — with
// token-storage="memory" — in localStorage, sessionStorage or cookies. With the default "local"
// storage the same scan does find them in localStorage, which shows the scan can fail.
import { expect } from '@open-wc/testing';
import { enabled } from 'virtual:emulator';
import {
  codeToSignedIn,
  createLogin,
  emailToCode,
  freshPage,
  nthMail,
  uniqueEmail,
} from './element-helpers.js';

const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]*/;

const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table', 'group', 'groupCollapsed'] as const;

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return `${String(value)} ${JSON.stringify(value)}`;
  } catch {
    return String(value);
  }
}

/** Every attribute value and text node, in the document and in every shadow root, recursively. */
function domStrings(root: Document | ShadowRoot = document): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      out.push(node.nodeValue ?? '');
      continue;
    }
    const el = node as Element;
    for (const attr of Array.from(el.attributes)) out.push(`${attr.name}=${attr.value}`);
    if (el instanceof HTMLInputElement) out.push(el.value);
    if (el.shadowRoot) out.push(...domStrings(el.shadowRoot));
  }
  return out;
}

function storageStrings(): string[] {
  const out: string[] = [document.cookie];
  for (const store of [localStorage, sessionStorage]) {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i)!;
      out.push(key, store.getItem(key) ?? '');
    }
  }
  return out;
}

describe('<passwordless-login> tokens never leak', () => {
  const logged: string[] = [];
  const originals = new Map<string, (...args: unknown[]) => void>();

  beforeEach(async () => {
    await freshPage();
    logged.length = 0;
    for (const name of METHODS) {
      const original = console[name] as (...args: unknown[]) => void;
      originals.set(name, original);
      (console as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
        logged.push(args.map(stringify).join(' '));
        original.apply(console, args);
      };
    }
  });

  afterEach(() => {
    for (const [name, original] of originals) (console as unknown as Record<string, unknown>)[name] = original;
  });

  after(freshPage);

  it('memory storage: not in the URL, the DOM, the console or any storage', async () => {
    const email = uniqueEmail('leak');
    const el = await createLogin(enabled, { 'token-storage': 'memory' });
    await emailToCode(el, email);
    const detail = await codeToSignedIn(el, (await nthMail(enabled, email)).code);
    expect(detail.tokens.idToken, 'the scan pattern matches real tokens').to.match(JWT);
    expect(detail.tokens.accessToken).to.match(JWT);
    const refreshed = await el.getTokens({ forceRefresh: true });
    expect(refreshed?.idToken).to.match(JWT);
    console.log('a line logged by the test reaches the wrapper');
    await el.updateComplete;

    expect(logged.some((l) => l.includes('reaches the wrapper')), 'console is wrapped').to.equal(true);
    expect(location.href).to.not.match(JWT);
    const dom = domStrings();
    expect(dom.some((s) => s.includes(email)), 'the scan reaches the shadow DOM').to.equal(true);
    expect(dom.filter((s) => JWT.test(s)), 'DOM attributes and text').to.deep.equal([]);
    expect(logged.filter((l) => JWT.test(l)), 'console').to.deep.equal([]);
    expect(storageStrings().filter((s) => JWT.test(s)), 'Web Storage and cookies').to.deep.equal([]);

    await el.signOut();
    expect(storageStrings().filter((s) => JWT.test(s))).to.deep.equal([]);
  });

  it('local storage (the default): the same scan finds the tokens Amplify keeps there', async () => {
    const email = uniqueEmail('leak-local');
    const el = await createLogin(enabled);
    await emailToCode(el, email);
    await codeToSignedIn(el, (await nthMail(enabled, email)).code);
    expect(storageStrings().filter((s) => JWT.test(s)).length).to.be.at.least(2);
    expect(domStrings().filter((s) => JWT.test(s))).to.deep.equal([]);
    expect(logged.filter((l) => JWT.test(l))).to.deep.equal([]);
    expect(location.href).to.not.match(JWT);
  });
});
