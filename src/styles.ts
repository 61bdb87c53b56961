import { css } from 'lit';

/**
 * Each public `--passwordless-login-*` property is read once, into a private `--_*` one, so the
 * host page can theme the element but never leaks into it through generic names.
 *
 * Colours are `light-dark(light, dark)` pairs: they follow the element's used `color-scheme`,
 * which it inherits from the page, so a page that sets `color-scheme: dark` (or switches it at
 * run time) gets the dark colours, and one that sets `light dark` follows `prefers-color-scheme`.
 * A page that declares no `color-scheme` at all also gets `light dark` (`followPreference`,
 * adopted by the element when it finds `normal` above it), so by default the element follows
 * `prefers-color-scheme`. The fields, buttons and scrollbars the browser draws follow it too.
 */
export const styles = css`
  /* Declared again on the inner .root: page rules beat :host ones, so a page rule such as
     \`* { --_accent: red }\` could otherwise reach the private properties through the host. */
  :host,
  .root {
    --_accent: var(--passwordless-login-accent-color, light-dark(#2563eb, #60a5fa));
    --_accent-text: var(--passwordless-login-accent-text-color, light-dark(#ffffff, #0b1220));
    --_text: var(--passwordless-login-text-color, light-dark(#1f2937, #e5e7eb));
    --_muted: var(--passwordless-login-muted-color, light-dark(#4b5563, #cbd5e1));
    --_background: var(--passwordless-login-background, transparent);
    --_field-background: var(--passwordless-login-field-background, light-dark(#ffffff, #111827));
    --_border: var(--passwordless-login-border-color, light-dark(#6b7280, #9ca3af));
    --_error: var(--passwordless-login-error-color, light-dark(#b91c1c, #fca5a5));
    --_radius: var(--passwordless-login-radius, 0.375rem);
    --_gap: var(--passwordless-login-gap, 0.75rem);
    --_font: var(--passwordless-login-font-family, inherit);
    --_transition: var(--passwordless-login-transition-duration, 150ms);
    color: var(--_text);
    font-family: var(--_font);
  }

  /* Bounded on any page: a sign-in form wider than this reads badly. A page rule on the element
     (\`passwordless-login { max-width: none }\`) overrides it. */
  :host {
    display: block;
    box-sizing: border-box;
    max-inline-size: 26rem;
    background: var(--_background);
  }

  :host([hidden]) {
    display: none;
  }

  form,
  [part~='signed-in'] {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }

  label {
    font-weight: 600;
  }

  p {
    margin: 0;
  }

  .hint {
    color: var(--_muted);
    font-size: 0.875em;
  }

  input {
    font: inherit;
    color: inherit;
    background: var(--_field-background);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em 0.75em;
  }

  /* The fields are dir="ltr" in every language (addresses and digits run left to right); in a
     right-to-left form their text still lines up with the labels, on the right. */
  .root[dir='rtl'] input {
    text-align: right;
  }

  input[part~='code-input'] {
    letter-spacing: 0.3em;
    font-variant-numeric: tabular-nums;
  }

  input[aria-invalid='true'] {
    border-color: var(--_error);
  }

  button {
    font: inherit;
    border-radius: var(--_radius);
    padding: 0.5em 1em;
    cursor: pointer;
    transition: background-color var(--_transition), opacity var(--_transition);
  }

  button[part~='submit-button'],
  button[part~='sign-out-button'] {
    color: var(--_accent-text);
    background: var(--_accent);
    border: 1px solid var(--_accent);
    font-weight: 600;
  }

  button[part~='passkey-button'] {
    color: var(--_accent);
    background: transparent;
    border: 1px solid var(--_accent);
    font-weight: 600;
  }

  button[part~='resend-button'],
  button[part~='change-email-button'],
  button[part~='email-code-button'] {
    color: var(--_accent);
    background: transparent;
    border: 1px solid transparent;
    text-decoration: underline;
    align-self: flex-start;
    padding-inline: 0;
  }

  button[aria-disabled='true'],
  button:disabled {
    cursor: default;
    opacity: 0.65;
  }

  :is(input, button):focus-visible,
  [part~='signed-in']:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_gap);
  }

  [part~='error'] {
    color: var(--_error);
  }

  [part~='status'] {
    color: var(--_muted);
    font-size: 0.875em;
  }

  /* Live regions stay in the tree while empty so that screen readers announce what appears. */
  [part~='error']:not(:empty),
  [part~='status']:not(:empty) {
    margin-block-start: var(--_gap);
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    :host {
      transition: none !important;
      animation: none !important;
    }
  }
`;

/** Adopted while the page declares no `color-scheme`: then the element follows the user's preference. */
export const followPreference = css`
  :host {
    color-scheme: light dark;
  }
`;

/**
 * Adopted while the page sets no font of its own (see controllers/bare-page.ts): the element then
 * draws a finished card of its own in the system font, on the colour scheme's canvas, instead of
 * stretching in the browser's default serif. A styled page gets none of this.
 */
export const barePage = css`
  :host,
  .root {
    --_font: var(--passwordless-login-font-family, system-ui, sans-serif);
    --_background: var(--passwordless-login-background, Canvas);
  }

  :host {
    padding: 1.5rem;
    border: 1px solid color-mix(in srgb, var(--_border) 40%, transparent);
    border-radius: calc(var(--_radius) * 2);
    line-height: 1.5;
  }
`;
