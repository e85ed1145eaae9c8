import type { ResultLevel } from '@caunoi/domain';

/** One colour per level across the yearly pages. */
export const levelColor: Record<ResultLevel, string> = {
  excellent: 'gold',
  good: 'green',
  completed: 'blue',
  not_completed: 'red',
};
