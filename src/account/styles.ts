import { css } from 'lit';

/**
 * The account element's own rules, laid over the sign-in element's styles (../styles.ts), whose
 * public `--passwordless-login-*` properties theme both elements at once: one set of colours, fonts
 * and radii for a site's sign-in and account pages, dark scheme included.
 */
export const accountStyles = css`
  /* An account page holds more than a sign-in form: a little wider, still bounded. */
  :host {
    max-inline-size: 34rem;
  }

  .root {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_gap) * 2);
  }

  section,
  [part~='signed-out'],
  [part~='confirmation'] {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }

  h2 {
    margin: 0;
    font-size: 1.125em;
  }

  [part~='email'] {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .root[dir='rtl'] [part~='email'] {
    text-align: right;
  }

  .actions {
    justify-content: flex-start;
  }

  /* Secondary actions: outlined, so that one filled button per form says what Enter does. */
  button:is(
      [part~='change-email-button'],
      [part~='resend-button'],
      [part~='cancel-button'],
      [part~='add-passkey-button'],
      [part~='delete-passkey-button'],
      [part~='sign-out-everywhere-button']
    ) {
    color: var(--_accent);
    background: transparent;
    border: 1px solid var(--_accent);
    text-decoration: none;
    align-self: flex-start;
    padding-inline: 1em;
  }

  button:is([part~='submit-button'], [part~='confirm-button']) {
    color: var(--_accent-text);
    background: var(--_accent);
    border: 1px solid var(--_accent);
    font-weight: 600;
  }

  /* What cannot be undone is drawn in the error colour. */
  button.danger {
    color: var(--_accent-text);
    background: var(--_error);
    border: 1px solid var(--_error);
    font-weight: 600;
    align-self: flex-start;
  }

  [part~='confirmation'] {
    border: 1px solid var(--_error);
    border-radius: var(--_radius);
    padding: var(--_gap);
  }

  [part~='signed-out']:focus-visible,
  [part~='confirmation']:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  [part~='passkey-list'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }

  .passkey-name {
    display: block;
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  [part~='passkey'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_gap);
    padding-block-end: var(--_gap);
    border-block-end: 1px solid var(--_border);
  }
`;
