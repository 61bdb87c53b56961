/**
 * `<passwordless-account>` as a React component, made with `@lit/react`; re-exported by
 * `passwordless-login/react`. A module of its own, free of side effects in `sideEffects` terms, so
 * that a React app that uses only the sign-in component never bundles the account element.
 *
 * ```tsx
 * <PasswordlessAccount userPoolId="eu-west-1_…" clientId="…" onAccountDeleted={() => navigate('/')} />
 * ```
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { PasswordlessAccount as PasswordlessAccountElement } from './register-account.js';
import type { AccountDeletedEvent, AccountErrorEvent, EmailChangedEvent, PasskeyDeletedEvent } from './account/events.js';
import type { PasskeyCreatedEvent, SignedOutEvent } from './events.js';

export const PasswordlessAccount = createComponent({
  react: React,
  tagName: 'passwordless-account',
  elementClass: PasswordlessAccountElement,
  events: {
    onEmailChanged: 'email-changed' as EventName<EmailChangedEvent>,
    onPasskeyCreated: 'passkey-created' as EventName<PasskeyCreatedEvent>,
    onPasskeyDeleted: 'passkey-deleted' as EventName<PasskeyDeletedEvent>,
    onSignedOut: 'signed-out' as EventName<SignedOutEvent>,
    onAccountDeleted: 'account-deleted' as EventName<AccountDeletedEvent>,
    onAccountError: 'account-error' as EventName<AccountErrorEvent>,
  },
  displayName: 'PasswordlessAccount',
});
