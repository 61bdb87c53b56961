import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { BarePageController } from './controllers/bare-page.js';
import { ColorSchemeController } from './controllers/color-scheme.js';
import { Countdown } from './controllers/countdown.js';
import { LanguageController } from './controllers/language.js';
import { StepFocus } from './controllers/step-focus.js';
import { OfferSlot } from './controllers/offer-slot.js';
import { reflectStates } from './custom-states.js';
import { errorMessage } from './errors.js';
import { CodeSentEvent, LoginErrorEvent, PasskeyCreatedEvent, SignedInEvent, SignedOutEvent, type SessionTokens } from './events.js';
import type { AuthClient, Passkey, TokenStorageKind } from './flow/client.js';
import type { FlowEvent, FlowState } from './flow/login-flow.js';
import { FlowLoader } from './flow-loader.js';
import { directionOf, loginTables, withOverrides, type Messages } from './i18n/index.js';
import { poolConfig, POOL_PROPERTIES } from './pool-config.js';
import { lightEmailField } from './progressive.js';
import { poolLacksPasskeys } from './storage/pool-passkeys.js';
import { hasStoredSession } from './storage/stored-session.js';
import { typedEmail } from './storage/typed-email.js';
import { styles } from './styles.js';
import { renderEmailStep, type EmailStepHandlers } from './views/email-step.js';
import type { CodeStepHandlers, SignedInStepHandlers } from './views/flow-views.js';
import { statusText, type Notice } from './views/status.js';

/** WebAuthn in a secure context: what a passkey needs from the browser. */
const hasWebAuthn = () => typeof globalThis.PublicKeyCredential === 'function' && globalThis.isSecureContext === true;

