// Strings cannot inject markup or script: from the `email` and `lang` attributes, the
// `translations` property and Cognito's responses (destination, user email, error messages). Each
// payload would set `window.__pwned` if it ran; none may, and no element may be made from it.
import { expect, oneEvent } from '@open-wc/testing';
import { enabled } from 'virtual:emulator';
import type { AuthClient } from '../../src/flow/client.js';
import { en as enFirst } from '../../src/i18n/en.js';
import { enFlow } from '../../src/i18n/en-flow.js';
import { enPasskeys } from '../../src/i18n/en-passkeys.js';

/** English as a whole: what is always bundled and what comes with the flow. */
const en = { ...enFirst, ...enFlow, ...enPasskeys };
import { PasswordlessLogin } from '../../src/passwordless-login.js';
import { createLogin, errorText, freshPage, mustPart, submitEmail, typeValue, waitForStep } from './element-helpers.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=(window.__pwned||0)+1">',
  '"><svg onload="window.__pwned=(window.__pwned||0)+1"></svg>',
  "<script>window.__pwned=(window.__pwned||0)+1</script>",
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
];
const PAYLOAD = PAYLOADS.join(' ');

/**
 * Cognito's answers are the one source the tests cannot make hostile through the emulator (it masks
 * destinations to `a***@e***` and maps errors to fixed messages), so these come from a stub client.
 */
class HostileCognitoLogin extends PasswordlessLogin {
  static client: AuthClient;
  protected override loadAuthClient(): Promise<AuthClient> {
    return Promise.resolve(HostileCognitoLogin.client);
  }
}
customElements.define('hostile-cognito-login', HostileCognitoLogin);

const fakeJwt = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.sig';

function hostileClient(overrides: Partial<AuthClient> = {}): AuthClient {
  let signedIn = false;
  return {
    claim: () => () => {},
    signUp: async () => ({ type: 'code', purpose: 'sign-up', destination: PAYLOAD }),
    signIn: async () => ({ type: 'code', purpose: 'sign-in', destination: PAYLOAD }),
    confirmSignIn: async () => ((signedIn = true), { type: 'signed-in' }),
    confirmSignUp: async () => ((signedIn = true), { type: 'signed-in' }),
    resendSignUpCode: async () => ({ type: 'code', purpose: 'sign-up', destination: PAYLOAD }),
    currentSession: async () =>
      signedIn
        ? {
            user: { userId: PAYLOAD, username: PAYLOAD, email: PAYLOAD },
            tokens: { idToken: fakeJwt, accessToken: fakeJwt, expiresAt: Date.now() + 3_600_000 },
          }
        : null,
    signOut: async () => {},
    forget: () => {},
    listen: () => () => {},
    signInWithPasskey: async () => ({ type: 'no-passkey' }),
    chooseEmailCode: async () => ({ type: 'code', purpose: 'sign-in', destination: PAYLOAD }),
    passkeys: () => Promise.reject(new Error('no passkeys in this stub')),
    ...overrides,
  };
}

/** Elements a payload could have created, anywhere in the page or the element's shadow root. */
function injected(el: HTMLElement): Element[] {
  const selector = 'img, svg, iframe, script:not([src])';
  const inShadow = Array.from(el.shadowRoot!.querySelectorAll(selector));
  const inLight = Array.from(el.querySelectorAll(selector));
  return [...inShadow, ...inLight];
}

/** Lets an <img onerror> or <svg onload> fire if one was made. */
const settle = () => new Promise((r) => setTimeout(r, 200));

