// An email change against the emulator running the production Custom Message trigger
// (infra/lambda/custom-message): the code goes to the new address in the user's language, and the
// trigger itself tells the address in force, through the AWS SDK's SESv2 client, which the trigger
// worker's AWS_ENDPOINT_URL_SESV2 points at the emulator, so the notice lands in the same outbox.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { startEmulator, type OutboxMessage, type RunningEmulator } from '../../emulator/index.js';
import { renderEmail, renderNotice } from '../../infra/lambda/custom-message/index.js';

let cognito: RunningEmulator;
let client: CognitoIdentityProviderClient;

before(async () => {
  // What the stack gives the function (an SES sender). The trigger runs in the emulator's worker,
  // whose environment also points the AWS SDK (SESv2 included) at the emulator.
  cognito = await startEmulator({
    port: 0,
    log: false,
    customMessage: 'infra/lambda/custom-message/index.ts',
    triggerEnvironment: {
      SES_FROM: '"Example Shop" <no-reply@shop.example>',
      SES_IDENTITY_ARN: 'arn:aws:ses:us-east-1:123456789012:identity/shop.example',
    },
  });
  client = new CognitoIdentityProviderClient({ endpoint: cognito.endpoint, region: cognito.region, maxAttempts: 1 });
});

after(async () => {
  client?.destroy();
  await cognito?.close();
});

async function mails(to: string): Promise<OutboxMessage[]> {
  return (await fetch(`${cognito.endpoint}/_emulator/messages?to=${encodeURIComponent(to)}`)).json();
}

test('a changed email: the code to the new address and a notice to the old one, both in the user’s language', async () => {
  const old = `old-${randomUUID()}@example.com`;
  const next = `new-${randomUUID()}@example.com`;
  const ClientId = cognito.clientId;
  await client.send(new SignUpCommand({ ClientId, Username: old, UserAttributes: [{ Name: 'locale', Value: 'ja' }] }));
  const { Session } = await client.send(new ConfirmSignUpCommand({ ClientId, Username: old, ConfirmationCode: (await mails(old))[0]!.code }));
  const signedIn = await client.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: old }, Session }));
  const AccessToken = signedIn.AuthenticationResult!.AccessToken!;

  await client.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'email', Value: next }] }));

  const [code] = await mails(next);
  assert.equal(code!.kind, 'verify-email');
  const expected = renderEmail('changeEmail', 'ja', code!.code);
  assert.equal(code!.subject, expected.subject);
  assert.equal(code!.html, expected.html);

  const notice = (await mails(old)).filter((m) => m.kind === 'notice');
  assert.equal(notice.length, 1);
  assert.equal(notice[0]!.from, '"Example Shop" <no-reply@shop.example>');
  assert.equal(notice[0]!.subject, renderNotice('ja').subject);
  assert.equal(notice[0]!.html, renderNotice('ja').html);
  assert.equal(notice[0]!.code, '', 'the notice carries no code');

  await client.send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'email', Code: code!.code }));
  assert.equal((await mails(old)).filter((m) => m.kind === 'notice').length, 1, 'verifying sends no second notice');
});
