// UpdateUserAttributes, GetUserAttributeVerificationCode and VerifyUserAttribute through the
// unmodified AWS SDK v3: Cognito's rules for a changed email (pending until verified, the old address
// active meanwhile), its codes, limits and conflicts, and SES v2 SendEmail for the pool's triggers.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DeleteUserCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { decodeJwt } from 'jose';
import { answerOtp, failure, harness, newEmail, newSignedInUser, startOtp, wrong, type Harness } from './helpers.js';

const FIXTURE = 'test/emulator/fixtures/custom-message-attributes.mjs';

function update(h: Harness, tokens: AuthenticationResultType, attributes: Record<string, string>) {
  return h.client.send(
    new UpdateUserAttributesCommand({
      AccessToken: tokens.AccessToken,
      UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
    }),
  );
}

function verify(h: Harness, tokens: AuthenticationResultType, code: string) {
  return h.client.send(new VerifyUserAttributeCommand({ AccessToken: tokens.AccessToken, AttributeName: 'email', Code: code }));
}

function resend(h: Harness, tokens: AuthenticationResultType) {
  return h.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: tokens.AccessToken, AttributeName: 'email' }));
}

async function attributes(h: Harness, tokens: AuthenticationResultType): Promise<Record<string, string>> {
  const r = await h.client.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));
  return Object.fromEntries((r.UserAttributes ?? []).map((a) => [a.Name!, a.Value!]));
}

/** Whether `email` signs in: an EMAIL_OTP challenge whose mailed code gives tokens. */
async function signsIn(h: Harness, email: string): Promise<AuthenticationResultType | string> {
  try {
    const start = await startOtp(h, email);
    const r = await answerOtp(h, email, start.Session, await h.lastCode(email, 'sign-in'));
    return r.AuthenticationResult!;
  } catch (error) {
    return (error as Error).name;
  }
}