describe('<passwordless-login> strings cannot inject markup or script', () => {
  beforeEach(async () => {
    await freshPage();
    delete window.__pwned;
  });
  after(freshPage);

  it('the payloads do run when parsed as HTML (the check can fail)', async () => {
    const probe = document.createElement('div');
    probe.innerHTML = PAYLOADS[0]!;
    document.body.append(probe);
    await settle();
    expect(window.__pwned).to.equal(1);
    probe.remove();
  });

  it('the email attribute is a value, shown literally and kept when refused', async () => {
    const el = await createLogin(enabled, { email: PAYLOAD });
    const input = mustPart<HTMLInputElement>(el, 'email-input');
    expect(input.value).to.equal(PAYLOAD.replace(/[\r\n]/g, '').trim());
    const failed = oneEvent(el, 'login-error');
    mustPart<HTMLButtonElement>(el, 'submit-button').click();
    expect((await failed).detail.code).to.equal('invalid-email');
    await settle();
    expect(injected(el)).to.deep.equal([]);
    expect(window.__pwned).to.equal(undefined);
  });

  it('the lang attribute only picks a shipped language', async () => {
    const el = await createLogin(enabled, { lang: PAYLOAD });
    await el.updateComplete;
    const root = el.shadowRoot!.querySelector('.root')!;
    expect(root.getAttribute('lang')).to.equal('en');
    expect(mustPart(el, 'submit-button').textContent!.trim()).to.equal(en.continue);
    el.setAttribute('lang', `de${PAYLOAD}`);
    await settle();
    expect(injected(el)).to.deep.equal([]);
    expect(window.__pwned).to.equal(undefined);
  });

  it('translations are text, in content and in aria-label', async () => {
    const el = await createLogin(enabled);
    el.translations = {
      continue: PAYLOAD,
      emailLabel: PAYLOAD,
      formLabel: PAYLOAD,
      errorInvalidEmail: PAYLOAD,
    };
    await el.updateComplete;
    expect(mustPart(el, 'submit-button').textContent!.trim()).to.equal(PAYLOAD);
    expect(mustPart(el, 'form').getAttribute('aria-label')).to.equal(PAYLOAD);
    expect(el.shadowRoot!.querySelector('label')!.textContent!.trim()).to.equal(PAYLOAD);
    const failed = oneEvent(el, 'login-error');
    await submitEmail(el, 'not an email');
    expect((await failed).detail.message).to.equal(PAYLOAD);
    await el.updateComplete;
    expect(errorText(el)).to.equal(PAYLOAD);
    await settle();
    expect(injected(el)).to.deep.equal([]);
    expect(window.__pwned).to.equal(undefined);
  });

  it("Cognito's masked destination and the signed-in user's email are text", async () => {
    HostileCognitoLogin.client = hostileClient();
    const el = await createLogin(enabled, { 'token-storage': 'memory' }, 'hostile-cognito-login');
    el.translations = { codeSentTo: (d: string) => `TO[${d}]` };
    const sent = oneEvent(el, 'code-sent');
    await submitEmail(el, 'someone@example.com');
    expect((await sent).detail.destination).to.equal(PAYLOAD);
    await waitForStep(el, 'code');
    // The element wraps the destination in bidi isolates (U+2068 … U+2069); inside them, the text as sent.
    const shown = el.shadowRoot!.querySelector('#destination')!.textContent!.trim().replace(/[\u2066-\u2069]/g, '');
    expect(shown).to.equal(`TO[${PAYLOAD}]`);
    await settle();
    expect(injected(el)).to.deep.equal([]);

    const signedIn = oneEvent(el, 'signed-in');
    typeValue(mustPart<HTMLInputElement>(el, 'code-input'), '123456');
    await signedIn;
    await waitForStep(el, 'signed-in');
    // The email may be wrapped in bidi isolates (U+2068/U+2069); the markup must be there as text.
    expect(mustPart(el, 'signed-in').textContent).to.include(PAYLOAD);
    await settle();
    expect(injected(el)).to.deep.equal([]);
    expect(window.__pwned).to.equal(undefined);
  });

  it("an error whose name and message carry markup shows the generic message, not the error's", async () => {
    HostileCognitoLogin.client = hostileClient({
      signUp: async () => {
        throw Object.assign(new Error(PAYLOAD), { name: PAYLOAD });
      },
    });
    const el = await createLogin(enabled, { 'token-storage': 'memory' }, 'hostile-cognito-login');
    const failed = oneEvent(el, 'login-error');
    await submitEmail(el, 'someone@example.com');
    expect((await failed).detail).to.deep.equal({ code: 'unknown', message: en.errorUnknown });
    await el.updateComplete;
    expect(errorText(el)).to.equal(en.errorUnknown);
    expect(el.shadowRoot!.textContent).to.not.include('onerror');
    await settle();
    expect(injected(el)).to.deep.equal([]);
    expect(window.__pwned).to.equal(undefined);
  });
});
