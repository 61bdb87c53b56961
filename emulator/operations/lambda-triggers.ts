/**
 * The pool's Post confirmation and Pre token generation triggers, with Cognito's event shapes. Both
 * run inside the operation: a trigger that throws (or takes longer than 5 seconds) fails the
 * operation with UserLambdaValidationException naming the trigger. The Custom Message trigger is
 * ../messages.ts's. The handlers run in the trigger worker (../triggers/runner.ts), where the AWS
 * SDK reaches this emulator, so the admin calls a trigger makes land here.
 */
import { errors } from '../errors.js';
import type { User } from '../store.js';
import type { PoolDeps } from './context.js';

export type PostConfirmationSource = 'PostConfirmation_ConfirmSignUp' | 'PostConfirmation_ConfirmForgotPassword';
export type TokenGenerationSource = 'TokenGeneration_Authentication' | 'TokenGeneration_RefreshTokens';

/** The parts every user-pool trigger event shares, for `user`. */
function common(d: PoolDeps, user: User, triggerSource: string, clientId: string) {
  return {
    version: '1',
    triggerSource,
    region: d.config.region,
    userPoolId: d.config.userPoolId,
    // Email is the username attribute: Cognito's username for the user is the sub.
    userName: user.sub,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId },
  };
}

/** The user's attributes as triggers receive them: all of them, and the account status. */
function eventAttributes(user: User): Record<string, string> {
  return { ...user.attributes, 'cognito:user_status': user.status };
}

async function invoke(d: PoolDeps, trigger: 'PostConfirmation' | 'PreTokenGeneration', event: object): Promise<unknown> {
  try {
    return await d.triggers!.invoke(trigger, event);
  } catch (error) {
    throw errors.triggerFailed(trigger, error instanceof Error ? error.message : String(error));
  }
}

/**
 * After ConfirmSignUp or AdminConfirmSignUp has confirmed `user` (and saved it). [U] When the
 * trigger fails Cognito answers the error but does not promise to undo the confirmation; the
 * emulator keeps the account confirmed, the less forgiving reading, which the seal's token gate
 * is there to survive.
 */
export async function afterConfirmation(
  d: PoolDeps,
  user: User,
  source: PostConfirmationSource,
  clientId: string,
  clientMetadata?: Record<string, string>,
): Promise<void> {
  if (!d.triggers?.has('PostConfirmation')) return;
  await invoke(d, 'PostConfirmation', {
    ...common(d, user, source, clientId),
    request: { userAttributes: eventAttributes(user), ...(clientMetadata ? { clientMetadata } : {}) },
    response: {},
  });
}

/**
 * Before tokens are minted for `user` (a sign-in by any factor, or a refresh): a throw means no
 * tokens. [U] The version 1 response's `claimsOverrideDetails` is not applied by the emulator; a
 * trigger that sets it is logged. The trigger may change the user through admin calls (the same
 * `User` object), so callers mint from `user` after this returns.
 */
export async function beforeTokens(
  d: PoolDeps,
  user: User,
  source: TokenGenerationSource,
  clientId: string,
  clientMetadata?: Record<string, string>,
): Promise<void> {
  if (!d.triggers?.has('PreTokenGeneration')) return;
  const result = await invoke(d, 'PreTokenGeneration', {
    ...common(d, user, source, clientId),
    request: {
      userAttributes: eventAttributes(user),
      groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null },
      ...(clientMetadata ? { clientMetadata } : {}),
    },
    response: { claimsOverrideDetails: null },
  });
  const overrides = (result as { response?: { claimsOverrideDetails?: unknown } } | null)?.response?.claimsOverrideDetails;
  if (overrides) d.log('pre token generation trigger returned claimsOverrideDetails: not applied by the emulator');
}
