import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dashboard, DashboardFigure, DashboardRecords } from '@caunoi/domain';
import { api, queryString } from '../../api/client';

export interface Period {
  from: string;
  to: string;
  /** A past period re-aggregated into today's units; left out, the units of the period's end. */
  boundaries?: 'today';
}

export interface Drill {
  figure: DashboardFigure;
  year?: number;
}

const month = (value: string | null) => (value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : undefined);

/**
 * The period in the address; undefined when it names neither month, so the
 * server picks the latest year with figures. One month only: the other is
 * this year's January or the current month, as before.
 */
export function askedPeriod(params: URLSearchParams, today: string): Period | undefined {
  const from = month(params.get('from'));
  const to = month(params.get('to'));
  if (from === undefined && to === undefined) return undefined;
  return {
    from: from ?? `${today.slice(0, 4)}-01`,
    to: to ?? today.slice(0, 7),
    ...(params.get('boundaries') === 'today' ? { boundaries: 'today' as const } : {}),
  };
}

/** The months of the period a dashboard answered for. */
export const answeredPeriod = (d: Pick<Dashboard, 'from' | 'to' | 'boundaries'>): Period => ({
  from: d.from.slice(0, 7),
  to: d.to.slice(0, 7),
  ...(d.boundaries === 'today' ? { boundaries: 'today' as const } : {}),
});

export const dashboardKeys = {
  all: ['dashboard'] as const,
  figures: (unitId: number, period: Period | undefined) =>
    [...dashboardKeys.all, 'figures', unitId, period] as const,
  records: (unitId: number, period: Period | undefined, drill: Drill, offset: number) =>
    [...dashboardKeys.all, 'records', unitId, period, drill, offset] as const,
};

/** Without a period the server answers the latest year with figures (the answer's `from`, `to`). */
export function useDashboard(unitId: number, period: Period | undefined) {
  return useQuery({
    queryKey: dashboardKeys.figures(unitId, period),
    queryFn: ({ signal }) => api.get<Dashboard>(`/dashboard${queryString({ unitId, ...period })}`, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * Without a period the server applies the same default as for the figures
 * (the one period rule), so a list never belongs to another period than its card.
 */
export function useDashboardRecords(
  unitId: number,
  period: Period | undefined,
  drill: Drill | null,
  offset: number,
) {
  return useQuery({
    queryKey: dashboardKeys.records(unitId, period, drill ?? { figure: 'households' }, offset),
    queryFn: ({ signal }) =>
      api.get<DashboardRecords>(
        // Only the drill key: the caller's drill may carry more (a title), which the strict query refuses.
        `/dashboard/records${queryString({ unitId, ...period, figure: drill?.figure, year: drill?.year, offset, limit: 50 })}`,
        signal,
      ),
    enabled: drill !== null,
    placeholderData: keepPreviousData,
  });
}

/** The printable dashboard of the same question (no period: the server's default, as on the page). */
export const dashboardReportPath = (unitId: number, period: Period | undefined) =>
  `/reports/dashboard${queryString({ unitId, ...period })}`;

/** The dashboard as an Excel workbook (a plain link: the browser downloads it with the session cookie). */
export const dashboardExcelUrl = (unitId: number, period: Period | undefined) =>
  `/api/v1/dashboard.xlsx${queryString({ unitId, ...period })}`;
