// The code emails' words, one entry per language the <passwordless-login> element ships.
// `app` is the site's name (the stack's AppName parameter) when the owner gave one; wording without
// it must still read naturally. Strings are plain text: the renderer escapes them for HTML.

export const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'ja', 'zh', 'ar', 'he'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Languages written right to left; their emails get `dir="rtl"`. */
export const RTL_LANGUAGES: ReadonlySet<Language> = new Set<Language>(['ar', 'he']);

export interface KindMessages {
  /** Email subject line. */
  subject: (app?: string) => string;
  /** Heading at the top of the email body. */
  heading: string;
  /** The sentence just above the code; ends with a colon (or the language's equivalent). */
  intro: (app?: string) => string;
  /** How long the code stays valid. */
  expiry: string;
  /** What to do when the reader did not ask for the code. */
  ignore: string;
}

export interface Messages {
  /** Sign-up confirmation (CustomMessage_SignUp, CustomMessage_ResendCode): a 6-digit code, 24 hours. */
  signUp: KindMessages;
  /** Sign-in one-time code (CustomMessage_Authentication): an 8-digit code, valid for minutes. */
  signIn: KindMessages;
  /** Anti-phishing line under the code. */
  doNotShare: string;
}

export const MESSAGES: Record<Language, Messages> = {
  en: {
    signUp: {
      subject: (app) => (app ? `Confirm your email address for ${app}` : 'Confirm your email address'),
      heading: 'Confirm your email address',
      intro: (app) =>
        app
          ? `Enter this code to finish creating your ${app} account:`
          : 'Enter this code to finish creating your account:',
      expiry: 'The code is valid for 24 hours.',
      ignore: 'If you didn’t try to create an account, you can ignore this email.',
    },
    signIn: {
      subject: (app) => (app ? `Your ${app} sign-in code` : 'Your sign-in code'),
      heading: 'Your sign-in code',
      intro: (app) => (app ? `Enter this code to sign in to ${app}:` : 'Enter this code to sign in:'),
      expiry: 'The code expires in a few minutes.',
      ignore:
        'If you didn’t try to sign in, you can ignore this email. Someone may have typed your email address by mistake.',
    },
    doNotShare: 'Never share this code with anyone. We will never ask you for it.',
  },
  de: {
    signUp: {
      subject: (app) =>
        app ? `Bestätigen Sie Ihre E-Mail-Adresse für ${app}` : 'Bestätigen Sie Ihre E-Mail-Adresse',
      heading: 'Bestätigen Sie Ihre E-Mail-Adresse',
      intro: (app) =>
        app
          ? `Geben Sie diesen Code ein, um Ihr Konto bei ${app} fertig einzurichten:`
          : 'Geben Sie diesen Code ein, um Ihr Konto fertig einzurichten:',
      expiry: 'Der Code ist 24 Stunden lang gültig.',
      ignore: 'Wenn Sie kein Konto anlegen wollten, können Sie diese E-Mail ignorieren.',
    },
    signIn: {
      subject: (app) => (app ? `Ihr Anmeldecode für ${app}` : 'Ihr Anmeldecode'),
      heading: 'Ihr Anmeldecode',
      intro: (app) =>
        app
          ? `Geben Sie diesen Code ein, um sich bei ${app} anzumelden:`
          : 'Geben Sie diesen Code ein, um sich anzumelden:',
      expiry: 'Der Code läuft in wenigen Minuten ab.',
      ignore:
        'Wenn Sie sich nicht anmelden wollten, können Sie diese E-Mail ignorieren. Vielleicht hat jemand Ihre E-Mail-Adresse versehentlich eingegeben.',
    },
    doNotShare: 'Geben Sie diesen Code niemals weiter. Wir werden Sie nie danach fragen.',
  },
  fr: {
    signUp: {
      subject: (app) =>
        app ? `Confirmez votre adresse e-mail pour ${app}` : 'Confirmez votre adresse e-mail',
      heading: 'Confirmez votre adresse e-mail',
      intro: (app) =>
        app
          ? `Saisissez ce code pour terminer la création de votre compte ${app}\u00a0:`
          : 'Saisissez ce code pour terminer la création de votre compte\u00a0:',
      expiry: 'Ce code est valable 24\u00a0heures.',
      ignore: 'Si vous n’avez pas essayé de créer un compte, vous pouvez ignorer cet e-mail.',
    },
    signIn: {
      subject: (app) => (app ? `Votre code de connexion à ${app}` : 'Votre code de connexion'),
      heading: 'Votre code de connexion',
      intro: (app) =>
        app
          ? `Saisissez ce code pour vous connecter à ${app}\u00a0:`
          : 'Saisissez ce code pour vous connecter\u00a0:',
      expiry: 'Ce code expire dans quelques minutes.',
      ignore:
        'Si vous n’avez pas essayé de vous connecter, vous pouvez ignorer cet e-mail. Quelqu’un a peut-être saisi votre adresse par erreur.',
    },
    doNotShare: 'Ne communiquez jamais ce code à personne. Nous ne vous le demanderons jamais.',
  },
  es: {
    signUp: {
      subject: (app) =>
        app ? `Confirma tu correo electrónico para ${app}` : 'Confirma tu correo electrónico',
      heading: 'Confirma tu correo electrónico',
      intro: (app) =>
        app
          ? `Introduce este código para terminar de crear tu cuenta de ${app}:`
          : 'Introduce este código para terminar de crear tu cuenta:',
      expiry: 'El código es válido durante 24 horas.',
      ignore: 'Si no intentaste crear una cuenta, puedes ignorar este correo.',
    },
    signIn: {
      subject: (app) =>
        app ? `Tu código para iniciar sesión en ${app}` : 'Tu código para iniciar sesión',
      heading: 'Tu código para iniciar sesión',
      intro: (app) =>
        app
          ? `Introduce este código para iniciar sesión en ${app}:`
          : 'Introduce este código para iniciar sesión:',
      expiry: 'El código caduca en unos minutos.',
      ignore:
        'Si no intentaste iniciar sesión, puedes ignorar este correo. Puede que alguien haya escrito tu dirección por error.',
    },
    doNotShare: 'No compartas nunca este código con nadie. Nunca te lo pediremos.',
  },
  it: {
    signUp: {
      subject: (app) =>
        app ? `Conferma il tuo indirizzo email per ${app}` : 'Conferma il tuo indirizzo email',
      heading: 'Conferma il tuo indirizzo email',
      intro: (app) =>
        app
          ? `Inserisci questo codice per completare la registrazione a ${app}:`
          : 'Inserisci questo codice per completare la registrazione:',
      expiry: 'Il codice è valido per 24 ore.',
      ignore: 'Se non hai provato a registrarti, puoi ignorare questa email.',
    },
    signIn: {
      subject: (app) => (app ? `Il tuo codice di accesso a ${app}` : 'Il tuo codice di accesso'),
      heading: 'Il tuo codice di accesso',
      intro: (app) =>
        app ? `Inserisci questo codice per accedere a ${app}:` : 'Inserisci questo codice per accedere:',
      expiry: 'Il codice scade tra pochi minuti.',
      ignore:
        'Se non hai provato ad accedere, puoi ignorare questa email. Qualcuno potrebbe aver digitato il tuo indirizzo per errore.',
    },
    doNotShare: 'Non comunicare mai questo codice a nessuno. Non te lo chiederemo mai.',
  },
  pt: {
    // Wording that reads naturally in both Portugal and Brazil (pt-PT and pt-BR fall back here).
    signUp: {
      subject: (app) =>
        app ? `Confirme o seu endereço de e-mail para ${app}` : 'Confirme o seu endereço de e-mail',
      heading: 'Confirme o seu endereço de e-mail',
      intro: (app) =>
        app
          ? `Insira este código para concluir a criação da sua conta em ${app}:`
          : 'Insira este código para concluir a criação da sua conta:',
      expiry: 'O código é válido por 24 horas.',
      ignore: 'Se não tentou criar uma conta, pode ignorar este e-mail.',
    },
    signIn: {
      subject: (app) => (app ? `O seu código de acesso para ${app}` : 'O seu código de acesso'),
      heading: 'O seu código de acesso',
      intro: (app) => (app ? `Insira este código para entrar em ${app}:` : 'Insira este código para entrar:'),
      expiry: 'O código expira em poucos minutos.',
      ignore:
        'Se não tentou entrar, pode ignorar este e-mail. É possível que alguém tenha inserido o seu endereço por engano.',
    },
    doNotShare: 'Não revele este código a ninguém. Nós nunca o pediremos.',
  },
  nl: {
    signUp: {
      subject: (app) => (app ? `Bevestig je e-mailadres voor ${app}` : 'Bevestig je e-mailadres'),
      heading: 'Bevestig je e-mailadres',
      intro: (app) =>
        app
          ? `Voer deze code in om je account bij ${app} aan te maken:`
          : 'Voer deze code in om je account aan te maken:',
      expiry: 'De code is 24 uur geldig.',
      ignore: 'Heb je niet geprobeerd een account aan te maken? Dan kun je deze e-mail negeren.',
    },
    signIn: {
      subject: (app) => (app ? `Je inlogcode voor ${app}` : 'Je inlogcode'),
      heading: 'Je inlogcode',
      intro: (app) => (app ? `Voer deze code in om in te loggen bij ${app}:` : 'Voer deze code in om in te loggen:'),
      expiry: 'De code verloopt over een paar minuten.',
      ignore:
        'Heb je niet geprobeerd in te loggen? Dan kun je deze e-mail negeren. Misschien heeft iemand per ongeluk jouw e-mailadres ingevoerd.',
    },
    doNotShare: 'Deel deze code nooit met anderen. Wij zullen er nooit om vragen.',
  },
  pl: {
    signUp: {
      subject: (app) =>
        app ? `Potwierdź swój adres e-mail w serwisie ${app}` : 'Potwierdź swój adres e-mail',
      heading: 'Potwierdź swój adres e-mail',
      intro: (app) =>
        app
          ? `Wpisz ten kod, aby dokończyć zakładanie konta w serwisie ${app}:`
          : 'Wpisz ten kod, aby dokończyć zakładanie konta:',
      expiry: 'Kod jest ważny przez 24 godziny.',
      ignore: 'Jeśli to nie Ty zakładasz konto, zignoruj tę wiadomość.',
    },
    signIn: {
      subject: (app) => (app ? `Twój kod logowania do serwisu ${app}` : 'Twój kod logowania'),
      heading: 'Twój kod logowania',
      intro: (app) =>
        app ? `Wpisz ten kod, aby zalogować się do serwisu ${app}:` : 'Wpisz ten kod, aby się zalogować:',
      expiry: 'Kod wygaśnie za kilka minut.',
      ignore:
        'Jeśli to nie Ty próbujesz się zalogować, zignoruj tę wiadomość. Ktoś mógł przez pomyłkę wpisać Twój adres e-mail.',
    },
    doNotShare: 'Nigdy nikomu nie podawaj tego kodu. Nigdy o niego nie poprosimy.',
  },
  ja: {
    signUp: {
      subject: (app) => (app ? `【${app}】メールアドレスの確認` : 'メールアドレスの確認'),
      heading: 'メールアドレスの確認',
      intro: (app) =>
        app
          ? `${app} のアカウント作成を完了するには、次のコードを入力してください。`
          : 'アカウント作成を完了するには、次のコードを入力してください。',
      expiry: 'このコードの有効期限は24時間です。',
      ignore: 'アカウント作成に心当たりがない場合は、このメールを破棄してください。',
    },
    signIn: {
      subject: (app) => (app ? `【${app}】ログイン用コード` : 'ログイン用コード'),
      heading: 'ログイン用コード',
      intro: (app) =>
        app
          ? `${app} にログインするには、次のコードを入力してください。`
          : 'ログインするには、次のコードを入力してください。',
      expiry: 'このコードは数分で有効期限が切れます。',
      ignore:
        'ログインに心当たりがない場合は、このメールを破棄してください。どなたかが誤ってお客様のメールアドレスを入力した可能性があります。',
    },
    doNotShare: 'このコードは誰にも教えないでください。当方からコードをお尋ねすることはありません。',
  },
  zh: {
    // Simplified Chinese; zh-Hans, zh-CN and (for lack of a Traditional table) zh-Hant fall back here.
    signUp: {
      subject: (app) => (app ? `确认您在 ${app} 的邮箱地址` : '确认您的邮箱地址'),
      heading: '请确认您的邮箱地址',
      intro: (app) =>
        app ? `请输入以下验证码，完成 ${app} 账户的创建：` : '请输入以下验证码，完成账户的创建：',
      expiry: '验证码在 24 小时内有效。',
      ignore: '如果您没有尝试创建账户，请忽略此邮件。',
    },
    signIn: {
      subject: (app) => (app ? `您的 ${app} 登录验证码` : '您的登录验证码'),
      heading: '您的登录验证码',
      intro: (app) => (app ? `请输入以下验证码登录 ${app}：` : '请输入以下验证码登录：'),
      expiry: '验证码将在几分钟后失效。',
      ignore: '如果您没有尝试登录，请忽略此邮件。可能有人误输入了您的邮箱地址。',
    },
    doNotShare: '请勿向任何人透露此验证码。我们绝不会向您索要验证码。',
  },
  ar: {
    signUp: {
      subject: (app) => (app ? `تأكيد بريدك الإلكتروني في ${app}` : 'تأكيد بريدك الإلكتروني'),
      heading: 'تأكيد عنوان بريدك الإلكتروني',
      intro: (app) =>
        app ? `أدخل هذا الرمز لإكمال إنشاء حسابك في ${app}:` : 'أدخل هذا الرمز لإكمال إنشاء حسابك:',
      expiry: 'الرمز صالح لمدة 24 ساعة.',
      ignore: 'إذا لم تحاول إنشاء حساب، يمكنك تجاهل هذه الرسالة.',
    },
    signIn: {
      subject: (app) => (app ? `رمز تسجيل الدخول إلى ${app}` : 'رمز تسجيل الدخول الخاص بك'),
      heading: 'رمز تسجيل الدخول الخاص بك',
      intro: (app) => (app ? `أدخل هذا الرمز لتسجيل الدخول إلى ${app}:` : 'أدخل هذا الرمز لتسجيل الدخول:'),
      expiry: 'تنتهي صلاحية الرمز خلال بضع دقائق.',
      ignore:
        'إذا لم تحاول تسجيل الدخول، يمكنك تجاهل هذه الرسالة. ربما أدخل أحدهم عنوان بريدك الإلكتروني عن طريق الخطأ.',
    },
    doNotShare: 'لا تشارك هذا الرمز مع أي شخص. لن نطلبه منك أبدًا.',
  },
  he: {
    // Impersonal forms ("יש להזין") keep the wording gender-neutral.
    signUp: {
      subject: (app) => (app ? `אימות כתובת האימייל שלך ב-${app}` : 'אימות כתובת האימייל שלך'),
      heading: 'אימות כתובת האימייל שלך',
      intro: (app) =>
        app
          ? `יש להזין את הקוד הזה כדי להשלים את יצירת החשבון ב-${app}:`
          : 'יש להזין את הקוד הזה כדי להשלים את יצירת החשבון:',
      expiry: 'הקוד בתוקף למשך 24 שעות.',
      ignore: 'אם לא ניסית ליצור חשבון, אפשר להתעלם מהודעה זו.',
    },
    signIn: {
      subject: (app) => (app ? `קוד הכניסה שלך ל-${app}` : 'קוד הכניסה שלך'),
      heading: 'קוד הכניסה שלך',
      intro: (app) =>
        app ? `יש להזין את הקוד הזה כדי להיכנס ל-${app}:` : 'יש להזין את הקוד הזה כדי להיכנס:',
      expiry: 'תוקף הקוד יפוג בעוד כמה דקות.',
      ignore:
        'אם לא ניסית להיכנס, אפשר להתעלם מהודעה זו. ייתכן שמישהו הקליד את כתובת האימייל שלך בטעות.',
    },
    doNotShare: 'אין למסור את הקוד הזה לאף אחד. לעולם לא נבקש אותו ממך.',
  },
};
