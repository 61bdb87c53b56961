import type { Messages } from './en.js';

// Simplified Chinese (zh-Hans, as used in mainland China and Singapore). Every zh tag falls back
// here, zh-CN, zh-Hans and zh-SG, and also zh-TW, zh-HK and zh-Hant for lack of a Traditional
// table: readable there, if not native; such sites can supply Traditional wording with
// `translations`. Chinese has no plural forms (Intl.PluralRules('zh') is always "other"). A space
// separates digits and Latin text from Chinese characters, as in the code emails.
export default {
  formLabel: '使用邮箱验证码登录',
  emailLabel: '邮箱地址',
  continue: '继续',
  codeLabel: '邮件中的验证码',
  codeHint: (length: number) => `请输入 ${length} 位验证码。`,
  codeSentTo: (destination: string) => `验证码已发送至 ${destination}。`,
  verify: '登录',
  resend: '重新发送验证码',
  resendIn: (seconds: number) => `${seconds} 秒后可重新发送`,
  newCode: '发送新的验证码',
  changeEmail: '使用其他邮箱地址',
  signedInAs: (email: string) => `已登录：${email}`,
  signOut: '退出登录',
  loading: '正在加载…',
  sending: '正在发送验证码…',
  verifying: '正在验证…',
  signingOut: '正在退出登录…',
  codeSent: '验证码已发送，请查收邮件。',
  signedIn: '您已登录。',
  signedOut: '您已退出登录。',
  errorEmailRequired: '请输入邮箱地址。',
  errorInvalidEmail: '请输入有效的邮箱地址，例如 name@example.com。',
  errorCodeIncomplete: (length: number) => `请输入完整的 ${length} 位验证码。`,
  errorWrongCode: '验证码不正确。请检查邮件后重试。',
  errorCodeExpired: '验证码已过期。请重新获取验证码。',
  errorSessionExpired: '本次登录已过期。请重新获取验证码以继续。',
  errorNoAccount: '该邮箱地址尚未注册账户。',
  errorTooManyAttempts: '尝试次数过多。请等待几分钟后重试。',
  errorNetwork: '无法连接到登录服务。请检查网络连接后重试。',
  errorUserDisabled: '该账户已被停用。',
  errorConfiguration: '此页面的登录设置有误。',
  errorPoolConflict: '此页面上的另一个登录表单使用了不同的用户池。',
  errorStorageConflict: '此页面上的登录被设置为将会话保存在两个不同的位置。',
  errorService: '登录服务出现问题。请稍后重试。',
  errorUnknown: '出了点问题。请重试。',
} satisfies Messages;
