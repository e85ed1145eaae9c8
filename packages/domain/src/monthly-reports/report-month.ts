import { z } from 'zod';

/** A report month, 'YYYY-MM'. */
export const reportMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
export type ReportMonth = z.infer<typeof reportMonth>;

/** First and last day of a month, as 'YYYY-MM-DD' (29 February in a leap year). */
export function monthBounds(month: string): { first: string; last: string } {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}` };
}
