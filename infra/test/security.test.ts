// The pool-side defences of docs/security.md, as the template declares them and as CloudFormation
// would evaluate them for each choice of parameters.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { createApp } from '../lib/app.js';
import { SES_REQUIRED_MESSAGE } from '../lib/parameters.js';
import { REFRESH_ROTATION_GRACE_SECONDS } from '../lib/passwordless-login-stack.js';
import { SEAL_ACTIONS } from '../lib/triggers.js';
import { RATE_LIMITED_OPERATIONS } from '../lib/waf.js';
import { evaluateTemplate, onlyResource } from './helpers.js';

const outdir = mkdtempSync(join(tmpdir(), 'passwordless-login-security-test-'));
after(() => rmSync(outdir, { recursive: true, force: true }));
const { app, stack } = createApp({ outdir });
app.synth();
const template = Template.fromStack(stack);
const json = template.toJSON() as any;
const ids = (type: string) => Object.keys(template.findResources(type));
const [poolId] = ids('AWS::Cognito::UserPool');
const sealId = ids('AWS::Lambda::Function').find((id) =>
  json.Resources[id].Properties.Code.ZipFile.includes('Pre token generation trigger'),
)!;
const SES = { SesFromAddress: 'no-reply@example.com' };
const pool = (parameters: Record<string, string> = {}) =>
  onlyResource(evaluateTemplate(json, { ...SES, ...parameters }).resources, 'AWS::Cognito::UserPool');
const client = (parameters: Record<string, string> = {}) =>
  onlyResource(evaluateTemplate(json, { ...SES, ...parameters }).resources, 'AWS::Cognito::UserPoolClient');

describe('account takeover before the owner signs up: the seal trigger', () => {
  it('runs at confirmation and before every token issuance', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: Match.objectLike({
        PostConfirmation: { 'Fn::GetAtt': [sealId, 'Arn'] },
        PreTokenGeneration: { 'Fn::GetAtt': [sealId, 'Arn'] },
      }),
    });
    for (const trigger of ['PostConfirmation', 'PreTokenGeneration']) {
      const permission = Object.entries<any>(template.findResources('AWS::Lambda::Permission')).find(([id]) =>
        id.includes(trigger),
      )?.[1];
      assert.ok(permission, `Cognito may invoke the ${trigger} trigger`);
      assert.deepEqual(permission.Properties, {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [sealId, 'Arn'] },
        Principal: 'cognito-idp.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': [poolId, 'Arn'] },
      });
    }
  });

  it('keeps its mark in a custom attribute the app client can neither read nor write', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([Match.objectLike({ Name: 'sealed_at', AttributeDataType: 'String', Mutable: true })]),
    });
    const { ReadAttributes, WriteAttributes } = client();
    for (const list of [ReadAttributes, WriteAttributes] as string[][]) {
      assert.ok(!list.some((name) => name.includes('sealed')), `${list} leaves the mark out`);
    }
  });

  it('may call exactly the four admin operations it needs, on this user pool only', () => {
    const role = json.Resources[sealId].Properties.Role['Fn::GetAtt'][0];
    const policies = Object.values<any>(template.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p.Properties.Roles).includes(role),
    );
    assert.equal(policies.length, 1);
    const [policy] = policies;
    assert.deepEqual(policy.Properties.Roles, [{ Ref: role }]);
    assert.deepEqual(policy.Properties.PolicyDocument.Statement, [
      { Action: [...SEAL_ACTIONS], Effect: 'Allow', Resource: { 'Fn::GetAtt': [poolId, 'Arn'] } },
    ]);
    assert.ok(SEAL_ACTIONS.every((action) => /^cognito-idp:Admin[A-Za-z]+$/.test(action)), 'no wildcard');
    assert.deepEqual(json.Resources[role].Properties.ManagedPolicyArns, [
      { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']] },
    ]);
    // The function does not wait for its policy, or pool → function → policy → pool would be a cycle.
    for (const policyId of Object.keys(template.findResources('AWS::IAM::Policy')))
      assert.equal(json.Resources[sealId].DependsOn?.includes?.(policyId) ?? false, false);
  });

  it('runs the inline bundle within Cognito’s 5-second limit, its AWS SDK from the Lambda runtime', () => {
    const fn = json.Resources[sealId].Properties;
    assert.match(fn.Runtime, /^nodejs(2[2-9]|[3-9][0-9])\.x$/);
    assert.equal(fn.Handler, 'index.handler');
    assert.equal(fn.Timeout, 5);
    assert.match(fn.Code.ZipFile, /require\("@aws-sdk\/client-cognito-identity-provider"\)|import\("@aws-sdk\/client-cognito-identity-provider"\)/);
    const group = fn.LoggingConfig.LogGroup.Ref;
    assert.equal(json.Resources[group].Properties.RetentionInDays, 30);
  });
});

