// The optional AWS WAF web ACL in front of the user pool (parameter Waf=on): defence in depth at the
// edge, for requests an attacker sends to Cognito's API directly, whatever client they use.
//
// - NoPasswordInSignUp: a SignUp whose JSON carries a password is refused. The takeover of an
//   account before its owner signs up needs exactly that (the Post confirmation trigger replaces the
//   password anyway; this keeps it from being set at all). Keys are compared in lower case after the
//   JSON parser, and once more on the raw body after JavaScript unescaping, so `"Pass\u0077ord"`
//   does not slip through; a body WAF cannot parse or inspect whole is refused.
// - NoPasswordSignIn: InitiateAuth and RespondToAuthChallenge that choose or answer PASSWORD (or
//   SRP) are refused. Cognito insists PASSWORD stays an allowed first factor; nothing in this
//   product uses it, so nobody should.
// - CodeEmailsPerIp: at most WafRateLimit requests per IP address and per operation in 5 minutes to
//   the unauthenticated operations that send a code email or check a code. It limits how fast one
//   address can flood inboxes, burn the SES quota and reputation, or guess codes. Many addresses (a
//   botnet) are not limited by it; docs/security.md says what remains.
//
// Refusals answer HTTP 400 with Cognito's error shape, so clients show their usual message.
import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { Parameters } from './parameters.js';

const TARGET_HEADER = 'x-amz-target';

/** Operations whose rate per IP the web ACL limits: each sends a code email or checks a code. */
export const RATE_LIMITED_OPERATIONS = [
  'SignUp',
  'ResendConfirmationCode',
  'InitiateAuth',
  'RespondToAuthChallenge',
  'ConfirmSignUp',
  'ForgotPassword',
] as const;

const lower = [{ priority: 0, type: 'LOWERCASE' }];
const unescapedLower = [
  { priority: 0, type: 'JS_DECODE' },
  { priority: 1, type: 'LOWERCASE' },
];

/**
 * The request calls one of `operations` (Cognito routes on this header; its value ends with the
 * operation's name after a dot, compared in lower case).
 */
function callsOneOf(operations: readonly string[]): CfnWebACL.StatementProperty {
  return {
    regexMatchStatement: {
      fieldToMatch: { singleHeader: { Name: TARGET_HEADER } },
      regexString: `\\.(?:${operations.map((op) => op.toLowerCase()).join('|')})$`,
      textTransformations: lower,
    },
  };
}

/** The raw body, unescaped and lower-cased, matches `regex`; a body too large to inspect matches. */
function bodyMatches(regex: string): CfnWebACL.StatementProperty {
  return {
    regexMatchStatement: {
      fieldToMatch: { body: { oversizeHandling: 'MATCH' } },
      regexString: regex,
      textTransformations: unescapedLower,
    },
  };
}

/** A JSON key (at any depth) is `password` in any case; a body that is not JSON matches. */
const passwordKey: CfnWebACL.StatementProperty = {
  byteMatchStatement: {
    fieldToMatch: {
      jsonBody: { matchPattern: { all: {} }, matchScope: 'KEY', invalidFallbackBehavior: 'MATCH', oversizeHandling: 'MATCH' },
    },
    positionalConstraint: 'EXACTLY',
    searchString: 'password',
    textTransformations: lower,
  },
};

const visibility = (name: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName: `PasswordlessLogin${name}`,
  sampledRequestsEnabled: true,
});

const block = (bodyKey: string): CfnWebACL.RuleActionProperty => ({
  block: { customResponse: { responseCode: 400, customResponseBodyKey: bodyKey } },
});

export const RESPONSE_BODIES = {
  PasswordRefused: { __type: 'NotAuthorizedException', message: 'Passwords are not accepted by this user pool.' },
  TooManyRequests: {
    __type: 'TooManyRequestsException',
    message: 'Too many requests from this address. Try again in a few minutes.',
  },
} as const;

export function createWebAcl(scope: Construct, userPoolArn: string, parameters: Parameters): CfnWebACL {
  const acl = new CfnWebACL(scope, 'WebAcl', {
    description: 'In front of the passwordless-login user pool - no passwords, code emails limited per IP address.',
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    visibilityConfig: visibility('WebAcl'),
    customResponseBodies: Object.fromEntries(
      Object.entries(RESPONSE_BODIES).map(([key, body]) => [
        key,
        { contentType: 'APPLICATION_JSON', content: JSON.stringify(body) },
      ]),
    ),
    rules: [
      {
        name: 'NoPasswordInSignUp',
        priority: 0,
        action: block('PasswordRefused'),
        visibilityConfig: visibility('NoPasswordInSignUp'),
        statement: {
          andStatement: {
            statements: [callsOneOf(['SignUp']), { orStatement: { statements: [passwordKey, bodyMatches('"password"\\s*:')] } }],
          },
        },
      },
      {
        name: 'NoPasswordSignIn',
        priority: 1,
        action: block('PasswordRefused'),
        visibilityConfig: visibility('NoPasswordSignIn'),
        statement: {
          andStatement: {
            statements: [
              callsOneOf(['InitiateAuth', 'RespondToAuthChallenge']),
              bodyMatches('"(?:password|srp_a)"\\s*:|"(?:preferred_challenge|answer)"\\s*:\\s*"password'),
            ],
          },
        },
      },
      {
        name: 'CodeEmailsPerIp',
        priority: 2,
        action: block('TooManyRequests'),
        visibilityConfig: visibility('CodeEmailsPerIp'),
        statement: {
          rateBasedStatement: {
            limit: parameters.wafRateLimit.valueAsNumber,
            evaluationWindowSec: 300,
            aggregateKeyType: 'CUSTOM_KEYS',
            customKeys: [{ ip: {} }, { header: { name: TARGET_HEADER, textTransformations: lower } }],
            scopeDownStatement: callsOneOf(RATE_LIMITED_OPERATIONS),
          },
        },
      },
    ],
  });
  acl.cfnOptions.condition = parameters.useWaf;

  const association = new CfnWebACLAssociation(scope, 'WebAclAssociation', {
    resourceArn: userPoolArn,
    webAclArn: acl.attrArn,
  });
  association.cfnOptions.condition = parameters.useWaf;
  return acl;
}
