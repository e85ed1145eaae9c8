import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Breach,
  CreateBreachInput,
  CreateSubjectRequestInput,
  HouseholdPrivacy,
  Page,
  PrivacyFigures,
  ProcessingActivity,
  RetentionReport,
  SubjectRequest,
  SubjectRequestAction,
  UpdateBreachInput,
  UpdateHouseholdPrivacyInput,
} from '@caunoi/domain';
import { api, queryString } from '../../api/client';

const keys = {
  all: ['privacy'] as const,
  household: (id: string) => ['privacy', 'household', id] as const,
  requests: (unitId: number) => ['privacy', 'requests', unitId] as const,
  breaches: (unitId: number) => ['privacy', 'breaches', unitId] as const,
  register: ['privacy', 'register'] as const,
  figures: (unitId: number, from?: string, to?: string) => ['privacy', 'figures', unitId, from, to] as const,
};

export function useHouseholdPrivacy(id: string) {
  return useQuery({
    queryKey: keys.household(id),
    queryFn: ({ signal }) => api.get<HouseholdPrivacy>(`/households/${id}/privacy`, signal),
  });
}

export function useSaveHouseholdPrivacy(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateHouseholdPrivacyInput) =>
      api.patch<HouseholdPrivacy>(`/households/${id}/privacy`, input),
    onSuccess: (saved) => client.setQueryData(keys.household(id), saved),
  });
}

export function useSubjectRequests(unitId: number) {
  return useQuery({
    queryKey: keys.requests(unitId),
    queryFn: ({ signal }) =>
      api.get<Page<SubjectRequest>>(`/subject-requests${queryString({ unitId, limit: 200 })}`, signal),
  });
}

export function useCreateSubjectRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSubjectRequestInput) => api.post<SubjectRequest>('/subject-requests', input),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useActOnRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: SubjectRequestAction }) =>
      api.post<SubjectRequest>(`/subject-requests/${id}/actions`, action),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useBreaches(unitId: number) {
  return useQuery({
    queryKey: keys.breaches(unitId),
    queryFn: ({ signal }) => api.get<Page<Breach>>(`/breaches${queryString({ unitId, limit: 200 })}`, signal),
  });
}

export function useCreateBreach() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateBreachInput) => api.post<Breach>('/breaches', input),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useUpdateBreach() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateBreachInput }) =>
      api.patch<Breach>(`/breaches/${id}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useProcessingRegister() {
  return useQuery({
    queryKey: keys.register,
    queryFn: ({ signal }) => api.get<{ items: ProcessingActivity[] }>('/processing-activities', signal),
  });
}

export function useRetention() {
  return useMutation({
    mutationFn: (input: { unitId: number; dryRun: boolean }) =>
      api.post<RetentionReport>('/privacy/retention', input),
  });
}

export function usePrivacyFigures(unitId: number, from?: string, to?: string) {
  return useQuery({
    queryKey: keys.figures(unitId, from, to),
    queryFn: ({ signal }) =>
      api.get<PrivacyFigures>(`/privacy/figures${queryString({ unitId, from, to })}`, signal),
  });
}
