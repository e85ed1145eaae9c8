import { useMutation, useQueryClient } from '@tanstack/react-query';
import { v7 as uuidv7 } from 'uuid';
import type { CreateMeetingInput, FileAttachment, MeetingDetail, UpdateMeetingInput } from '@caunoi/domain';
import { api, apiUpload } from '../../api/client';
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

/** The signed minutes; the id made here lets a retried upload store once. */
export function useUploadMinutes(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiUpload<FileAttachment>(`/meetings/${meetingId}/attachments?attachmentId=${uuidv7()}`, form);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingKeys.all }),
  });
}
