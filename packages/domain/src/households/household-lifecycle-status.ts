import { z } from 'zod';
import { isoDate } from '../common/dates.js';

/* How a household ended and what it is linked to: part of every household's book. */

export const householdEndReason = z.enum(['moved_out', 'moved_away', 'all_died', 'merged', 'other']);
export type HouseholdEndReason = z.infer<typeof householdEndReason>;
export const householdEndReasonLabels: Record<HouseholdEndReason, { vi: string; en: string }> = {
  moved_out: { vi: 'Chuyển sang xã khác', en: 'Moved to another commune' },
  moved_away: { vi: 'Chuyển đi nơi khác', en: 'Moved away' },
  all_died: { vi: 'Các thành viên đều đã mất', en: 'All members died' },
  merged: { vi: 'Đã nhập vào hộ khác', en: 'Merged into another household' },
  other: { vi: 'Lý do khác', en: 'Other reason' },
};

/** What a household's page shows of its life: whether it still exists and its links. */
export const householdLifecycle = z.object({
  status: z.enum(['active', 'ended']),
  endDate: isoDate.nullable(),
  endReason: householdEndReason.nullable(),
  movedFrom: z.object({ id: z.uuid(), code: z.string() }).nullable(),
  movedTo: z.object({ id: z.uuid(), code: z.string() }).nullable(),
  splitFrom: z.object({ id: z.uuid(), code: z.string() }).nullable(),
  mergedInto: z.object({ id: z.uuid(), code: z.string() }).nullable(),
});
export type HouseholdLifecycle = z.infer<typeof householdLifecycle>;
