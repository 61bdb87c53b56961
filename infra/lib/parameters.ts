// Everything a site owner chooses at deploy time: CloudFormation parameters (not CDK context), so one
// template serves `cdk deploy --parameters …` and `aws cloudformation deploy` of the shipped file.
// Conditions and rules derived from them live here too, next to the parameters they read.
import { CfnCondition, CfnParameter, CfnRule, Fn, type Stack } from 'aws-cdk-lib';

/** What `aws cloudformation deploy` says when neither SES nor the trial sender was chosen. */
export const SES_REQUIRED_MESSAGE =
  "Set SesFromAddress (a verified Amazon SES sender): Cognito's built-in sender allows about 50 emails a day, and about 50 unauthenticated SignUp calls use them up, after which nobody receives a code. For a trial without SES, set CognitoEmailTrial=yes.";

export interface Parameters {
  poolName: CfnParameter;
  appName: CfnParameter;
  sesFromAddress: CfnParameter;
  sesFromName: CfnParameter;
  sesIdentityArn: CfnParameter;
  cognitoEmailTrial: CfnParameter;
  selfSignUp: CfnParameter;
  refreshTokenValidityDays: CfnParameter;
  waf: CfnParameter;
  wafRateLimit: CfnParameter;
  passkeyRelyingPartyId: CfnParameter;
  passkeyUserVerification: CfnParameter;
  useSes: CfnCondition;
  hasSesFromName: CfnCondition;
  hasSesIdentityArn: CfnCondition;
  selfSignUpOff: CfnCondition;
  useWaf: CfnCondition;
  usePasskeys: CfnCondition;
}

const notEmpty = (parameter: CfnParameter) => Fn.conditionNot(Fn.conditionEquals(parameter.valueAsString, ''));

