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
  export const emulators: { enabled: EmulatorInfo; legacy: EmulatorInfo; shortSession: EmulatorInfo };
}
