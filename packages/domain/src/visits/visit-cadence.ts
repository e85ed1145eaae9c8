import { z } from 'zod';
import { lastDayOfMonth } from '../meetings/meeting-flags.js';

/*
 * How often a household must be visited, and whether it is visited, due or
 * overdue on a given day. Periods are calendar periods counted from January:
 * "every month" means at least once in each calendar month (the cell reports
 * by month), "every 3 months" once in each quarter, "every 6 months" once in
 * each half-year. A period's requirement is missed once the period has ended
 * without a visit. Pure: the dates are `YYYY-MM-DD` in Asia/Ho_Chi_Minh.
 */

/** The categories a commune sets a cadence for; a household falls into the most demanding that applies. */
export const careCategories = ['poor', 'near_poor', 'needs_help', 'policy_family', 'other'] as const;
export const careCategory = z.enum(careCategories);
export type CareCategory = z.infer<typeof careCategory>;

export const careCategoryLabels: Record<CareCategory, { vi: string; en: string }> = {
  poor: { vi: 'Hộ nghèo', en: 'Poor' },
  near_poor: { vi: 'Hộ cận nghèo', en: 'Near-poor' },
  needs_help: { vi: 'Hộ cần giúp đỡ', en: 'Needs help' },
  policy_family: { vi: 'Gia đình chính sách', en: 'Policy family' },
  other: { vi: 'Hộ không thuộc diện ưu tiên', en: 'Not in a priority group' },
};

/** Period lengths that tile a calendar year, so every period starts in a fixed month. */
export const cadenceMonthOptions = [1, 2, 3, 4, 6, 12] as const;
export const cadenceMonths = z.literal([...cadenceMonthOptions]);
export type CadenceMonths = (typeof cadenceMonthOptions)[number];

export type VisitCadence = Record<CareCategory, CadenceMonths>;

/** "Mỗi tháng ít nhất 01 lần" for poor, near-poor and needy households; quarterly for policy families; twice a year otherwise. */
export const defaultVisitCadence: VisitCadence = {
  poor: 1,
  near_poor: 1,
  needs_help: 1,
  policy_family: 3,
  other: 6,
};

export interface CareFlags {
  povertyStatus: string;
  needsHelp: boolean;
  policyFamily: boolean;
}

/** Every category that applies to the household, most specific first. */
export function careCategoriesOf(h: CareFlags): CareCategory[] {
  const found: CareCategory[] = [];
  if (h.povertyStatus === 'poor') found.push('poor');
  if (h.povertyStatus === 'near_poor') found.push('near_poor');
  if (h.needsHelp) found.push('needs_help');
  if (h.policyFamily) found.push('policy_family');
  found.push('other');
  return found;
}

/** The category that sets the household's cadence: the one asking for the most frequent visits. */
export function careCategoryOf(h: CareFlags, cadence: VisitCadence): CareCategory {
  let best: CareCategory = 'other';
  for (const category of careCategoriesOf(h)) {
    if (cadence[category] < cadence[best]) best = category;
  }
  return best;
}

export interface CarePeriod {
  /** First day of the period. */
  start: string;
  /** Last day of the period (29 February in a leap year). */
  end: string;
}

/** The calendar period of `months` months that contains `date`. */
export function periodOf(date: string, months: CadenceMonths): CarePeriod {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const firstMonth = Math.floor((month - 1) / months) * months + 1;
  const lastMonth = firstMonth + months - 1;
  const pad = (m: number) => String(m).padStart(2, '0');
  return {
    start: `${year}-${pad(firstMonth)}-01`,
    end: lastDayOfMonth(`${year}-${pad(lastMonth)}`),
  };
}

/** The period just before the one containing `date`. */
export function previousPeriodOf(date: string, months: CadenceMonths): CarePeriod {
  const { start } = periodOf(date, months);
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(0);
  return periodOf(d.toISOString().slice(0, 10), months);
}

export const visitStates = ['visited', 'due', 'overdue'] as const;
export const visitState = z.enum(visitStates);
export type VisitState = z.infer<typeof visitState>;

export interface VisitStatus {
  state: VisitState;
  /** The current period: a visit in it makes the household "visited"; its last day is the due date. */
  period: CarePeriod;
  dueBy: string;
  /** For an overdue household: the last day of the first period that was missed. */
  overdueSince: string | null;
}

/**
 * Where a household stands on `asOf`: visited in the current period; overdue
 * when the previous period ended without a visit although the household was
 * in care for the whole of it (a household taken on mid-period is not held to
 * it); due otherwise.
 */
export function visitStatus(input: {
  asOf: string;
  months: CadenceMonths;
  /** The last visit on or before `asOf`, or null. */
  lastVisitOn: string | null;
  /** Since when the household is in care (its current assignment's start). */
  careSince: string;
}): VisitStatus {
  const period = periodOf(input.asOf, input.months);
  const dueBy = period.end;
  if (input.lastVisitOn !== null && input.lastVisitOn >= period.start) {
    return { state: 'visited', period, dueBy, overdueSince: null };
  }
  const previous = previousPeriodOf(input.asOf, input.months);
  const heldToPrevious = input.careSince <= previous.start;
  const visitedInPrevious = input.lastVisitOn !== null && input.lastVisitOn >= previous.start;
  if (!heldToPrevious || visitedInPrevious) return { state: 'due', period, dueBy, overdueSince: null };
  return { state: 'overdue', period, dueBy, overdueSince: firstMissedPeriodEnd(input, previous) };
}

/** The end of the earliest period missed in the run that ends with `previous`. */
function firstMissedPeriodEnd(
  input: { months: CadenceMonths; lastVisitOn: string | null; careSince: string },
  previous: CarePeriod,
): string {
  let missed = previous;
  // At most a few years back: a run of missed periods is bounded by the last visit or the care start.
  for (let guard = 0; guard < 240; guard++) {
    const before = previousPeriodOf(missed.start, input.months);
    const coveredByVisit = input.lastVisitOn !== null && input.lastVisitOn >= before.start;
    if (coveredByVisit || input.careSince > before.start) break;
    missed = before;
  }
  return missed.end;
}
