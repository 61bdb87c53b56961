/** Addresses of the local Cognito emulators that web-test-runner.config.mjs starts for the browser tests. */
declare module 'virtual:emulator' {
  export interface EmulatorInfo {
    endpoint: string;
    userPoolId: string;
    clientId: string;
    region: string;
  }
  /** PreventUserExistenceErrors enabled (the console's default). */
  export const enabled: EmulatorInfo;
  /** PreventUserExistenceErrors legacy. */
  export const legacy: EmulatorInfo;
  /** Enabled, with challenge sessions that expire after 4 seconds. */
  export const shortSession: EmulatorInfo;
  /** Enabled, with at most two codes sent per user in ten minutes. */
  export const throttled: EmulatorInfo;
  /** Enabled, no send limit; for fault injection set at run time over `/_emulator/faults`. */
  export const faulty: EmulatorInfo;
  /** Refresh-token rotation with a one-second grace period. */
  export const rotating: EmulatorInfo;
  /** Self sign-up off (AllowAdminCreateUserOnly). */
  export const adminOnly: EmulatorInfo;
  /** Enabled, no send limit, passkeys for RP ID `localhost` with user verification required. */
  export const passkeys: EmulatorInfo;
  /** Enabled, no send limit, no passkeys (WEB_AUTHN not among the pool's first factors). */
  export const noPasskeys: EmulatorInfo;
  export const emulators: {
    enabled: EmulatorInfo;
    legacy: EmulatorInfo;
    shortSession: EmulatorInfo;
    throttled: EmulatorInfo;
    faulty: EmulatorInfo;
    rotating: EmulatorInfo;
    adminOnly: EmulatorInfo;
    passkeys: EmulatorInfo;
    noPasskeys: EmulatorInfo;
  };
}
