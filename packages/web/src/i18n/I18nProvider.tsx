import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Language } from '@caunoi/domain';
import { en } from './dictionary.en';
import { vi, type MessageKey } from './dictionary.vi';
import { I18nContext, type I18n } from './i18n-context';

const storageKey = 'caunoi.language';
const dictionaries: Record<Language, Record<MessageKey, string>> = { vi, en };

function storedLanguage(): Language {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Private mode: the choice lasts for this visit only.
    }
    document.documentElement.lang = next;
  }, []);
  const value = useMemo<I18n>(() => {
    const dictionary = dictionaries[language];
    return {
      language,
      setLanguage,
      t: (key, values) =>
        values
          ? dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole))
          : dictionary[key],
      label: (entry) => entry[language],
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
