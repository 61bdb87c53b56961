import type { ReactiveElement } from 'lit';
import { followPreference } from '../styles.js';
import { PageFollower } from './page.js';

/**
 * The host inherits the page's `color-scheme`; where the page declares none (`normal`, which would
 * mean light), this adopts `followPreference` into the host's shadow root so that it follows
 * `prefers-color-scheme`. A page that switches schemes by a class or attribute on `<html>` or
 * `<body>` is followed at once.
 */
export class ColorSchemeController extends PageFollower<ReactiveElement> {
  update(): void {
    const { host } = this;
    const root = host.renderRoot;
    const sheet = followPreference.styleSheet;
    if (!(root instanceof ShadowRoot) || !sheet) return;
    const above = host.assignedSlot ?? host.parentElement ?? (host.getRootNode() as Partial<ShadowRoot>).host;
    const follow = !above || getComputedStyle(above).colorScheme === 'normal';
    const sheets = root.adoptedStyleSheets;
    if (follow !== sheets.includes(sheet)) {
      root.adoptedStyleSheets = follow ? [...sheets, sheet] : sheets.filter((s) => s !== sheet);
    }
  }
}
