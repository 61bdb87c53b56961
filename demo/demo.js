// The demo page's own script: creates the element from the emulator's config (or a real pool that
// the visitor entered), wires the option switches, and shows the event log and the dev inbox.
// It reads only what the element hands any host page: events and their details.

const POOL_KEY = 'passwordless-login-demo:pool';
const PREFS_KEY = 'passwordless-login-demo:prefs';
const EVENTS = ['signed-in', 'signed-out', 'code-sent', 'login-error', 'passkey-created'];
const ACCOUNT_EVENTS = ['email-changed', 'signed-out', 'account-deleted', 'account-error', 'passkey-created', 'passkey-deleted'];

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const emulator = await fetch('config.json').then((r) => r.json());
const prefs = { lang: 'en', theme: 'light dark', signUp: 'auto', ...readJson(localStorage, PREFS_KEY) };

function readJson(storage, key) {
  try {
    return JSON.parse(storage.getItem(key) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

/** The pool the element talks to: a real one the visitor saved, else the local emulator. */
function currentPool() {
  const saved = readJson(localStorage, POOL_KEY);
  return saved?.userPoolId && saved?.clientId ? { ...saved, real: true } : { ...emulator, real: false };
}

/** Replaces the element with a fresh one for the current pool and options. */
function mountElement() {
  const pool = currentPool();
  const old = $('login');
  const el = document.createElement('passwordless-login');
  el.id = 'login';
  el.setAttribute('user-pool-id', pool.userPoolId);
  el.setAttribute('client-id', pool.clientId);
  if (!pool.real) el.setAttribute('endpoint', pool.endpoint);
  el.setAttribute('lang', prefs.lang);
  el.setAttribute('sign-up', prefs.signUp);
  for (const type of EVENTS) el.addEventListener(type, logEvent);
  old.replaceWith(el);

  // The account element on the same pool and session.
  const account = document.createElement('passwordless-account');
  account.id = 'account';
  account.setAttribute('user-pool-id', pool.userPoolId);
  account.setAttribute('client-id', pool.clientId);
  if (!pool.real) account.setAttribute('endpoint', pool.endpoint);
  account.setAttribute('lang', prefs.lang);
  for (const type of ACCOUNT_EVENTS) account.addEventListener(type, logEvent);
  account.append(...$('account').childNodes);
  $('account').replaceWith(account);
  $('backend-badge').textContent = pool.real ? `Amazon Cognito · ${pool.userPoolId}` : 'Local emulator';
  $('inbox-hint').textContent = pool.real
    ? 'Codes from a real pool arrive in your real mailbox.'
    : 'Mail the local emulator would send appears here, codes included.';
}

function savePrefs() {
  localStorage.setItem(PREFS_KEY, JSON.stringify(prefs));
}

// ---- options --------------------------------------------------------------------------------------
const langSelect = /** @type {HTMLSelectElement} */ ($('lang-select'));
const themeSelect = /** @type {HTMLSelectElement} */ ($('theme-select'));
const signUpSelect = /** @type {HTMLSelectElement} */ ($('signup-select'));
langSelect.value = prefs.lang;
themeSelect.value = prefs.theme;
signUpSelect.value = prefs.signUp;
document.documentElement.dataset.theme = prefs.theme;

langSelect.addEventListener('change', () => {
  prefs.lang = langSelect.value;
  $('login').setAttribute('lang', prefs.lang);
  $('account').setAttribute('lang', prefs.lang);
  savePrefs();
});
themeSelect.addEventListener('change', () => {
  prefs.theme = themeSelect.value;
  document.documentElement.dataset.theme = prefs.theme;
  savePrefs();
});
signUpSelect.addEventListener('change', () => {
  prefs.signUp = signUpSelect.value;
  $('login').setAttribute('sign-up', prefs.signUp);
  savePrefs();
});

// ---- a real Cognito pool ------------------------------------------------------------------------------
const poolForm = /** @type {HTMLFormElement} */ ($('pool-form'));
const saved = readJson(localStorage, POOL_KEY);
if (saved) {
  /** @type {HTMLInputElement} */ ($('pool-id')).value = saved.userPoolId;
  /** @type {HTMLInputElement} */ ($('client-id')).value = saved.clientId;
  /** @type {HTMLDetailsElement} */ ($('pool-details')).open = true;
}
poolForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(poolForm);
  localStorage.setItem(
    POOL_KEY,
    JSON.stringify({ userPoolId: String(data.get('userPoolId')).trim(), clientId: String(data.get('clientId')).trim() }),
  );
  mountElement();
});
$('use-emulator').addEventListener('click', () => {
  localStorage.removeItem(POOL_KEY);
  poolForm.reset();
  mountElement();
});

// ---- event log ----------------------------------------------------------------------------------------
/** Decodes a JWT's payload for display; the token itself is never shown. */
function claimsOf(jwt) {
  try {
    const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(
      [...atob(payload)].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
    );
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

function displayDetail(type, detail) {
  if (type !== 'signed-in' || !detail?.tokens) return detail;
  const { idToken, accessToken, expiresAt } = detail.tokens;
  return {
    ...detail,
    tokens: {
      idToken: `‹JWT, ${idToken.length} characters›`,
      accessToken: `‹JWT, ${accessToken.length} characters›`,
      expiresAt: `${expiresAt} (${new Date(expiresAt).toLocaleTimeString()})`,
    },
    idTokenClaims: claimsOf(idToken),
  };
}

function logEvent(event) {
  const item = document.createElement('li');
  const source = document.createElement('span');
  source.className = 'log-source';
  source.textContent = event.currentTarget.localName === 'passwordless-account' ? 'account' : 'login';
  const name = document.createElement('span');
  name.className = 'log-name';
  name.textContent = event.type;
  const time = document.createElement('time');
  time.className = 'log-time';
  time.textContent = new Date().toLocaleTimeString();
  const pre = document.createElement('pre');
  pre.textContent = JSON.stringify(displayDetail(event.type, event.detail), null, 2) ?? '(no detail)';
  // A long detail scrolls: keyboard users must be able to reach and scroll it.
  pre.tabIndex = 0;
  pre.setAttribute('role', 'region');
  pre.setAttribute('aria-label', `${event.type} detail`);
  item.append(source, name, time, pre);
  $('log').prepend(item);
}
$('clear-log').addEventListener('click', () => $('log').replaceChildren());

// ---- dev inbox (local emulator only) ----------------------------------------------------------------
let shownMessages = 0;
function renderMessage(message) {
  const item = document.createElement('li');
  item.dataset.kind = message.kind;
  const head = document.createElement('div');
  head.className = 'mail-head';
  const to = document.createElement('span');
  to.textContent = `To ${message.to}`;
  const at = document.createElement('time');
  at.dateTime = message.sentAt;
  at.textContent = new Date(message.sentAt).toLocaleTimeString();
  head.append(to, at);
  const subject = document.createElement('p');
  subject.className = 'mail-subject';
  subject.textContent = message.subject;
  if (message.kind === 'notice') {
    // A mail a trigger sent itself (the email-change notice to the old address): no code.
    const note = document.createElement('p');
    note.className = 'mail-note';
    note.textContent = message.text.split('\n').filter(Boolean).slice(1, 2).join(' ');
    item.append(head, subject, note);
    $('inbox').prepend(item);
    return;
  }
  const codeRow = document.createElement('div');
  codeRow.className = 'mail-code';
  const code = document.createElement('code');
  code.className = 'inbox-code';
  code.textContent = message.code;
  const copy = document.createElement('button');
  copy.type = 'button';
  copy.className = 'secondary small';
  copy.textContent = 'Copy';
  copy.setAttribute('aria-label', `Copy code ${message.code}`);
  copy.addEventListener('click', async () => {
    await navigator.clipboard?.writeText(message.code).catch(() => undefined);
    copy.textContent = 'Copied';
  });
  codeRow.append(code, copy);
  item.append(head, subject, codeRow);
  $('inbox').prepend(item);
}

async function pollInbox() {
  if (!currentPool().real) {
    try {
      const messages = await fetch(`${emulator.endpoint}/_emulator/messages`, { cache: 'no-store' }).then((r) =>
        r.json(),
      );
      if (messages.length < shownMessages) {
        $('inbox').replaceChildren();
        shownMessages = 0;
      }
      messages.slice(shownMessages).forEach(renderMessage);
      shownMessages = messages.length;
    } catch {
      // The emulator stopped (the demo server is shutting down); try again on the next tick.
    }
  }
  setTimeout(pollInbox, 1000);
}
$('clear-inbox').addEventListener('click', async () => {
  await fetch(`${emulator.endpoint}/_emulator/messages`, { method: 'DELETE' }).catch(() => undefined);
  $('inbox').replaceChildren();
  shownMessages = 0;
});

mountElement();
pollInbox();
