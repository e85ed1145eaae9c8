import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { v7 as uuidv7 } from 'uuid';
import type {
  CreatePetitionInput,
  Petition,
  PetitionAttachment,
  PetitionSettingsView,
  PetitionTransitionInput,
  UpdatePetitionSettingsInput,
} from '@caunoi/domain';
import { api, apiUpload } from '../../api/client';
import { sendOrQueue } from '../../offline/send-or-queue';
import { useCurrentUser } from '../auth/current-user';
import { notificationKeys, petitionKeys } from './queries';

/** A step changes the petition, the lists it is in, the figures and somebody's bell. */
function invalidatePetitions(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: petitionKeys.all }),
    queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  ]);
}

export function useCreatePetition() {
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  return useMutation({
    // The id is made here, once: a retry after a lost answer stores the petition once, and
    // offline the petition waits on the phone under the same id.
    mutationFn: ({ label, ...input }: Omit<CreatePetitionInput, 'id'> & { id?: string; label: string }) => {
      const id = input.id ?? uuidv7();
      return sendOrQueue<Petition>({
        id,
        userId: user.id,
        kind: 'petition',
        method: 'POST',
        path: '/petitions',
        body: { ...input, id },
        householdId: input.householdIds[0] ?? null,
        label,
      });
    },
    onSuccess: (outcome) => (outcome.queued ? undefined : invalidatePetitions(queryClient)),
  });
}

export function useTransitionPetition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PetitionTransitionInput) =>
      api.post<Petition>(`/petitions/${id}/transitions`, { ...input, stepId: input.stepId ?? uuidv7() }),
    onSuccess: (petition) => {
      queryClient.setQueryData(petitionKeys.detail(id), petition);
      return invalidatePetitions(queryClient);
    },
  });
}

export function useUploadAttachment(petitionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return apiUpload<PetitionAttachment>(
        `/petitions/${petitionId}/attachments?attachmentId=${uuidv7()}`,
        form,
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: petitionKeys.detail(petitionId) }),
  });
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => api.post<{ updated: number }>('/notifications/read', ids ? { ids } : {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useUpdatePetitionSettings(unitId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdatePetitionSettingsInput) =>
      api.patch<PetitionSettingsView>(`/petition-settings/${unitId}`, input),
    onSuccess: (settings) => queryClient.setQueryData(petitionKeys.settings(unitId), settings),
  });
}
