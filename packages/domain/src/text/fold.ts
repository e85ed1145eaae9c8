/**
 * Folds Vietnamese text for accent- and case-insensitive search.
 * NFD strips the tone and vowel marks, but "đ" is its own letter and never
 * decomposes, so it is mapped to "d" explicitly (DESIGN.md §3).
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
