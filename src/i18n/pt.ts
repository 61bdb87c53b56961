import type { Messages } from './en.js';

// One table for Portugal and Brazil (pt-PT and pt-BR fall back here), worded to read naturally in
// both, like the code emails: third-person imperatives ("Insira") and "o seu", never "tu" or "você".
// Only the four progress lines use the gerund ("Enviando…"), which Brazil uses and Portugal reads
// without trouble; a site for Portugal can override them ("A enviar o código…") with `translations`.
// Plural rules of pt-PT: 0 takes the plural ("0 segundos"), natural on both sides of the Atlantic,
// where the pt (Brazil) rules would give "0 segundo".
const plural = new Intl.PluralRules('pt-PT');
const one = (n: number) => plural.select(n) === 'one';

export default {
  formLabel: 'Entrar com um código enviado por e-mail',
  emailLabel: 'Endereço de e-mail',
  continue: 'Continuar',
  codeLabel: 'Código recebido por e-mail',
  codeHint: (length: number) => `Insira o código de ${length} ${one(length) ? 'dígito' : 'dígitos'}.`,
  codeSentTo: (destination: string) => `Foi enviado um código para ${destination}.`,
  verify: 'Entrar',
  resend: 'Reenviar código',
  resendIn: (seconds: number) => `Reenviar código em ${seconds} ${one(seconds) ? 'segundo' : 'segundos'}`,
  newCode: 'Enviar um novo código',
  changeEmail: 'Usar outro e-mail',
  signedInAs: (email: string) => `Sessão iniciada como ${email}`,
  signOut: 'Sair',
  loading: 'Carregando…',
  sending: 'Enviando o código…',
  verifying: 'Verificando o código…',
  signingOut: 'Saindo…',
  codeSent: 'Código enviado. Verifique o seu e-mail.',
  signedIn: 'Sessão iniciada.',
  signedOut: 'Sessão encerrada.',
  passkeyButton: 'Entrar com uma chave de acesso',
  emailCodeButton: 'Receber um código por e-mail em vez disso',
  waitingForPasskey: 'Aguardando a sua chave de acesso…',
  passkeyOffer: 'Da próxima vez, entre com a sua impressão digital, o seu rosto ou o bloqueio de tela, sem digitar código.',
  createPasskey: 'Criar uma chave de acesso',
  notNow: 'Agora não',
  creatingPasskey: 'Criando a chave de acesso…',
  passkeyCreated: 'Chave de acesso criada. Use-a para entrar da próxima vez.',
  errorEmailRequired: 'Insira o seu endereço de e-mail.',
  errorInvalidEmail: 'Insira um endereço de e-mail válido, como nome@example.com.',
  errorCodeIncomplete: (length: number) =>
    one(length) ? 'Insira o dígito do código.' : `Insira todos os ${length} dígitos do código.`,
  errorWrongCode: 'Este código não está correto. Verifique o e-mail e tente novamente.',
  errorCodeExpired: 'Este código expirou. Peça um novo código.',
  errorSessionExpired: 'Esta tentativa de acesso expirou. Peça um novo código para continuar.',
  errorNoAccount: 'Não existe nenhuma conta com este endereço de e-mail.',
  errorTooManyAttempts: 'Muitas tentativas. Aguarde alguns minutos e tente novamente.',
  errorNetwork: 'O serviço de acesso não responde. Verifique a sua conexão e tente novamente.',
  errorUserDisabled: 'Esta conta está desativada.',
  errorConfiguration: 'O acesso não está configurado corretamente nesta página.',
  errorPoolConflict: 'Outro formulário de acesso nesta página usa um grupo de usuários diferente.',
  errorStorageConflict: 'O acesso nesta página está configurado para guardar as sessões em dois lugares diferentes.',
  errorService: 'O serviço de acesso teve um problema. Tente novamente daqui a pouco.',
  errorPasskeyCancelled: 'A chave de acesso não foi usada: a solicitação foi cancelada ou expirou.',
  errorPasskeyFailed: 'Não foi possível usar esta chave de acesso. Tente novamente.',
  errorPasskeysUnavailable: 'As chaves de acesso não estão disponíveis aqui.',
  errorUnknown: 'Ocorreu um erro. Tente novamente.',
} satisfies Messages;
