/**
 * What each control of `<passwordless-account>` does, and where keyboard focus goes after it: the
 * sections' handlers, one object per section for the element's life (so Lit binds each listener
 * once). A click while an action runs, or while another question or change is open, does nothing.
 */
import type { AccountFlow } from '../flow/account-flow.js';
import type { AccountState } from '../flow/account-state.js';
import type { DeleteSectionHandlers } from './views/delete-section.js';
import type { DevicesSectionHandlers } from './views/devices-section.js';
import type { EmailSectionHandlers } from './views/email-section.js';
import type { PasskeysSectionHandlers } from './views/passkeys-section.js';

/** The part that takes focus after the next render; a passkey's "Delete" is named by its id. */
export type FocusTarget =
  | 'new-email-input'
  | 'code-input'
  | 'change-email-button'
  | 'confirmation'
  | 'delete-account-button'
  | 'add-passkey-button'
  | 'signed-out'
  | { part: 'delete-passkey-button'; credentialId: string }
  | null;

export interface ControlsHost {
  flow(): AccountFlow | null;
  state(): AccountState;
  /** Where the controls are (the element's shadow root). */
  root(): ParentNode;
  /** Moves focus to `target` after the next render (and asks for one). */
  focusNext(target: FocusTarget): void;
}

export interface AccountControls {
  email: EmailSectionHandlers;
  passkeys: PasskeysSectionHandlers;
  devices: DevicesSectionHandlers;
  delete: DeleteSectionHandlers;
}

const input = (host: ControlsHost, part: string) => host.root().querySelector<HTMLInputElement>(`[part~="${part}"]`);

/** An Escape inside a question closes it, as "Cancel" does. */
const escapeTo = (cancel: () => void, host: ControlsHost) => (e: KeyboardEvent) => {
  if (e.key !== 'Escape' || host.state().busy) return;
  e.preventDefault();
  cancel();
};

export function accountControls(host: ControlsHost): AccountControls {
  /** Nothing else is going on: no action in flight, no change or question open. */
  const free = () => {
    const s = host.state();
    return !s.busy && !s.change && !s.confirm;
  };

  const submitCode = (value: string) =>
    void host
      .flow()
      ?.submitCode(value)
      .then(() => {
        const s = host.state();
        if (s.change === null && s.status === 'signed-in') host.focusNext('change-email-button');
        else if (s.change?.step === 'code' && s.error) host.focusNext('code-input');
        else if (s.change?.step === 'address') host.focusNext('new-email-input');
      });

  const email: EmailSectionHandlers = {
    change: () => {
      if (host.state().busy || host.state().confirm) return;
      host.flow()?.startEmailChange();
      host.focusNext('new-email-input');
    },
    submitEmail: (e) => {
      e.preventDefault();
      void host
        .flow()
        ?.submitNewEmail(input(host, 'new-email-input')?.value ?? '')
        .then(() => {
          const s = host.state();
          if (s.change?.step === 'code') host.focusNext('code-input');
          else if (s.error) host.focusNext('new-email-input');
        });
    },
    codeInput: (e) => {
      const field = e.target as HTMLInputElement;
      const flow = host.flow();
      if (!flow) return;
      const digits = flow.cleanCode(field.value);
      if (field.value !== digits) field.value = digits;
      // Sent as soon as it is complete, as the sign-in element does; a digit too many is never cut off.
      if (digits.length === flow.codeLength && !host.state().busy) submitCode(digits);
    },
    submitCode: (e) => {
      e.preventDefault();
      submitCode(input(host, 'code-input')?.value ?? '');
    },
    resend: () => {
      void host
        .flow()
        ?.resendCode()
        .then(() => {
          if (host.state().change?.step === 'code') host.focusNext('code-input');
        });
    },
    cancel: () => {
      if (host.state().busy) return;
      host.flow()?.cancel();
      host.focusNext('change-email-button');
    },
  };

  const passkeys: PasskeysSectionHandlers = {
    add: () => {
      if (!free()) return;
      void host
        .flow()
        ?.addPasskey()
        .then(() => host.focusNext('add-passkey-button'));
    },
    askToDelete: (e) => {
      const credentialId = (e.currentTarget as HTMLElement).dataset.credentialId;
      if (!free() || !credentialId) return;
      host.flow()?.askToDeletePasskey(credentialId);
      host.focusNext('confirmation');
    },
    confirm: () => {
      void host
        .flow()
        ?.confirm()
        .then(() => {
          // Deleted: its row is gone, so focus goes on to "Add a passkey" (or the section's heading).
          if (host.state().confirm === null) host.focusNext('add-passkey-button');
        });
    },
    cancel: () => {
      const question = host.state().confirm;
      if (host.state().busy) return;
      host.flow()?.cancel();
      // Back to the "Delete" that asked.
      if (question?.kind === 'delete-passkey') host.focusNext({ part: 'delete-passkey-button', credentialId: question.credentialId });
    },
    keydown: (e) => escapeTo(passkeys.cancel, host)(e),
  };

  const devices: DevicesSectionHandlers = {
    signOutEverywhere: () => {
      if (free()) void host.flow()?.signOutEverywhere();
    },
  };

  const deleteAccount: DeleteSectionHandlers = {
    ask: () => {
      const s = host.state();
      if (s.busy || s.change) return;
      host.flow()?.askToDeleteAccount();
      host.focusNext('confirmation');
    },
    confirm: () => void host.flow()?.confirm(),
    cancel: () => {
      if (host.state().busy) return;
      host.flow()?.cancel();
      host.focusNext('delete-account-button');
    },
    keydown: (e) => escapeTo(deleteAccount.cancel, host)(e),
  };

  return { email, passkeys, devices, delete: deleteAccount };
}

/** Focuses what `target` names, after a render. */
export function focusTarget(root: ParentNode, target: Exclude<FocusTarget, null>, s: AccountState): void {
  const selector =
    typeof target === 'string'
      ? `[part~="${target}"]`
      : `[part~="${target.part}"][data-credential-id="${CSS.escape(target.credentialId)}"]`;
  // Without "Add a passkey" (a browser or pool without them), the passkeys heading instead.
  const element =
    root.querySelector<HTMLElement>(selector) ?? (target === 'add-passkey-button' ? root.querySelector<HTMLElement>('#passkeys-heading') : null);
  element?.focus();
  // After a wrong code, typing the right one replaces it.
  if (target === 'code-input' && element instanceof HTMLInputElement && s.error) element.select();
}