/**
 * Email one-time-code and passkey sign-in and sign-up on Amazon Cognito, through aws-amplify: the
 * email step, the code step and the signed-in view. Registers nothing; import `register.js` for the tag.
 *
 * @tag passwordless-login
 *
 * @fires {SignedInEvent} signed-in - Signed in, or a stored session was restored on load. `detail`: `{ user, tokens, isNewUser, restored, method }`; `method` is `email-code`, `passkey` or `session`.
 * @fires {PasskeyCreatedEvent} passkey-created - A passkey was created for the signed-in user (the offer's button, or `createPasskey()`). `detail`: `{ credentialId }`.
 * @fires {SignedOutEvent} signed-out - After `signOut()`, the sign-out button, or a session that can no longer refresh. `detail`: `{ everywhere }`, true after `signOut({ global: true })`.
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
 * @csspart passkey-button - "Sign in with a passkey" in the email step, for the typed email.
 * @csspart email-code-button - "Email me a code instead", shown after a passkey error.
 * @csspart passkey-offer - The signed-in view's offer to create a passkey.
 * @csspart passkey-create-button - "Create a passkey", in the offer.
 * @csspart passkey-dismiss-button - "Not now": the offer stays dismissed on this device.
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

  /** `element.focus()` lands on the current step's field (or the signed-in view's first control). */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  // Declared here rather than with decorators: those compile to tslib's `__decorate`, which would
  // pull tslib (shared with aws-amplify) into the bundle that renders the email step.
  static override properties = {
    userPoolId: { attribute: 'user-pool-id' },
    clientId: { attribute: 'client-id' },
    endpoint: { attribute: 'endpoint' },
    signUp: { attribute: 'sign-up' },
    tokenStorage: { attribute: 'token-storage' },
    email: { attribute: 'email' },
    passkeys: { attribute: 'passkeys' },
    translations: { attribute: false },
    flowState: { state: true, attribute: false },
    notice: { state: true, attribute: false },
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

  /** `auto`: passkey sign-in and the offer to create one, where the browser and the pool allow them; `off`: email codes only. */
  passkeys: 'auto' | 'off' = 'auto';

  /** A partial override of any translated string, laid over the element's language. */
  translations: Partial<Messages> | undefined = undefined;

  private flowState: FlowState;
  private notice: Notice = null;

  private get emailInput() {
    return this.renderRoot?.querySelector<HTMLInputElement>('[part~="email-input"]') ?? undefined;
  }
  private get codeInput() {
    return this.renderRoot?.querySelector<HTMLInputElement>('[part~="code-input"]') ?? undefined;
  }
  #internals = this.attachInternals();
  #lang = new LanguageController(this, loginTables);
  #countdown = new Countdown(this);
  /** The sign-in flow: loaded with the auth code, so the email step renders without it. */
  #flows = new FlowLoader(
    () => this.loadFlowModule(),
    () => ({
      loadClient: () => this.loadAuthClient(),
      config: () => poolConfig(this),
      signUpMode: () => (this.signUp === 'off' ? 'off' : 'auto'),
      locale: () => this.#lang.language,
      resendCooldownMs: () => (this.constructor as typeof PasswordlessLogin).resendCooldownSeconds * 1000,
      passkeysMode: () => this.#passkeysMode(),
      onChange: (s) => this.#onFlowChange(s),
      onEvent: (e) => this.#onFlowEvent(e),
    }),
    () => this.flowState.email,
  );
  /** Bumped by reset and disconnect: an email submitted before the flow arrived is then dropped. */
  #pendingGeneration = 0;
  /** Bumped by disconnect: a flow that arrives for an earlier connection does not connect. */
  #connection = 0;
  #focus = new StepFocus(this);
  /** The offer to create a passkey; when it goes, the button that had focus goes with it. */
  #offer = new OfferSlot(this, () => this.#passkeyManager(), () => {
    if (this.flowState.step === 'signed-in') this.#focus.next = 'signed-in';
    this.requestUpdate();
  });
  /** The page's own email field, adopted on upgrade (see progressive.ts). */
  #light: HTMLInputElement | null = null;

  constructor() {
    super();
    // Registers itself: it only needs the element's connect and disconnect.
    new ColorSchemeController(this);
    new BarePageController(this);
    this.flowState = { step: 'email', busy: null, email: '', code: null, error: null, session: null, isNewUser: false, passkeyOffer: false };
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && this.isConnected) this.#lang.update();
  }

  override connectedCallback(): void {
    // Only on upgrade, and read before super attaches the shadow root that hides the page's field.
    const light = this.hasUpdated ? null : lightEmailField(this);
    const focused = light?.matches(':focus');
    // Also connects the language and colour-scheme controllers.
    super.connectedCallback();
    if (!this.hasUpdated) {
      // What the visitor typed (in that field, or before a reload) wins over the prefill: it is the
      // more recent intent.
      const email = light?.value || typedEmail(this) || this.email;
      if (email) this.#setEmail(email);
      this.#light = light;
      if (focused) this.#focus.next = 'email';
    }
    // A move in the DOM during the code step: the resend countdown goes on from where it was.
    if (this.hasUpdated) this.#onFlowChange(this.#flows.flow?.state ?? this.flowState);
    // Start loading the flow and aws-amplify now, in parallel with the first render of the email step.
    const expectStoredSession = hasStoredSession(this);
    if (!this.#flows.flow && expectStoredSession) this.#onFlowChange({ ...this.flowState, busy: 'restoring' });
    const generation = this.#connection;
    this.#flows.load().then(
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
    if (this.#flows.flow) this.#flows.flow.disconnect();
    else if (this.flowState.busy) this.#onFlowChange({ ...this.flowState, busy: null });
    // Last: the flow's final state change above may have restarted it.
    this.#countdown.stop();
  }

  /**
   * Signs out here (`global: true`: also revokes every session of the user, on all devices), once a
   * session being restored has been picked up. `forget: true` also leaves no trace of the user on
   * this device (Amplify's keys for this app client, the device markers, the typed email), even
   * when nobody is signed in.
   */
  async signOut({ global = false, forget = false }: { global?: boolean; forget?: boolean } = {}): Promise<void> {
    const flow = this.#flows.flow ?? (await this.#flows.load().catch(() => null));
    await flow?.signOut(global, forget);
    if (forget) {
      typedEmail(this, null);
      if (this.#light) this.#light.value = '';
    }
  }

  /** The current tokens, refreshed when they are about to expire (or always, with `forceRefresh`); null when signed out. */
  async getTokens({ forceRefresh = false }: { forceRefresh?: boolean } = {}): Promise<SessionTokens | null> {
    const flow = this.#flows.flow ?? (await this.#flows.load().catch(() => null));
    return flow ? flow.getTokens(forceRefresh) : null;
  }

  /** Returns to the email step, abandoning a sign-in in progress. */
  reset(): void {
    if (this.#flows.flow) this.#flows.flow.reset();
    else {
      this.#pendingGeneration++;
      if (this.flowState.busy === 'sending') this.#onFlowChange({ ...this.flowState, busy: null });
    }
    if (this.codeInput) this.codeInput.value = '';
  }

  /**
   * Creates a passkey for the signed-in user (the browser asks for a fingerprint, face or screen
   * lock) and fires `passkey-created`. Rejects with a `LoginError` whose `code` is a `login-error` code.
   */
  async createPasskey(): Promise<{ credentialId: string }> {
    return { credentialId: await (await this.#passkeyManager()).create(false) };
  }

  /** The signed-in user's passkeys: `[{ credentialId, name, createdAt, authenticatorAttachment }]`. */
  async listPasskeys(): Promise<Passkey[]> {
    return (await this.#passkeyManager()).list();
  }

  /** Deletes one of the signed-in user's passkeys; it no longer signs in. */
  async deletePasskey(credentialId: string): Promise<void> {
    return (await this.#passkeyManager()).delete(credentialId);
  }

  async #passkeyManager() {
    return (await this.#flows.load()).passkeys();
  }

  /** `auto` when passkeys are offered: the attribute allows them and the browser has WebAuthn. */
  #passkeysMode(): 'auto' | 'off' {
    return this.passkeys !== 'off' && hasWebAuthn() ? 'auto' : 'off';
  }

  /** Loads the Cognito client; a separate chunk, so the email step renders without it. */
  protected loadAuthClient(): Promise<AuthClient> {
    return import('./flow/amplify-client.js').then((m) => m.amplifyClient);
  }

  /** Loads the sign-in flow's module: in the script-tag bundle, the same chunk as the Cognito client. */
  protected loadFlowModule(): Promise<typeof import('./flow/login-flow.js')> {
    return import('./flow/login-flow.js');
  }

  /**
   * The strings in the element's language, with the host's overrides. The rest of English arrives
   * with the code that shows it (en-flow.ts with the flow, en-passkeys.ts with passkey code), so
   * the table is complete whenever one of its strings is read.
   */
  #messages(): Messages {
    return withOverrides({ ...this.#flows.english, ...this.#lang.messages } as Messages, this.translations);
  }

  #setEmail(email: string): void {
    if (this.#flows.flow) this.#flows.flow.setEmail(email);
    else if (this.flowState.step === 'email' && !this.flowState.busy) this.#onFlowChange({ ...this.flowState, email });
  }

  /**
   * Submits the email (`how`: see the flow's `submitEmail`); one that arrives before the flow waits
   * for it, busy, and is sent once.
   */
  async #submitEmail(value: string, how: 'auto' | 'passkey' | 'code'): Promise<void> {
    let flow = this.#flows.flow;
    if (!flow) {
      if (this.flowState.busy || this.flowState.step !== 'email') return;
      const generation = this.#pendingGeneration;
      this.#onFlowChange({ ...this.flowState, email: value, busy: how === 'passkey' ? 'passkey' : 'sending', error: null });
      try {
        flow = await this.#flows.load();
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
    await flow.submitEmail(value, how);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) return;
    if (changed.has('email') && this.email) this.#setEmail(this.email);
    if (POOL_PROPERTIES.some((k) => changed.has(k)) && this.isConnected) this.#flows.flow?.reconfigure();
  }

  protected override updated(): void {
    reflectStates(this.#internals.states, this.flowState);
  }

  protected override render() {
    const { language } = this.#lang;
    const t = this.#messages();
    const passkeys = this.#passkeysMode() === 'auto';
    const s = passkeys ? this.flowState : { ...this.flowState, passkeyOffer: false };
    const views = this.#flows.views;
    const main =
      views && s.step === 'signed-in'
        ? views.renderSignedInStep(t, s, this.#signedInStep, s.passkeyOffer ? this.#offer.render(t, s) : undefined)
        : views && s.step === 'code'
          ? views.renderCodeStep(t, s, this.#countdown.now, this.#codeStep)
          : renderEmailStep(t, s, this.#emailStep, passkeys && !poolLacksPasskeys(this), this.emailInput?.value);
    const error = s.error ? errorMessage(s.error, t, s.code?.codeLength ?? 0) : nothing;
    return html`<div class="root" lang=${language} dir=${directionOf(language)}>
      <slot name="header"></slot>
      ${main}
      <div part="status" role="status">${statusText(t, s.busy, this.notice)}</div>
      <div part="error" id="error" role="alert">${error}</div>
      <slot name="footer"></slot>
    </div>`;
  }

  // The views' handlers: one object per step for the element's life, so Lit binds each listener once.
  #emailStep: EmailStepHandlers = {
    input: (e) => {
      const email = (e.target as HTMLInputElement).value;
      this.#setEmail(email);
      typedEmail(this, email);
      if (this.#light) this.#light.value = email;
    },
    submit: (e) => {
      e.preventDefault();
      this.#submitFromEmailStep('auto');
    },
    passkey: () => this.#submitFromEmailStep('passkey'),
    emailCode: () => this.#submitFromEmailStep('code'),
  };

  #submitFromEmailStep(how: 'auto' | 'passkey' | 'code'): void {
    this.#focus.next = null;
    const value = this.emailInput?.value ?? this.flowState.email;
    void this.#submitEmail(value, how).then(() => this.#focus.follow(this.flowState));
  }

  #codeStep: CodeStepHandlers = {
    input: (e) => {
      const input = e.target as HTMLInputElement;
      const length = this.flowState.code?.codeLength ?? 0;
      // Not cut to length: a code with a digit too many cannot be right, so it is neither trimmed nor sent.
      const digits = this.#flows.flow ? this.#flows.flow.cleanCode(input.value) : input.value;
      if (input.value !== digits) input.value = digits;
      if (digits.length === length && !this.flowState.busy) this.#submitCode(digits);
    },
    submit: (e) => {
      e.preventDefault();
      this.#submitCode(this.codeInput?.value ?? '');
    },
    resend: () => {
      void this.#flows.flow?.resend().then(() => {
        if (this.flowState.step === 'code') this.#focus.next = 'code';
        this.requestUpdate();
      });
    },
    changeEmail: () => {
      this.reset();
      this.#focus.next = 'email';
    },
  };

  #signedInStep: SignedInStepHandlers = {
    signOut: () => {
      void this.#flows.flow?.signOut(false).then(() => {
        this.#focus.next = 'email';
        this.requestUpdate();
      });
    },
  };

  #submitCode(value: string): void {
    if (!this.#flows.flow) return;
    void this.#flows.flow.submitCode(value).then(() => {
      const s = this.flowState;
      if (s.step === 'signed-in') this.#focus.next = 'signed-in';
      else if (s.step === 'code' && s.error) {
        this.#focus.next = 'code';
        this.requestUpdate();
        // Selected, so that typing the right code replaces the wrong one.
        void this.updateComplete.then(() => this.codeInput?.select());
      }
      this.requestUpdate();
    });
  }

  #onFlowChange(state: FlowState): void {
    if (state.busy) this.notice = null;
    this.flowState = state;
    this.#countdown.until(state.step === 'code' && state.code ? state.code.resendAt : 0);
  }

  #onFlowEvent(event: FlowEvent): void {
    switch (event.type) {
      case 'signed-in':
        this.notice = 'signedIn';
        typedEmail(this, null);
        this.dispatchEvent(
          new SignedInEvent({
            user: { ...event.session.user },
            tokens: { ...event.session.tokens },
            isNewUser: event.isNewUser,
            restored: event.restored,
            method: event.method,
          }),
        );
        break;
      case 'passkey-created':
        this.notice = 'passkeyCreated';
        this.dispatchEvent(new PasskeyCreatedEvent({ credentialId: event.credentialId }));
        break;
      case 'signed-out':
        this.notice = 'signedOut';
        typedEmail(this, null);
        this.dispatchEvent(new SignedOutEvent({ everywhere: event.everywhere }));
        break;
      case 'code-sent':
        this.notice = 'codeSent';
        if (this.codeInput) this.codeInput.value = '';
        this.dispatchEvent(
          new CodeSentEvent({ destination: event.destination, codeLength: event.codeLength, purpose: event.purpose }),
        );
        break;
      case 'error': {
        const message = errorMessage(event.code, this.#messages(), this.flowState.code?.codeLength ?? 0);
        this.dispatchEvent(new LoginErrorEvent({ code: event.code, message }));
        break;
      }
    }
  }
}
