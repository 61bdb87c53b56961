import type { Messages } from './en.js';

// Informal "je", as Dutch product interfaces (and the code emails) address the user.
const plural = new Intl.PluralRules('nl');
const one = (n: number) => plural.select(n) === 'one';

export default {
  formLabel: 'Inloggen met een code per e-mail',
  emailLabel: 'E-mailadres',
  continue: 'Doorgaan',
  codeLabel: 'Code uit de e-mail',
  // "6-cijferige" is an adjective: no plural to choose.
  codeHint: (length: number) => `Voer de ${length}-cijferige code in.`,
  codeSentTo: (destination: string) => `We hebben een code gestuurd naar ${destination}.`,
  verify: 'Inloggen',
  resend: 'Code opnieuw sturen',
  resendIn: (seconds: number) => `Code opnieuw sturen over ${seconds} ${one(seconds) ? 'seconde' : 'seconden'}`,
  newCode: 'Nieuwe code sturen',
  changeEmail: 'Ander e-mailadres gebruiken',
  signedInAs: (email: string) => `Ingelogd als ${email}`,
  signOut: 'Uitloggen',
  loading: 'Laden…',
  sending: 'Code wordt verstuurd…',
  verifying: 'Code wordt gecontroleerd…',
  signingOut: 'Bezig met uitloggen…',
  codeSent: 'Code verstuurd. Kijk in je mailbox.',
  signedIn: 'Je bent ingelogd.',
  signedOut: 'Je bent uitgelogd.',
  errorEmailRequired: 'Vul je e-mailadres in.',
  errorInvalidEmail: 'Vul een geldig e-mailadres in, zoals naam@example.com.',
  errorCodeIncomplete: (length: number) =>
    one(length) ? 'Vul het cijfer van de code in.' : `Vul alle ${length} cijfers van de code in.`,
  errorWrongCode: 'Die code klopt niet. Controleer de e-mail en probeer het opnieuw.',
  errorCodeExpired: 'Deze code is verlopen. Vraag een nieuwe code aan.',
  errorSessionExpired: 'Deze inlogpoging is verlopen. Vraag een nieuwe code aan om verder te gaan.',
  errorNoAccount: 'Er is geen account met dit e-mailadres.',
  errorTooManyAttempts: 'Te veel pogingen. Wacht een paar minuten en probeer het dan opnieuw.',
  errorNetwork: 'Kan de inlogdienst niet bereiken. Controleer je verbinding en probeer het opnieuw.',
  errorUserDisabled: 'Dit account is uitgeschakeld.',
  errorConfiguration: 'Inloggen is op deze pagina niet goed ingesteld.',
  errorPoolConflict: 'Een ander inlogformulier op deze pagina gebruikt een andere gebruikersgroep.',
  errorStorageConflict: 'Inloggen op deze pagina is ingesteld om sessies op twee verschillende plaatsen te bewaren.',
  errorService: 'Er ging iets mis bij de inlogdienst. Probeer het zo nog eens.',
  errorUnknown: 'Er ging iets mis. Probeer het opnieuw.',
} satisfies Messages;
