import type { AccountMessages } from './en.js';

// Gender-neutral Hebrew, as the sign-in element: instructions in the impersonal "יש ל…", buttons as
// verbal nouns ("מחיקת החשבון"), states without a gendered subject, and "מפתח גישה" for passkey.

/** A left-to-right example inside a right-to-left sentence, isolated so its punctuation stays put. */
const ltr = (text: string) => `\u2066${text}\u2069`;

export default {
  loading: 'טוענים את החשבון…',
  signedOut: 'לא בוצעה כניסה.',

  emailHeading: 'כתובת אימייל',
  emailHint: 'הכניסה לחשבון היא עם הכתובת הזו.',
  changeEmail: 'שינוי כתובת האימייל',
  newEmailLabel: 'כתובת האימייל החדשה',
  newEmailHint: 'נשלח קוד לכתובת הזו. עד להזנת הקוד, הכניסה ממשיכה עם הכתובת הנוכחית.',
  sendCode: 'שליחת קוד',
  cancel: 'ביטול',
  codeSentTo: (destination: string) => `שלחנו קוד לכתובת ${destination}.`,
  codeLabel: 'הקוד מהאימייל',
  codeHint: 'יש להזין קוד בן 6 ספרות.',
  confirmCode: 'אישור הכתובת החדשה',
  resendCode: 'שליחת קוד חדש',
  sending: 'שולחים את הקוד…',
  verifying: 'בודקים את הקוד…',
  codeSent: 'הקוד נשלח. יש לבדוק את תיבת הדואר של הכתובת החדשה.',
  emailChanged: (email: string) => `מעכשיו הכניסה היא עם ${email}.`,

  passkeysHeading: 'מפתחות גישה',
  passkeysHint: 'אפשר להיכנס עם טביעת אצבע, זיהוי פנים או נעילת מסך במקום קוד.',
  noPasskeys: 'עדיין אין מפתחות גישה.',
  unnamedPasskey: 'מפתח גישה',
  passkeyAdded: (date: string) => `נוסף ב-${date}`,
  addPasskey: 'הוספת מפתח גישה',
  addingPasskey: 'יש לפעול לפי ההנחיות של הדפדפן כדי ליצור את מפתח הגישה…',
  loadingPasskeys: 'טוענים את מפתחות הגישה…',
  deletePasskey: 'מחיקה',
  deletePasskeyLabel: (name: string) => `מחיקה של מפתח הגישה ${name}`,
  confirmDeletePasskey: (name: string) => `למחוק את מפתח הגישה ${name}? לא יהיה אפשר להיכנס איתו יותר.`,
  deletingPasskey: 'מוחקים את מפתח הגישה…',
  passkeyCreated: 'מפתח הגישה נוסף.',
  passkeyDeleted: 'מפתח הגישה נמחק.',

  devicesHeading: 'מכשירים',
  signOutEverywhereHint: 'יציאה מכל המכשירים והדפדפנים שבהם בוצעה כניסה, כולל המכשיר הזה.',
  signOutEverywhere: 'יציאה מכל המכשירים',
  signingOut: 'יוצאים מכל המכשירים…',
  signedOutEverywhere: 'בוצעה יציאה מכל המכשירים.',

  deleteHeading: 'מחיקת החשבון',
  deleteHint: 'אי אפשר לבטל את מחיקת החשבון.',
  deleteAccount: 'מחיקת החשבון שלי',
  confirmDeleteAccount: (email: string) => `למחוק לצמיתות את החשבון ${email}? אי אפשר לבטל את הפעולה.`,
  confirmDelete: 'מחיקה',
  deleting: 'מוחקים את החשבון…',
  accountDeleted: 'החשבון נמחק.',

  errorEmailRequired: 'יש להזין את כתובת האימייל החדשה.',
  errorInvalidEmail: `יש להזין כתובת אימייל תקינה, למשל ${ltr('name@example.com')}.`,
  errorSameEmail: 'זו כבר כתובת האימייל של החשבון.',
  errorEmailTaken: 'חשבון אחר כבר משתמש בכתובת האימייל הזו.',
  errorCodeIncomplete: 'יש להזין את כל 6 הספרות של הקוד.',
  errorWrongCode: 'הקוד שגוי. יש לבדוק את האימייל ולנסות שוב.',
  errorCodeExpired: 'תוקף הקוד פג. יש לבקש קוד חדש.',
  errorTooManyAttempts: 'יותר מדי ניסיונות. יש להמתין כמה דקות ולנסות שוב.',
  errorSessionExpired: 'החיבור לחשבון הסתיים. יש להיכנס שוב כדי להמשיך.',
  errorNetwork: 'אין גישה לשירות החשבונות. יש לבדוק את החיבור לאינטרנט ולנסות שוב.',
  errorConfiguration: 'החשבון לא הוגדר כראוי בדף הזה.',
  errorPoolConflict: 'רכיב אחר בדף הזה משתמש במאגר משתמשים אחר.',
  errorService: 'אירעה בעיה בשירות החשבונות. אפשר לנסות שוב בעוד רגע.',
  errorPasskeyCancelled: 'לא נוצר מפתח גישה. אפשר לנסות שוב בכל עת.',
  errorPasskeyFailed: 'המכשיר הזה לא הצליח ליצור מפתח גישה.',
  errorPasskeyExists: 'כבר יש במכשיר הזה מפתח גישה לחשבון.',
  errorPasskeysUnavailable: 'מפתחות גישה אינם זמינים באתר הזה.',
  errorUnknown: 'משהו השתבש. אפשר לנסות שוב.',
} satisfies AccountMessages;
