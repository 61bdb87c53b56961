import type { ReactiveControllerHost } from 'lit';
import { inheritedLang, resolveLanguage } from '../i18n/index.js';
import type { TableSet } from '../i18n/tables.js';
import { PageFollower } from './page.js';

/**
 * Follows the language in effect for the host: its own `lang`, else the nearest ancestor's (across
 * shadow roots), else the document's, and loads that language's table from the host's set on first
 * use so the first render never waits for it (English until it arrives). It notices a page that
 * switches `lang` on `<html>` or `<body>`; a change of the host's own `lang` is the host's to report,
 * by calling `update()` from `attributeChangedCallback`: only the host observes its own attributes
 * synchronously.
 */
export class LanguageController<T> extends PageFollower<ReactiveControllerHost & Element> {
  /** The shipped language in effect (see `resolveLanguage`). */
  language = 'en';
  /** Its translation table, without the host's overrides. */
  messages: T;

  constructor(
    host: ReactiveControllerHost & Element,
    private readonly tables: TableSet<T>,
  ) {
    super(host);
    this.messages = tables.english;
  }

  update(): void {
    const { tables } = this;
    const language = resolveLanguage(inheritedLang(this.host));
    if (language === this.language && this.messages === (tables.loaded(language) ?? this.messages)) return;
    this.language = language;
    this.host.requestUpdate();
    const ready = tables.loaded(language);
    if (ready) {
      this.messages = ready;
      return;
    }
    void tables.load(language).then((table) => {
      // A table that arrives after the language changed again is dropped; the same table twice is no change.
      if (this.language === language && this.messages !== table) {
        this.messages = table;
        this.host.requestUpdate();
      }
    });
  }
}
