import type { AccountMessages } from './en.js';

// Modern Standard Arabic, as the sign-in element: the user addressed as in the code emails
// ("أدخل"), buttons and states as verbal nouns, which carry no gender ("تسجيل الخروج", "تم الحذف"),
// and "مفتاح مرور" for passkey. The code's 6 digits take the plural ("6 أرقام").

/** A left-to-right example inside a right-to-left sentence, isolated so its punctuation stays put. */
const ltr = (text: string) => `\u2066${text}\u2069`;

export default {
  loading: 'جارٍ تحميل حسابك…',
  signedOut: 'لم يتم تسجيل الدخول.',

  emailHeading: 'عنوان البريد الإلكتروني',
  emailHint: 'تسجّل الدخول بهذا العنوان.',
  changeEmail: 'تغيير البريد الإلكتروني',
  newEmailLabel: 'عنوان البريد الإلكتروني الجديد',
  newEmailHint: 'سنرسل رمزًا إلى هذا العنوان. وحتى تُدخل الرمز، يبقى تسجيل الدخول بعنوانك الحالي.',
  sendCode: 'إرسال الرمز',
  cancel: 'إلغاء',
  codeSentTo: (destination: string) => `أرسلنا رمزًا إلى ${destination}.`,
  codeLabel: 'الرمز الوارد في البريد الإلكتروني',
  codeHint: 'أدخل الرمز المكوّن من 6 أرقام.',
  confirmCode: 'تأكيد البريد الجديد',
  resendCode: 'إرسال رمز جديد',
  sending: 'جارٍ إرسال الرمز…',
  verifying: 'جارٍ التحقق من الرمز…',
  codeSent: 'تم إرسال الرمز. راجع صندوق الوارد للعنوان الجديد.',
  emailChanged: (email: string) => `أصبح تسجيل الدخول الآن بالعنوان ${email}.`,

  passkeysHeading: 'مفاتيح المرور',
  passkeysHint: 'سجّل الدخول ببصمة الإصبع أو الوجه أو قفل الشاشة بدلًا من الرمز.',
  noPasskeys: 'لا توجد مفاتيح مرور بعد.',
  unnamedPasskey: 'مفتاح مرور',
  passkeyAdded: (date: string) => `أُضيف في ${date}`,
  addPasskey: 'إضافة مفتاح مرور',
  addingPasskey: 'اتبع تعليمات المتصفح لإنشاء مفتاح المرور…',
  loadingPasskeys: 'جارٍ تحميل مفاتيح المرور…',
  deletePasskey: 'حذف',
  deletePasskeyLabel: (name: string) => `حذف مفتاح المرور ${name}`,
  confirmDeletePasskey: (name: string) => `هل تريد حذف مفتاح المرور ${name}؟ لن يعود بالإمكان تسجيل الدخول به.`,
  deletingPasskey: 'جارٍ حذف مفتاح المرور…',
  passkeyCreated: 'تمت إضافة مفتاح المرور.',
  passkeyDeleted: 'تم حذف مفتاح المرور.',

  devicesHeading: 'الأجهزة',
  signOutEverywhereHint: 'تسجيل الخروج من جميع الأجهزة والمتصفحات، ومنها هذا الجهاز.',
  signOutEverywhere: 'تسجيل الخروج من كل مكان',
  signingOut: 'جارٍ تسجيل الخروج من جميع الأجهزة…',
  signedOutEverywhere: 'تم تسجيل الخروج من جميع الأجهزة.',

  deleteHeading: 'حذف الحساب',
  deleteHint: 'لا يمكن التراجع عن حذف الحساب.',
  deleteAccount: 'حذف حسابي',
  confirmDeleteAccount: (email: string) => `هل تريد حذف الحساب ${email} نهائيًا؟ لا يمكن التراجع عن ذلك.`,
  confirmDelete: 'حذف',
  deleting: 'جارٍ حذف حسابك…',
  accountDeleted: 'تم حذف حسابك.',

  errorEmailRequired: 'أدخل عنوان البريد الإلكتروني الجديد.',
  errorInvalidEmail: `أدخل عنوان بريد إلكتروني صالحًا، مثل ${ltr('name@example.com')}.`,
  errorSameEmail: 'هذا هو عنوان بريدك الإلكتروني الحالي.',
  errorEmailTaken: 'يستخدم حساب آخر عنوان البريد الإلكتروني هذا.',
  errorCodeIncomplete: 'أدخل الرمز المكوّن من 6 أرقام كاملًا.',
  errorWrongCode: 'الرمز غير صحيح. راجع رسالة البريد الإلكتروني وحاول مرة أخرى.',
  errorCodeExpired: 'انتهت صلاحية هذا الرمز. اطلب رمزًا جديدًا.',
  errorTooManyAttempts: 'محاولات كثيرة جدًا. انتظر بضع دقائق ثم حاول مرة أخرى.',
  errorSessionExpired: 'انتهت جلستك. سجّل الدخول مرة أخرى للمتابعة.',
  errorNetwork: 'تعذّر الوصول إلى خدمة الحسابات. تحقق من اتصالك بالإنترنت وحاول مرة أخرى.',
  errorConfiguration: 'لم يتم إعداد الحساب بشكل صحيح في هذه الصفحة.',
  errorPoolConflict: 'يستخدم عنصر آخر في هذه الصفحة مجموعة مستخدمين مختلفة.',
  errorService: 'حدثت مشكلة في خدمة الحسابات. حاول مرة أخرى بعد قليل.',
  errorPasskeyCancelled: 'لم يتم إنشاء مفتاح مرور. حاول مرة أخرى في أي وقت.',
  errorPasskeyFailed: 'تعذّر على هذا الجهاز إنشاء مفتاح مرور.',
  errorPasskeyExists: 'يحتوي هذا الجهاز بالفعل على مفتاح مرور لحسابك.',
  errorPasskeysUnavailable: 'مفاتيح المرور غير متاحة لهذا الموقع.',
  errorUnknown: 'حدث خطأ ما. حاول مرة أخرى.',
} satisfies AccountMessages;
