import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssignmentAlerts,
  BoundariesOption,
  AssignmentSettings,
  CoverageReport,
  CreateProposalInput,
  Proposal,
  UpdateAssignmentSettingsInput,
} from '@caunoi/domain';
import { api, queryString } from '../../api/client';
import { householdKeys } from '../households/queries';
import { memberKeys } from '../members/queries';
import { unitKeys } from '../units/queries';
import { assignmentKeys } from './queries';

export const coverageKeys = {
  all: ['coverage'] as const,
  report: (unitId: number, date: string | undefined, boundaries: BoundariesOption | undefined) =>
    [...coverageKeys.all, 'report', unitId, date, boundaries] as const,
  alerts: (unitId: number) => [...coverageKeys.all, 'alerts', unitId] as const,
  settings: (unitId: number) => [...coverageKeys.all, 'settings', unitId] as const,
  proposal: (id: string) => [...coverageKeys.all, 'proposal', id] as const,
};

/** `boundaries` only for a past date: today has one structure. */
export function useCoverage(unitId: number, date: string | undefined, boundaries?: BoundariesOption) {
  return useQuery({
    queryKey: coverageKeys.report(unitId, date, boundaries),
    queryFn: ({ signal }) =>
      api.get<CoverageReport>(`/coverage${queryString({ unitId, date, boundaries })}`, signal),
  });
}

export function coverageExcelUrl(
  unitId: number,
  date: string | undefined,
  boundaries?: BoundariesOption,
): string {
  return `/api/v1/coverage.xlsx${queryString({ unitId, date, boundaries })}`;
}

export function useAssignmentAlerts(unitId: number) {
  return useQuery({
    queryKey: coverageKeys.alerts(unitId),
    queryFn: ({ signal }) =>
      api.get<AssignmentAlerts>(`/assignment-alerts${queryString({ unitId, limit: 20 })}`, signal),
  });
}

export function useAssignmentSettings(unitId: number, enabled = true) {
  return useQuery({
    queryKey: coverageKeys.settings(unitId),
    queryFn: ({ signal }) => api.get<AssignmentSettings>(`/assignment-settings/${unitId}`, signal),
    enabled,
  });
}

export function useUpdateAssignmentSettings(unitId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateAssignmentSettingsInput) =>
      api.patch<AssignmentSettings>(`/assignment-settings/${unitId}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: coverageKeys.all }),
  });
}

export function useProposal(id: string) {
  return useQuery({
    queryKey: coverageKeys.proposal(id),
    queryFn: ({ signal }) => api.get<Proposal>(`/assignment-proposals/${id}`, signal),
  });
}

export type CreateProposalRequest = Partial<CreateProposalInput> & { unitId: number };

export function useCreateProposal() {
  return useMutation({
    mutationFn: (input: CreateProposalRequest) => api.post<Proposal>('/assignment-proposals', input),
  });
}

/** Applying moves households between members: every list and figure that shows them is stale. */
export function useDecideProposal(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, version }: { action: 'apply' | 'discard'; version: number }) =>
      api.post<Proposal>(`/assignment-proposals/${id}/${action}`, { version }),
    onSuccess: (proposal) => {
      queryClient.setQueryData(coverageKeys.proposal(id), proposal);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: coverageKeys.all }),
        queryClient.invalidateQueries({ queryKey: householdKeys.all }),
        queryClient.invalidateQueries({ queryKey: memberKeys.all }),
        queryClient.invalidateQueries({ queryKey: assignmentKeys.all }),
        queryClient.invalidateQueries({ queryKey: unitKeys.all }),
      ]);
    },
  });
}
