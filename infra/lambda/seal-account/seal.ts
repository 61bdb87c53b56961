// Sealing an account: after it, nothing that an anonymous SignUp could choose is still a way in.
//
// The only secret a SignUp caller can choose is a password; the only profile data, the attributes
// the app client may write. Cognito cannot remove a password once set (AdminSetUserPassword refuses
// to), so the seal replaces it with a random one that is generated here, sent once to Cognito and
// never stored, logged or returned: nobody ever knows it. Attributes other than the ones below are
// deleted. Last, the mark is written, so that the mark only ever means "all of that is done".
import { randomBytes } from 'node:crypto';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

/**
 * The seal mark: a custom attribute the app client can neither read nor write (a SignUp cannot
 * pre-set it, tokens do not show it). Its value is when the account was sealed, for support.
 */
export const SEAL_ATTRIBUTE = 'custom:sealed_at';

/**
 * Attributes a SignUp may leave behind. `email` is the username. `locale` only chooses the language
 * of the code emails the owner receives, so one chosen by someone else is harmless. Any attribute a
 * future app client is allowed to write at sign-up is deleted at confirmation unless it is added
 * here, with a test saying why it is harmless.
 */
export const KEPT_ATTRIBUTES: ReadonlySet<string> = new Set(['email', 'locale']);

/** Attributes Cognito manages itself (or that cannot be deleted) and the seal mark. */
const MANAGED = /^(?:sub|email_verified|phone_number_verified|identities|updated_at|cognito:.*|custom:sealed_at)$/;

/**
 * 48 random bytes (384 bits) from the platform CSPRNG, then one character of each class the
 * default Cognito password policy requires, so the password is accepted whatever the policy.
 */
export function randomPassword(): string {
  return `${randomBytes(48).toString('base64url')}Aa1!`;
}

/** The names of the attributes the seal deletes from `attributes`. */
export function strayAttributes(attributes: Record<string, string | undefined>): string[] {
  return Object.keys(attributes).filter((name) => !KEPT_ATTRIBUTES.has(name) && !MANAGED.test(name));
}

export interface SealTarget {
  userPoolId: string;
  /** Cognito's username for the account (with email as the username attribute, the `sub`). */
  username: string;
  attributes: Record<string, string | undefined>;
}

/**
 * Seals the account. `keepPassword` is for a password its owner has just set with a code from their
 * mailbox (ConfirmForgotPassword): that one is theirs and stays. Throws when any step fails; the
 * mark is then not written, and the token gate seals the account before it can be used.
 */
export async function seal(
  client: CognitoIdentityProviderClient,
  target: SealTarget,
  { keepPassword = false }: { keepPassword?: boolean } = {},
): Promise<void> {
  const sdk = await import('@aws-sdk/client-cognito-identity-provider');
  const user = { UserPoolId: target.userPoolId, Username: target.username };
  if (!keepPassword) {
    await client.send(new sdk.AdminSetUserPasswordCommand({ ...user, Password: randomPassword(), Permanent: true }));
  }
  const strays = strayAttributes(target.attributes);
  if (strays.length > 0) {
    await client.send(new sdk.AdminDeleteUserAttributesCommand({ ...user, UserAttributeNames: strays }));
  }
  await client.send(
    new sdk.AdminUpdateUserAttributesCommand({
      ...user,
      UserAttributes: [{ Name: SEAL_ATTRIBUTE, Value: new Date().toISOString() }],
    }),
  );
}

/** Ends every session of the account: refresh tokens issued before the seal stop working. */
export async function signOutEverywhere(client: CognitoIdentityProviderClient, target: SealTarget): Promise<void> {
  const sdk = await import('@aws-sdk/client-cognito-identity-provider');
  await client.send(new sdk.AdminUserGlobalSignOutCommand({ UserPoolId: target.userPoolId, Username: target.username }));
}
