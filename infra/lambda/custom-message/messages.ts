// The emails' words, one entry per language the <passwordless-login> element ships.
//
// Each sentence that may name the site (the stack's AppName parameter, when the owner gave one) is
// written once, in a compact form: `{app}` is the name, `[with a name|without]` is what to write with
// a name and without one, and `[with a name]` alone is left out when there is none. Wording without a
// name must still read naturally. Kept as data rather than two sentences per message because the
// bundled trigger ships inline in the CloudFormation template, whose size is capped. Strings are
// plain text: the renderer escapes them for HTML.

export const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'ja', 'zh', 'ar', 'he'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Languages written right to left; their emails get `dir="rtl"`. */
export const RTL_LANGUAGES: ReadonlySet<Language> = new Set<Language>(['ar', 'he']);

/** A sentence in the compact form above (`{app}`, `[with|without]`, `[with]`). */
export type AppText = string;

/** The words of one code email, as written. */
interface CodeTexts {
  /** Email subject line. */
  subject: AppText;
  /** Heading at the top of the email body; when absent, the subject without the site's name. */
  heading?: string;
  /** The sentence just above the code; ends with a colon (or the language's equivalent). */
  intro: AppText;
  /** How long the code stays valid; when absent, the sign-up code's sentence (both last 24 hours). */
  expiry?: string;
  /** What to do when the reader did not ask for the code. */
  ignore: string;
}

/** The words of the notice to the address in force that someone asked to change it (no code). */
interface NoticeTexts {
  /** Email subject line; also the heading, without the site's name. */
  subject: AppText;
  /** What was asked for, from a signed-in session, and that nothing changes before the new address's code is entered. */
  intro: AppText;
  /** What to do when the reader did not ask for it. */
  ifNotYou: string;
}

interface LanguageTexts {
  /** Sign-up confirmation (CustomMessage_SignUp, CustomMessage_ResendCode): a 6-digit code, 24 hours. */
  signUp: CodeTexts & { expiry: string };
  /** Sign-in one-time code (CustomMessage_Authentication): an 8-digit code, valid for minutes. */
  signIn: CodeTexts & { expiry: string };
  /**
   * A changed email's code, sent to the new address (CustomMessage_UpdateUserAttribute,
   * CustomMessage_VerifyUserAttribute): a 6-digit code, 24 hours.
   */
  changeEmail: CodeTexts;
  /** The notice to the address in force that a change was asked for (sent through SES). */
  changeNotice: NoticeTexts;
  /** Anti-phishing line under the code. */
  doNotShare: string;
}

