import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { accountErrorMessage } from './account/errors.js';
import { AccountDeletedEvent, AccountErrorEvent, EmailChangedEvent } from './account/events.js';
import { reflectAccountStates } from './account/states.js';
import { accountStyles } from './account/styles.js';
import { renderDeleteSection, type DeleteSectionHandlers } from './account/views/delete-section.js';
import { renderDevicesSection, type DevicesSectionHandlers } from './account/views/devices-section.js';
import { renderEmailSection, type EmailSectionHandlers } from './account/views/email-section.js';
import { renderSignedOut } from './account/views/signed-out.js';
import { accountStatusText, type AccountNotice } from './account/views/status.js';
import { BarePageController } from './controllers/bare-page.js';
import { ColorSchemeController } from './controllers/color-scheme.js';
import { LanguageController } from './controllers/language.js';
import { SignedOutEvent } from './events.js';
import type { AccountClient } from './flow/account-client.js';
import type { AccountEvent, AccountFlow, AccountHost, AccountState } from './flow/account-flow.js';
import type { TokenStorageKind } from './flow/client.js';
import { accountTables, type AccountMessages } from './i18n/account/index.js';
import { directionOf, withOverrides } from './i18n/index.js';
import { poolConfig, POOL_PROPERTIES } from './pool-config.js';
import { hasStoredSession } from './storage/stored-session.js';
import { styles } from './styles.js';

type FocusTarget = 'new-email' | 'code' | 'change-email' | 'confirmation' | 'delete-account' | 'signed-out' | null;

/**
 * The signed-in user's account page on Amazon Cognito: the email address (and changing it, verified
 * by a code before it becomes the sign-in address), signing out on every device, and deleting the
 * account. It uses the session `<passwordless-login>` created on this page or an earlier one (they
 * share aws-amplify's storage and configuration), and shows a signed-out state otherwise. Registers
 * nothing; import `register-account.js` (`passwordless-login/account`) for the tag.
 *
 * @tag passwordless-account
 *
 * @fires {EmailChangedEvent} email-changed - A new address was verified and is the sign-in address now. `detail`: `{ email }`.
 * @fires {SignedOutEvent} signed-out - The session ended: after "Sign out everywhere" (`detail.everywhere` true), or signed out elsewhere (false).
 * @fires {AccountDeletedEvent} account-deleted - The account was deleted and this device signed out.
 * @fires {AccountErrorEvent} account-error - The user was shown an error. `detail`: `{ code, message }`.
 *
 * @slot header - Content above the account, in every state.
 * @slot footer - Content below the account, in every state.
 * @slot sign-in - Shown when nobody is signed in: a link to the sign-in page, or a `<passwordless-login>`.
 *
 * @csspart section - Each section (email, devices, delete account).
 * @csspart heading - Each section's heading.
 * @csspart email - The address the user signs in with.
 * @csspart change-email-button - "Change email".
 * @csspart form - The form for the new address, and the one for its code.
 * @csspart new-email-input - The new address.
 * @csspart code-input - The code sent to the new address.
 * @csspart submit-button - Submits the new address, or its code.
 * @csspart resend-button - Sends a new code to the new address.
 * @csspart cancel-button - Closes the email change, or the question before deleting.
 * @csspart sign-out-everywhere-button - Signs out on every device (GlobalSignOut).
 * @csspart delete-account-button - "Delete my account": asks first.
 * @csspart confirmation - The question before deleting, naming the address.
 * @csspart confirm-button - The answer that deletes.
 * @csspart signed-out - The signed-out view (its text and the `sign-in` slot).
 * @csspart error - The error message (an alert live region).
 * @csspart status - Progress and confirmation messages (a status live region).
 *
 * @cssstate loading - The session is being read.
 * @cssstate signed-in - A user is signed in: the account is shown.
 * @cssstate signed-out - Nobody is signed in.
 * @cssstate changing-email - An email change is in progress (the new address or its code).
 * @cssstate confirming - The question before deleting is shown.
 * @cssstate busy - A request is in flight.
 *
 * @cssprop --passwordless-login-accent-color - Buttons, links and focus rings (shared with `<passwordless-login>`).
 * @cssprop --passwordless-login-accent-text-color - Text on accent-coloured and danger buttons.
 * @cssprop --passwordless-login-text-color - Text.
 * @cssprop --passwordless-login-muted-color - Hints and status text.
 * @cssprop --passwordless-login-background - Background of the element.
 * @cssprop --passwordless-login-field-background - Background of the input fields.
 * @cssprop --passwordless-login-border-color - Borders of the input fields.
 * @cssprop --passwordless-login-error-color - Error text, invalid fields, and the buttons that delete.
 * @cssprop --passwordless-login-radius - Corner radius of fields and buttons.
 * @cssprop --passwordless-login-gap - Space between rows (sections are twice as far apart).
 * @cssprop --passwordless-login-font-family - Font of the element.
 * @cssprop --passwordless-login-transition-duration - Length of colour transitions (none under reduced motion).
 */