describe('changing the email, with the original kept active (the production pool)', () => {
  let h: Harness;
  // Legacy errors, so that an address that signs in no one is plainly UserNotFoundException.
  before(async () => (h = await harness({ userExistenceErrors: 'legacy', customMessage: FIXTURE })));
  after(() => h.close());

  it('a new email waits for its code: the old one keeps signing in, the new one signs in no one', async () => {
    const old = newEmail();
    const typo = `typo-${newEmail()}`;
    const tokens = await newSignedInUser(h, old);
    const r = await update(h, tokens, { email: typo });
    assert.deepEqual(r.CodeDeliveryDetailsList, [{ AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 't***@e***' }]);
    // The code went to the new address only, written by the trigger, which was shown the address in force.
    const [mail] = await h.mails(typo);
    assert.equal(mail!.kind, 'verify-email');
    assert.match(mail!.code, /^\d{6}$/);
    assert.equal(mail!.text, `${mail!.code} CustomMessage_UpdateUserAttribute shown ${old} verified=true`);
    assert.deepEqual((await h.mails(old)).filter((m) => m.kind === 'verify-email'), []);
    // Nothing switched: GetUser, the sign-in address and the address codes go to.
    const now = await attributes(h, tokens);
    assert.equal(now.email, old);
    assert.equal(now.email_verified, 'true');
    assert.equal(await signsIn(h, typo), 'UserNotFoundException');
    assert.equal(typeof (await signsIn(h, old)), 'object');
    assert.deepEqual(await h.mails(typo), [mail], 'no sign-in code to the pending address');
  });

  it('the right code switches the sign-in address; a wrong one does not; tokens then carry the new email', async () => {
    const old = newEmail();
    const next = newEmail();
    const tokens = await newSignedInUser(h, old);
    await update(h, tokens, { email: next });
    const code = await h.lastCode(next, 'verify-email');
    const mismatch = await failure(verify(h, tokens, wrong(code)));
    assert.deepEqual(mismatch, { name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.', status: 400 });
    assert.equal((await attributes(h, tokens)).email, old);
    assert.deepEqual(await verify(h, tokens, code).then(({ $metadata: _, ...rest }) => rest), {});
    const now = await attributes(h, tokens);
    assert.equal(now.email, next);
    assert.equal(now.email_verified, 'true');
    assert.equal(await signsIn(h, old), 'UserNotFoundException');
    assert.equal(typeof (await signsIn(h, next)), 'object');
    // The session goes on; its next ID token names the new address.
    const refreshed = await h.client.send(new GetTokensFromRefreshTokenCommand({ ClientId: h.emulator.clientId, RefreshToken: tokens.RefreshToken }));
    assert.equal(decodeJwt(refreshed.AuthenticationResult!.IdToken!).email, next);
    // The code is spent.
    assert.equal((await failure(verify(h, tokens, code))).name, 'ExpiredCodeException');
  });

  it('GetUserAttributeVerificationCode sends a new code to the pending address that replaces the old one', async () => {
    const old = newEmail();
    const next = newEmail();
    const tokens = await newSignedInUser(h, old);
    await update(h, tokens, { email: next });
    const first = await h.lastCode(next, 'verify-email');
    const r = await resend(h, tokens);
    assert.deepEqual(r.CodeDeliveryDetails, { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'u***@e***' });
    const mails = await h.mails(next);
    assert.equal(mails.length, 2);
    assert.match(mails[1]!.text, /CustomMessage_VerifyUserAttribute/);
    const second = mails[1]!.code;
    if (second !== first) assert.equal((await failure(verify(h, tokens, first))).name, 'CodeMismatchException');
    await verify(h, tokens, second);
    assert.equal((await attributes(h, tokens)).email, next);
  });

  it('a newer change replaces the pending one; changing back to the address in force cancels it', async () => {
    const old = newEmail();
    const [typo, right] = [newEmail(), newEmail()];
    const tokens = await newSignedInUser(h, old);
    await update(h, tokens, { email: typo });
    const typoCode = await h.lastCode(typo, 'verify-email');
    await update(h, tokens, { email: right });
    if (typoCode !== (await h.lastCode(right, 'verify-email')))
      assert.equal((await failure(verify(h, tokens, typoCode))).name, 'CodeMismatchException');
    const rightCode = await h.lastCode(right, 'verify-email');
    const back = await update(h, tokens, { email: old.toUpperCase() });
    assert.deepEqual(back.CodeDeliveryDetailsList, [], 'the address in force needs no code');
    assert.equal((await failure(verify(h, tokens, rightCode))).name, 'ExpiredCodeException');
    assert.equal((await attributes(h, tokens)).email, old);
  });

  it("another account's email is AliasExistsException, in any case, and nothing is sent or pending", async () => {
    const mine = newEmail();
    const theirs = newEmail();
    const tokens = await newSignedInUser(h, mine);
    await newSignedInUser(h, theirs);
    const before = (await h.mails(theirs)).length;
    const r = await failure(update(h, tokens, { email: theirs.toUpperCase(), locale: 'fr' }));
    assert.deepEqual(r, { name: 'AliasExistsException', message: 'An account with the given email already exists.', status: 400 });
    assert.equal((await h.mails(theirs)).length, before);
    assert.equal((await failure(verify(h, tokens, '123456'))).name, 'ExpiredCodeException', 'nothing pending');
    const now = await attributes(h, tokens);
    assert.equal(now.locale, undefined, 'the refused request changed nothing, not even its other attributes');
    assert.equal(now.email, mine);
  });

  it('an address taken while the change was pending is AliasExistsException at verification; the account keeps its address', async () => {
    const mine = newEmail();
    const contested = newEmail();
    const tokens = await newSignedInUser(h, mine);
    await update(h, tokens, { email: contested });
    const code = await h.lastCode(contested, 'verify-email');
    // A pending address is no sign-in address: someone else may sign up with it.
    await newSignedInUser(h, contested);
    assert.equal((await failure(verify(h, tokens, code))).name, 'AliasExistsException');
    assert.equal((await attributes(h, tokens)).email, mine);
    assert.equal(typeof (await signsIn(h, mine)), 'object');
  });

  it('other attributes change at once, a blank value deletes one, with no code', async () => {
    const tokens = await newSignedInUser(h);
    assert.deepEqual((await update(h, tokens, { locale: 'de', name: 'Ada' })).CodeDeliveryDetailsList, []);
    assert.equal((await attributes(h, tokens)).locale, 'de');
    await update(h, tokens, { name: '' });
    assert.equal((await attributes(h, tokens)).name, undefined);
  });

  it('a failing trigger refuses the change and leaves nothing pending', async () => {
    const old = newEmail();
    const next = newEmail();
    const tokens = await newSignedInUser(h, old);
    await update(h, tokens, { locale: 'fail' });
    const r = await failure(update(h, tokens, { email: next }));
    assert.deepEqual(r, { name: 'UserLambdaValidationException', message: 'CustomMessage failed with error boom.', status: 400 });
    assert.deepEqual(await h.mails(next), []);
    assert.equal((await failure(verify(h, tokens, '123456'))).name, 'ExpiredCodeException');
  });
});

describe('refusals', () => {
  let h: Harness;
  before(async () => (h = await harness()));
  after(() => h.close());

  it('malformed attributes and names are InvalidParameterException or NotAuthorizedException', async () => {
    const tokens = await newSignedInUser(h);
    const cases: Array<[Promise<unknown>, string, string]> = [
      [update(h, tokens, { email: 'not-an-address' }), 'InvalidParameterException', 'Invalid email address format.'],
      [update(h, tokens, { email: '' }), 'InvalidParameterException', 'Attributes did not conform to the schema: email: The attribute is required'],
      [update(h, tokens, { email_verified: 'true' }), 'NotAuthorizedException', 'A client attempted to write unauthorized attribute'],
      [update(h, tokens, { sub: 'x' }), 'NotAuthorizedException', 'A client attempted to write unauthorized attribute'],
      [update(h, tokens, { shoe_size: '9' }), 'InvalidParameterException', 'Attributes did not conform to the schema: shoe_size: Attribute does not exist in the schema.'],
      [
        h.client.send(new UpdateUserAttributesCommand({ AccessToken: tokens.AccessToken, UserAttributes: undefined as never })),
        'InvalidParameterException',
        "1 validation error detected: Value null at 'userAttributes' failed to satisfy constraint: Member must not be null",
      ],
      [
        h.client.send(new VerifyUserAttributeCommand({ AccessToken: tokens.AccessToken, AttributeName: 'locale', Code: '123456' })),
        'InvalidParameterException',
        'Invalid attribute name for verification: locale.',
      ],
      [
        h.client.send(new GetUserAttributeVerificationCodeCommand({ AccessToken: tokens.AccessToken, AttributeName: 'phone_number' })),
        'InvalidParameterException',
        'The user has no phone_number attribute to verify.',
      ],
    ];
    for (const [call, name, message] of cases) assert.deepEqual(await failure(call), { name, message, status: 400 });
  });

  it('bad, revoked and deleted-user tokens are refused by all three operations', async () => {
    const tokens = await newSignedInUser(h);
    const ops = (t: AuthenticationResultType) => [update(h, t, { locale: 'de' }), resend(h, t), verify(h, t, '123456')];
    for (const r of await Promise.all(ops({ AccessToken: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln' }).map(failure)))
      assert.deepEqual(r, { name: 'NotAuthorizedException', message: 'Invalid Access Token', status: 400 });
    await h.client.send(new GlobalSignOutCommand({ AccessToken: tokens.AccessToken }));
    for (const r of await Promise.all(ops(tokens).map(failure))) assert.equal(r.message, 'Access Token has been revoked');
    const other = await newSignedInUser(h);
    await h.client.send(new DeleteUserCommand({ AccessToken: other.AccessToken }));
    for (const r of await Promise.all(ops(other).map(failure))) assert.equal(r.name, 'NotAuthorizedException');
  });
});

describe('codes and limits', () => {
  let h: Harness;
  // Tokens that outlive the codes, so that an expired code is not hidden behind an expired token.
  before(async () => (h = await harness({ codeSendLimit: { max: 3, windowSeconds: 600 }, tokenValiditySeconds: 3 * 24 * 3600 })));
  after(() => h.close());

  it('five wrong codes spend the code (LimitExceededException, even for the right one) until a new one is sent', async () => {
    const tokens = await newSignedInUser(h); // send 1
    const next = newEmail();
    await update(h, tokens, { email: next }); // send 2
    const code = await h.lastCode(next, 'verify-email');
    for (let i = 0; i < 5; i += 1) assert.equal((await failure(verify(h, tokens, wrong(code)))).name, 'CodeMismatchException');
    assert.deepEqual(await failure(verify(h, tokens, code)), {
      name: 'LimitExceededException',
      message: 'Attempt limit exceeded, please try after some time.',
      status: 400,
    });
    await resend(h, tokens); // send 3
    await verify(h, tokens, await h.lastCode(next, 'verify-email'));
  });

  it('code mails count against the per-user send limit', async () => {
    const tokens = await newSignedInUser(h); // send 1
    const next = newEmail();
    await update(h, tokens, { email: next }); // send 2
    await resend(h, tokens); // send 3
    assert.equal((await failure(resend(h, tokens))).name, 'LimitExceededException');
    assert.equal((await failure(update(h, tokens, { email: newEmail() }))).name, 'LimitExceededException');
    assert.equal((await h.mails(next)).length, 2);
    await verify(h, tokens, await h.lastCode(next, 'verify-email'));
  });

  it('a code older than 24 hours is ExpiredCodeException', async (t) => {
    const tokens = await newSignedInUser(h);
    const next = newEmail();
    await update(h, tokens, { email: next });
    const code = await h.lastCode(next, 'verify-email');
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() + 24 * 3600 * 1000 + 1000 });
    const r = await failure(verify(h, tokens, code));
    t.mock.timers.reset();
    assert.deepEqual(r, { name: 'ExpiredCodeException', message: 'Invalid code provided, please request a code again.', status: 400 });
  });
});

describe('keepOriginalEmail: false', () => {
  let h: Harness;
  before(async () => (h = await harness({ keepOriginalEmail: false, userExistenceErrors: 'legacy', customMessage: FIXTURE })));
  after(() => h.close());

  it('the address switches at once, unverified (the trigger is shown it); the code verifies it', async () => {
    const old = newEmail();
    const next = newEmail();
    const tokens = await newSignedInUser(h, old);
    await update(h, tokens, { email: next });
    const mail = (await h.mails(next))[0]!;
    assert.equal(mail.text, `${mail.code} CustomMessage_UpdateUserAttribute shown ${next} verified=false`);
    const now = await attributes(h, tokens);
    assert.equal(now.email, next);
    assert.equal(now.email_verified, 'false');
    assert.equal(await signsIn(h, old), 'UserNotFoundException');
    await verify(h, tokens, mail.code);
    assert.equal((await attributes(h, tokens)).email_verified, 'true');
  });
});

describe('persistence', () => {
  it('a pending change and its code survive a restart with --data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-attrs-'));
    const dataFile = join(dir, 'pool.json');
    try {
      let h = await harness({ dataFile });
      const tokens = await newSignedInUser(h);
      const next = newEmail();
      await update(h, tokens, { email: next });
      const code = await h.lastCode(next, 'verify-email');
      await h.close();
      h = await harness({ dataFile });
      try {
        await verify(h, tokens, code);
        assert.equal((await attributes(h, tokens)).email, next);
      } finally {
        await h.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SES v2 SendEmail (for the pool triggers)', () => {
  let h: Harness;
  let ses: SESv2Client;
  before(async () => {
    h = await harness();
    ses = new SESv2Client({
      endpoint: h.emulator.endpoint,
      region: h.emulator.region,
      credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' },
      maxAttempts: 1,
    });
  });
  after(async () => {
    ses.destroy();
    await h.close();
  });

  it('puts the mail in the outbox as a notice; a malformed one is BadRequestException', async () => {
    const to = newEmail();
    const r = await ses.send(
      new SendEmailCommand({
        FromEmailAddress: '"Shop" <no-reply@example.com>',
        Destination: { ToAddresses: [to] },
        Content: { Simple: { Subject: { Data: 'Heads up' }, Body: { Html: { Data: '<p>Your email <b>changed</b>.</p>' } } } },
      }),
    );
    assert.match(r.MessageId!, /^[0-9a-f-]{36}-000000$/);
    const [mail] = await h.mails(to);
    assert.deepEqual(
      { ...mail, sentAt: undefined },
      { to, from: '"Shop" <no-reply@example.com>', subject: 'Heads up', text: 'Your email changed.', html: '<p>Your email <b>changed</b>.</p>', code: '', kind: 'notice', sentAt: undefined },
    );
    const bad = await failure(ses.send(new SendEmailCommand({ FromEmailAddress: 'a@example.com', Destination: { ToAddresses: [] }, Content: {} })));
    assert.deepEqual(bad, { name: 'BadRequestException', message: 'Destination.ToAddresses must list at least one address.', status: 400 });
    // The Cognito request log is for Cognito calls only.
    const log = (await (await fetch(`${h.emulator.endpoint}/_emulator/requests`)).json()) as Array<{ operation: string }>;
    assert.deepEqual(log, []);
  });
});
