import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { startEmulator, type EmulatorOptions, type OutboxMessage, type RunningEmulator } from '../../emulator/index.js';

export interface Harness {
  emulator: RunningEmulator;
  /** The unmodified AWS SDK v3 client, pointed at the emulator, with no credentials at all. */
  client: CognitoIdentityProviderClient;
  mails(to: string): Promise<OutboxMessage[]>;
  lastCode(to: string, kind: 'sign-up' | 'sign-in'): Promise<string>;
  close(): Promise<void>;
}

export async function harness(options: EmulatorOptions = {}): Promise<Harness> {
  const emulator = await startEmulator({ log: false, ...options });
  const client = new CognitoIdentityProviderClient({
    endpoint: emulator.endpoint,
    region: emulator.region,
    // One attempt: LimitExceededException would otherwise be retried (and counted) three times.
    maxAttempts: 1,
  });
  const mails = async (to: string) =>
    (await (await fetch(`${emulator.endpoint}/_emulator/messages?to=${encodeURIComponent(to)}`)).json()) as OutboxMessage[];
  return {
    emulator,
    client,
    mails,
    async lastCode(to, kind) {
      const found = (await mails(to)).filter((m) => m.kind === kind).at(-1);
      if (found === undefined) throw new Error(`no ${kind} mail to ${to}`);
      return found.code;
    },
    async close() {
      client.destroy();
      await emulator.close();
    },
  };
}

let counter = 0;
/** A fresh address per test. */
export function newEmail(): string {
  counter += 1;
  return `user${counter}-${process.pid}-${Date.now()}@example.com`;
}

/** The rejection's `name` and `message`, or fails when the promise resolves. */
export async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail, it succeeded');
}
