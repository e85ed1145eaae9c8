import type { QueryClient } from '@tanstack/react-query';
import { createStore, del, get, set } from 'idb-keyval';
import { todayInVietnam, type CaseloadSync } from '@caunoi/domain';
import { api, queryString } from '../api/client';
import { helpKeys } from '../features/help-plans/queries';
import { householdKeys } from '../features/households/queries';
import { monthlyKeys } from '../features/monthly/queries';
import { petitionKeys } from '../features/petitions/queries';
import { visitKeys } from '../features/visits/queries';

/** Where this phone stands: the cursor of its last sync and the households it holds. */
interface SyncMark {
  cursor: string;
  householdIds: string[];
  at: string;
}

const store = createStore('caunoi-sync', 'marks');

/** The queries a household's page reads, each filed as the page files it. */
function householdQueryKeys(id: string) {
  return [
    householdKeys.detail(id),
    visitKeys.household(id),
    helpKeys.household(id),
    petitionKeys.list({ householdId: id }),
  ];
}

/**
 * Brings the member's caseload onto the phone: the first time everything, then
 * only what changed since the cursor. Households handed to someone else since
 * are dropped from the phone, with everything read about them.
 */
export async function syncCaseload(queryClient: QueryClient, userId: string): Promise<CaseloadSync> {
  const mark = await get<SyncMark>(userId, store);
  const sync = await api.get<CaseloadSync>(`/sync/caseload${queryString({ since: mark?.cursor })}`);
  for (const item of sync.households) {
    const id = item.household.id;
    queryClient.setQueryData(householdKeys.detail(id), item.household);
    queryClient.setQueryData(visitKeys.household(id), item.visits);
    queryClient.setQueryData(helpKeys.household(id), item.helpPlan);
    queryClient.setQueryData(petitionKeys.list({ householdId: id }), {
      pages: [item.petitions],
      pageParams: [0],
    });
  }
  const kept = new Set(sync.householdIds);
  for (const id of mark?.householdIds ?? []) {
    if (kept.has(id)) continue;
    for (const queryKey of householdQueryKeys(id)) queryClient.removeQueries({ queryKey, exact: true });
  }
  if (sync.worklist) queryClient.setQueryData(visitKeys.worklist(undefined), sync.worklist);
  if (sync.monthlyReport)
    queryClient.setQueryData(monthlyKeys.member(undefined, todayInVietnam().slice(0, 7)), sync.monthlyReport);
  await set(
    userId,
    { cursor: sync.cursor, householdIds: sync.householdIds, at: sync.asOf } satisfies SyncMark,
    store,
  );
  return sync;
}

/** At sign-out the phone forgets where it stood, so the next account starts with a full sync. */
export function forgetSyncMark(userId: string): Promise<void> {
  return del(userId, store);
}
