// Sending the email-change notice through Amazon SES v2.
//
// Cognito mails the code for a changed email to the new address only; it has no message for the
// address in force. So the Custom Message trigger sends that one itself, with SendEmail, from the
// pool's own SES sender (the stack passes it as SES_FROM and SES_IDENTITY_ARN and allows
// ses:SendEmail on that identity only). Why here and not elsewhere:
// - It is the one hook Cognito runs, synchronously, whenever an email change is asked for, for every
//   client (an attacker with a stolen session calls the API directly, not the element).
// - A failed send fails the trigger, and Cognito then refuses the change: no silent account move.
// - No second Lambda, queue or CloudTrail rule: Cognito has no "attribute changed" trigger, and
//   CloudTrail hides the attribute values and arrives minutes late.
// Without an SES sender (the CognitoEmailTrial setup) there is nothing to send with; the notice is
// skipped and the log says so.
//
// The AWS SDK comes with the Lambda runtime (the bundle leaves it out); it is loaded on the first
// notice only, so code emails never wait for it. The local emulator runs this same file and points
// the SDK at itself through AWS_ENDPOINT_URL_SESV2.
import type { SESv2Client } from '@aws-sdk/client-sesv2';

export interface NoticeSender {
  /** The From header, e.g. `"Example Shop" <no-reply@example.com>`. */
  from: string;
  /** The verified SES identity the address belongs to (for another region or account). */
  identityArn?: string;
  /** SES's region: the identity's, else the function's own. */
  region?: string;
}

/** The sender the stack configured in the function's environment, or undefined when there is none. */
export function noticeSender(env: Record<string, string | undefined>): NoticeSender | undefined {
  const from = env.SES_FROM?.trim();
  if (!from) return undefined;
  const identityArn = env.SES_IDENTITY_ARN?.trim() || undefined;
  // arn:aws:ses:<region>:<account>:identity/<name>
  const region = identityArn?.split(':')[3] || env.AWS_REGION || undefined;
  return { from, ...(identityArn ? { identityArn } : {}), ...(region ? { region } : {}) };
}

/** One client per region and endpoint, kept across invocations as Lambda keeps the module. */
const clients = new Map<string, Promise<SESv2Client>>();

function client(region: string | undefined): Promise<SESv2Client> {
  const key = `${region ?? ''}|${process.env.AWS_ENDPOINT_URL_SESV2 ?? ''}`;
  let made = clients.get(key);
  if (!made) {
    made = import('@aws-sdk/client-sesv2').then(
      // Cognito gives the whole trigger 5 seconds: one retry at most, and no wait on a dead socket.
      ({ SESv2Client: Client }) =>
        new Client({ ...(region ? { region } : {}), maxAttempts: 2, requestHandler: { connectionTimeout: 1000, requestTimeout: 1500 } }),
    );
    clients.set(key, made);
  }
  return made;
}

/** Sends one rendered notice; throws when SES refuses it or cannot be reached. */
export async function sendNotice(
  sender: NoticeSender,
  to: string,
  email: { subject: string; html: string; text: string },
): Promise<void> {
  const { SendEmailCommand } = await import('@aws-sdk/client-sesv2');
  await (await client(sender.region)).send(
    new SendEmailCommand({
      FromEmailAddress: sender.from,
      ...(sender.identityArn ? { FromEmailAddressIdentityArn: sender.identityArn } : {}),
      Destination: { ToAddresses: [to] },
      Content: {
        Simple: {
          Subject: { Data: email.subject, Charset: 'UTF-8' },
          Body: { Html: { Data: email.html, Charset: 'UTF-8' }, Text: { Data: email.text, Charset: 'UTF-8' } },
        },
      },
    }),
  );
}
