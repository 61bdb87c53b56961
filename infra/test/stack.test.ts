// The user pool as code: every setting the element depends on, checked on the synthesized template,
// then evaluated for the default-sender and the SES deployments.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { createApp } from '../lib/app.js';
import { AUTH_SESSION_MINUTES } from '../lib/passwordless-login-stack.js';
import { evaluateTemplate, onlyResource } from './helpers.js';

const outdir = mkdtempSync(join(tmpdir(), 'passwordless-login-stack-test-'));
after(() => rmSync(outdir, { recursive: true, force: true }));
const { app, stack } = createApp({ outdir });
const assembly = app.synth();
const template = Template.fromStack(stack);
const json = template.toJSON() as any;
const ids = (type: string) => Object.keys(template.findResources(type));
const [poolId] = ids('AWS::Cognito::UserPool');
const [clientId] = ids('AWS::Cognito::UserPoolClient');
const functionId = (banner: string) =>
  ids('AWS::Lambda::Function').find((id) => json.Resources[id].Properties.Code.ZipFile.includes(banner))!;
const customMessageId = functionId('Custom Message trigger');
const sealId = functionId('Pre token generation trigger');
/** The parameters a deployment must give: an SES sender (or an explicit trial of Cognito's). */
const SES = { SesFromAddress: 'no-reply@example.com' };

describe('user pool', () => {
  it('is the only pool and client, with two functions: code emails and the seal', () => {
    template.resourceCountIs('AWS::Cognito::UserPool', 1);
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    template.resourceCountIs('AWS::Lambda::Function', 2);
    assert.ok(customMessageId && sealId && customMessageId !== sealId);
    template.resourceCountIs('AWS::Cognito::UserPoolDomain', 0);
  });

  it('is on the Essentials plan with choice-based sign-in: EMAIL_OTP, and PASSWORD as Cognito requires', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolTier: 'ESSENTIALS' });
    // WEB_AUTHN joins them with a relying party ID (test/passkeys.test.ts).
    const pool = onlyResource(evaluateTemplate(json, SES).resources, 'AWS::Cognito::UserPool');
    assert.deepEqual(pool.Policies, { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } });
  });

  it('uses the email address as the username, case-insensitively, and verifies it automatically', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      AliasAttributes: Match.absent(),
      UsernameConfiguration: { CaseSensitive: false },
      AutoVerifiedAttributes: ['email'],
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
      VerificationMessageTemplate: Match.objectLike({ DefaultEmailOption: 'CONFIRM_WITH_CODE' }),
    });
  });

  it('requires a mutable email and offers a writable locale', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        { Name: 'email', Required: true, Mutable: true },
        { Name: 'locale', Required: false, Mutable: true },
      ]),
    });
  });

  it('has no MFA step', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: Match.absent() });
  });

  it('takes its name from the PoolName parameter and is kept when the stack is deleted', () => {
    template.hasResource('AWS::Cognito::UserPool', {
      Properties: Match.objectLike({ UserPoolName: { Ref: 'PoolName' } }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('runs the Custom Message trigger, which Cognito may invoke', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: Match.objectLike({ CustomMessage: { 'Fn::GetAtt': [customMessageId, 'Arn'] } }),
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [customMessageId, 'Arn'] },
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [poolId, 'Arn'] },
    });
  });
});

describe('app client', () => {
  it('has no secret and allows exactly USER_AUTH (refreshes go through GetTokensFromRefreshToken)', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      UserPoolId: { Ref: poolId },
      GenerateSecret: false,
      ExplicitAuthFlows: ['ALLOW_USER_AUTH'],
    });
  });

  it('hides whether an account exists, revokes tokens, and limits the code session', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      AuthSessionValidity: AUTH_SESSION_MINUTES,
    });
    assert.ok(AUTH_SESSION_MINUTES >= 3 && AUTH_SESSION_MINUTES <= 15, 'Cognito accepts 3–15 minutes');
  });

  it('issues one-hour ID and access tokens', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      IdTokenValidity: 60,
      AccessTokenValidity: 60,
      TokenValidityUnits: Match.objectLike({ IdToken: 'minutes', AccessToken: 'minutes' }),
    });
  });

  it('is an API client: no OAuth flows, no callback URLs', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlowsUserPoolClient: false,
      AllowedOAuthFlows: Match.absent(),
      AllowedOAuthScopes: Match.absent(),
      CallbackURLs: Match.absent(),
      LogoutURLs: Match.absent(),
    });
  });

  it('can read email and locale and write only email and locale', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ReadAttributes: ['email', 'email_verified', 'locale'],
      WriteAttributes: ['email', 'locale'],
    });
  });
});