export function defineParameters(stack: Stack): Parameters {
  const poolName = new CfnParameter(stack, 'PoolName', {
    type: 'String',
    default: 'passwordless-login',
    minLength: 1,
    maxLength: 128,
    allowedPattern: '[\\w\\s+=,.@-]+',
    description: 'Name of the Cognito user pool.',
  });
  const appName = new CfnParameter(stack, 'AppName', {
    type: 'String',
    default: '',
    maxLength: 60,
    allowedPattern: '[^<>\\r\\n]*',
    description:
      "Your site's name, shown in the subject and text of the code emails (e.g. Example Shop). Empty: emails name no site.",
  });
  const sesFromAddress = new CfnParameter(stack, 'SesFromAddress', {
    type: 'String',
    default: '',
    allowedPattern: '|[^\\s@<>"]+@[^\\s@<>"]+',
    constraintDescription: 'must be empty or a plain email address such as no-reply@example.com',
    description:
      'Send code emails through Amazon SES from this verified address (e.g. no-reply@example.com). Required unless CognitoEmailTrial is yes.',
  });
  const sesFromName = new CfnParameter(stack, 'SesFromName', {
    type: 'String',
    default: '',
    maxLength: 64,
    allowedPattern: "[A-Za-z0-9 .,'&!?()_+-]*",
    constraintDescription: "must be plain ASCII letters, digits, spaces and . , ' & ! ? ( ) _ + -",
    description: 'Sender display name for SES emails (e.g. Example Shop). Used only with SesFromAddress.',
  });
  const sesIdentityArn = new CfnParameter(stack, 'SesIdentityArn', {
    type: 'String',
    default: '',
    allowedPattern: '|arn:aws[a-z-]*:ses:[a-z0-9-]+:[0-9]{12}:identity/.+',
    constraintDescription: 'must be empty or an SES identity ARN',
    description:
      'ARN of the verified SES identity (address or domain) that SesFromAddress belongs to. Needed for a domain identity, or one in another region or account. Empty: the address identity in this region and account.',
  });
  const cognitoEmailTrial = new CfnParameter(stack, 'CognitoEmailTrial', {
    type: 'String',
    default: 'no',
    allowedValues: ['no', 'yes'],
    description:
      "yes: without SesFromAddress, send code emails through Cognito's built-in sender. For a trial only: it allows about 50 emails a day, which about 50 unauthenticated SignUp calls use up.",
  });
  const selfSignUp = new CfnParameter(stack, 'SelfSignUp', {
    type: 'String',
    default: 'on',
    allowedValues: ['on', 'off'],
    description:
      'on: people create their own accounts (the element\'s sign-up="auto"). off: only administrators create accounts; the public SignUp API is refused (use with sign-up="off").',
  });
  const refreshTokenValidityDays = new CfnParameter(stack, 'RefreshTokenValidityDays', {
    type: 'Number',
    default: 7,
    minValue: 1,
    maxValue: 3650,
    description:
      'Days a sign-in lasts without a new email code. The refresh token rotates on every use; a stolen one works at most this long.',
  });
  const waf = new CfnParameter(stack, 'Waf', {
    type: 'String',
    default: 'off',
    allowedValues: ['off', 'on'],
    description:
      'on: an AWS WAF web ACL in front of the user pool refuses SignUp requests carrying a password and password sign-ins, and limits code emails and code attempts per IP address (AWS WAF charges apply).',
  });
  const wafRateLimit = new CfnParameter(stack, 'WafRateLimit', {
    type: 'Number',
    default: 100,
    minValue: 10,
    maxValue: 2_000_000_000,
    description:
      'With Waf=on: requests per IP address and operation in 5 minutes to SignUp, ResendConfirmationCode, InitiateAuth, RespondToAuthChallenge, ConfirmSignUp and ForgotPassword before AWS WAF refuses more.',
  });

  const passkeyRelyingPartyId = new CfnParameter(stack, 'PasskeyRelyingPartyId', {
    type: 'String',
    default: '',
    maxLength: 63,
    // A host name: lower-case labels, no scheme, port, path, or IP address.
    allowedPattern: '|(?!\\d+(\\.\\d+){3}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*',
    constraintDescription: 'must be empty or a lower-case domain such as example.com (no https://, port or path; not an IP address)',
    description:
      "Passkeys (the WEB_AUTHN first factor): your site's domain as the relying party ID, e.g. example.com; with several subdomains, their parent domain. Empty: no passkeys.",
  });
  const passkeyUserVerification = new CfnParameter(stack, 'PasskeyUserVerification', {
    type: 'String',
    default: 'preferred',
    allowedValues: ['preferred', 'required'],
    description:
      'With PasskeyRelyingPartyId: preferred (the authenticator verifies the user when it can) or required (a fingerprint, face or PIN every time).',
  });

  const useSes = new CfnCondition(stack, 'UseSes', { expression: notEmpty(sesFromAddress) });
  const hasSesFromName = new CfnCondition(stack, 'HasSesFromName', { expression: notEmpty(sesFromName) });
  const hasSesIdentityArn = new CfnCondition(stack, 'HasSesIdentityArn', { expression: notEmpty(sesIdentityArn) });
  const selfSignUpOff = new CfnCondition(stack, 'SelfSignUpOff', {
    expression: Fn.conditionEquals(selfSignUp.valueAsString, 'off'),
  });
  const useWaf = new CfnCondition(stack, 'UseWaf', { expression: Fn.conditionEquals(waf.valueAsString, 'on') });
  const usePasskeys = new CfnCondition(stack, 'UsePasskeys', { expression: notEmpty(passkeyRelyingPartyId) });

  // Checked by CloudFormation before anything is created: the default sender needs an explicit yes.
  new CfnRule(stack, 'SesOrExplicitTrial', {
    assertions: [
      {
        assert: Fn.conditionOr(notEmpty(sesFromAddress), Fn.conditionEquals(cognitoEmailTrial.valueAsString, 'yes')),
        assertDescription: SES_REQUIRED_MESSAGE,
      },
    ],
  });

  return {
    poolName,
    appName,
    sesFromAddress,
    sesFromName,
    sesIdentityArn,
    cognitoEmailTrial,
    selfSignUp,
    refreshTokenValidityDays,
    waf,
    wafRateLimit,
    passkeyRelyingPartyId,
    passkeyUserVerification,
    useSes,
    hasSesFromName,
    hasSesIdentityArn,
    selfSignUpOff,
    useWaf,
    usePasskeys,
  };
}
