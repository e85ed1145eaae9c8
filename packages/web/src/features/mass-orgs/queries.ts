import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MassOrgList, RecordUnitResultInput, UnitResult } from '@caunoi/domain';
import { api, queryString } from '../../api/client';

export const massOrgKeys = {
  all: ['mass-orgs'] as const,
  list: (year: number | undefined) => [...massOrgKeys.all, 'list', year] as const,
};

export function useMassOrgs(year: number | undefined) {
  return useQuery({
    queryKey: massOrgKeys.list(year),
    queryFn: ({ signal }) => api.get<MassOrgList>(`/mass-organisations${queryString({ year })}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** A yearly result changes the tally and the award proposals. */
export function useRecordResult() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordUnitResultInput) => api.post<UnitResult>('/unit-results', input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: massOrgKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['awards'] }),
      ]),
  });
}
