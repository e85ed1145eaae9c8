import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CommitmentItem,
  CreateCommitmentItemInput,
  Household,
  HouseholdConflictDetails,
  UpdateHouseholdInput,
} from '@caunoi/domain';
import { v7 as uuidv7 } from 'uuid';
import { api } from '../../api/client';
import { isApiError } from '../../api/api-error';
import { sendOrQueue } from '../../offline/send-or-queue';
import { useCurrentUser } from '../auth/current-user';
import { householdKeys } from './queries';

type CreateBody = Record<string, unknown> & { confirmDuplicate?: boolean };

/** The other person's version and changes, when a save was refused as stale. */
export function conflictOf(error: unknown): HouseholdConflictDetails | null {
  if (!isApiError(error) || error.code !== 'VERSION_CONFLICT' || !error.details) return null;
  const details = error.details as Partial<HouseholdConflictDetails>;
  return details.current && details.changes ? (details as HouseholdConflictDetails) : null;
}

/**
 * The book as the phone shows it after an edit kept offline: the plain fields
 * take the new values at once; lists (people, titles) wait for the server's merge.
 */
export function withQueuedEdit(book: Household, patch: Record<string, unknown>): Household {
  const plain = Object.entries(patch).filter(
    ([key, value]) =>
      key in book && (value === null || typeof value !== 'object') && key !== 'version' && key !== 'writeId',
  );
  return { ...book, ...Object.fromEntries(plain) };
}

export function useUpdateHousehold(id: string) {
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  return useMutation({
    // Each save gets its own write id: a retry after a lost answer is applied once, and an
    // edit kept offline carries the version it started from, so a clash becomes a conflict.
    mutationFn: (input: UpdateHouseholdInput & { label: string }) => {
      const { label, ...body } = input;
      const writeId = uuidv7();
      return sendOrQueue<Household>({
        id: writeId,
        userId: user.id,
        kind: 'householdEdit',
        method: 'PATCH',
        path: `/households/${id}`,
        body: { ...body, writeId },
        householdId: id,
        label,
      });
    },
    onSuccess: async (outcome, input) => {
      if (outcome.queued) {
        const book = queryClient.getQueryData<Household>(householdKeys.detail(id));
        if (book) queryClient.setQueryData(householdKeys.detail(id), withQueuedEdit(book, input));
        return;
      }
      const household = outcome.result;
      queryClient.setQueryData(householdKeys.detail(id), household);
      await queryClient.invalidateQueries({ queryKey: householdKeys.history(id) });
      await queryClient.invalidateQueries({ queryKey: [...householdKeys.all, 'list'] });
    },
    onError: async (error) => {
      // Show the other person's version at once; the form keeps what this user typed.
      const conflict = conflictOf(error);
      if (conflict) {
        queryClient.setQueryData(householdKeys.detail(id), conflict.current);
        await queryClient.invalidateQueries({ queryKey: householdKeys.history(id) });
      }
    },
  });
}

export function useCreateHousehold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateBody) => api.post<Household>('/households', input),
    onSuccess: (household) => {
      queryClient.setQueryData(householdKeys.detail(household.id), household);
      void queryClient.invalidateQueries({ queryKey: [...householdKeys.all, 'list'] });
    },
  });
}

export function useCreateCommitmentItem(unitId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCommitmentItemInput) =>
      api.post<CommitmentItem>(`/units/${unitId}/commitment-items`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...householdKeys.all, 'commitment-items'] }),
  });
}