export const TEXTS: Record<Language, LanguageTexts> = {
  en: {
    signUp: {
      subject: 'Confirm your email address[ for {app}]',
      intro: 'Enter this code to finish creating your [{app} ]account:',
      expiry: 'The code is valid for 24 hours.',
      ignore: 'If you didn’t try to create an account, you can ignore this email.',
    },
    signIn: {
      subject: 'Your [{app} ]sign-in code',
      intro: 'Enter this code to sign in[ to {app}]:',
      expiry: 'The code expires in a few minutes.',
      ignore:
        'If you didn’t try to sign in, you can ignore this email. Someone may have typed your email address by mistake.',
    },
    changeEmail: {
      subject: 'Confirm your new email address[ for {app}]',
      intro: 'Enter this code to sign in[ to {app}] with this address from now on:',
      ignore: 'If you didn’t ask for this, ignore this email: nothing changes without the code.',
    },
    changeNotice: {
      subject: 'Your[ {app}] sign-in email address is being changed',
      intro:
        'Someone signed in to your account asked to sign in with another email address from now on. Nothing changes until the code sent to that address is entered.',
      ifNotYou: 'If this wasn’t you, sign in with this address now and sign out on all devices.',
    },
    doNotShare: 'Never share this code with anyone. We will never ask you for it.',
  },
  de: {
    signUp: {
      subject: 'Bestätigen Sie Ihre E-Mail-Adresse[ für {app}]',
      intro: 'Geben Sie diesen Code ein, um Ihr Konto [bei {app} ]fertig einzurichten:',
      expiry: 'Der Code ist 24 Stunden lang gültig.',
      ignore: 'Wenn Sie kein Konto anlegen wollten, können Sie diese E-Mail ignorieren.',
    },
    signIn: {
      subject: 'Ihr Anmeldecode[ für {app}]',
      intro: 'Geben Sie diesen Code ein, um sich [bei {app} ]anzumelden:',
      expiry: 'Der Code läuft in wenigen Minuten ab.',
      ignore:
        'Wenn Sie sich nicht anmelden wollten, können Sie diese E-Mail ignorieren. Vielleicht hat jemand Ihre E-Mail-Adresse versehentlich eingegeben.',
    },
    changeEmail: {
      subject: 'Bestätigen Sie Ihre neue E-Mail-Adresse[ für {app}]',
      intro: 'Geben Sie diesen Code ein, um sich künftig mit dieser Adresse[ bei {app}] anzumelden:',
      ignore: 'Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Ohne den Code ändert sich nichts.',
    },
    changeNotice: {
      subject: 'Ihre Anmelde-E-Mail-Adresse[ bei {app}] soll geändert werden',
      intro:
        'Jemand, der in Ihrem Konto angemeldet ist, möchte sich künftig mit einer anderen E-Mail-Adresse anmelden. Es ändert sich nichts, bis der an diese Adresse gesendete Code eingegeben wird.',
      ifNotYou: 'Wenn Sie das nicht waren, melden Sie sich jetzt mit dieser Adresse an und auf allen Geräten ab.',
    },
    doNotShare: 'Geben Sie diesen Code niemals weiter. Wir werden Sie nie danach fragen.',
  },
  fr: {
    signUp: {
      subject: 'Confirmez votre adresse e-mail[ pour {app}]',
      intro: 'Saisissez ce code pour terminer la création de votre compte[ {app}]\u00a0:',
      expiry: 'Ce code est valable 24\u00a0heures.',
      ignore: 'Si vous n’avez pas essayé de créer un compte, vous pouvez ignorer cet e-mail.',
    },
    signIn: {
      subject: 'Votre code de connexion[ à {app}]',
      intro: 'Saisissez ce code pour vous connecter[ à {app}]\u00a0:',
      expiry: 'Ce code expire dans quelques minutes.',
      ignore:
        'Si vous n’avez pas essayé de vous connecter, vous pouvez ignorer cet e-mail. Quelqu’un a peut-être saisi votre adresse par erreur.',
    },
    changeEmail: {
      subject: 'Confirmez votre nouvelle adresse e-mail[ pour {app}]',
      intro: 'Saisissez ce code pour vous connecter désormais[ à {app}] avec cette adresse\u00a0:',
      ignore: 'Si vous n’avez rien demandé, ignorez cet e-mail\u00a0: rien ne change sans le code.',
    },
    changeNotice: {
      subject: 'Votre adresse e-mail de connexion[ à {app}] va être modifiée',
      intro:
        'Une personne connectée à votre compte a demandé à se connecter désormais avec une autre adresse e-mail. Rien ne change tant que le code envoyé à cette adresse n’a pas été saisi.',
      ifNotYou:
        'Si ce n’était pas vous, connectez-vous maintenant avec cette adresse et déconnectez-vous de tous les appareils.',
    },
    doNotShare: 'Ne communiquez jamais ce code à personne. Nous ne vous le demanderons jamais.',
  },
  es: {
    signUp: {
      subject: 'Confirma tu correo electrónico[ para {app}]',
      intro: 'Introduce este código para terminar de crear tu cuenta[ de {app}]:',
      expiry: 'El código es válido durante 24 horas.',
      ignore: 'Si no intentaste crear una cuenta, puedes ignorar este correo.',
    },
    signIn: {
      subject: 'Tu código para iniciar sesión[ en {app}]',
      intro: 'Introduce este código para iniciar sesión[ en {app}]:',
      expiry: 'El código caduca en unos minutos.',
      ignore:
        'Si no intentaste iniciar sesión, puedes ignorar este correo. Puede que alguien haya escrito tu dirección por error.',
    },
    changeEmail: {
      subject: 'Confirma tu nuevo correo electrónico[ para {app}]',
      intro: 'Introduce este código para iniciar sesión[ en {app}] con esta dirección a partir de ahora:',
      ignore: 'Si no lo pediste, ignora este correo: sin el código no cambia nada.',
    },
    changeNotice: {
      subject: 'Se va a cambiar tu correo de acceso[ a {app}]',
      intro:
        'Alguien con la sesión iniciada en tu cuenta ha pedido iniciar sesión con otro correo electrónico a partir de ahora. No cambia nada hasta que se introduzca el código enviado a esa dirección.',
      ifNotYou: 'Si no fuiste tú, inicia sesión ahora con esta dirección y cierra la sesión en todos los dispositivos.',
    },
    doNotShare: 'No compartas nunca este código con nadie. Nunca te lo pediremos.',
  },
  it: {
    signUp: {
      subject: 'Conferma il tuo indirizzo email[ per {app}]',
      intro: 'Inserisci questo codice per completare la registrazione[ a {app}]:',
      expiry: 'Il codice è valido per 24 ore.',
      ignore: 'Se non hai provato a registrarti, puoi ignorare questa email.',
    },
    signIn: {
      subject: 'Il tuo codice di accesso[ a {app}]',
      intro: 'Inserisci questo codice per accedere[ a {app}]:',
      expiry: 'Il codice scade tra pochi minuti.',
      ignore:
        'Se non hai provato ad accedere, puoi ignorare questa email. Qualcuno potrebbe aver digitato il tuo indirizzo per errore.',
    },
    changeEmail: {
      subject: 'Conferma il tuo nuovo indirizzo email[ per {app}]',
      intro: 'Inserisci questo codice per accedere d’ora in poi[ a {app}] con questo indirizzo:',
      ignore: 'Se non l’hai chiesto tu, ignora questa email: senza il codice non cambia nulla.',
    },
    changeNotice: {
      subject: 'Il tuo indirizzo email di accesso[ a {app}] sta per essere cambiato',
      intro:
        'Qualcuno che ha effettuato l’accesso al tuo account ha chiesto di accedere d’ora in poi con un altro indirizzo email. Non cambia nulla finché non viene inserito il codice inviato a quell’indirizzo.',
      ifNotYou: 'Se non sei stato tu, accedi ora con questo indirizzo ed esci da tutti i dispositivi.',
    },
    doNotShare: 'Non comunicare mai questo codice a nessuno. Non te lo chiederemo mai.',
  },
  pt: {
    // Wording that reads naturally in both Portugal and Brazil (pt-PT and pt-BR fall back here).
    signUp: {
      subject: 'Confirme o seu endereço de e-mail[ para {app}]',
      intro: 'Insira este código para concluir a criação da sua conta[ em {app}]:',
      expiry: 'O código é válido por 24 horas.',
      ignore: 'Se não tentou criar uma conta, pode ignorar este e-mail.',
    },
    signIn: {
      subject: 'O seu código de acesso[ para {app}]',
      intro: 'Insira este código para entrar[ em {app}]:',
      expiry: 'O código expira em poucos minutos.',
      ignore:
        'Se não tentou entrar, pode ignorar este e-mail. É possível que alguém tenha inserido o seu endereço por engano.',
    },
    changeEmail: {
      subject: 'Confirme o seu novo endereço de e-mail[ para {app}]',
      intro: 'Insira este código para passar a entrar[ em {app}] com este endereço:',
      ignore: 'Se não foi você que pediu, pode ignorar este e-mail: sem o código, nada muda.',
    },
    changeNotice: {
      subject: 'O seu e-mail de acesso[ a {app}] vai ser alterado',
      intro:
        'Alguém com sessão iniciada na sua conta pediu para passar a entrar com outro endereço de e-mail. Nada muda até ser inserido o código enviado para esse endereço.',
      ifNotYou: 'Se não foi você, entre agora com este endereço e termine a sessão em todos os dispositivos.',
    },
    doNotShare: 'Não revele este código a ninguém. Nós nunca o pediremos.',
  },
  nl: {
    signUp: {
      subject: 'Bevestig je e-mailadres[ voor {app}]',
      intro: 'Voer deze code in om je account [bij {app} ]aan te maken:',
      expiry: 'De code is 24 uur geldig.',
      ignore: 'Heb je niet geprobeerd een account aan te maken? Dan kun je deze e-mail negeren.',
    },
    signIn: {
      subject: 'Je inlogcode[ voor {app}]',
      intro: 'Voer deze code in om in te loggen[ bij {app}]:',
      expiry: 'De code verloopt over een paar minuten.',
      ignore:
        'Heb je niet geprobeerd in te loggen? Dan kun je deze e-mail negeren. Misschien heeft iemand per ongeluk jouw e-mailadres ingevoerd.',
    },
    changeEmail: {
      subject: 'Bevestig je nieuwe e-mailadres[ voor {app}]',
      intro: 'Voer deze code in om voortaan met dit adres in te loggen[ bij {app}]:',
      ignore: 'Heb je hier niet om gevraagd? Negeer deze e-mail dan: zonder de code verandert er niets.',
    },
    changeNotice: {
      subject: 'Je inlog-e-mailadres[ bij {app}] wordt gewijzigd',
      intro:
        'Iemand die in je account is ingelogd, wil voortaan met een ander e-mailadres inloggen. Er verandert niets tot de code is ingevoerd die naar dat adres is gestuurd.',
      ifNotYou: 'Was jij dit niet? Log dan nu in met dit adres en log uit op alle apparaten.',
    },
    doNotShare: 'Deel deze code nooit met anderen. Wij zullen er nooit om vragen.',
  },
  pl: {
    signUp: {
      subject: 'Potwierdź swój adres e-mail[ w serwisie {app}]',
      intro: 'Wpisz ten kod, aby dokończyć zakładanie konta[ w serwisie {app}]:',
      expiry: 'Kod jest ważny przez 24 godziny.',
      ignore: 'Jeśli to nie Ty zakładasz konto, zignoruj tę wiadomość.',
    },
    signIn: {
      subject: 'Twój kod logowania[ do serwisu {app}]',
      intro: 'Wpisz ten kod, aby [zalogować się do serwisu {app}|się zalogować]:',
      expiry: 'Kod wygaśnie za kilka minut.',
      ignore:
        'Jeśli to nie Ty próbujesz się zalogować, zignoruj tę wiadomość. Ktoś mógł przez pomyłkę wpisać Twój adres e-mail.',
    },
    changeEmail: {
      subject: 'Potwierdź nowy adres e-mail[ w serwisie {app}]',
      intro: 'Wpisz ten kod, aby od teraz logować się[ do serwisu {app}] tym adresem:',
      ignore: 'Jeśli to nie Ty, zignoruj tę wiadomość: bez kodu nic się nie zmieni.',
    },
    changeNotice: {
      subject: 'Twój adres e-mail do logowania[ w serwisie {app}] ma zostać zmieniony',
      intro:
        'Ktoś zalogowany na Twoje konto poprosił o logowanie od teraz innym adresem e-mail. Nic się nie zmieni, dopóki nie zostanie wpisany kod wysłany na ten adres.',
      ifNotYou: 'Jeśli to nie Ty, zaloguj się teraz tym adresem i wyloguj się na wszystkich urządzeniach.',
    },
    doNotShare: 'Nigdy nikomu nie podawaj tego kodu. Nigdy o niego nie poprosimy.',
  },
  ja: {
    signUp: {
      subject: '[【{app}】]メールアドレスの確認',
      intro: '[{app} の]アカウント作成を完了するには、次のコードを入力してください。',
      expiry: 'このコードの有効期限は24時間です。',
      ignore: 'アカウント作成に心当たりがない場合は、このメールを破棄してください。',
    },
    signIn: {
      subject: '[【{app}】]ログイン用コード',
      intro: '[{app} に]ログインするには、次のコードを入力してください。',
      expiry: 'このコードは数分で有効期限が切れます。',
      ignore: 'ログインに心当たりがない場合は、このメールを破棄してください。どなたかが誤ってお客様のメールアドレスを入力した可能性があります。',
    },
    changeEmail: {
      subject: '[【{app}】]新しいメールアドレスの確認',
      intro: '今後このアドレスで[{app} に]ログインするには、次のコードを入力してください。',
      ignore: 'お心当たりがない場合は、このメールを破棄してください。コードが入力されない限り、何も変更されません。',
    },
    changeNotice: {
      subject: '[【{app}】]ログイン用メールアドレスの変更リクエスト',
      intro: 'お客様のアカウントにログイン中の方から、今後は別のメールアドレスでログインしたいというリクエストがありました。そのアドレスに送信したコードが入力されるまで、何も変更されません。',
      ifNotYou: 'お心当たりがない場合は、今すぐこのアドレスでログインし、すべてのデバイスからログアウトしてください。',
    },
    doNotShare: 'このコードは誰にも教えないでください。当方からコードをお尋ねすることはありません。',
  },
  zh: {
    // Simplified Chinese; zh-Hans, zh-CN and (for lack of a Traditional table) zh-Hant fall back here.
    signUp: {
      subject: '确认您[在 {app} ]的邮箱地址',
      heading: '请确认您的邮箱地址',
      intro: '请输入以下验证码，完成[ {app} ]账户的创建：',
      expiry: '验证码在 24 小时内有效。',
      ignore: '如果您没有尝试创建账户，请忽略此邮件。',
    },
    signIn: {
      subject: '您的[ {app} ]登录验证码',
      intro: '请输入以下验证码登录[ {app}]：',
      expiry: '验证码将在几分钟后失效。',
      ignore: '如果您没有尝试登录，请忽略此邮件。可能有人误输入了您的邮箱地址。',
    },
    changeEmail: {
      subject: '确认您[在 {app} ]的新邮箱地址',
      intro: '请输入以下验证码，今后即可使用此地址登录[ {app}]：',
      ignore: '如果这不是您本人操作，请忽略此邮件：没有验证码，一切都不会改变。',
    },
    changeNotice: {
      subject: '您[在 {app} ]的登录邮箱即将更改',
      intro: '已登录您账户的某人申请今后改用另一个邮箱地址登录。在输入发送到该地址的验证码之前，一切都不会改变。',
      ifNotYou: '如果这不是您本人操作，请立即使用此地址登录，并在所有设备上退出登录。',
    },
    doNotShare: '请勿向任何人透露此验证码。我们绝不会向您索要验证码。',
  },
  ar: {
    signUp: {
      subject: 'تأكيد بريدك الإلكتروني[ في {app}]',
      heading: 'تأكيد عنوان بريدك الإلكتروني',
      intro: 'أدخل هذا الرمز لإكمال إنشاء حسابك[ في {app}]:',
      expiry: 'الرمز صالح لمدة 24 ساعة.',
      ignore: 'إذا لم تحاول إنشاء حساب، يمكنك تجاهل هذه الرسالة.',
    },
    signIn: {
      subject: 'رمز تسجيل الدخول [إلى {app}|الخاص بك]',
      intro: 'أدخل هذا الرمز لتسجيل الدخول[ إلى {app}]:',
      expiry: 'تنتهي صلاحية الرمز خلال بضع دقائق.',
      ignore:
        'إذا لم تحاول تسجيل الدخول، يمكنك تجاهل هذه الرسالة. ربما أدخل أحدهم عنوان بريدك الإلكتروني عن طريق الخطأ.',
    },
    changeEmail: {
      subject: 'تأكيد بريدك الإلكتروني الجديد[ في {app}]',
      intro: 'أدخل هذا الرمز لتسجيل الدخول[ إلى {app}] بهذا العنوان من الآن فصاعدًا:',
      ignore: 'إذا لم تطلب ذلك، يمكنك تجاهل هذه الرسالة: لن يتغير شيء دون الرمز.',
    },
    changeNotice: {
      subject: 'سيتم تغيير بريد تسجيل الدخول[ إلى {app}]',
      intro:
        'طلب شخص مسجَّل الدخول إلى حسابك تسجيل الدخول من الآن فصاعدًا بعنوان بريد إلكتروني آخر. لن يتغير شيء حتى يُدخَل الرمز المرسَل إلى ذلك العنوان.',
      ifNotYou: 'إذا لم تكن أنت، فسجّل الدخول الآن بهذا العنوان وسجّل الخروج من جميع الأجهزة.',
    },
    doNotShare: 'لا تشارك هذا الرمز مع أي شخص. لن نطلبه منك أبدًا.',
  },
  he: {
    // Impersonal forms ("יש להזין") keep the wording gender-neutral.
    signUp: {
      subject: 'אימות כתובת האימייל שלך[ ב-{app}]',
      intro: 'יש להזין את הקוד הזה כדי להשלים את יצירת החשבון[ ב-{app}]:',
      expiry: 'הקוד בתוקף למשך 24 שעות.',
      ignore: 'אם לא ניסית ליצור חשבון, אפשר להתעלם מהודעה זו.',
    },
    signIn: {
      subject: 'קוד הכניסה שלך[ ל-{app}]',
      intro: 'יש להזין את הקוד הזה כדי להיכנס[ ל-{app}]:',
      expiry: 'תוקף הקוד יפוג בעוד כמה דקות.',
      ignore: 'אם לא ניסית להיכנס, אפשר להתעלם מהודעה זו. ייתכן שמישהו הקליד את כתובת האימייל שלך בטעות.',
    },
    changeEmail: {
      subject: 'אימות כתובת האימייל החדשה שלך[ ב-{app}]',
      intro: 'יש להזין את הקוד הזה כדי להיכנס מעכשיו[ ל-{app}] עם הכתובת הזו:',
      ignore: 'אם לא ביקשת זאת, אפשר להתעלם מהודעה זו: בלי הקוד שום דבר לא משתנה.',
    },
    changeNotice: {
      subject: 'כתובת האימייל לכניסה[ ל-{app}] עומדת להשתנות',
      intro:
        'מישהו שמחובר לחשבון שלך ביקש להיכנס מעכשיו עם כתובת אימייל אחרת. שום דבר לא משתנה עד שיוזן הקוד שנשלח לכתובת החדשה.',
      ifNotYou: 'אם זה לא היה מעשה שלך, יש להיכנס עכשיו עם הכתובת הזו ולהתנתק מכל המכשירים.',
    },
    doNotShare: 'אין למסור את הקוד הזה לאף אחד. לעולם לא נבקש אותו ממך.',
  },
};

