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

export const dashboardKeys = {
  all: ['dashboard'] as const,
  figures: (unitId: number, period: Period) => [...dashboardKeys.all, 'figures', unitId, period] as const,
  records: (unitId: number, period: Period, drill: Drill, offset: number) =>
    [...dashboardKeys.all, 'records', unitId, period, drill, offset] as const,
};

export function useDashboard(unitId: number, period: Period) {
  return useQuery({
    queryKey: dashboardKeys.figures(unitId, period),
    queryFn: ({ signal }) => api.get<Dashboard>(`/dashboard${queryString({ unitId, ...period })}`, signal),
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
