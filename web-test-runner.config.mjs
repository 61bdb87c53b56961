// Browser tests in Chromium. The plugin below starts local Cognito emulators on free ports before
// the tests and closes them after; tests import their addresses from the virtual module
// `virtual:emulator` (typed in types/virtual-emulator.d.ts).
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { startEmulator } from './dist/emulator/index.js';
import { countReporter } from './scripts/wtr-count-reporter.mjs';
import { webauthnPlugin } from './scripts/wtr-webauthn-plugin.mjs';

/**
 * As the production pool in infra/ runs: its Lambda triggers (code emails; the seal at confirmation
 * and before every token issuance) and refresh-token rotation with its 10-second grace.
 */
const PRODUCTION = { triggers: true, refreshTokenRotation: { retryGracePeriodSeconds: 10 } };

/** The emulators the browser tests use, keyed by what makes each one different. */
const EMULATOR_SETUPS = {
  // As the console creates pools: PreventUserExistenceErrors enabled.
  enabled: { ...PRODUCTION, userExistenceErrors: 'enabled' },
  legacy: { ...PRODUCTION, userExistenceErrors: 'legacy' },
  // Challenge sessions that expire in seconds, for the expired-session tests.
  shortSession: { ...PRODUCTION, userExistenceErrors: 'enabled', authSessionValiditySeconds: 4 },
  // At most two codes per user in ten minutes, for the throttling tests.
  throttled: { ...PRODUCTION, userExistenceErrors: 'enabled', codeSendLimit: { max: 2, windowSeconds: 600 } },
  // Its own pool for the fault-injection tests, which set faults at run time over /_emulator/faults.
  faulty: { ...PRODUCTION, userExistenceErrors: 'enabled', codeSendLimit: null },
  // A one-second rotation grace, so a test can outlive it.
  rotating: { ...PRODUCTION, refreshTokenRotation: { retryGracePeriodSeconds: 1 } },
  // SelfSignUp=off: administrators create the accounts.
  adminOnly: { ...PRODUCTION, selfSignUp: false },
  // Passkeys for the page's origin (http://localhost:<port>), with user verification required, so a
  // virtual authenticator that fails it stands for a cancelled prompt.
  passkeys: { ...PRODUCTION, userExistenceErrors: 'enabled', codeSendLimit: null, passkeys: { relyingPartyId: 'localhost', userVerification: 'required' } },
  // A pool whose sign-in policy lacks WEB_AUTHN.
  noPasskeys: { ...PRODUCTION, userExistenceErrors: 'enabled', codeSendLimit: null, passkeys: false },
};

function emulatorPlugin() {
  const running = {};
  return {
    name: 'local-cognito-emulator',
    async serverStart() {
      for (const [name, options] of Object.entries(EMULATOR_SETUPS)) {
        running[name] = await startEmulator({ port: 0, log: false, ...options });
      }
    },
    async serverStop() {
      await Promise.all(Object.values(running).map((e) => e.close()));
    },
    resolveImport({ source }) {
      if (source === 'virtual:emulator') return '/__virtual/emulator.js';
    },
    serve(context) {
      if (context.path !== '/__virtual/emulator.js') return;
      const info = Object.fromEntries(
        Object.entries(running).map(([name, e]) => [
          name,
          { endpoint: e.endpoint, userPoolId: e.userPoolId, clientId: e.clientId, region: e.region },
        ]),
      );
      const body = Object.entries(info)
        .map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`)
        .join('\n');
      return { body: `${body}\nexport const emulators = { ${Object.keys(info).join(', ')} };\n`, type: 'js' };
    },
  };
}

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development', 'browser'], browser: true },
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
        ],
      },
    }),
  ],
  plugins: [
    emulatorPlugin(),
    webauthnPlugin(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
};
