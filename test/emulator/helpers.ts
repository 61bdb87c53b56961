import assert from 'node:assert/strict';
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { startEmulator, type EmulatorOptions, type OutboxMessage, type RunningEmulator } from '../../emulator/index.js';

export interface Harness {
  emulator: RunningEmulator;
  /** The unmodified AWS SDK v3 client, pointed at the emulator, with no credentials at all. */
  client: CognitoIdentityProviderClient;
  /** The same with (dummy) IAM credentials, so it signs requests: for the Admin* operations. */
  admin: CognitoIdentityProviderClient;
  mails(to: string): Promise<OutboxMessage[]>;
  lastCode(to: string, kind: OutboxMessage['kind']): Promise<string>;
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
  const admin = new CognitoIdentityProviderClient({
    endpoint: emulator.endpoint,
    region: emulator.region,
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKIATESTADMIN0000000', secretAccessKey: 'not-checked-by-the-emulator' },
  });
  const mails = async (to: string) =>
    (await (await fetch(`${emulator.endpoint}/_emulator/messages?to=${encodeURIComponent(to)}`)).json()) as OutboxMessage[];
  return {
    emulator,
    client,
    admin,
    mails,
    async lastCode(to, kind) {
      const found = (await mails(to)).filter((m) => m.kind === kind).at(-1);
      if (found === undefined) throw new Error(`no ${kind} mail to ${to}`);
      return found.code;
    },
    async close() {
      client.destroy();
      admin.destroy();
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

/** What the sign-up helpers need: a harness, or the same pieces around a CLI-started emulator. */
export type PoolClient = Pick<Harness, 'client' | 'lastCode'> & { emulator: { clientId: string } };

export async function signUp(h: PoolClient, email: string, extra: Array<{ Name: string; Value: string }> = []) {
  return h.client.send(
    new SignUpCommand({
      ClientId: h.emulator.clientId,
      Username: email,
      UserAttributes: [{ Name: 'email', Value: email }, ...extra],
    }),
  );
}

export async function confirm(h: PoolClient, email: string) {
  return h.client.send(
    new ConfirmSignUpCommand({
      ClientId: h.emulator.clientId,
      Username: email,
      ConfirmationCode: await h.lastCode(email, 'sign-up'),
    }),
  );
}

/** Signs up, confirms and signs in with the ConfirmSignUp session. */
export async function newSignedInUser(h: PoolClient, email = newEmail()): Promise<AuthenticationResultType> {
  await signUp(h, email);
  const { Session } = await confirm(h, email);
  const r = await h.client.send(
    new InitiateAuthCommand({ ClientId: h.emulator.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email }, Session }),
  );
  assert.ok(r.AuthenticationResult);
  return r.AuthenticationResult;
}

export function startOtp(h: Harness, email: string) {
  return h.client.send(
    new InitiateAuthCommand({
      ClientId: h.emulator.clientId,
      AuthFlow: 'USER_AUTH',
      AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'EMAIL_OTP' },
    }),
  );
}

export function answerOtp(h: Harness, email: string, session: string | undefined, code: string) {
  return h.client.send(
    new RespondToAuthChallengeCommand({
      ClientId: h.emulator.clientId,
      ChallengeName: 'EMAIL_OTP',
      Session: session,
      ChallengeResponses: { USERNAME: email, EMAIL_OTP_CODE: code },
    }),
  );
}

/** A code of the right length that is not `code`. */
export const wrong = (code: string) => code.replace(/./g, (d, i) => (i === 0 ? String((Number(d) + 1) % 10) : d));


/** A new signed-in user as the passkey tests use it: the email and the access token. */
export async function signedInUser(h: PoolClient): Promise<{ email: string; accessToken: string }> {
  const email = newEmail();
  const { AccessToken } = await newSignedInUser(h, email);
  return { email, accessToken: AccessToken! };
}
