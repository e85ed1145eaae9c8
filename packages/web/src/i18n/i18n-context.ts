import { createContext, useContext } from 'react';
import type { Language } from '@caunoi/domain';
import type { MessageKey } from './dictionary.vi';

export interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  /** Translates a key, filling `{name}` placeholders. */
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** Picks the current language from a `{ vi, en }` label. */
  label(entry: Record<Language, string>): string;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
