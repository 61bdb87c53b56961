import { tableSet, type TableSet } from '../tables.js';
import { accountEn, type AccountMessages } from './en.js';

export type { AccountMessages } from './en.js';

/**
 * The account element's tables, in the same languages as the sign-in element's (the tests keep the
 * two lists equal). Adding a language: one file here and one line below.
 */
export const accountTables: TableSet<AccountMessages> = tableSet<AccountMessages>(accountEn, {
  de: () => import('./de.js'),
  fr: () => import('./fr.js'),
  es: () => import('./es.js'),
  it: () => import('./it.js'),
  pt: () => import('./pt.js'),
  nl: () => import('./nl.js'),
  pl: () => import('./pl.js'),
  ja: () => import('./ja.js'),
  zh: () => import('./zh.js'),
  ar: () => import('./ar.js'),
  he: () => import('./he.js'),
});
