import type { Messages } from './en.js';

// Informal "tu", as Italian product interfaces (and the code emails) address the user.
const plural = new Intl.PluralRules('it');
const one = (n: number) => plural.select(n) === 'one';

export default {
  formLabel: 'Accedi con un codice ricevuto via email',
  emailLabel: 'Indirizzo email',
  continue: 'Continua',
  codeLabel: 'Codice ricevuto via email',
  codeHint: (length: number) => `Inserisci il codice di ${length} ${one(length) ? 'cifra' : 'cifre'}.`,
  codeSentTo: (destination: string) => `Abbiamo inviato un codice a ${destination}.`,
  verify: 'Accedi',
  resend: 'Invia di nuovo il codice',
  resendIn: (seconds: number) =>
    `Invia di nuovo il codice tra ${seconds} ${one(seconds) ? 'secondo' : 'secondi'}`,
  newCode: 'Invia un nuovo codice',
  changeEmail: 'Usa un altro indirizzo email',
  signedInAs: (email: string) => `Accesso effettuato come ${email}`,
  signOut: 'Esci',
  loading: 'Caricamento…',
  sending: 'Invio del codice…',
  verifying: 'Verifica del codice…',
  signingOut: 'Uscita in corso…',
  codeSent: 'Codice inviato. Controlla la tua email.',
  signedIn: 'Accesso effettuato.',
  signedOut: 'Disconnessione effettuata.',
  errorEmailRequired: 'Inserisci il tuo indirizzo email.',
  errorInvalidEmail: 'Inserisci un indirizzo email valido, ad esempio nome@example.com.',
  errorCodeIncomplete: (length: number) =>
    one(length) ? 'Inserisci la cifra del codice.' : `Inserisci tutte le ${length} cifre del codice.`,
  errorWrongCode: 'Il codice non è corretto. Controlla l’email e riprova.',
  errorCodeExpired: 'Il codice è scaduto. Richiedine uno nuovo.',
  errorSessionExpired: 'Questo accesso è scaduto. Richiedi un nuovo codice per continuare.',
  errorNoAccount: 'Non esiste un account con questo indirizzo email.',
  errorTooManyAttempts: 'Troppi tentativi. Attendi qualche minuto e riprova.',
  errorNetwork: 'Impossibile raggiungere il servizio di accesso. Controlla la connessione e riprova.',
  errorUserDisabled: 'Questo account è disattivato.',
  errorConfiguration: 'L’accesso non è configurato correttamente su questa pagina.',
  errorPoolConflict: 'Un altro modulo di accesso in questa pagina usa un pool di utenti diverso.',
  errorStorageConflict: 'L’accesso in questa pagina è configurato per conservare le sessioni in due posti diversi.',
  errorService: 'Si è verificato un problema con il servizio di accesso. Riprova tra poco.',
  errorUnknown: 'Si è verificato un errore. Riprova.',
} satisfies Messages;
