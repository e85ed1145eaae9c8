import { z } from 'zod';
import { isoDate } from '../common/dates.js';

/**
 * The holiday catalogue: public holidays (days off on working days) and the
 * weekend days made working days when the government swaps a day off. Data
 * with a source, never code: the dates change every year by notice.
 */
export const holidayKind = z.enum(['holiday', 'working_day']);
export type HolidayKind = z.infer<typeof holidayKind>;

export const holiday = z.object({
  date: isoDate,
  name: z.string(),
  kind: holidayKind,
  source: z.string().nullable(),
});
export type Holiday = z.infer<typeof holiday>;

export const createHolidayInput = z.strictObject({
  date: isoDate,
  name: z.string().trim().min(2).max(200),
  kind: holidayKind.default('holiday'),
  source: z.string().trim().max(300).optional(),
});
export type CreateHolidayInput = z.infer<typeof createHolidayInput>;

export const holidayListQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
