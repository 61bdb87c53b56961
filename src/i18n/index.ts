import { en, type FirstMessages, type Messages } from './en.js';
import { tableSet, type TableSet } from './tables.js';

export type { FirstMessages, Messages } from './en.js';

/**
 * Languages other than English, each loaded on first use so the email step never waits for them.
 * Adding a language is one file next to this one and one line here.
 */
const LOADERS: Record<string, () => Promise<{ default: Messages }>> = {
  de: () => import('./de.js'),
  fr: () => import('./fr.js'),
  es: () => import('./es.js'),
  it: () => import('./it.js'),
  pt: () => import('./pt.js'),
  nl: () => import('./nl.js'),
  pl: () => import('./pl.js'),
  ja: () => import('./ja.js'),
  // Simplified Chinese; zh-TW, zh-HK and zh-Hant fall back to it too (see zh.ts).
  zh: () => import('./zh.js'),
  ar: () => import('./ar.js'),
  he: () => import('./he.js'),
};

/** Language tags whose script runs right to left (for `dir` on the element's content). */
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

/** Every language the element ships, English first. */
export const SUPPORTED_LANGUAGES: readonly string[] = ['en', ...Object.keys(LOADERS)];

/**
 * The `lang` in effect for a node: its own, else the nearest ancestor's, crossing shadow roots
 * (a plain `closest('[lang]')` stops at a shadow boundary), else the document's.
 */
export function inheritedLang(node: Element): string {
  let current: Node | null = node;
  while (current) {
    if (current instanceof Element && current.hasAttribute('lang')) {
      const lang = current.getAttribute('lang')?.trim();
      if (lang) return lang;
    }
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return node.ownerDocument?.documentElement.lang ?? '';
}

/** The shipped language for a BCP 47 tag, falling back from region to base language, then to English. */
export function resolveLanguage(tag: string): string {
  const lower = tag.toLowerCase();
  if (SUPPORTED_LANGUAGES.includes(lower)) return lower;
  const base = lower.split(/[-_]/)[0] ?? '';
  return SUPPORTED_LANGUAGES.includes(base) ? base : 'en';
}

/** The sign-in element's tables, for its LanguageController. */
export const loginTables: TableSet<FirstMessages> = tableSet<FirstMessages>(en, LOADERS);

/** Loads a shipped language's table; a language that fails to load falls back to English. */
export const loadMessages = (language: string): Promise<FirstMessages> => loginTables.load(language);

/** A table with the host's `translations` override laid over it. */
export function withOverrides<T>(table: T, overrides: Partial<T> | undefined): T {
  return overrides ? { ...table, ...overrides } : table;
}

/** Text direction for a language tag. */
export function directionOf(language: string): 'ltr' | 'rtl' {
  return RTL.has(language.split(/[-_]/)[0]?.toLowerCase() ?? '') ? 'rtl' : 'ltr';
}
