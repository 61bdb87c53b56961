// Builds the CDK app. `bin/app.ts` (the CLI's entry), the shipped-template generator and the tests
// all go through here, so `cdk synth` and the committed template cannot drift apart by setup.
import { App } from 'aws-cdk-lib';
import { PasswordlessLoginStack } from './passwordless-login-stack.js';

export const DEFAULT_STACK_NAME = 'PasswordlessLogin';

export interface CreatedApp {
  app: App;
  stack: PasswordlessLoginStack;
}

export function createApp(options: { outdir?: string } = {}): CreatedApp {
  const app = new App({
    ...(options.outdir ? { outdir: options.outdir } : {}),
    // No AWS::CDK::Metadata resource: the template stays free of CDK bookkeeping.
    analyticsReporting: false,
    // Applied after the CLI's context, so `cdk synth` produces exactly the shipped template.
    postCliContext: {
      'aws:cdk:enable-path-metadata': false,
      'aws:cdk:enable-asset-metadata': false,
    },
  });
  const stackName = app.node.tryGetContext('stackName') ?? DEFAULT_STACK_NAME;
  const stack = new PasswordlessLoginStack(app, 'PasswordlessLogin', { stackName });
  return { app, stack };
}
