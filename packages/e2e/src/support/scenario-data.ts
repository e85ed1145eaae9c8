import {
  foldVietnamese,
  todayInVietnam,
  type Assignment,
  type HouseholdSummary,
  type Member,
  type Page,
  type Unit,
} from '@caunoi/domain';
import type { ApiSession } from './api-session.js';

export interface TransferCase {
  household: HouseholdSummary;
  /** The head's name as a user types it on a phone: no accents, lower case. */
  foldedQuery: string;
  target: Member;
}

/**
 * A household of the secretary's cell, followed since before today by someone
 * else, and an active, non-exempt ordinary member of the same cell to take it
 * over. The head's name must carry accents, so the search proves it folds them.
 */
export async function findTransferCase(secretary: ApiSession): Promise<TransferCase> {
  const cellId = secretary.user.scopeUnitId;
  const members = await secretary.get<Page<Member>>(`/members?unitId=${cellId}&limit=200`);
  const target = members.items.find(
    (m) => m.role === 'member' && !m.exempt && m.id !== secretary.user.memberId,
  );
  if (!target) throw new Error('no ordinary member in the cell to assign to');
  const households = await secretary.get<Page<HouseholdSummary>>(
    `/households?unitId=${cellId}&assigned=true&limit=200`,
  );
  const today = todayInVietnam();
  for (const household of households.items) {
    if (household.assignedMemberId === target.id) continue;
    const folded = foldVietnamese(household.headName);
    if (folded === household.headName.toLowerCase()) continue;
    const history = await secretary.get<Page<Assignment>>(`/assignments?householdId=${household.id}`);
    const current = history.items.find((a) => a.endDate === null);
    if (current && current.startDate < today) return { household, foldedQuery: folded, target };
  }
  throw new Error('no household in the cell fit for a transfer');
}

/** A household of another cell (Thạnh Hiệp), found by a committee account whose scope holds both. */
export async function findHouseholdOfOtherCell(
  committee: ApiSession,
  cellName = 'Thạnh Hiệp',
): Promise<HouseholdSummary> {
  const units = await committee.get<Page<Unit>>(`/units?q=${encodeURIComponent(cellName)}&kind=cell`);
  const cell = units.items.find((u) => u.kind === 'cell');
  if (!cell) throw new Error(`no cell named ${cellName}`);
  const households = await committee.get<Page<HouseholdSummary>>(`/households?unitId=${cell.id}&limit=1`);
  const household = households.items[0];
  if (!household) throw new Error(`no household in ${cell.name}`);
  return household;
}
