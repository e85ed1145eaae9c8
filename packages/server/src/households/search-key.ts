import { vietnameseNameSortKey } from '@caunoi/domain';

/*
 * The search index's key of a household (SQLite): the high bits are a bucket
 * made of the first five characters of the head's name sort key (given name
 * first), the low bits a sequence within the bucket. Full-text matches come
 * out of FTS5 in key order, which is therefore the alphabetical order up to
 * the bucket: a page needs the matches of its buckets only, sorted exactly
 * among themselves, never all the matches (a province's "Nguyễn" is 400,000
 * households). Keys stay below 2^53, exact in a JavaScript number.
 */

/** Keys per bucket: 2^23, about 8 million households with the same first five letters. */
export const SEARCH_KEY_SPAN = 2 ** 23;
const CHARS = 5;

/** Six bits per character of the sort key, never decreasing with it (sort-key.ts decides the characters). */
function code6(char: string): number {
  const c = char.charCodeAt(0);
  if (c <= 0x01) return 1; // separator
  if (c === 0x20) return 2; // space
  if (c < 0x30) return 3; // punctuation
  if (c <= 0x39) return 4 + (c - 0x30); // digits and number lengths
  if (c >= 0x41 && c <= 0x61) return 14 + (c - 0x41); // the 33 letters
  return 47; // anything after: other scripts
}

/** The first key of the household's bucket. */
export function searchKeyBase(headName: string): number {
  const key = vietnameseNameSortKey(headName);
  let bucket = 0;
  let clamped = false;
  for (let i = 0; i < CHARS; i += 1) {
    // After a character that stands for many ("other scripts"), the rest says nothing about order.
    const value = clamped || i >= key.length ? 0 : code6(key[i]!);
    if (value === 47) clamped = true;
    bucket = bucket * 64 + value;
  }
  return bucket * SEARCH_KEY_SPAN;
}

export function searchKeyBucket(key: number): number {
  return Math.floor(key / SEARCH_KEY_SPAN);
}
