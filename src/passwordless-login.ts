import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { errorMessage, NEEDS_NEW_CODE } from './errors.js';
import { CodeSentEvent, LoginErrorEvent, SignedInEvent, SignedOutEvent, type SessionTokens } from './events.js';
import type { AuthClient, PoolConfig, TokenStorageKind } from './flow/client.js';
import type { FlowEvent, FlowHost, FlowState, LoginFlow } from './flow/login-flow.js';
import { en } from './i18n/en.js';
import {
  directionOf,
  inheritedLang,
  loadedMessages,
  loadMessages,
  resolveLanguage,
  withOverrides,
  type Messages,
} from './i18n/index.js';
import { isolate } from './i18n/bidi.js';
import { followPreference, styles } from './styles.js';

type Notice = 'codeSent' | 'signedIn' | 'signedOut' | null;
type FocusTarget = 'email' | 'code' | 'signed-in' | null;

/**
 * Email one-time-code sign-in and sign-up on Amazon Cognito, through aws-amplify: the email step,
 * the code step and the signed-in view. Registers nothing; import `register.js` for the tag.
 *
 * @tag passwordless-login
 *
 * @fires {SignedInEvent} signed-in - Signed in, or a stored session was restored on load. `detail`: `{ user, tokens, isNewUser, restored }`.
 * @fires {SignedOutEvent} signed-out - After `signOut()`, the sign-out button, or a session that can no longer refresh.
 * @fires {CodeSentEvent} code-sent - A code was emailed. `detail`: `{ destination, codeLength, purpose }`.
 * @fires {LoginErrorEvent} login-error - The user was shown an error. `detail`: `{ code, message }`.
 *
 * @slot header - Content above the form, in every step.
 * @slot footer - Content below the form, in every step.
 * @slot signed-in - Replaces the default signed-in view (the "Signed in as" line and sign-out button).
 *
 * @csspart form - The form of the email step and of the code step.
 * @csspart email-input - The email field.
 * @csspart code-input - The one-time-code field.
 * @csspart submit-button - The button that submits the current step.
 * @csspart resend-button - "Resend code", with its countdown.
 * @csspart change-email-button - "Use a different email".
 * @csspart error - The error message (an alert live region).
 * @csspart status - Progress and confirmation messages (a status live region).
 * @csspart signed-in - The default signed-in view.
 * @csspart sign-out-button - The default sign-out button.
 *
 * @cssstate email - The email step is shown.
 * @cssstate code - The code step is shown.
 * @cssstate signed-in - A user is signed in.
 * @cssstate busy - A request is in flight.
 *
 * @cssprop --passwordless-login-accent-color - Buttons, links and focus rings.
 * @cssprop --passwordless-login-accent-text-color - Text on accent-coloured buttons.
 * @cssprop --passwordless-login-text-color - Text.
 * @cssprop --passwordless-login-muted-color - Hints and status text.
 * @cssprop --passwordless-login-background - Background of the element.
 * @cssprop --passwordless-login-field-background - Background of the input fields.
 * @cssprop --passwordless-login-border-color - Borders of the input fields.
 * @cssprop --passwordless-login-error-color - Error text and invalid field borders.
 * @cssprop --passwordless-login-radius - Corner radius of fields and buttons.
 * @cssprop --passwordless-login-gap - Space between rows.
 * @cssprop --passwordless-login-font-family - Font of the element.
 * @cssprop --passwordless-login-transition-duration - Length of colour transitions (none under reduced motion).
 */
export class PasswordlessLogin extends LitElement {
  static override styles = styles;

  // Declared here rather than with decorators: those compile to tslib's `__decorate`, which would
  // pull tslib (shared with aws-amplify) into the bundle that renders the email step.
  static override properties = {
    userPoolId: { attribute: 'user-pool-id' },
    clientId: { attribute: 'client-id' },
    endpoint: { attribute: 'endpoint' },
    signUp: { attribute: 'sign-up' },
    tokenStorage: { attribute: 'token-storage' },
    email: { attribute: 'email' },
    translations: { attribute: false },
    flowState: { state: true, attribute: false },
    messages: { state: true, attribute: false },
    language: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    now: { state: true, attribute: false },
  };

