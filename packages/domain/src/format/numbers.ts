/**
 * The one way figures are written, for the web, print and Excel alike:
 * Vietnamese by default (1.234; 98,8 %), English for the English UI
 * (1,234; 98.8 %). A share never reads 100 % unless the part is the whole,
 * nor 0 % unless it is nothing: 3.096 of 3.097 is 99,9 %, not 100 %.
 */
export type NumberLanguage = 'vi' | 'en';

const locales: Record<NumberLanguage, string> = { vi: 'vi-VN', en: 'en-US' };
const integer = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
};
const oneDecimal = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }),
};
/** A no-break space: "98,8 %" never breaks before its sign. */
const nbsp = '\u00a0';

/** 2697 → "2.697" (vi), "2,697" (en). */
export function formatCount(value: number, language: NumberLanguage = 'vi'): string {
  return integer[language].format(value);
}

/** 14.66 → "14,7" (vi): averages and other measured figures, to a tenth. */
export function formatDecimal(value: number, language: NumberLanguage = 'vi'): string {
  return oneDecimal[language].format(value);
}

/**
 * A share of a whole in per cent to a tenth: "87,2 %". Rounded away from
 * the ends, so only the whole reads 100 % and only nothing reads 0 %; an empty whole is "–".
 */
export function formatPercent(part: number, whole: number, language: NumberLanguage = 'vi'): string {
  if (whole <= 0) return '–';
  return `${oneDecimal[language].format(percentOf(part, whole))}${nbsp}%`;
}

/** The per cent `formatPercent` writes, as a number (for Excel cells and charts). */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 0;
  const rounded = Math.round((part / whole) * 1000) / 10;
  if (part < whole && rounded >= 100) return 99.9;
  if (part > 0 && rounded <= 0) return 0.1;
  return rounded;
}

/** "2.697/3.094": a part of a whole, without the per cent. */
export function formatOf(part: number, whole: number, language: NumberLanguage = 'vi'): string {
  return `${formatCount(part, language)}/${formatCount(whole, language)}`;
}

/** "2.697/3.094 (87,2 %)": a part of a whole with its per cent. */
export function formatShare(part: number, whole: number, language: NumberLanguage = 'vi'): string {
  const of = formatOf(part, whole, language);
  return whole > 0 ? `${of} (${formatPercent(part, whole, language)})` : of;
}

/** A ratio already computed (0…1), when the part and whole are not at hand: never 100 % below 1. */
export function formatRatio(ratio: number, language: NumberLanguage = 'vi'): string {
  return formatPercent(Math.round(ratio * 100_000), 100_000, language);
}

/** The locale tag of a language, for the few places (charts) that take one. */
export const numberLocale = (language: NumberLanguage): string => locales[language];

/** Excel number formats matching the above: Excel shows the reader's separators. */
export const excelFormats = { count: '#,##0', decimal: '#,##0.0', percent: '0.0%' } as const;
