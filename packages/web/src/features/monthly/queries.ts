import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CellReport,
  CellReportActionInput,
  CellReportSummary,
  CellSupervision,
  MemberReport,
  MemberReportActionInput,
  SaveSupervisionInput,
  SupervisionRecord,
  SupervisionSummaryRow,
} from '@caunoi/domain';
import { api, queryString } from '../../api/client';

export const monthlyKeys = {
  all: ['monthly'] as const,
  member: (memberId: string | undefined, month: string) =>
    [...monthlyKeys.all, 'member', memberId, month] as const,
  cell: (cellId: number, month: string) => [...monthlyKeys.all, 'cell', cellId, month] as const,
  cells: (unitId: number | undefined, month: string) => [...monthlyKeys.all, 'cells', unitId, month] as const,
  supervision: (cellId: number, month: string) => [...monthlyKeys.all, 'supervision', cellId, month] as const,
  supervisionSummary: (unitId: number | undefined, month: string) =>
    [...monthlyKeys.all, 'supervision-summary', unitId, month] as const,
};

export function useMemberReport(memberId: string | undefined, month: string) {
  return useQuery({
    queryKey: monthlyKeys.member(memberId, month),
    queryFn: ({ signal }) =>
      api.get<MemberReport>(`/monthly-reports/member${queryString({ memberId, month })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCellReport(cellId: number, month: string) {
  return useQuery({
    queryKey: monthlyKeys.cell(cellId, month),
    queryFn: ({ signal }) =>
      api.get<CellReport>(`/monthly-reports/cell${queryString({ cellId, month })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCellReports(unitId: number | undefined, month: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: monthlyKeys.cells(unitId, month),
    queryFn: ({ signal }) =>
      api.get<{ items: CellReportSummary[] }>(
        `/monthly-reports/cells${queryString({ unitId, month })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useCellSupervision(cellId: number, month: string, enabled = true) {
  return useQuery({
    queryKey: monthlyKeys.supervision(cellId, month),
    queryFn: ({ signal }) =>
      api.get<CellSupervision>(`/supervision/cell${queryString({ cellId, month })}`, signal),
    enabled,
  });
}

export function useSupervisionSummary(unitId: number | undefined, month: string) {
  return useQuery({
    queryKey: monthlyKeys.supervisionSummary(unitId, month),
    queryFn: ({ signal }) =>
      api.get<{ items: SupervisionSummaryRow[] }>(
        `/supervision/summary${queryString({ unitId, month })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useMemberReportAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MemberReportActionInput) =>
      api.post<MemberReport>('/monthly-reports/member/actions', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monthlyKeys.all }),
  });
}

export function useCellReportAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CellReportActionInput) =>
      api.post<CellReport>('/monthly-reports/cell/actions', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monthlyKeys.all }),
  });
}

export function useSaveSupervision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveSupervisionInput) => api.put<SupervisionRecord>('/supervision/records', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monthlyKeys.all }),
  });
}
