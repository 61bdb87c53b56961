// The Cognito user pool that <passwordless-login> needs, and nothing else: email one-time codes
// through choice-based sign-in (USER_AUTH + EMAIL_OTP), new users signed up on the way, and code
// emails in the user's language written by a Custom Message trigger.
//
// Everything a site owner chooses is a CloudFormation parameter, not CDK context, so one template
// serves both `cdk deploy --parameters …` and `aws cloudformation deploy` of the shipped file.
import {
  Aws,
  LegacyStackSynthesizer,
  CfnCondition,
  CfnOutput,
  CfnParameter,
  Duration,
  Fn,
  RemovalPolicy,
  Stack,
  Validations,
  type StackProps,
} from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  UserPool,
  VerificationEmailStyle,
  type CfnUserPool,
} from 'aws-cdk-lib/aws-cognito';
import { Architecture, Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { bundleCustomMessageHandler } from './custom-message-code.js';

/** Challenge session lifetime: how long a sign-in code can be entered. Cognito's minimum and
 * default; the element's countdown and the local emulator assume it. */
export const AUTH_SESSION_MINUTES = 3;

export class PasswordlessLoginStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, {
      description:
        'Amazon Cognito user pool for the <passwordless-login> web component: email one-time-code sign-in and sign-up, localized code emails.',
      // Deploys with the CLI's own credentials and the template inline: with no assets (the
      // trigger's code is inline too) `cdk deploy` needs no `cdk bootstrap`, no staging bucket and
      // no deploy roles.
      synthesizer: new LegacyStackSynthesizer(),
      ...props,
    });

    const poolName = new CfnParameter(this, 'PoolName', {
      type: 'String',
      default: 'passwordless-login',
      minLength: 1,
      maxLength: 128,
      allowedPattern: '[\\w\\s+=,.@-]+',
      description: 'Name of the Cognito user pool.',
    });
    const appName = new CfnParameter(this, 'AppName', {
      type: 'String',
      default: '',
      maxLength: 60,
      allowedPattern: '[^<>\\r\\n]*',
      description:
        "Your site's name, shown in the subject and text of the code emails (e.g. Example Shop). Empty: emails name no site.",
    });
    const sesFromAddress = new CfnParameter(this, 'SesFromAddress', {
      type: 'String',
      default: '',
      allowedPattern: '|[^\\s@<>"]+@[^\\s@<>"]+',
      constraintDescription: 'must be empty or a plain email address such as no-reply@example.com',
      description:
        "Send code emails through Amazon SES from this verified address (e.g. no-reply@example.com). Empty: Cognito's default sender (no-reply@verificationemail.com, about 50 emails a day).",
    });
    const sesFromName = new CfnParameter(this, 'SesFromName', {
      type: 'String',
      default: '',
      maxLength: 64,
      allowedPattern: "[A-Za-z0-9 .,'&!?()_+-]*",
      constraintDescription: 'must be plain ASCII letters, digits, spaces and . , \' & ! ? ( ) _ + -',
      description: 'Sender display name for SES emails (e.g. Example Shop). Used only with SesFromAddress.',
    });
    const sesIdentityArn = new CfnParameter(this, 'SesIdentityArn', {
      type: 'String',
      default: '',
      allowedPattern: '|arn:aws[a-z-]*:ses:[a-z0-9-]+:[0-9]{12}:identity/.+',
      constraintDescription: 'must be empty or an SES identity ARN',
      description:
        'ARN of the verified SES identity (address or domain) that SesFromAddress belongs to. Needed for a domain identity, or one in another region or account. Empty: the address identity in this region and account.',
    });

    const useSes = new CfnCondition(this, 'UseSes', {
      expression: Fn.conditionNot(Fn.conditionEquals(sesFromAddress.valueAsString, '')),
    });
    const hasSesFromName = new CfnCondition(this, 'HasSesFromName', {
      expression: Fn.conditionNot(Fn.conditionEquals(sesFromName.valueAsString, '')),
    });
    const hasSesIdentityArn = new CfnCondition(this, 'HasSesIdentityArn', {
      expression: Fn.conditionNot(Fn.conditionEquals(sesIdentityArn.valueAsString, '')),
    });

    const customMessage = new LambdaFunction(this, 'CustomMessage', {
      description: 'Writes the <passwordless-login> sign-up and sign-in code emails in the user language.',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      handler: 'index.handler',
      code: Code.fromInline(bundleCustomMessageHandler()),
      memorySize: 128,
      // Cognito waits at most 5 seconds for a trigger; rendering takes milliseconds.
      timeout: Duration.seconds(5),
      environment: { APP_NAME: appName.valueAsString },
      logGroup: new LogGroup(this, 'CustomMessageLogs', {
        retention: RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
    });

    const pool = new UserPool(this, 'UserPool', {
      userPoolName: poolName.valueAsString,
      // Choice-based sign-in (USER_AUTH, EMAIL_OTP) needs Essentials or Plus.
      featurePlan: FeaturePlan.ESSENTIALS,
      // Cognito refuses a first-factor list without PASSWORD; the element never offers it.
      signInPolicy: { allowedFirstAuthFactors: { password: true, emailOtp: true } },
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      // A changed email only takes effect once its code is confirmed.
      keepOriginal: { email: true },
      selfSignUpEnabled: true,
      standardAttributes: {
        email: { required: true, mutable: true },
        // The element records the user's language here; the Custom Message trigger reads it.
        locale: { required: false, mutable: true },
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Fallback wording; the Custom Message trigger replaces it for every code email it knows.
      userVerification: {
        emailStyle: VerificationEmailStyle.CODE,
        emailSubject: 'Confirm your email address',
        emailBody: 'Your confirmation code is {####}',
      },
      lambdaTriggers: { customMessage },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // SES or Cognito's sender is a deploy-time choice (a parameter), which the L2 `UserPoolEmail`
    // (fixed at synth time) cannot express, so the email configuration is written here.
    const sesFrom = Fn.conditionIf(
      hasSesFromName.logicalId,
      Fn.join('', ['"', sesFromName.valueAsString, '" <', sesFromAddress.valueAsString, '>']),
      sesFromAddress.valueAsString,
    );
    const sesSourceArn = Fn.conditionIf(
      hasSesIdentityArn.logicalId,
      sesIdentityArn.valueAsString,
      Fn.sub('arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${SesFromAddress}'),
    );
    const cfnPool = pool.node.defaultChild as CfnUserPool;
    cfnPool.emailConfiguration = Fn.conditionIf(
      useSes.logicalId,
      { EmailSendingAccount: 'DEVELOPER', From: sesFrom, SourceArn: sesSourceArn },
      { EmailSendingAccount: 'COGNITO_DEFAULT' },
    );

    // The validator checks SourceArn against the parameter's empty default without seeing that the
    // HasSesIdentityArn condition never uses it when empty.
    Validations.of(this).acknowledge({
      id: 'CloudFormation-Validate::W1030',
      reason: 'SesIdentityArn is only referenced when it is not empty (condition HasSesIdentityArn).',
    });

    const client = pool.addClient('WebClient', {
      userPoolClientName: 'passwordless-login-web',
      // A browser cannot keep a secret.
      generateSecret: false,
      // ALLOW_USER_AUTH plus ALLOW_REFRESH_TOKEN_AUTH (added by CDK), nothing else: no SRP, no
      // USER_PASSWORD_AUTH, no custom auth.
      authFlows: { user: true },
      // The element talks to the Cognito API directly: no hosted UI, no OAuth redirects.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      authSessionValidity: Duration.minutes(AUTH_SESSION_MINUTES),
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes().withStandardAttributes({
        email: true,
        emailVerified: true,
        locale: true,
      }),
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, locale: true }),
    });

    new CfnOutput(this, 'UserPoolId', {
      description: 'user-pool-id attribute of <passwordless-login>',
      value: pool.userPoolId,
    });
    new CfnOutput(this, 'UserPoolClientId', {
      description: 'client-id attribute of <passwordless-login>',
      value: client.userPoolClientId,
    });
    new CfnOutput(this, 'Region', {
      description: 'AWS region of the user pool (also the prefix of its ID)',
      value: Aws.REGION,
    });
    new CfnOutput(this, 'ElementSnippet', {
      description: 'Paste into your page',
      value: Fn.join('', [
        '<passwordless-login user-pool-id="',
        pool.userPoolId,
        '" client-id="',
        client.userPoolClientId,
        '"></passwordless-login>',
      ]),
    });
  }
}
