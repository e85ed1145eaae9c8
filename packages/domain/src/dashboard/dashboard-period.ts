/** A dashboard's period: its first and last day, and the year of its year-based figures. */
export interface DashboardPeriod {
  from: string;
  to: string;
  year: number;
}

/**
 * The period a question names, or null when it names none (the caller then
 * applies the default rule). `year` alone is that whole calendar year; `from`
 * and `to` are months or dates, a missing start is the start of the end's year,
 * a missing end today. The year of year-based figures is the year of `to`.
 * The dashboard, its records, print and Excel all read a period through this.
 */
export function periodAsked(
  query: { from?: string | undefined; to?: string | undefined; year?: number | undefined },
  today: string,
): DashboardPeriod | null {
  if (query.from === undefined && query.to === undefined) {
    if (query.year === undefined) return null;
    return { from: `${query.year}-01-01`, to: `${query.year}-12-31`, year: query.year };
  }
  const { from, to } = resolvePeriod(query.from, query.to, today);
  return { from, to, year: Number(to.slice(0, 4)) };
}

/** The first and last day of a period given by months or dates; a missing end is this year's start or today. */
export function resolvePeriod(
  from: string | undefined,
  to: string | undefined,
  today: string,
): { from: string; to: string } {
  const start = from ?? `${(to ?? today).slice(0, 4)}-01-01`;
  const end = to ?? today;
  return {
    from: start.length === 7 ? `${start}-01` : start,
    to: end.length === 7 ? lastDayOfMonth(end) : end,
  };
}

function lastDayOfMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}
