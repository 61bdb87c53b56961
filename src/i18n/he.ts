import type { Messages } from './en.js';

// Gender-neutral Hebrew, as in the code emails: instructions in the impersonal "יש להזין",
// buttons as verbal nouns ("שליחת קוד חדש"), states without a gendered subject
// ("הכניסה בוצעה", not "את/ה מחובר/ת").
//
// Counted nouns follow Intl.PluralRules('he'): one ("שנייה אחת"), two (the dual-like
// "שתי שניות"), other ("5 שניות"). Older CLDR data also has "many" (20, 30, …), worded as other.
const plural = new Intl.PluralRules('he');

const seconds = (n: number) => {
  switch (plural.select(n)) {
    case 'one':
      return 'שנייה אחת';
    case 'two':
      return 'שתי שניות';
    default:
      return `${n} שניות`;
  }
};

const digits = (n: number) => {
  switch (plural.select(n)) {
    case 'one':
      return 'ספרה אחת';
    case 'two':
      return 'שתי ספרות';
    default:
      return `${n} ספרות`;
  }
};

/** A left-to-right example inside a right-to-left sentence, isolated so its punctuation stays put. */
const ltr = (text: string) => `\u2066${text}\u2069`;

export default {
  formLabel: 'כניסה עם קוד שנשלח באימייל',
  emailLabel: 'כתובת אימייל',
  continue: 'המשך',
  codeLabel: 'הקוד מהאימייל',
  codeHint: (length: number) => `יש להזין קוד בן ${digits(length)}.`,
  codeSentTo: (destination: string) => `שלחנו קוד לכתובת ${destination}.`,
  verify: 'כניסה',
  resend: 'שליחת הקוד מחדש',
  resendIn: (n: number) => `שליחת הקוד מחדש בעוד ${seconds(n)}`,
  newCode: 'שליחת קוד חדש',
  changeEmail: 'שימוש בכתובת אימייל אחרת',
  signedInAs: (email: string) => `החשבון המחובר: ${email}`,
  signOut: 'יציאה',
  loading: 'בטעינה…',
  sending: 'שולחים את הקוד…',
  verifying: 'בודקים את הקוד…',
  signingOut: 'מתבצעת יציאה…',
  codeSent: 'הקוד נשלח. יש לבדוק את תיבת האימייל.',
  signedIn: 'הכניסה בוצעה.',
  signedOut: 'היציאה מהחשבון בוצעה.',
  passkeyButton: 'כניסה עם מפתח גישה',
  emailCodeButton: 'שליחת קוד באימייל במקום זאת',
  waitingForPasskey: 'ממתינים למפתח הגישה…',
  passkeyOffer: 'בפעם הבאה אפשר להיכנס עם טביעת אצבע, זיהוי פנים או נעילת מסך, בלי להקליד קוד.',
  createPasskey: 'יצירת מפתח גישה',
  notNow: 'לא עכשיו',
  creatingPasskey: 'יוצרים מפתח גישה…',
  passkeyCreated: 'מפתח הגישה נוצר. אפשר להשתמש בו לכניסה בפעם הבאה.',
  errorEmailRequired: 'יש להזין כתובת אימייל.',
  errorInvalidEmail: `יש להזין כתובת אימייל תקינה, למשל ${ltr('name@example.com')}.`,
  errorCodeIncomplete: (n: number) => {
    switch (plural.select(n)) {
      case 'one':
        return 'יש להזין את הספרה של הקוד.';
      case 'two':
        return 'יש להזין את שתי הספרות של הקוד.';
      default:
        return `יש להזין את כל ${n} הספרות של הקוד.`;
    }
  },
  errorWrongCode: 'הקוד שגוי. יש לבדוק את האימייל ולנסות שוב.',
  errorCodeExpired: 'תוקף הקוד פג. יש לבקש קוד חדש.',
  errorSessionExpired: 'תוקף הכניסה הזו פג. כדי להמשיך, יש לבקש קוד חדש.',
  errorNoAccount: 'לא קיים חשבון עם כתובת האימייל הזו.',
  errorTooManyAttempts: 'יותר מדי ניסיונות. יש להמתין כמה דקות ולנסות שוב.',
  errorNetwork: 'אין גישה לשירות הכניסה. יש לבדוק את החיבור לאינטרנט ולנסות שוב.',
  errorUserDisabled: 'החשבון הזה מושבת.',
  errorConfiguration: 'הכניסה לא הוגדרה כראוי בדף הזה.',
  errorPoolConflict: 'טופס כניסה אחר בדף הזה משתמש במאגר משתמשים אחר.',
  errorStorageConflict: 'הכניסה בדף הזה מוגדרת לשמור את ההתחברויות בשני מקומות שונים.',
  errorService: 'אירעה בעיה בשירות הכניסה. אפשר לנסות שוב בעוד רגע.',
  errorPasskeyCancelled: 'לא נעשה שימוש במפתח הגישה: הבקשה בוטלה או שפג הזמן שלה.',
  errorPasskeyFailed: 'לא ניתן להשתמש במפתח הגישה הזה. יש לנסות שוב.',
  errorPasskeysUnavailable: 'מפתחות גישה אינם זמינים כאן.',
  errorUnknown: 'משהו השתבש. אפשר לנסות שוב.',
} satisfies Messages;
