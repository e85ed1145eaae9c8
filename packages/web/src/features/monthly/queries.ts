import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CellReport,
  CellReportActionInput,
  CellReportSummary,
  CellSupervision,
  MemberReport,
  MemberReportActionInput,
  MonthlyReportSettingsView,
  SaveSupervisionInput,
  SupervisionRecord,
  SupervisionSummaryRow,
} from '@caunoi/domain';
import { v7 as uuidv7 } from 'uuid';
import { api, queryString } from '../../api/client';
import { sendOrQueue } from '../../offline/send-or-queue';
import { useCurrentUser } from '../auth/current-user';

export const monthlyKeys = {
  all: ['monthly'] as const,
  member: (memberId: string | undefined, month: string) =>
    [...monthlyKeys.all, 'member', memberId, month] as const,
  cell: (cellId: number, month: string) => [...monthlyKeys.all, 'cell', cellId, month] as const,
  cells: (unitId: number | undefined, month: string) => [...monthlyKeys.all, 'cells', unitId, month] as const,
  supervision: (cellId: number, month: string) => [...monthlyKeys.all, 'supervision', cellId, month] as const,
  supervisionSummary: (unitId: number | undefined, month: string) =>
    [...monthlyKeys.all, 'supervision-summary', unitId, month] as const,
  settings: (unitId: number) => [...monthlyKeys.all, 'settings', unitId] as const,
};

export function useMonthlyReportSettings(unitId: number) {
  return useQuery({
    queryKey: monthlyKeys.settings(unitId),
    queryFn: ({ signal }) => api.get<MonthlyReportSettingsView>(`/monthly-report-settings/${unitId}`, signal),
    retry: false,
  });
}

/** A new send-from day changes every report's send window: the reports are read again. */
export function useUpdateMonthlyReportSettings(unitId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { sendFromDay: number }) =>
      api.patch<MonthlyReportSettingsView>(`/monthly-report-settings/${unitId}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: monthlyKeys.all }),
  });
}

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

/**
 * The member's own draft of the month: saved like a visit, kept on the phone
 * offline under its write id and sent when the network returns. Sending the
 * report itself is not kept: it freezes figures counted on the server.
 */
export function useSaveReportDraft(month: string) {
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  return useMutation({
    mutationFn: ({ text, version }: { text: string; version: number }) => {
      const writeId = uuidv7();
      return sendOrQueue<MemberReport>({
        id: writeId,
        userId: user.id,
        kind: 'reportDraft',
        method: 'POST',
        path: '/monthly-reports/member/actions',
        body: { month, action: 'save', text, version, writeId },
        householdId: null,
        label: month.split('-').reverse().join('/'),
      });
    },
    onSuccess: (outcome, { text }) => {
      if (!outcome.queued) return queryClient.invalidateQueries({ queryKey: monthlyKeys.all });
      const key = monthlyKeys.member(undefined, month);
      const report = queryClient.getQueryData<MemberReport>(key);
      if (report) queryClient.setQueryData(key, { ...report, text });
      return undefined;
    },
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
