/**
 * A set of translation tables: English bundled, every other shipped language loaded on first use
 * (its own chunk), a language that fails to load answered in English. Each element has one set:
 * the sign-in element's (`./index.ts`) and the account element's (`./account/index.ts`), so a page
 * loads the words of the elements it uses and no others.
 */
export interface TableSet<T> {
  readonly english: T;
  /** The table for a shipped language if it is already loaded (English always is). */
  loaded(language: string): T | undefined;
  /** Loads a shipped language's table; an unknown or failing one resolves to English. */
  load(language: string): Promise<T>;
}

export function tableSet<T>(english: T, loaders: Readonly<Record<string, () => Promise<{ default: T }>>>): TableSet<T> {
  const cache = new Map<string, T>([['en', english]]);
  return {
    english,
    loaded: (language) => cache.get(language),
    async load(language) {
      const cached = cache.get(language);
      if (cached) return cached;
      const loader = loaders[language];
      if (!loader) return english;
      try {
        const table = (await loader()).default;
        cache.set(language, table);
        return table;
      } catch {
        return english;
      }
    },
  };
}
