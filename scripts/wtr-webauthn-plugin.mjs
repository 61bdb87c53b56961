// A web-test-runner plugin that gives browser tests the Chrome DevTools Protocol's WebAuthn domain
// (virtual authenticators: add, copy credentials between, make user verification fail), through
// `executeServerCommand('webauthn', { method, params })` from @web/test-runner-commands. One CDP
// session per test page, kept open: a virtual authenticator lives as long as its session.
export function webauthnPlugin() {
  const sessions = new Map();
  return {
    name: 'webauthn-cdp',
    async executeCommand({ command, payload, session }) {
      if (command !== 'webauthn') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error('the webauthn command needs chromeLauncher');
      let cdp = sessions.get(session.id);
      if (!cdp) {
        cdp = await session.browser.getPage(session.id).createCDPSession();
        await cdp.send('WebAuthn.enable', { enableUI: false });
        sessions.set(session.id, cdp);
      }
      return (await cdp.send(payload.method, payload.params)) ?? {};
    },
    async serverStop() {
      await Promise.all([...sessions.values()].map((cdp) => cdp.detach().catch(() => {})));
      sessions.clear();
    },
  };
}