  /** Seconds before "Resend code" is offered again after a code was sent. */
  static resendCooldownSeconds = 30;

  /** The Cognito user pool ID, e.g. `us-east-1_AbCdEf123` (required). */
  userPoolId = '';

  /** The app client ID; the client must have no secret and allow `ALLOW_USER_AUTH` (required). */
  clientId = '';

  /** A custom Cognito endpoint URL, such as the local emulator; empty for AWS. */
  endpoint = '';

  /** `auto`: an unknown email gets an account on the way; `off`: only existing accounts sign in. */
  signUp: 'auto' | 'off' = 'auto';

  /** Where tokens are kept: `local` (localStorage), `session` (sessionStorage) or `memory` (this page only). */
  tokenStorage: TokenStorageKind = 'local';

  /** Prefills the email field. */
  email = '';

  /** A partial override of any translated string, laid over the element's language. */
  translations: Partial<Messages> | undefined = undefined;

  private flowState: FlowState;
  private messages: Messages = en;
  private language = 'en';
  private notice: Notice = null;
  private now = Date.now();

  private get emailInput() {
    return this.renderRoot?.querySelector<HTMLInputElement>('[part~="email-input"]') ?? undefined;
  }
  private get codeInput() {
    return this.renderRoot?.querySelector<HTMLInputElement>('[part~="code-input"]') ?? undefined;
  }
  private get signedInView() {
    return this.renderRoot?.querySelector<HTMLElement>('[part~="signed-in"]') ?? undefined;
  }

  #internals = this.attachInternals();
  /** The sign-in flow: loaded with the auth code, so the email step renders without it. */
  #flow: LoginFlow | null = null;
  #flowLoading: Promise<LoginFlow> | null = null;
  /** Bumped by reset and disconnect: an email submitted before the flow arrived is then dropped. */
  #pendingGeneration = 0;
  /** Bumped by disconnect: a flow that arrives for an earlier connection does not connect. */
  #connection = 0;
  #focusNext: FocusTarget = null;
  /** The page's own email field, adopted on upgrade; kept in step so a reload restores the latest. */
  #light: HTMLInputElement | null = null;
  #ticker: ReturnType<typeof setInterval> | undefined;
  #pageObserver: MutationObserver | undefined;

