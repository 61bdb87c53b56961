import type { ReactiveElement } from 'lit';
import { barePage } from '../styles.js';
import { adoptWhile, inheritsFrom, PageFollower } from './page.js';

/**
 * The font a browser uses when the page sets none: Chromium's and Edge's "Times New Roman",
 * Safari's Times, Firefox's `serif`. A page that wants exactly that font for the element says so
 * with `--passwordless-login-font-family`.
 */
const BROWSER_DEFAULT_FONT = /^(?:"?Times New Roman"?|"?Times"?|serif|-webkit-standard)$/i;

/**
 * On a page with no styles of its own (it inherits the browser's default serif), this adopts
 * `barePage` so the element draws a finished card in the system font; on a styled page it stays
 * out of the way and the element takes the page's font. Followed as the page changes.
 */
export class BarePageController extends PageFollower<ReactiveElement> {
  update(): void {
    const above = inheritsFrom(this.host);
    adoptWhile(this.host, barePage.styleSheet, !above || BROWSER_DEFAULT_FONT.test(getComputedStyle(above).fontFamily));
  }
}