/** One code email's words, ready to render: sentences that may name the site are functions of it. */
export interface KindMessages {
  subject: (app?: string) => string;
  heading: string;
  intro: (app?: string) => string;
  expiry: string;
  ignore: string;
}

export interface NoticeMessages {
  subject: (app?: string) => string;
  heading: string;
  intro: (app?: string) => string;
  ifNotYou: string;
}

export interface Messages {
  signUp: KindMessages;
  signIn: KindMessages;
  changeEmail: KindMessages;
  changeNotice: NoticeMessages;
  doNotShare: string;
}

/** A compact sentence as a function of the site's name (see the top of this file). */
export function appText(text: AppText): (app?: string) => string {
  return (app) =>
    text
      .replace(/\[([^\]|]*)(?:\|([^\]]*))?\]/g, (_, withName: string, without: string | undefined) => (app ? withName : (without ?? '')))
      // A function, so that `$&` and the like in a site's name are not replacement patterns.
      .replace(/\{app\}/g, () => app ?? '');
}

function compile(t: LanguageTexts): Messages {
  const code = (k: CodeTexts): KindMessages => ({
    subject: appText(k.subject),
    heading: k.heading ?? appText(k.subject)(),
    intro: appText(k.intro),
    expiry: k.expiry ?? t.signUp.expiry,
    ignore: k.ignore,
  });
  const n = t.changeNotice;
  return {
    signUp: code(t.signUp),
    signIn: code(t.signIn),
    changeEmail: code(t.changeEmail),
    changeNotice: { subject: appText(n.subject), heading: appText(n.subject)(), intro: appText(n.intro), ifNotYou: n.ifNotYou },
    doNotShare: t.doNotShare,
  };
}

export const MESSAGES = Object.fromEntries(LANGUAGES.map((language) => [language, compile(TEXTS[language])])) as Record<
  Language,
  Messages
>;