describe('Custom Message function', () => {
  it('runs the inline bundle on a current Node.js runtime within Cognito’s 5-second limit', () => {
    assert.match(json.Resources[customMessageId].Properties.Runtime, /^nodejs(2[2-9]|[3-9][0-9])\.x$/);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: Match.stringLikeRegexp('^nodejs(2[2-9]|[3-9][0-9])\\.x$'),
      Handler: 'index.handler',
      Code: { ZipFile: Match.stringLikeRegexp('Custom Message trigger, bundled') },
      Timeout: 5,
      Environment: { Variables: Match.objectLike({ APP_NAME: { Ref: 'AppName' } }) },
    });
  });

  it('logs to its own log group kept for a month', () => {
    const group = json.Resources[customMessageId].Properties.LoggingConfig.LogGroup.Ref;
    assert.equal(json.Resources[group].Properties.RetentionInDays, 30);
  });

  it('may write logs and, with SES, send mail from the pool’s own SES identity only', () => {
    const role = json.Resources[customMessageId].Properties.Role['Fn::GetAtt'][0];
    assert.deepEqual(json.Resources[role].Properties.ManagedPolicyArns, [
      { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']] },
    ]);
    const policies = Object.entries<any>(template.findResources('AWS::IAM::Policy')).filter(([, p]) =>
      JSON.stringify(p.Properties.Roles).includes(role),
    );
    assert.equal(policies.length, 1, 'one policy adds to its role');
    const [[policyId, policy]] = policies as [[string, any]];
    assert.equal(policy.Condition, 'UseSes', 'only when mail goes through SES');
    // As CloudFormation evaluates it: SendEmail on the identity Cognito itself sends with, nothing else.
    for (const [parameters, identity] of [
      [SES, 'arn:aws:ses:eu-west-1:123456789012:identity/no-reply@example.com'],
      [{ ...SES, SesIdentityArn: 'arn:aws:ses:us-east-1:210987654321:identity/example.com' }, 'arn:aws:ses:us-east-1:210987654321:identity/example.com'],
    ] as const) {
      const { resources } = evaluateTemplate(json, parameters);
      assert.deepEqual((resources[policyId]!.Properties as any).PolicyDocument.Statement, [
        { Action: 'ses:SendEmail', Effect: 'Allow', Resource: identity },
      ]);
      const pool = onlyResource(resources, 'AWS::Cognito::UserPool');
      assert.equal((pool.EmailConfiguration as any).SourceArn, identity, 'the identity of the pool’s own mail');
      const env = (resources[customMessageId]!.Properties as any).Environment.Variables;
      assert.equal(env.SES_IDENTITY_ARN, identity);
      assert.equal(env.SES_FROM, (pool.EmailConfiguration as any).From);
    }
    // Without SES (a trial of Cognito's sender) there is no policy and nothing to send with.
    const trial = evaluateTemplate(json, { CognitoEmailTrial: 'yes' });
    assert.equal(trial.condition('UseSes'), false, 'the policy is not created');
    const { SES_FROM, SES_IDENTITY_ARN } = (trial.resources[customMessageId]!.Properties as any).Environment.Variables;
    assert.deepEqual({ SES_FROM, SES_IDENTITY_ARN }, { SES_FROM: '', SES_IDENTITY_ARN: '' });
  });
});

describe('parameters and outputs', () => {
  it('takes the pool name, the site name and the SES sender as parameters with usable defaults', () => {
    assert.deepEqual(Object.keys(json.Parameters).sort(), [
      'AppName', 'CognitoEmailTrial', 'PasskeyRelyingPartyId', 'PasskeyUserVerification', 'PoolName',
      'RefreshTokenValidityDays', 'SelfSignUp', 'SesFromAddress', 'SesFromName', 'SesIdentityArn', 'Waf', 'WafRateLimit',
    ]);
    template.hasParameter('PoolName', { Type: 'String', Default: 'passwordless-login' });
    for (const name of ['AppName', 'SesFromAddress', 'SesFromName', 'SesIdentityArn']) {
      template.hasParameter(name, { Type: 'String', Default: '' });
    }
  });

  // CloudFormation matches AllowedPattern against the whole value.
  const allowed = (name: string, value: string) =>
    new RegExp(`^(?:${json.Parameters[name].AllowedPattern})$`).test(value);
  const cases: [string, string, boolean][] = [
    ['SesFromAddress', '', true],
    ['SesFromAddress', 'no-reply@example.com', true],
    ['SesFromAddress', 'Example <no-reply@example.com>', false],
    ['SesFromAddress', 'not-an-address', false],
    ['SesFromName', 'Example Shop', true],
    ['SesFromName', 'Say "hi"', false],
    ['SesIdentityArn', '', true],
    ['SesIdentityArn', 'arn:aws:ses:us-east-1:123456789012:identity/example.com', true],
    ['SesIdentityArn', 'example.com', false],
    ['AppName', 'Acme & Co', true],
    ['AppName', 'line\nbreak', false],
    ['PoolName', 'my-pool', true],
    ['PoolName', 'bad/name', false],
  ];
  for (const [name, value, ok] of cases) {
    it(`${name} ${ok ? 'accepts' : 'refuses'} ${JSON.stringify(value)}`, () => assert.equal(allowed(name, value), ok));
  }

  it('outputs the pool ID, the client ID, the region and a ready element tag (sign-up="off" when SelfSignUp is off, passkeys="off" without passkeys)', () => {
    template.hasOutput('UserPoolId', { Value: { Ref: poolId } });
    template.hasOutput('UserPoolClientId', { Value: { Ref: clientId } });
    template.hasOutput('Region', { Value: { Ref: 'AWS::Region' } });
    template.hasOutput('ElementSnippet', {
      Value: {
        'Fn::Join': ['', ['<passwordless-login user-pool-id="', { Ref: poolId }, '" client-id="', { Ref: clientId },
          { 'Fn::If': ['SelfSignUpOff', '" sign-up="off', ''] }, { 'Fn::If': ['UsePasskeys', '', '" passkeys="off'] }, '"></passwordless-login>']],
      },
    });
  });
});