describe('self sign-up', () => {
  it('is on by default: people create their own accounts', () => {
    assert.equal(json.Parameters.SelfSignUp.Default, 'on');
    assert.deepEqual(json.Parameters.SelfSignUp.AllowedValues, ['on', 'off']);
    assert.deepEqual(pool().AdminCreateUserConfig, { AllowAdminCreateUserOnly: false });
  });

  it('SelfSignUp=off leaves account creation to administrators and says sign-up="off" in the snippet', () => {
    assert.deepEqual(pool({ SelfSignUp: 'off' }).AdminCreateUserConfig, { AllowAdminCreateUserOnly: true });
    const snippet = (p: Record<string, string>) => evaluateTemplate(json, { ...SES, ...p }).outputs.ElementSnippet as string;
    // With passkeys (a relying party ID), the tag says nothing of them (test/passkeys.test.ts).
    const rp = { PasskeyRelyingPartyId: 'example.com' };
    assert.match(snippet({ SelfSignUp: 'off', ...rp }), /client-id="<Ref [^>]+>" sign-up="off"><\/passwordless-login>$/);
    assert.match(snippet(rp), /client-id="<Ref [^>]+>"><\/passwordless-login>$/);
  });
});

describe('email sender: SES unless a trial is asked for', () => {
  it('refuses to deploy without SesFromAddress and without CognitoEmailTrial=yes, and says why', () => {
    assert.deepEqual(evaluateTemplate(json).failedRules, [SES_REQUIRED_MESSAGE]);
    assert.match(SES_REQUIRED_MESSAGE, /50 emails a day/);
    assert.match(SES_REQUIRED_MESSAGE, /SignUp/);
  });

  it('deploys with an SES sender, or with the trial sender when asked for explicitly', () => {
    assert.deepEqual(evaluateTemplate(json, SES).failedRules, []);
    assert.deepEqual(evaluateTemplate(json, { CognitoEmailTrial: 'yes' }).failedRules, []);
    assert.deepEqual(evaluateTemplate(json, { ...SES, CognitoEmailTrial: 'yes' }).failedRules, []);
    assert.equal(json.Parameters.CognitoEmailTrial.Default, 'no');
    assert.equal(pool(SES).EmailConfiguration && (pool(SES).EmailConfiguration as any).EmailSendingAccount, 'DEVELOPER');
  });
});

describe('tokens', () => {
  it('rotates the refresh token on every refresh, the old one usable only for a short retry window', () => {
    assert.deepEqual(client().RefreshTokenRotation, { Feature: 'ENABLED', RetryGracePeriodSeconds: REFRESH_ROTATION_GRACE_SECONDS });
    assert.ok(REFRESH_ROTATION_GRACE_SECONDS > 0 && REFRESH_ROTATION_GRACE_SECONDS <= 60, 'Cognito accepts 0–60 s');
    // Rotation needs GetTokensFromRefreshToken; REFRESH_TOKEN_AUTH would refresh without rotating.
    assert.ok(!(client().ExplicitAuthFlows as string[]).includes('ALLOW_REFRESH_TOKEN_AUTH'));
  });

  it('keeps a sign-in 7 days by default, RefreshTokenValidityDays otherwise (1 to 3650)', () => {
    assert.equal(client().RefreshTokenValidity, '7');
    assert.equal(client({ RefreshTokenValidityDays: '1' }).RefreshTokenValidity, '1');
    assert.deepEqual(client().TokenValidityUnits, { IdToken: 'minutes', AccessToken: 'minutes', RefreshToken: 'days' });
    template.hasParameter('RefreshTokenValidityDays', { Type: 'Number', Default: 7, MinValue: 1, MaxValue: 3650 });
  });
});