export class PasswordlessAccount extends LitElement {
  static override styles = [styles, accountStyles];

  // Declared here rather than with decorators, as in PasswordlessLogin (no tslib in the entry).
  static override properties = {
    userPoolId: { attribute: 'user-pool-id' },
    clientId: { attribute: 'client-id' },
    endpoint: { attribute: 'endpoint' },
    tokenStorage: { attribute: 'token-storage' },
    translations: { attribute: false },
    accountState: { state: true, attribute: false },
    notice: { state: true, attribute: false },
  };

  /** The Cognito user pool ID, as on `<passwordless-login>` (required). */
  userPoolId = '';

  /** The app client ID, as on `<passwordless-login>` (required). */
  clientId = '';

  /** A custom Cognito endpoint URL, such as the local emulator; empty for AWS. */
  endpoint = '';

  /** Where the session is kept; the same value as the page's `<passwordless-login>`. */
  tokenStorage: TokenStorageKind = 'local';

  /** A partial override of any of the element's strings, laid over its language. */
  translations: Partial<AccountMessages> | undefined = undefined;

  private accountState: AccountState;
  private notice: AccountNotice = null;

  #internals = this.attachInternals();
  #lang = new LanguageController(this, accountTables);
  #flow: AccountFlow | null = null;
  #flowLoading: Promise<AccountFlow> | null = null;
  /** Bumped by disconnect: a flow that arrives for an earlier connection does not connect. */
  #connection = 0;
  #focusNext: FocusTarget = null;

  constructor() {
    super();
    new ColorSchemeController(this);
    new BarePageController(this);
    this.accountState = { status: 'loading', busy: null, email: '', change: null, confirm: null, error: null };
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && this.isConnected) this.#lang.update();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // With no session in storage, the signed-out view shows at once, without waiting for aws-amplify
    // (which still loads, to notice a sign-in on this page).
    const expectSession = hasStoredSession(this);
    if (!this.#flow) this.accountState = { ...this.accountState, status: expectSession ? 'loading' : 'signed-out' };
    const connection = this.#connection;
    this.#loadFlow(!expectSession).then(
      (flow) => {
        if (connection === this.#connection) void flow.connect();
      },
      () => {
        // Offline or blocked: nothing can be shown but the signed-out view and the error.
        if (connection !== this.#connection) return;
        this.accountState = { ...this.accountState, status: 'signed-out', error: 'network' };
        this.#dispatchError('network');
      },
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#connection++;
    this.#flow?.disconnect();
  }

  /** Loads the account's Cognito client; a separate chunk, with the sign-in client it builds on. */
  protected loadAccountClient(): Promise<AccountClient> {
    return import('./flow/amplify-account.js').then((m) => m.amplifyAccount);
  }

  /** Loads the account flow's module: in the script-tag bundle, the same chunk as the client. */
  protected loadFlowModule(): Promise<typeof import('./flow/account-flow.js')> {
    return import('./flow/account-flow.js');
  }

  #loadFlow(signedOut: boolean): Promise<AccountFlow> {
    this.#flowLoading ??= this.loadFlowModule().then(
      ({ AccountFlow }) => {
        const host: AccountHost = {
          loadClient: () => this.loadAccountClient(),
          config: () => poolConfig(this),
          locale: () => this.#lang.language,
          onChange: (s) => this.#onFlowChange(s),
          onEvent: (e) => this.#onFlowEvent(e),
        };
        return (this.#flow = new AccountFlow(host, signedOut));
      },
      (error: unknown) => {
        this.#flowLoading = null;
        throw error;
      },
    );
    return this.#flowLoading;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.hasUpdated && POOL_PROPERTIES.some((k) => changed.has(k)) && this.isConnected) this.#flow?.reconfigure();
  }

  protected override updated(): void {
    reflectAccountStates(this.#internals.states, this.accountState);
    const target = this.#focusNext;
    if (!target) return;
    this.#focusNext = null;
    const part = {
      'new-email': 'new-email-input',
      code: 'code-input',
      'change-email': 'change-email-button',
      confirmation: 'confirmation',
      'delete-account': 'delete-account-button',
      'signed-out': 'signed-out',
    }[target];
    const element = this.renderRoot.querySelector<HTMLElement>(`[part~="${part}"]`);
    element?.focus();
    // After a wrong code, typing the right one replaces it.
    if (target === 'code' && element instanceof HTMLInputElement && this.accountState.error) element.select();
  }

  protected override render() {
    const { language } = this.#lang;
    const t = withOverrides(this.#lang.messages, this.translations);
    const s = this.accountState;
    const main =
      s.status === 'signed-in'
        ? html`${renderEmailSection(t, s, this.#email)}${renderDevicesSection(t, s, this.#devices)}${renderDeleteSection(t, s, this.#delete)}`
        : s.status === 'signed-out'
          ? renderSignedOut(t)
          : nothing;
    const status = s.status === 'loading' ? t.loading : accountStatusText(t, s.busy, this.notice);
    return html`<div class="root" lang=${language} dir=${directionOf(language)}>
      <slot name="header"></slot>
      ${main}
      <div part="status" role="status">${status}</div>
      <div part="error" id="error" role="alert">${s.error ? accountErrorMessage(s.error, t) : nothing}</div>
      <slot name="footer"></slot>
    </div>`;
  }

  // The views' handlers: one object per section for the element's life, so Lit binds each listener once.
  #email: EmailSectionHandlers = {
    change: () => {
      if (this.accountState.busy || this.accountState.confirm) return;
      this.#flow?.startEmailChange();
      this.#focusNext = 'new-email';
    },
    submitEmail: (e) => {
      e.preventDefault();
      const input = this.renderRoot.querySelector<HTMLInputElement>('[part~="new-email-input"]');
      void this.#flow?.submitNewEmail(input?.value ?? '').then(() => {
        this.#focusNext = this.accountState.change?.step === 'code' ? 'code' : this.accountState.error ? 'new-email' : this.#focusNext;
        this.requestUpdate();
      });
    },
    codeInput: (e) => {
      const input = e.target as HTMLInputElement;
      if (!this.#flow) return;
      const digits = this.#flow.cleanCode(input.value);
      if (input.value !== digits) input.value = digits;
      // Sent as soon as it is complete, as the sign-in element does; a digit too many is never cut off.
      if (digits.length === this.#flow.codeLength && !this.accountState.busy) this.#submitCode(digits);
    },
    submitCode: (e) => {
      e.preventDefault();
      this.#submitCode(this.renderRoot.querySelector<HTMLInputElement>('[part~="code-input"]')?.value ?? '');
    },
    resend: () => {
      void this.#flow?.resendCode().then(() => {
        if (this.accountState.change?.step === 'code') this.#focusNext = 'code';
        this.requestUpdate();
      });
    },
    cancel: () => {
      if (this.accountState.busy) return;
      this.#flow?.cancel();
      this.#focusNext = 'change-email';
    },
  };

