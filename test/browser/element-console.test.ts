// No console noise: on a page where nothing configured Amplify first, a complete sign-up, sign-out
// and returning sign-in log nothing (no "Amplify has not been configured", no custom-endpoint
// warning for the `endpoint` attribute, no Lit dev-mode warning such as change-in-update).
// This file runs in a page of its own, so the first element here is the first to touch Amplify.
import { expect } from '@open-wc/testing';
import { enabled } from 'virtual:emulator';
import { codeToSignedIn, createLogin, emailToCode, nthMail, uniqueEmail, waitForStep } from './element-helpers.js';

const METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

/** Records every console call until `restore()`. */
function recordConsole() {
  const calls: string[] = [];
  const originals = METHODS.map((name) => [name, console[name]] as const);
  for (const name of METHODS) {
    console[name] = (...args: unknown[]) => {
      calls.push(`${name}: ${args.map(String).join(' ')}`);
    };
  }
  return {
    calls,
    restore() {
      for (const [name, original] of originals) console[name] = original;
    },
  };
}

describe('<passwordless-login> console', () => {
  it('logs nothing through sign-up, sign-out, a returning sign-in and a restore', async () => {
    const recorded = recordConsole();
    try {
      const email = uniqueEmail('quiet');
      const el = await createLogin(enabled);
      await emailToCode(el, email);
      await codeToSignedIn(el, (await nthMail(enabled, email)).code);
      await el.signOut();
      await waitForStep(el, 'email');

      await emailToCode(el, email);
      await codeToSignedIn(el, (await nthMail(enabled, email, 2)).code);
      el.remove();
      const again = await createLogin(enabled);
      await waitForStep(again, 'signed-in');
      await again.getTokens({ forceRefresh: true });
      await again.signOut();
      again.remove();
    } finally {
      recorded.restore();
    }
    expect(recorded.calls).to.deep.equal([]);
  });
});
