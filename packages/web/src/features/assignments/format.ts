import { formatCount as count, formatDecimal } from '@caunoi/domain';

/** Households per member as the report writes it: one decimal, Vietnamese style ("14,7"); a dash for none. */
export function formatAverage(value: number | null): string {
  return value === null ? '–' : formatDecimal(value);
}

export function formatCount(value: number | null): string {
  return value === null ? '–' : count(value);
}
