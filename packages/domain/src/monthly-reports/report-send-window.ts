import { z } from 'zod';
import { monthBounds } from './report-month.js';

/*
 * When a month's report may be sent: from its last days (a commune setting,
 * the day of the month the window opens; default the 25th) and at any time
 * after the month, never for a month still to come. Dates are `YYYY-MM-DD`
 * in Asia/Ho_Chi_Minh (the caller passes `todayInVietnam()`). Pure.
 */

/** The day of the month from which a month's report may be sent, when the commune has not set one. */
export const defaultReportSendFromDay = 25;

/** Days 1–28, so the window opens inside every month, February too. */
export const reportSendFromDay = z.number().int().min(1).max(28);

export interface ReportSendWindow {
  /** True when the month's report may be sent today. */
  open: boolean;
  /** The first day the month's report may be sent. */
  opensOn: string;
}

export function reportSendWindow(
  month: string,
  today: string,
  fromDay: number = defaultReportSendFromDay,
): ReportSendWindow {
  const day = Math.min(Math.max(Math.trunc(fromDay), 1), 28);
  const opensOn = `${monthBounds(month).first.slice(0, 8)}${String(day).padStart(2, '0')}`;
  // `YYYY-MM-DD` sorts as dates do: a month still to come opens after today, a past one before.
  return { open: today >= opensOn, opensOn };
}
