import { foldVietnamese } from '../text/fold.js';

/*
 * "Closely matching" households, the one rule used by the create form and
 * the Excel import: the same head name once accents and case are folded, and
 * addresses that share most of their words and do not disagree on numbers
 * ("Tổ 3" and "tổ 5" are different neighbourhoods; "Tổ 3, ấp Thạnh An" and
 * "to 3 Thanh An" are the same place written twice).
 */

/** Share of address words two addresses must have in common (Dice coefficient). */
export const duplicateAddressThreshold = 0.75;

export interface DuplicateCandidate {
  headName: string;
  address: string;
}

/** Words that say what kind of place follows, not which place: they do not count as agreement. */
const placeWords = new Set([
  'to',
  'ap',
  'xa',
  'thon',
  'khom',
  'khu',
  'pho',
  'phuong',
  'duong',
  'so',
  'huyen',
  'tinh',
  'ban',
  'xom',
  'hem',
  'kp',
]);

function tokens(text: string): string[] {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((t) => t.length > 0);
}

export function foldedHeadName(name: string): string {
  return tokens(name).join(' ');
}

/** 0 to 1: how much two addresses agree, 0 whenever both carry numbers and the numbers differ. */
export function addressSimilarity(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  const numbers = (t: string[]) => [...new Set(t.filter((w) => /^\d+$/.test(w)))].sort().join(',');
  const na = numbers(ta);
  const nb = numbers(tb);
  if (na !== '' && nb !== '' && na !== nb) return 0;
  const words = (t: string[]) => new Set(t.filter((w) => !/^\d+$/.test(w) && !placeWords.has(w)));
  const wa = words(ta);
  const wb = words(tb);
  if (wa.size === 0 && wb.size === 0) return 1;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return (2 * shared) / (wa.size + wb.size);
}

export function isPossibleDuplicate(a: DuplicateCandidate, b: DuplicateCandidate): boolean {
  return (
    foldedHeadName(a.headName) === foldedHeadName(b.headName) &&
    addressSimilarity(a.address, b.address) >= duplicateAddressThreshold
  );
}

/** The candidates that closely match `household`, in their given order. */
export function findPossibleDuplicates<T extends DuplicateCandidate>(
  household: DuplicateCandidate,
  candidates: T[],
): T[] {
  return candidates.filter((c) => isPossibleDuplicate(household, c));
}
