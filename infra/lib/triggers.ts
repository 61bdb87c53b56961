// The user pool's Lambda triggers: the Custom Message trigger (code emails in the user's language,
// and the notice to the old address of an email change, sent through SES) and the seal trigger (Post confirmation + Pre token generation; see lambda/seal-account/index.ts).
import { Duration, Fn, RemovalPolicy, type CfnCondition } from 'aws-cdk-lib';
import { Effect, Policy, PolicyStatement, type CfnPolicy } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { bundleTrigger } from './lambda-code.js';

/** Exactly what the seal trigger calls, on its own user pool only. */
export const SEAL_ACTIONS = [
  'cognito-idp:AdminSetUserPassword',
  'cognito-idp:AdminDeleteUserAttributes',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminUserGlobalSignOut',
] as const;

function logGroup(scope: Construct, id: string): LogGroup {
  return new LogGroup(scope, id, { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
}

export function createCustomMessageFunction(scope: Construct, appName: string): LambdaFunction {
  return new LambdaFunction(scope, 'CustomMessage', {
    description:
      'Writes the <passwordless-login> code emails in the user language; tells the old address of an email change.',
    runtime: Runtime.NODEJS_24_X,
    architecture: Architecture.ARM_64,
    handler: 'index.handler',
    code: Code.fromInline(bundleTrigger('custom-message')),
    memorySize: 128,
    // Cognito waits at most 5 seconds for a trigger; rendering takes milliseconds.
    timeout: Duration.seconds(5),
    environment: { APP_NAME: appName },
    logGroup: logGroup(scope, 'CustomMessageLogs'),
  });
}

/**
 * The Custom Message trigger's SES sender for the email-change notice (lambda/custom-message/notice.ts):
 * the From header and identity Cognito sends with, and `ses:SendEmail` on that identity only. Only with
 * SES (`useSes`); with Cognito's own sender there is no identity to send from, and the function skips
 * the notice. A separate policy resource, like the seal trigger's, created only under that condition.
 */
export function grantNoticeSender(
  scope: Construct,
  fn: LambdaFunction,
  sender: { from: string; identityArn: string; useSes: CfnCondition },
): Policy {
  const ifSes = (value: string) => Fn.conditionIf(sender.useSes.logicalId, value, '').toString();
  fn.addEnvironment('SES_FROM', ifSes(sender.from));
  fn.addEnvironment('SES_IDENTITY_ARN', ifSes(sender.identityArn));
  const policy = new Policy(scope, 'CustomMessageSesPolicy', {
    roles: [fn.role!],
    statements: [new PolicyStatement({ effect: Effect.ALLOW, actions: ['ses:SendEmail'], resources: [sender.identityArn] })],
  });
  (policy.node.defaultChild as CfnPolicy).cfnOptions.condition = sender.useSes;
  return policy;
}

export function createSealFunction(scope: Construct): LambdaFunction {
  return new LambdaFunction(scope, 'SealAccount', {
    description:
      '<passwordless-login>: replaces any password with a random one at confirmation; no tokens for an account that is not sealed.',
    runtime: Runtime.NODEJS_24_X,
    architecture: Architecture.ARM_64,
    handler: 'index.handler',
    code: Code.fromInline(bundleTrigger('seal-account')),
    // More memory is more CPU: the SDK's first load decides how long a cold sign-in waits.
    memorySize: 256,
    timeout: Duration.seconds(5),
    logGroup: logGroup(scope, 'SealAccountLogs'),
  });
}

/**
 * The seal trigger's permissions. A separate policy resource, not the role's default policy: the pool
 * refers to the function (its triggers) and this policy refers to the pool (its ARN), and only a
 * policy the function does not wait for keeps that from being a circular dependency.
 */
export function grantSeal(scope: Construct, fn: LambdaFunction, userPoolArn: string): Policy {
  return new Policy(scope, 'SealAccountPolicy', {
    roles: [fn.role!],
    statements: [new PolicyStatement({ effect: Effect.ALLOW, actions: [...SEAL_ACTIONS], resources: [userPoolArn] })],
  });
}
