import type { Messages } from './en.js';

// Informal "Ty", as Polish product interfaces (and the code emails) address the user. Past tenses
// are gendered in Polish, so states use impersonal forms ("Zalogowano", not "Jesteś zalogowany").
// Counts take one/few/many/other (Intl.PluralRules): 1 sekundę, 2–4 and 22–24 sekundy,
// 0, 5–21 and 25–31 sekund; "other" is for fractions. After "za" the noun is in the accusative.
const plural = new Intl.PluralRules('pl');

const seconds = (n: number) =>
  `${n} ${{ one: 'sekundę', few: 'sekundy', many: 'sekund' }[plural.select(n) as string] ?? 'sekundy'}`;

export default {
  formLabel: 'Zaloguj się kodem wysłanym e-mailem',
  emailLabel: 'Adres e-mail',
  continue: 'Dalej',
  codeLabel: 'Kod z wiadomości e-mail',
  // "6-cyfrowy" is an adjective: no plural to choose.
  codeHint: (length: number) => `Wpisz ${length}-cyfrowy kod.`,
  codeSentTo: (destination: string) => `Wysłaliśmy kod na adres ${destination}.`,
  verify: 'Zaloguj się',
  resend: 'Wyślij kod ponownie',
  resendIn: (n: number) => `Wyślij kod ponownie za ${seconds(n)}`,
  newCode: 'Wyślij nowy kod',
  changeEmail: 'Użyj innego adresu e-mail',
  signedInAs: (email: string) => `Zalogowano jako ${email}`,
  signOut: 'Wyloguj się',
  loading: 'Wczytywanie…',
  sending: 'Wysyłanie kodu…',
  verifying: 'Sprawdzanie kodu…',
  signingOut: 'Wylogowywanie…',
  codeSent: 'Kod został wysłany. Sprawdź skrzynkę e-mail.',
  signedIn: 'Zalogowano.',
  signedOut: 'Wylogowano.',
  passkeyButton: 'Zaloguj się kluczem dostępu',
  emailCodeButton: 'Wyślij mi zamiast tego kod e-mailem',
  waitingForPasskey: 'Oczekiwanie na klucz dostępu…',
  passkeyOffer: 'Następnym razem zaloguj się odciskiem palca, twarzą lub blokadą ekranu – bez wpisywania kodu.',
  createPasskey: 'Utwórz klucz dostępu',
  notNow: 'Nie teraz',
  creatingPasskey: 'Tworzenie klucza dostępu…',
  passkeyCreated: 'Utworzono klucz dostępu. Użyj go przy następnym logowaniu.',
  errorEmailRequired: 'Wpisz adres e-mail.',
  errorInvalidEmail: 'Wpisz prawidłowy adres e-mail, np. nazwa@example.com.',
  errorCodeIncomplete: (n: number) => {
    switch (plural.select(n)) {
      case 'one':
        return `Wpisz ${n} cyfrę kodu.`;
      case 'many':
        return `Wpisz wszystkie ${n} cyfr kodu.`;
      default:
        return `Wpisz wszystkie ${n} cyfry kodu.`;
    }
  },
  errorWrongCode: 'Ten kod jest nieprawidłowy. Sprawdź wiadomość i spróbuj ponownie.',
  errorCodeExpired: 'Ten kod wygasł. Poproś o nowy kod.',
  errorSessionExpired: 'Ta próba logowania wygasła. Poproś o nowy kod, aby kontynuować.',
  errorNoAccount: 'Nie ma konta z tym adresem e-mail.',
  errorTooManyAttempts: 'Zbyt wiele prób. Odczekaj kilka minut i spróbuj ponownie.',
  errorNetwork: 'Nie można połączyć się z usługą logowania. Sprawdź połączenie i spróbuj ponownie.',
  errorUserDisabled: 'To konto zostało wyłączone.',
  errorConfiguration: 'Logowanie na tej stronie nie jest poprawnie skonfigurowane.',
  errorPoolConflict: 'Inny formularz logowania na tej stronie korzysta z innej puli użytkowników.',
  errorStorageConflict: 'Logowanie na tej stronie jest skonfigurowane tak, aby przechowywać sesje w dwóch różnych miejscach.',
  errorService: 'Wystąpił problem z usługą logowania. Spróbuj ponownie za chwilę.',
  errorPasskeyCancelled: 'Klucz dostępu nie został użyty: żądanie anulowano lub upłynął jego czas.',
  errorPasskeyFailed: 'Nie udało się użyć tego klucza dostępu. Spróbuj ponownie.',
  errorPasskeysUnavailable: 'Klucze dostępu nie są tutaj dostępne.',
  errorUnknown: 'Coś poszło nie tak. Spróbuj ponownie.',
} satisfies Messages;
