import { foldVietnamese } from './fold.js';

/**
 * The words of a search, folded (no accents, lower case, đ → d) and split on
 * anything that is not a letter or a digit, as the database's full-text
 * tokenizer splits the indexed text: "Nguyễn Văn Đức" → nguyen, van, duc;
 * "HGD-TL-00012" → hgd, tl, 00012. Each word matches the start of a word.
 */
export function searchTokens(query: string, max = 12): string[] {
  const words = foldVietnamese(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
  // Repeating a word narrows nothing; a very long query is cut, not refused.
  return [...new Set(words)].slice(0, max);
}
