import { formatCount, formatPercent } from '@caunoi/domain';

/*
 * The web's names for the domain's one number format (`format/numbers.ts`),
 * which print and Excel use too.
 */

/** 1234 → "1.234", the Vietnamese way, whatever the UI language. */
export function formatNumber(value: number): string {
  return formatCount(value);
}

/** Share of a whole as "87,5 %", never 100 % unless all; an empty whole shows a dash. */
export function formatShare(part: number, whole: number): string {
  return formatPercent(part, whole);
}