  constructor() {
    super();
    this.flowState = { step: 'email', busy: null, email: '', code: null, error: null, session: null, isNewUser: false };
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && this.isConnected) this.#updateLanguage();
  }

  override connectedCallback(): void {
    // Progressive enhancement: an email field the page put inside the element works before the
    // bundle arrives. The shadow root hides it (there is no default slot), so its value and focus are
    // taken over here, read before the root is attached. It stays in place, unrendered. Not one in
    // slotted content (a footer's newsletter field): that stays rendered and the page's own.
    const light = this.hasUpdated
      ? null
      : this.querySelector<HTMLInputElement>(':scope>input[type=email],:scope>:not([slot]) input[type=email]');
    const focused = light?.matches(':focus');
    super.connectedCallback();
    if (!this.hasUpdated) {
      // What the visitor typed (in that field, or before a reload) wins over the prefill: it is the
      // more recent intent.
      const email = light?.value || this.#typedEmail() || this.email;
      if (email) this.#setEmail(email);
      this.#light = light;
      if (focused) this.#focusNext = 'email';
    }
    this.#updateLanguage();
    // Follow the page's language and colour scheme when they change: single-page apps switch them
    // at run time through an attribute or class on <html> or <body>.
    this.#updateColorScheme();
    this.#pageObserver = new MutationObserver(() => {
      this.#updateLanguage();
      this.#updateColorScheme();
    });
    for (const node of [document.documentElement, document.body]) {
      if (node) this.#pageObserver.observe(node, { attributes: true });
    }
    // Start loading the flow and aws-amplify now, in parallel with the first render of the email step.
    const expectStoredSession = this.#hasStoredSession();
    if (!this.#flow && expectStoredSession) this.#onFlowChange({ ...this.flowState, busy: 'restoring' });
    const generation = this.#connection;
    this.#loadFlow().then(
      (flow) => {
        if (generation === this.#connection) void flow.connect(expectStoredSession);
      },
      () => {
        // Offline or blocked: the email step stays usable; a submit retries the load.
        if (generation === this.#connection && this.flowState.busy === 'restoring') {
          this.#onFlowChange({ ...this.flowState, busy: null });
        }
      },
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#pendingGeneration++;
    this.#connection++;
    if (this.#flow) this.#flow.disconnect();
    else if (this.flowState.busy) this.#onFlowChange({ ...this.flowState, busy: null });
    this.#pageObserver?.disconnect();
    this.#stopTicker();
  }

  /** Signs out here (`global: true`: also revokes every session of the user, on all devices). */
  async signOut({ global = false }: { global?: boolean } = {}): Promise<void> {
    await this.#flow?.signOut(global);
  }

  /** The current tokens, refreshed when they are about to expire (or always, with `forceRefresh`); null when signed out. */
  async getTokens({ forceRefresh = false }: { forceRefresh?: boolean } = {}): Promise<SessionTokens | null> {
    const flow = this.#flow ?? (await this.#loadFlow().catch(() => null));
    return flow ? flow.getTokens(forceRefresh) : null;
  }

  /** Returns to the email step, abandoning a sign-in in progress. */
  reset(): void {
    if (this.#flow) this.#flow.reset();
    else {
      this.#pendingGeneration++;
      if (this.flowState.busy === 'sending') this.#onFlowChange({ ...this.flowState, busy: null });
    }
    if (this.codeInput) this.codeInput.value = '';
  }

  /** Loads the Cognito client; a separate chunk, so the email step renders without it. */
  protected loadAuthClient(): Promise<AuthClient> {
    return import('./flow/amplify-client.js').then((m) => m.amplifyClient);
  }

  /** Loads the sign-in flow's module: in the script-tag bundle, the same chunk as the Cognito client. */
  protected loadFlowModule(): Promise<typeof import('./flow/login-flow.js')> {
    return import('./flow/login-flow.js');
  }

  /** Creates the flow once its module has arrived; a failed load is tried again next time. */
  #loadFlow(): Promise<LoginFlow> {
    this.#flowLoading ??= this.loadFlowModule().then(
      ({ LoginFlow }) => {
        const host: FlowHost = {
          loadClient: () => this.loadAuthClient(),
          config: () => this.#config(),
          signUpMode: () => (this.signUp === 'off' ? 'off' : 'auto'),
          locale: () => this.language,
          resendCooldownMs: () => (this.constructor as typeof PasswordlessLogin).resendCooldownSeconds * 1000,
          onChange: (s) => this.#onFlowChange(s),
          onEvent: (e) => this.#onFlowEvent(e),
        };
        return (this.#flow = new LoginFlow(host, this.flowState.email));
      },
      (error: unknown) => {
        this.#flowLoading = null; // so that the next submit tries again
        throw error;
      },
    );
    return this.#flowLoading;
  }

  #setEmail(email: string): void {
    if (this.#flow) this.#flow.setEmail(email);
    else if (this.flowState.step === 'email' && !this.flowState.busy) this.#onFlowChange({ ...this.flowState, email });
  }

  /** Submits the email; one that arrives before the flow waits for it, busy, and is sent once. */
  async #submitEmail(value: string): Promise<void> {
    let flow = this.#flow;
    if (!flow) {
      if (this.flowState.busy || this.flowState.step !== 'email') return;
      const generation = this.#pendingGeneration;
      this.#onFlowChange({ ...this.flowState, email: value, busy: 'sending', error: null });
      try {
        flow = await this.#loadFlow();
      } catch {
        if (generation !== this.#pendingGeneration) return;
        this.#onFlowChange({ ...this.flowState, busy: null, error: 'network' });
        this.#onFlowEvent({ type: 'error', code: 'network' });
        return;
      }
      if (generation !== this.#pendingGeneration || !this.isConnected) return;
      // The flow starts from this element's state: the email typed, not busy yet.
      flow.setEmail(value);
    }
    await flow.submitEmail(value);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) return;
    if (changed.has('email') && this.email) this.#setEmail(this.email);
    const poolChanged = (['userPoolId', 'clientId', 'endpoint', 'tokenStorage'] as const).some((k) => changed.has(k));
    if (poolChanged && this.isConnected) this.#flow?.reconfigure();
  }

  protected override updated(): void {
    const { step, busy } = this.flowState;
    const states = this.#internals.states;
    for (const name of ['email', 'code', 'signed-in'] as const) {
      if (name === step) states.add(name);
      else states.delete(name);
    }
    if (busy) states.add('busy');
    else states.delete('busy');

    const target = this.#focusNext;
    if (target) {
      this.#focusNext = null;
      if (target === 'email') this.emailInput?.focus();
      else if (target === 'code') this.codeInput?.focus();
      else this.signedInView?.focus();
    }
  }

  protected override render() {
    const t = withOverrides(this.messages, this.translations);
    const s = this.flowState;
    const main =
      s.step === 'signed-in' ? this.#renderSignedIn(t) : s.step === 'code' ? this.#renderCode(t) : this.#renderEmail(t);
    const error = s.error ? errorMessage(s.error, t, s.code?.codeLength ?? 0) : nothing;
    return html`<div class="root" lang=${this.language} dir=${directionOf(this.language)}>
      <slot name="header"></slot>
      ${main}
      <div part="status" role="status">${this.#statusText(t)}</div>
      <div part="error" id="error" role="alert">${error}</div>
      <slot name="footer"></slot>
    </div>`;
  }

  #renderEmail(t: Messages) {
    const s = this.flowState;
    const invalid = s.error === 'invalid-email' || s.error === 'email-required' || s.error === 'no-account';
    return html`<form part="form" novalidate aria-label=${t.formLabel} @submit=${this.#onEmailSubmit}>
      <label for="email">${t.emailLabel}</label>
      <input
        id="email"
        part="email-input"
        type="email"
        dir="ltr"
        name="email"
        autocomplete="email"
        inputmode="email"
        autocapitalize="off"
        spellcheck="false"
        .value=${s.email}
        ?readonly=${s.busy !== null}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby="error"
        @input=${this.#onEmailInput}
      />
      <button part="submit-button" type="submit" aria-disabled=${s.busy ? 'true' : 'false'}>${t.continue}</button>
    </form>`;
  }

  #renderCode(t: Messages) {
    const s = this.flowState;
    const code = s.code!;
    const renew = s.error !== null && NEEDS_NEW_CODE.has(s.error);
    const wait = Math.max(0, Math.ceil((code.resendAt - this.now) / 1000));
    const resendBlocked = s.busy !== null || (!renew && wait > 0);
    const resendLabel = renew ? t.newCode : wait > 0 ? t.resendIn(wait) : t.resend;
    const invalid = s.error === 'wrong-code' || s.error === 'code-incomplete';
    return html`<form part="form" novalidate aria-label=${t.formLabel} @submit=${this.#onCodeSubmit}>
      <p id="destination">${t.codeSentTo(isolate(code.destination))}</p>
      <label for="code">${t.codeLabel}</label>
      <p id="code-hint" class="hint">${t.codeHint(code.codeLength)}</p>
      <input
        id="code"
        part="code-input"
        type="text"
        dir="ltr"
        name="code"
        autocomplete="one-time-code"
        inputmode="numeric"
        enterkeyhint="done"
        spellcheck="false"
        ?readonly=${s.busy !== null}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby="destination code-hint error"
        @input=${this.#onCodeInput}
      />
      <button part="submit-button" type="submit" aria-disabled=${s.busy ? 'true' : 'false'}>${t.verify}</button>
      <div class="actions">
        <button
          part="resend-button"
          type="button"
          aria-disabled=${resendBlocked ? 'true' : 'false'}
          @click=${this.#onResend}
        >${resendLabel}</button>
        <button part="change-email-button" type="button" @click=${this.#onChangeEmail}>${t.changeEmail}</button>
      </div>
    </form>`;
  }

  #renderSignedIn(t: Messages) {
    const user = this.flowState.session?.user;
    return html`<slot name="signed-in">
      <div part="signed-in" tabindex="-1">
        <p>${t.signedInAs(isolate(user?.email || user?.username || ''))}</p>
        <button
          part="sign-out-button"
          type="button"
          aria-disabled=${this.flowState.busy ? 'true' : 'false'}
          @click=${this.#onSignOutClick}
        >${t.signOut}</button>
      </div>
    </slot>`;
  }

  #statusText(t: Messages): string | typeof nothing {
    switch (this.flowState.busy) {
      case 'restoring':
        return t.loading;
      case 'sending':
        return t.sending;
      case 'verifying':
        return t.verifying;
      case 'signing-out':
        return t.signingOut;
      default:
        return this.notice ? t[this.notice] : nothing;
    }
  }

  #onEmailInput = (e: Event) => {
    const email = (e.target as HTMLInputElement).value;
    this.#setEmail(email);
    this.#typedEmail(email);
    if (this.#light) this.#light.value = email;
  };

  #onEmailSubmit = (e: Event) => {
    e.preventDefault();
    this.#focusNext = null;
    const value = this.emailInput?.value ?? this.flowState.email;
    void this.#submitEmail(value).then(() => {
      const s = this.flowState;
      if (s.step === 'email' && s.error) this.#focusNext = 'email';
      else if (s.step === 'code') this.#focusNext = 'code';
      else if (s.step === 'signed-in') this.#focusNext = 'signed-in';
      this.requestUpdate();
    });
  };

  #onCodeInput = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const length = this.flowState.code?.codeLength ?? 0;
    // Not cut to length: a code with a digit too many cannot be right, so it is neither trimmed nor sent.
    const digits = this.#flow ? this.#flow.cleanCode(input.value) : input.value;
    if (input.value !== digits) input.value = digits;
    if (digits.length === length && !this.flowState.busy) this.#submitCode(digits);
  };

  #onCodeSubmit = (e: Event) => {
    e.preventDefault();
    this.#submitCode(this.codeInput?.value ?? '');
  };

  #submitCode(value: string): void {
    if (!this.#flow) return;
    void this.#flow.submitCode(value).then(() => {
      const s = this.flowState;
      if (s.step === 'signed-in') this.#focusNext = 'signed-in';
      else if (s.step === 'code' && s.error) {
        this.#focusNext = 'code';
        this.requestUpdate();
        // Selected, so that typing the right code replaces the wrong one.
        void this.updateComplete.then(() => this.codeInput?.select());
      }
      this.requestUpdate();
    });
  }

  #onResend = () => {
    void this.#flow?.resend().then(() => {
      if (this.flowState.step === 'code') this.#focusNext = 'code';
      this.requestUpdate();
    });
  };

  #onChangeEmail = () => {
    this.reset();
    this.#focusNext = 'email';
  };

  #onSignOutClick = () => {
    void this.#flow?.signOut(false).then(() => {
      this.#focusNext = 'email';
      this.requestUpdate();
    });
  };

  #onFlowChange(state: FlowState): void {
    if (state.busy) this.notice = null;
    this.flowState = state;
    if (state.step === 'code' && state.code && state.code.resendAt > Date.now()) this.#startTicker();
    else this.#stopTicker();
  }

  #onFlowEvent(event: FlowEvent): void {
    switch (event.type) {
      case 'signed-in':
        this.notice = 'signedIn';
        this.#typedEmail(null);
        this.dispatchEvent(
          new SignedInEvent({
            user: { ...event.session.user },
            tokens: { ...event.session.tokens },
            isNewUser: event.isNewUser,
            restored: event.restored,
          }),
        );
        break;
      case 'signed-out':
        this.notice = 'signedOut';
        this.dispatchEvent(new SignedOutEvent());
        break;
      case 'code-sent':
        this.notice = 'codeSent';
        if (this.codeInput) this.codeInput.value = '';
        this.dispatchEvent(
          new CodeSentEvent({ destination: event.destination, codeLength: event.codeLength, purpose: event.purpose }),
        );
        break;
      case 'error': {
        const t = withOverrides(this.messages, this.translations);
        const message = errorMessage(event.code, t, this.flowState.code?.codeLength ?? 0);
        this.dispatchEvent(new LoginErrorEvent({ code: event.code, message }));
        break;
      }
    }
  }

  #config(): PoolConfig | null {
    if (!this.userPoolId || !this.clientId) return null;
    const storage = this.tokenStorage === 'session' || this.tokenStorage === 'memory' ? this.tokenStorage : 'local';
    return { userPoolId: this.userPoolId, clientId: this.clientId, endpoint: this.endpoint, tokenStorage: storage };
  }

  /**
   * The email being typed, kept in sessionStorage so that a reload (or a request cut short by one)
   * does not lose it: that storage belongs to this tab and ends with it, and the entry is removed
   * once signed in. Never with `token-storage="memory"`, which promises nothing in Web Storage.
   * With no argument, reads it; with a string, stores it; with null, removes it.
   */
  #typedEmail(email?: string | null): string {
    try {
      if (!this.clientId || this.tokenStorage === 'memory') return '';
      const key = `passwordless-login.email.${this.clientId}`;
      if (email === undefined) return sessionStorage.getItem(key) ?? '';
      if (email) sessionStorage.setItem(key, email);
      else sessionStorage.removeItem(key);
    } catch {
      // Storage blocked: the email is simply not kept across a reload.
    }
    return '';
  }

  /** A cheap synchronous look at Amplify's storage, so a restored session shows no email-step flash. */
  #hasStoredSession(): boolean {
    const key = `CognitoIdentityServiceProvider.${this.clientId}.LastAuthUser`;
    try {
      if (!this.clientId) return false;
      if (this.tokenStorage === 'memory') return false;
      return (this.tokenStorage === 'session' ? sessionStorage : localStorage).getItem(key) !== null;
    } catch {
      return false;
    }
  }

  /**
   * The element inherits the page's `color-scheme`; where the page declares none (`normal`, which
   * would mean light), it adopts `followPreference` so that it follows `prefers-color-scheme`.
   */
  #updateColorScheme(): void {
    const root = this.renderRoot;
    const sheet = followPreference.styleSheet;
    if (!(root instanceof ShadowRoot) || !sheet) return;
    const above = this.assignedSlot ?? this.parentElement ?? (this.getRootNode() as Partial<ShadowRoot>).host;
    const follow = !above || getComputedStyle(above).colorScheme === 'normal';
    const sheets = root.adoptedStyleSheets;
    if (follow !== sheets.includes(sheet)) {
      root.adoptedStyleSheets = follow ? [...sheets, sheet] : sheets.filter((s) => s !== sheet);
    }
  }

  #updateLanguage(): void {
    const language = resolveLanguage(inheritedLang(this));
    if (language === this.language && this.messages === (loadedMessages(language) ?? this.messages)) return;
    this.language = language;
    const ready = loadedMessages(language);
    if (ready) {
      this.messages = ready;
      return;
    }
    void loadMessages(language).then((table) => {
      if (this.language === language) this.messages = table;
    });
  }

  #startTicker(): void {
    this.now = Date.now();
    if (this.#ticker !== undefined) return;
    this.#ticker = setInterval(() => {
      this.now = Date.now();
      const code = this.flowState.code;
      if (!code || code.resendAt <= this.now) this.#stopTicker();
    }, 1000);
  }

  #stopTicker(): void {
    if (this.#ticker === undefined) return;
    clearInterval(this.#ticker);
    this.#ticker = undefined;
    this.now = Date.now();
  }
}
