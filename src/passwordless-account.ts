import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { accountErrorMessage } from './account/errors.js';
import { AccountDeletedEvent, AccountErrorEvent, EmailChangedEvent, PasskeyDeletedEvent } from './account/events.js';
import { reflectAccountStates } from './account/states.js';
import { accountStyles } from './account/styles.js';
import { accountControls, focusTarget, type FocusTarget } from './account/controls.js';
import { renderDeleteSection } from './account/views/delete-section.js';
import { renderDevicesSection } from './account/views/devices-section.js';
import { renderEmailSection } from './account/views/email-section.js';
import { renderPasskeysSection } from './account/views/passkeys-section.js';
import { renderSignedOut } from './account/views/signed-out.js';
import { accountStatusText, type AccountNotice } from './account/views/status.js';
import { BarePageController } from './controllers/bare-page.js';
import { ColorSchemeController } from './controllers/color-scheme.js';
import { LanguageController } from './controllers/language.js';
import { PasskeyCreatedEvent, SignedOutEvent } from './events.js';
import type { AccountClient } from './flow/account-client.js';
import type { AccountFlow } from './flow/account-flow.js';
import type { AccountEvent, AccountHost, AccountState } from './flow/account-state.js';
import type { TokenStorageKind } from './flow/client.js';
import { accountTables, type AccountMessages } from './i18n/account/index.js';
import { directionOf, withOverrides } from './i18n/index.js';
import { poolConfig, POOL_PROPERTIES } from './pool-config.js';
import { hasStoredSession } from './storage/stored-session.js';
import { styles } from './styles.js';

/**
 * The signed-in user's account page on Amazon Cognito: the email address (and changing it, verified
 * by a code before it becomes the sign-in address), passkeys (listing, adding, deleting), signing
 * out on every device, and deleting the account. It uses the session `<passwordless-login>` created
 * on this page or an earlier one (they share aws-amplify's storage and configuration), and shows a
 * signed-out state otherwise. Registers nothing; import `register-account.js`
 * (`passwordless-login/account`) for the tag.
 *
 * @tag passwordless-account
 *
 * @fires {EmailChangedEvent} email-changed - A new address was verified and is the sign-in address now. `detail`: `{ email }`.
 * @fires {PasskeyCreatedEvent} passkey-created - A passkey was added for the user ("Add a passkey"). `detail`: `{ credentialId }`.
 * @fires {PasskeyDeletedEvent} passkey-deleted - A passkey was deleted; it signs no one in any more. `detail`: `{ credentialId }`.
 * @fires {SignedOutEvent} signed-out - The session ended: after "Sign out everywhere" (`detail.everywhere` true), or signed out elsewhere (false).
 * @fires {AccountDeletedEvent} account-deleted - The account was deleted and this device signed out.
 * @fires {AccountErrorEvent} account-error - The user was shown an error. `detail`: `{ code, message }`.
 *
 * @slot header - Content above the account, in every state.
 * @slot footer - Content below the account, in every state.
 * @slot sign-in - Shown when nobody is signed in: a link to the sign-in page, or a `<passwordless-login>`.
 *
 * @csspart section - Each section; each also has its own part: `email-section`, `passkeys-section`, `devices-section`, `delete-section`.
 * @csspart heading - Each section's heading.
 * @csspart email - The address the user signs in with.
 * @csspart change-email-button - "Change email".
 * @csspart form - The form for the new address, and the one for its code.
 * @csspart new-email-input - The new address.
 * @csspart code-input - The code sent to the new address.
 * @csspart submit-button - Submits the new address, or its code.
 * @csspart resend-button - Sends a new code to the new address.
 * @csspart cancel-button - Closes the email change, or a question before deleting.
 * @csspart passkey-list - The list of the user's passkeys.
 * @csspart passkey - One passkey in the list: its name, when it was added, and "Delete".
 * @csspart delete-passkey-button - "Delete" beside a passkey: asks first.
 * @csspart add-passkey-button - "Add a passkey" (where the browser and the pool allow one).
 * @csspart sign-out-everywhere-button - Signs out on every device (GlobalSignOut).
 * @csspart delete-account-button - "Delete my account": asks first.
 * @csspart confirmation - The question before deleting the account (naming the address) or a passkey (naming it).
 * @csspart confirm-button - The answer that deletes.
 * @csspart signed-out - The signed-out view (its text and the `sign-in` slot).
 * @csspart error - The error message (an alert live region).
 * @csspart status - Progress and confirmation messages (a status live region).
 *
 * @cssstate loading - The session is being read.
 * @cssstate signed-in - A user is signed in: the account is shown.
 * @cssstate signed-out - Nobody is signed in.
 * @cssstate changing-email - An email change is in progress (the new address or its code).
 * @cssstate confirming - A question before deleting is shown.
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
    passkeys: { attribute: 'passkeys' },
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

  /**
   * `auto`: the passkeys section, where there are passkeys to list or the browser and the pool allow
   * adding one; `off`: no passkeys section (and no request for it), as on a `<passwordless-login>`
   * with `passkeys="off"`.
   */
  passkeys: 'auto' | 'off' = 'auto';

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
  #controls = accountControls({
    flow: () => this.#flow,
    state: () => this.accountState,
    root: () => this.renderRoot,
    focusNext: (target) => {
      this.#focusNext = target;
      this.requestUpdate();
    },
  });

  constructor() {
    super();
    new ColorSchemeController(this);
    new BarePageController(this);
    this.accountState = { status: 'loading', busy: null, email: '', change: null, confirm: null, passkeys: 'loading', error: null };
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
    document.addEventListener(PasskeyCreatedEvent.eventName, this.#onPagePasskey);
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
    document.removeEventListener(PasskeyCreatedEvent.eventName, this.#onPagePasskey);
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
          passkeysMode: () => (this.passkeys === 'off' ? 'off' : 'auto'),
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
    else if (this.hasUpdated && changed.has('passkeys')) this.#flow?.refreshPasskeys();
  }

  protected override updated(): void {
    reflectAccountStates(this.#internals.states, this.accountState);
    const target = this.#focusNext;
    this.#focusNext = null;
    if (target) focusTarget(this.renderRoot, target, this.accountState);
  }

  protected override render() {
    const { language } = this.#lang;
    const t = withOverrides(this.#lang.messages, this.translations);
    const s = this.accountState;
    const main =
      s.status === 'signed-in'
        ? html`${renderEmailSection(t, s, this.#controls.email)}
          ${renderPasskeysSection(t, s, language, this.#controls.passkeys)}
          ${renderDevicesSection(t, s, this.#controls.devices)}${renderDeleteSection(t, s, this.#controls.delete)}`
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

  /** A `<passwordless-login>` on the page created a passkey (its offer after a sign-in): list it too. */
  #onPagePasskey = (e: Event): void => {
    if (e.target !== this) this.#flow?.refreshPasskeys();
  };

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
      case 'passkey-created':
        this.notice = { kind: 'passkeyCreated' };
        this.dispatchEvent(new PasskeyCreatedEvent({ credentialId: event.credentialId }));
        break;
      case 'passkey-deleted':
        this.notice = { kind: 'passkeyDeleted' };
        this.dispatchEvent(new PasskeyDeletedEvent({ credentialId: event.credentialId }));
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
