// The Cognito user pool that <passwordless-login> needs, and nothing else: email one-time codes
// through choice-based sign-in (USER_AUTH + EMAIL_OTP), new users signed up on the way (or only by
// administrators), code emails in the user's language written by a Custom Message trigger, and the
// pool-side defences of docs/security.md: every account sealed at confirmation (no password anyone
// chose survives), no tokens for an unsealed account, rotating refresh tokens, no self-service
// password recovery, and an optional AWS WAF web ACL.
//
// Everything a site owner chooses is a CloudFormation parameter (lib/parameters.ts), so one template
// serves both `cdk deploy --parameters …` and `aws cloudformation deploy` of the shipped file.
import { Aws, CfnOutput, Duration, Fn, LegacyStackSynthesizer, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  type PasskeyUserVerification,
  StringAttribute,
  UserPool,
  VerificationEmailStyle,
  type CfnUserPool,
  type CfnUserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { defineParameters } from './parameters.js';
import { createCustomMessageFunction, createSealFunction, grantNoticeSender, grantSeal } from './triggers.js';
import { createWebAcl } from './waf.js';

/** Challenge session lifetime: how long a sign-in code can be entered. Cognito's minimum and
 * default; the element's countdown and the local emulator assume it. */
export const AUTH_SESSION_MINUTES = 3;

/**
 * How long a refresh token that has just been rotated out still works. Amplify retries a failed
 * refresh within a second or two, and two tabs of one site may refresh with the same token at
 * nearly the same moment; a longer window would only help someone who copied the token.
 */
export const REFRESH_ROTATION_GRACE_SECONDS = 10;

export class PasswordlessLoginStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, {
      description:
        'Amazon Cognito user pool for the <passwordless-login> web component: email one-time-code sign-in and sign-up, localized code emails, accounts sealed against pre-registration takeover.',
      // Deploys with the CLI's own credentials and the template inline: with no assets (the
      // triggers' code is inline too) `cdk deploy` needs no `cdk bootstrap`, no staging bucket and
      // no deploy roles.
      synthesizer: new LegacyStackSynthesizer(),
      ...props,
    });

    const parameters = defineParameters(this);
    const customMessage = createCustomMessageFunction(this, parameters.appName.valueAsString);
    const sealAccount = createSealFunction(this);

    const pool = new UserPool(this, 'UserPool', {
      userPoolName: parameters.poolName.valueAsString,
      // Choice-based sign-in (USER_AUTH, EMAIL_OTP) needs Essentials or Plus.
      featurePlan: FeaturePlan.ESSENTIALS,
      // Cognito refuses a first-factor list without PASSWORD; the element never offers it, the seal
      // trigger makes sure nobody knows any account's password, the optional WAF refuses its use.
      // Passkeys (WEB_AUTHN) only with a relying party ID: see the UsePasskeys override below.
      signInPolicy: { allowedFirstAuthFactors: { password: true, emailOtp: true, passkey: true } },
      passkeyRelyingPartyId: parameters.passkeyRelyingPartyId.valueAsString,
      passkeyUserVerification: parameters.passkeyUserVerification.valueAsString as PasskeyUserVerification,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      // A changed email only takes effect once its code is confirmed.
      keepOriginal: { email: true },
      // Replaced below by the SelfSignUp parameter (the L2 property is fixed at synth time).
      selfSignUpEnabled: true,
      standardAttributes: {
        email: { required: true, mutable: true },
        // The element records the user's language here; the Custom Message trigger reads it.
        locale: { required: false, mutable: true },
      },
      // The seal mark (lambda/seal-account/seal.ts); the app client can neither read nor write it.
      customAttributes: { sealed_at: new StringAttribute({ mutable: true, minLen: 1, maxLen: 64 }) },
      // admin_only: no ForgotPassword email path. Passwordless users have no password to recover,
      // and a self-service reset would be one more way to set a password on someone's account.
      accountRecovery: AccountRecovery.NONE,
      // Fallback wording; the Custom Message trigger replaces it for every code email it knows.
      userVerification: {
        emailStyle: VerificationEmailStyle.CODE,
        emailSubject: 'Confirm your email address',
        emailBody: 'Your confirmation code is {####}',
      },
      lambdaTriggers: { customMessage, postConfirmation: sealAccount, preTokenGeneration: sealAccount },
      // Kept when the stack is deleted, and Cognito itself refuses to delete it: the users live here.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    grantSeal(this, sealAccount, pool.userPoolArn);

    const cfnPool = pool.node.defaultChild as CfnUserPool;
    // Passkeys are a deploy-time choice (PasskeyRelyingPartyId empty or not), which the L2 props
    // (fixed at synth time) cannot express: without a relying party ID, WEB_AUTHN is not a first
    // factor and the pool has no WebAuthn settings at all.
    const { usePasskeys } = parameters;
    cfnPool.addPropertyOverride(
      'Policies.SignInPolicy.AllowedFirstAuthFactors',
      Fn.conditionIf(usePasskeys.logicalId, ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'], ['PASSWORD', 'EMAIL_OTP']),
    );
    cfnPool.webAuthnRelyingPartyId = Fn.conditionIf(usePasskeys.logicalId, parameters.passkeyRelyingPartyId.valueAsString, Aws.NO_VALUE).toString();
    cfnPool.webAuthnUserVerification = Fn.conditionIf(usePasskeys.logicalId, parameters.passkeyUserVerification.valueAsString, Aws.NO_VALUE).toString();
    // SelfSignUp=off: the public SignUp API answers NotAuthorizedException; administrators create
    // accounts (AdminCreateUser), as docs/security.md describes.
    cfnPool.adminCreateUserConfig = {
      allowAdminCreateUserOnly: Fn.conditionIf(parameters.selfSignUpOff.logicalId, true, false),
    };

    // SES or Cognito's sender is a deploy-time choice (a parameter), which the L2 `UserPoolEmail`
    // (fixed at synth time) cannot express, so the email configuration is written here. The rule
    // SesOrExplicitTrial (lib/parameters.ts) refuses Cognito's sender unless CognitoEmailTrial=yes.
    const { sesFromAddress, sesFromName, sesIdentityArn } = parameters;
    const sesFrom = Fn.conditionIf(
      parameters.hasSesFromName.logicalId,
      Fn.join('', ['"', sesFromName.valueAsString, '" <', sesFromAddress.valueAsString, '>']),
      sesFromAddress.valueAsString,
    );
    const sesSourceArn = Fn.conditionIf(
      parameters.hasSesIdentityArn.logicalId,
      sesIdentityArn.valueAsString,
      Fn.sub('arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${SesFromAddress}'),
    );
    cfnPool.emailConfiguration = Fn.conditionIf(
      parameters.useSes.logicalId,
      { EmailSendingAccount: 'DEVELOPER', From: sesFrom, SourceArn: sesSourceArn },
      { EmailSendingAccount: 'COGNITO_DEFAULT' },
    );
    // The same sender writes the notice to the old address of an email change (the Custom Message
    // trigger sends it through SES itself: Cognito has no such message).
    grantNoticeSender(this, customMessage, { from: sesFrom.toString(), identityArn: sesSourceArn.toString(), useSes: parameters.useSes });

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
      // ALLOW_USER_AUTH only: no SRP, no USER_PASSWORD_AUTH, no custom auth. With rotation on, CDK
      // leaves out ALLOW_REFRESH_TOKEN_AUTH: refreshes go through GetTokensFromRefreshToken.
      authFlows: { user: true },
      // The element talks to the Cognito API directly: no hosted UI, no OAuth redirects.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      authSessionValidity: Duration.minutes(AUTH_SESSION_MINUTES),
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      // Every refresh returns a new refresh token and retires the old one.
      refreshTokenRotationGracePeriod: Duration.seconds(REFRESH_ROTATION_GRACE_SECONDS),
      readAttributes: new ClientAttributes().withStandardAttributes({
        email: true,
        emailVerified: true,
        locale: true,
      }),
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true, locale: true }),
    });
    // The refresh token's lifetime is a parameter, in days (the L2 property is fixed at synth time).
    const cfnClient = client.node.defaultChild as CfnUserPoolClient;
    cfnClient.refreshTokenValidity = parameters.refreshTokenValidityDays.valueAsNumber;
    cfnClient.tokenValidityUnits = { idToken: 'minutes', accessToken: 'minutes', refreshToken: 'days' };

    createWebAcl(this, pool.userPoolArn, parameters);

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
        Fn.conditionIf(parameters.selfSignUpOff.logicalId, '" sign-up="off', '').toString(),
        // A pool without passkeys: the element should not offer them.
        Fn.conditionIf(usePasskeys.logicalId, '', '" passkeys="off').toString(),
        '"></passwordless-login>',
      ]),
    });
  }
}
