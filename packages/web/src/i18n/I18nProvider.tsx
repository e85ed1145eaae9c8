import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Language } from '@caunoi/domain';
import { vi, type MessageKey } from './dictionary.vi';
import { I18nContext, type I18n } from './i18n-context';

const storageKey = 'caunoi.language';
type Dictionary = Record<MessageKey, string>;

/**
 * English is fetched when first chosen: most users never do, and every phone
 * would otherwise parse both dictionaries before the login form (issue 16).
 */
let englishLoaded: Dictionary | null = null;
const loadEnglish = (): Promise<Dictionary> =>
  import('./dictionary.en').then((m) => {
    englishLoaded = m.en;
    return m.en;
  });

/** Called before the app's first render: a start in English waits for its words (main.tsx). */
export function preloadLanguage(): Promise<void> {
  return storedLanguage() === 'en' ? loadEnglish().then(() => undefined) : Promise.resolve();
}

function storedLanguage(): Language {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  const [english, setEnglish] = useState<Dictionary | null>(englishLoaded);
  useEffect(() => {
    if (language === 'en' && !english) void loadEnglish().then(setEnglish);
  }, [language, english]);
  const setLanguage = useCallback((next: Language) => {
    // Kept at once, so a page opened right after the click starts in that language.
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Private mode: the choice lasts for this visit only.
    }
    // The switch waits for its words, so a page never shows half of each language.
    void (next === 'en' ? loadEnglish().then(setEnglish) : Promise.resolve()).then(() => {
      setLanguageState(next);
      document.documentElement.lang = next;
    });
  }, []);
  const value = useMemo<I18n>(() => {
    // Should English be late (a failed preload), the page stays wholly Vietnamese until it comes.
    const shown: Language = language === 'en' && english ? 'en' : 'vi';
    const dictionary = shown === 'en' && english ? english : vi;
    return {
      language: shown,
      setLanguage,
      t: (key, values) =>
        values
          ? dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole))
          : dictionary[key],
      label: (entry) => entry[shown],
    };
  }, [language, english, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
