/**
 * Progressive enhancement: an email field the page put inside the element works before the bundle
 * arrives. The element's shadow root hides it (there is no default slot), so the element takes over
 * its value and focus on upgrade; it stays in place, unrendered, and the element keeps it in step
 * with what the visitor types, so that a reload (which shows it again before the upgrade) restores
 * the latest.
 */

/**
 * The host's own email field, if the page gave it one. Look on the first connection, before the
 * shadow root is attached: once the field is hidden it no longer holds focus. A field in slotted
 * content (a footer's newsletter field) is not the element's: it stays rendered and the page's own.
 */
export function lightEmailField(host: Element): HTMLInputElement | null {
  return host.querySelector<HTMLInputElement>(':scope>input[type=email],:scope>:not([slot]) input[type=email]');
}
