// The emulator runs the production Custom Message trigger (infra/lambda/custom-message) with
// Cognito's event shape, so the outbox shows what users will receive: sign-up, resend and sign-in
// code emails in the user's `locale`, as the handler renders them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { startEmulator, type OutboxMessage, type RunningEmulator } from '../../emulator/index.js';
import { renderEmail } from '../../infra/lambda/custom-message/index.js';

let cognito: RunningEmulator;
let client: CognitoIdentityProviderClient;

before(async () => {
  cognito = await startEmulator({ port: 0, log: false, customMessage: 'infra/lambda/custom-message/index.ts' });
  client = new CognitoIdentityProviderClient({ endpoint: cognito.endpoint, region: cognito.region, maxAttempts: 1 });
});

after(async () => {
  client?.destroy();
  await cognito?.close();
});

async function mails(to: string): Promise<OutboxMessage[]> {
  return (await fetch(`${cognito.endpoint}/_emulator/messages?to=${encodeURIComponent(to)}`)).json();
}

function assertRendered(mail: OutboxMessage | undefined, kind: 'signUp' | 'signIn', locale: string) {
  assert.ok(mail, 'a mail was sent');
  const expected = renderEmail(kind, locale, mail.code);
  assert.equal(mail.subject, expected.subject);
  assert.equal(mail.html, expected.html, 'the body is the handler’s HTML, with the code in place');
  assert.ok(mail.html?.includes(mail.code), 'the code is in the body');
  assert.ok(!mail.html?.includes('{####}'), 'the placeholder was replaced');
}

for (const locale of ['de', 'ar', 'ja', 'pt-BR']) {
  test(`sign-up, resend and sign-in emails are written by the trigger in ${locale}`, async () => {
    const email = `mail-${randomUUID()}@example.com`;
    const { ClientId } = { ClientId: cognito.clientId };
    await client.send(
      new SignUpCommand({
        ClientId, Username: email,
        UserAttributes: [{ Name: 'email', Value: email }, { Name: 'locale', Value: locale }],
      }),
    );
    assertRendered((await mails(email))[0], 'signUp', locale);

    await client.send(new ResendConfirmationCodeCommand({ ClientId, Username: email }));
    const resent = (await mails(email))[1];
    assertRendered(resent, 'signUp', locale);

    await client.send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: resent!.code }));
    await client.send(
      new InitiateAuthCommand({
        ClientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: email, PREFERRED_CHALLENGE: 'EMAIL_OTP' },
      }),
    );
    const signIn = (await mails(email))[2];
    assert.equal(signIn?.kind, 'sign-in');
    assert.match(signIn!.code, /^\d{8}$/);
    assertRendered(signIn, 'signIn', locale);
  });
}

test('the German and English emails differ, so the locale is really used', async () => {
  assert.notEqual(renderEmail('signIn', 'de', '12345678').subject, renderEmail('signIn', 'en', '12345678').subject);
});
