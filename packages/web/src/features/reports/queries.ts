import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReportJob, StartReportJobInput } from '@caunoi/domain';
import { api } from '../../api/client';

export const reportKeys = {
  all: ['reports'] as const,
  job: (id: string) => [...reportKeys.all, 'job', id] as const,
};

export function useStartReportJob() {
  return useMutation({
    mutationFn: (input: StartReportJobInput) => api.post<ReportJob>('/reports/jobs', input),
  });
}

/** Polls a running job twice a second; stops once it is done or failed. */
export function useReportJob(id: string | null) {
  return useQuery({
    queryKey: reportKeys.job(id ?? ''),
    queryFn: ({ signal }) => api.get<ReportJob>(`/reports/jobs/${id}`, signal),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data?.state === 'running' || !query.state.data ? 500 : false),
  });
}

export const reportExcelUrl = (id: string) => `/api/v1/reports/jobs/${id}/report.xlsx`;
