import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateMeetingInput, MeetingDetail, UpdateMeetingInput } from '@caunoi/domain';
import { api } from '../../api/client';
import { meetingKeys } from './queries';

export type CreateMeetingRequest = Omit<CreateMeetingInput, 'resolutions' | 'scores'> &
  Partial<Pick<CreateMeetingInput, 'resolutions' | 'scores'>>;

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateMeetingRequest) => api.post<MeetingDetail>('/meetings', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingKeys.all }),
  });
}

export function useUpdateMeeting(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateMeetingInput) => api.patch<MeetingDetail>(`/meetings/${id}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingKeys.all }),
  });
}
