/**
 * `passwordless-login/react`: the element as a React component, made with `@lit/react`, so React
 * sets its properties and listens to its events by their React names.
 *
 * ```tsx
 * <PasswordlessLogin userPoolId="eu-west-1_…" clientId="…" onSignedIn={(e) => use(e.detail.tokens)} />
 * ```
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { PasswordlessLogin as PasswordlessLoginElement } from './register.js';
import type { CodeSentEvent, LoginErrorEvent, PasskeyCreatedEvent, SignedInEvent, SignedOutEvent } from './events.js';

export const PasswordlessLogin = createComponent({
  react: React,
  tagName: 'passwordless-login',
  elementClass: PasswordlessLoginElement,
  events: {
    onSignedIn: 'signed-in' as EventName<SignedInEvent>,
    onSignedOut: 'signed-out' as EventName<SignedOutEvent>,
    onCodeSent: 'code-sent' as EventName<CodeSentEvent>,
    onLoginError: 'login-error' as EventName<LoginErrorEvent>,
    onPasskeyCreated: 'passkey-created' as EventName<PasskeyCreatedEvent>,
  },
  displayName: 'PasswordlessLogin',
});

export { PasswordlessAccount } from './react-account.js';
