import type { Messages } from './en.js';

// Modern Standard Arabic, addressing the user as the code emails do ("أدخل"); buttons and states
// use verbal nouns ("إعادة إرسال الرمز", "تم تسجيل الدخول"), which carry no gender.
// Digits are Western (0–9), like the code the user types from the email.
//
// Counted nouns follow Intl.PluralRules('ar'): zero, one, two, few (3–10, 103–110, …),
// many (11–99, 111–199, …), other (100–102, 200–202, …). One and two drop the numeral, as Arabic
// does ("ثانية واحدة", "ثانيتين"); few takes the plural ("5 ثوانٍ"), many the accusative singular
// ("11 رقمًا"), other and zero the genitive singular ("100 ثانية"). Both phrases below follow a
// preposition, hence the genitive dual "ثانيتين"/"رقمين".
const plural = new Intl.PluralRules('ar');

type Forms = Record<'zero' | 'one' | 'two' | 'few' | 'many' | 'other', (n: number) => string>;
const count = (forms: Forms) => (n: number) => (forms[plural.select(n) as keyof Forms] ?? forms.other)(n);

const seconds = count({
  zero: (n) => `${n} ثانية`,
  one: () => 'ثانية واحدة',
  two: () => 'ثانيتين',
  few: (n) => `${n} ثوانٍ`,
  many: (n) => `${n} ثانية`,
  other: (n) => `${n} ثانية`,
});

const digits = count({
  zero: (n) => `${n} رقم`,
  one: () => 'رقم واحد',
  two: () => 'رقمين',
  few: (n) => `${n} أرقام`,
  many: (n) => `${n} رقمًا`,
  other: (n) => `${n} رقم`,
});

/** A left-to-right example inside a right-to-left sentence, isolated so its punctuation stays put. */
const ltr = (text: string) => `\u2066${text}\u2069`;

export default {
  formLabel: 'تسجيل الدخول برمز يُرسَل إلى بريدك الإلكتروني',
  emailLabel: 'البريد الإلكتروني',
  continue: 'متابعة',
  codeLabel: 'الرمز الوارد في البريد الإلكتروني',
  codeHint: (length: number) => `أدخل الرمز المكوّن من ${digits(length)}.`,
  codeSentTo: (destination: string) => `أرسلنا رمزًا إلى ${destination}.`,
  verify: 'تسجيل الدخول',
  resend: 'إعادة إرسال الرمز',
  resendIn: (n: number) => `إعادة إرسال الرمز بعد ${seconds(n)}`,
  newCode: 'إرسال رمز جديد',
  changeEmail: 'استخدام بريد إلكتروني آخر',
  signedInAs: (email: string) => `تم تسجيل الدخول باسم ${email}`,
  signOut: 'تسجيل الخروج',
  loading: 'جارٍ التحميل…',
  sending: 'جارٍ إرسال الرمز…',
  verifying: 'جارٍ التحقق من الرمز…',
  signingOut: 'جارٍ تسجيل الخروج…',
  codeSent: 'تم إرسال الرمز. تحقق من بريدك الإلكتروني.',
  signedIn: 'تم تسجيل الدخول.',
  signedOut: 'تم تسجيل الخروج.',
  passkeyButton: 'تسجيل الدخول بمفتاح مرور',
  emailCodeButton: 'إرسال رمز بالبريد الإلكتروني بدلًا من ذلك',
  waitingForPasskey: 'في انتظار مفتاح المرور…',
  passkeyOffer: 'في المرة القادمة، سجّل الدخول ببصمة الإصبع أو الوجه أو قفل الشاشة، دون إدخال أي رمز.',
  createPasskey: 'إنشاء مفتاح مرور',
  notNow: 'ليس الآن',
  creatingPasskey: 'جارٍ إنشاء مفتاح المرور…',
  passkeyCreated: 'تم إنشاء مفتاح المرور. استخدمه لتسجيل الدخول في المرة القادمة.',
  errorEmailRequired: 'أدخل عنوان بريدك الإلكتروني.',
  errorInvalidEmail: `أدخل عنوان بريد إلكتروني صالحًا، مثل ${ltr('name@example.com')}.`,
  errorCodeIncomplete: (length: number) => `أدخل الرمز المكوّن من ${digits(length)} كاملًا.`,
  errorWrongCode: 'الرمز غير صحيح. راجع رسالة البريد الإلكتروني وحاول مرة أخرى.',
  errorCodeExpired: 'انتهت صلاحية هذا الرمز. اطلب رمزًا جديدًا.',
  errorSessionExpired: 'انتهت صلاحية محاولة تسجيل الدخول هذه. اطلب رمزًا جديدًا للمتابعة.',
  errorNoAccount: 'لا يوجد حساب مرتبط بعنوان البريد الإلكتروني هذا.',
  errorTooManyAttempts: 'محاولات كثيرة جدًا. انتظر بضع دقائق ثم حاول مرة أخرى.',
  errorNetwork: 'تعذّر الوصول إلى خدمة تسجيل الدخول. تحقق من اتصالك بالإنترنت وحاول مرة أخرى.',
  errorUserDisabled: 'هذا الحساب معطَّل.',
  errorConfiguration: 'لم يتم إعداد تسجيل الدخول بشكل صحيح في هذه الصفحة.',
  errorPoolConflict: 'يستخدم نموذج آخر لتسجيل الدخول في هذه الصفحة مجموعة مستخدمين مختلفة.',
  errorStorageConflict: 'تم إعداد تسجيل الدخول في هذه الصفحة لحفظ الجلسات في مكانين مختلفين.',
  errorService: 'حدثت مشكلة في خدمة تسجيل الدخول. حاول مرة أخرى بعد قليل.',
  errorPasskeyCancelled: 'لم يُستخدَم مفتاح المرور: أُلغي الطلب أو انتهت مهلته.',
  errorPasskeyFailed: 'تعذّر استخدام مفتاح المرور هذا. حاول مرة أخرى.',
  errorPasskeysUnavailable: 'مفاتيح المرور غير متاحة هنا.',
  errorUnknown: 'حدث خطأ ما. حاول مرة أخرى.',
} satisfies Messages;