describe('the pool itself', () => {
  it('cannot be deleted by accident: deletion protection on, retained with the stack', () => {
    template.hasResource('AWS::Cognito::UserPool', {
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
      DeletionPolicy: 'Retain',
    });
  });

  it('has no self-service password recovery (admin only): no ForgotPassword email path', () => {
    assert.deepEqual(pool().AccountRecoverySetting, { RecoveryMechanisms: [{ Name: 'admin_only', Priority: 1 }] });
  });

  it('keeps PASSWORD only because Cognito requires it, beside EMAIL_OTP', () => {
    assert.deepEqual((pool().Policies as any).SignInPolicy.AllowedFirstAuthFactors, ['PASSWORD', 'EMAIL_OTP']);
  });
});

describe('optional AWS WAF web ACL', () => {
  it('is off by default: no web ACL and no association', () => {
    const { resources } = evaluateTemplate(json, SES);
    assert.equal(json.Parameters.Waf.Default, 'off');
    for (const type of ['AWS::WAFv2::WebACL', 'AWS::WAFv2::WebACLAssociation']) {
      const id = ids(type)[0]!;
      assert.equal(json.Resources[id].Condition, 'UseWaf');
      assert.ok(resources[id], 'the evaluator keeps conditional resources; the condition decides');
    }
    assert.equal(evaluateTemplate(json, SES).condition('UseWaf'), false);
  });

  it('Waf=on protects this user pool with three rules, in this order, answering in Cognito’s error shape', () => {
    assert.equal(evaluateTemplate(json, { ...SES, Waf: 'on' }).condition('UseWaf'), true);
    template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      ResourceArn: { 'Fn::GetAtt': [poolId, 'Arn'] },
      WebACLArn: { 'Fn::GetAtt': [ids('AWS::WAFv2::WebACL')[0], 'Arn'] },
    });
    const acl = json.Resources[ids('AWS::WAFv2::WebACL')[0]!].Properties;
    assert.equal(acl.Scope, 'REGIONAL');
    assert.deepEqual(acl.DefaultAction, { Allow: {} });
    assert.deepEqual(
      acl.Rules.map((r: any) => [r.Priority, r.Name, Object.keys(r.Action)[0], r.Action.Block.CustomResponse.ResponseCode]),
      [
        [0, 'NoPasswordInSignUp', 'Block', 400],
        [1, 'NoPasswordSignIn', 'Block', 400],
        [2, 'CodeEmailsPerIp', 'Block', 400],
      ],
    );
    for (const [, body] of Object.entries<any>(acl.CustomResponseBodies)) {
      assert.equal(body.ContentType, 'APPLICATION_JSON');
      assert.match(JSON.parse(body.Content).__type, /^(NotAuthorized|TooManyRequests)Exception$/);
    }
  });

  it('limits each IP address per operation over 5 minutes, WafRateLimit requests (100 by default)', () => {
    const rate = json.Resources[ids('AWS::WAFv2::WebACL')[0]!].Properties.Rules[2].Statement.RateBasedStatement;
    assert.deepEqual(rate.Limit, { Ref: 'WafRateLimit' });
    assert.equal(rate.EvaluationWindowSec, 300);
    assert.deepEqual(rate.CustomKeys, [
      { IP: {} },
      { Header: { Name: 'x-amz-target', TextTransformations: [{ Priority: 0, Type: 'LOWERCASE' }] } },
    ]);
    template.hasParameter('WafRateLimit', { Type: 'Number', Default: 100, MinValue: 10 });
    assert.deepEqual([...RATE_LIMITED_OPERATIONS].sort(), [
      'ConfirmSignUp', 'ForgotPassword', 'InitiateAuth', 'ResendConfirmationCode', 'RespondToAuthChallenge', 'SignUp',
    ]);
  });
});