  #devices: DevicesSectionHandlers = {
    signOutEverywhere: () => {
      const s = this.accountState;
      if (s.busy || s.change || s.confirm) return;
      void this.#flow?.signOutEverywhere();
    },
  };

  #delete: DeleteSectionHandlers = {
    ask: () => {
      const s = this.accountState;
      if (s.busy || s.change) return;
      this.#flow?.askToDeleteAccount();
      this.#focusNext = 'confirmation';
    },
    confirm: () => void this.#flow?.confirm(),
    cancel: () => {
      if (this.accountState.busy) return;
      this.#flow?.cancel();
      this.#focusNext = 'delete-account';
    },
    keydown: (e) => {
      if (e.key !== 'Escape' || this.accountState.busy) return;
      e.preventDefault();
      this.#delete.cancel();
    },
  };

  #submitCode(value: string): void {
    void this.#flow?.submitCode(value).then(() => {
      const s = this.accountState;
      if (s.change === null && s.status === 'signed-in') this.#focusNext = 'change-email';
      else if (s.change?.step === 'code' && s.error) this.#focusNext = 'code';
      else if (s.change?.step === 'address') this.#focusNext = 'new-email';
      this.requestUpdate();
    });
  }

  #onFlowChange(state: AccountState): void {
    if (state.busy) this.notice = null;
    this.accountState = state;
  }

  #onFlowEvent(event: AccountEvent): void {
    switch (event.type) {
      case 'code-sent':
        this.notice = { kind: 'codeSent' };
        break;
      case 'email-changed':
        this.notice = { kind: 'emailChanged', email: event.email };
        this.dispatchEvent(new EmailChangedEvent({ email: event.email }));
        break;
      case 'signed-out':
        this.notice = event.everywhere ? { kind: 'signedOutEverywhere' } : null;
        // Focus follows only this element's own action; a sign-out elsewhere must not steal it.
        if (event.everywhere) this.#focusNext = 'signed-out';
        this.dispatchEvent(new SignedOutEvent({ everywhere: event.everywhere }));
        break;
      case 'account-deleted':
        this.notice = { kind: 'accountDeleted' };
        this.#focusNext = 'signed-out';
        this.dispatchEvent(new AccountDeletedEvent());
        break;
      case 'error':
        this.#dispatchError(event.code);
        break;
      case 'signed-in':
        break;
    }
  }

  #dispatchError(code: NonNullable<AccountState['error']>): void {
    const message = accountErrorMessage(code, withOverrides(this.#lang.messages, this.translations));
    this.dispatchEvent(new AccountErrorEvent({ code, message }));
  }
}