describe('email sender', () => {
  it("uses Cognito's default sender only when a trial is asked for explicitly", () => {
    const { resources, condition } = evaluateTemplate(json, { CognitoEmailTrial: 'yes' });
    assert.equal(condition('UseSes'), false);
    assert.deepEqual(onlyResource(resources, 'AWS::Cognito::UserPool').EmailConfiguration, {
      EmailSendingAccount: 'COGNITO_DEFAULT',
    });
  });

  it('sends through SES from a verified address, its identity derived in this region and account', () => {
    const { resources } = evaluateTemplate(json, SES);
    assert.deepEqual(onlyResource(resources, 'AWS::Cognito::UserPool').EmailConfiguration, {
      EmailSendingAccount: 'DEVELOPER',
      From: 'no-reply@example.com',
      SourceArn: 'arn:aws:ses:eu-west-1:123456789012:identity/no-reply@example.com',
    });
  });

  it('sends through SES with a display name and a given (domain) identity', () => {
    const arn = 'arn:aws:ses:us-east-1:123456789012:identity/example.com';
    const { resources } = evaluateTemplate(json, {
      SesFromAddress: 'no-reply@example.com',
      SesFromName: 'Example Shop',
      SesIdentityArn: arn,
    });
    assert.deepEqual(onlyResource(resources, 'AWS::Cognito::UserPool').EmailConfiguration, {
      EmailSendingAccount: 'DEVELOPER',
      From: '"Example Shop" <no-reply@example.com>',
      SourceArn: arn,
    });
  });

  it('keeps every other pool and client setting the same in both', () => {
    const strip = (props: Record<string, unknown>) => ({ ...props, EmailConfiguration: undefined });
    const plain = evaluateTemplate(json, { CognitoEmailTrial: 'yes' }).resources;
    const ses = evaluateTemplate(json, SES).resources;
    assert.deepEqual(strip(onlyResource(ses, 'AWS::Cognito::UserPool')), strip(onlyResource(plain, 'AWS::Cognito::UserPool')));
    assert.deepEqual(onlyResource(ses, 'AWS::Cognito::UserPoolClient'), onlyResource(plain, 'AWS::Cognito::UserPoolClient'));
    assert.equal(onlyResource(ses, 'AWS::Cognito::UserPool').UserPoolTier, 'ESSENTIALS');
  });
});

describe('deployable without bootstrap', () => {
  it('has no assets, asset parameters or CDK metadata', () => {
    const artifact = assembly.getStackArtifact(stack.artifactId);
    assert.equal(artifact.assumeRoleArn, undefined, 'no deploy role to assume');
    assert.equal(artifact.stackTemplateAssetObjectUrl, undefined, 'template sent inline, not from a bucket');
    assert.deepEqual(assembly.artifacts.filter((a) => a.constructor.name === 'AssetManifestArtifact'), []);
    assert.ok(!JSON.stringify(json).includes('AssetParameters'));
    assert.ok(!JSON.stringify(json).includes('aws:cdk:'), 'no CDK path metadata');
    template.resourceCountIs('AWS::CDK::Metadata', 0);
    assert.deepEqual(Object.keys(json.Rules), ['SesOrExplicitTrial'], 'no bootstrap version rule');
  });

  it('passes CloudFormation validation with nothing but the one acknowledged finding', () => {
    const reportFile = join(outdir, 'validation-report.json');
    if (!existsSync(reportFile)) {
      assert.fail(`no validation report in ${readdirSync(outdir).join(', ')}`);
    }
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    for (const plugin of report.pluginReports) {
      assert.equal(plugin.conclusion, 'success');
      assert.deepEqual(plugin.violations, []);
      const suppressed = new Set(plugin.suppressedViolations.map((v: { ruleName: string }) => v.ruleName));
      assert.deepEqual([...suppressed], ['W1030']);
    }
  });
});
