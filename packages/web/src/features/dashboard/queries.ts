import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Dashboard, DashboardFigure, DashboardRecords } from '@caunoi/domain';
import { api, queryString } from '../../api/client';

export interface Period {
  from: string;
  to: string;
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
  return { from: from ?? `${today.slice(0, 4)}-01`, to: to ?? today.slice(0, 7) };
}

/** The months of the period a dashboard answered for. */
export const answeredPeriod = (d: Pick<Dashboard, 'from' | 'to'>): Period => ({
  from: d.from.slice(0, 7),
  to: d.to.slice(0, 7),
});

export const dashboardKeys = {
  all: ['dashboard'] as const,
  figures: (unitId: number, period: Period | undefined) =>
    [...dashboardKeys.all, 'figures', unitId, period] as const,
  records: (unitId: number, period: Period, drill: Drill, offset: number) =>
    [...dashboardKeys.all, 'records', unitId, period, drill, offset] as const,
};

/** Without a period the server answers the latest year with figures (the answer's `from`, `to`). */
export function useDashboard(unitId: number, period: Period | undefined) {
  return useQuery({
    queryKey: dashboardKeys.figures(unitId, period),
    queryFn: ({ signal }) =>
      api.get<Dashboard>(`/dashboard${queryString({ unitId, from: period?.from, to: period?.to })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDashboardRecords(unitId: number, period: Period, drill: Drill | null, offset: number) {
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

/** The dashboard as an Excel workbook (a plain link: the browser downloads it with the session cookie). */
export const dashboardExcelUrl = (unitId: number, period: Period) =>
  `/api/v1/dashboard.xlsx${queryString({ unitId, ...period })}`;
