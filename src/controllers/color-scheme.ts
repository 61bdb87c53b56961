import type { ReactiveElement } from 'lit';
import { followPreference } from '../styles.js';
import { adoptWhile, inheritsFrom, PageFollower } from './page.js';

/**
 * The host inherits the page's `color-scheme`; where the page declares none (`normal`, which would
 * mean light), this adopts `followPreference` into the host's shadow root so that it follows
 * `prefers-color-scheme`. A page that switches schemes by a class or attribute on `<html>` or
 * `<body>` is followed at once.
 */
export class ColorSchemeController extends PageFollower<ReactiveElement> {
  update(): void {
    const above = inheritsFrom(this.host);
    adoptWhile(this.host, followPreference.styleSheet, !above || getComputedStyle(above).colorScheme === 'normal');
  }
}
