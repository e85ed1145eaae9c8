import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { todayInVietnam } from '@caunoi/domain';
import type { Actor } from '../auth/actor.js';
import { deleteSessionsOfUser } from '../auth/auth.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import {
  dueScopeChanges,
  findAccountsOfMember,
  insertAccountChange,
  nextScopeChangeOn,
  setDisabledFrom,
  setMemberOfUser,
  setNextChangeOn,
  setUserScope,
  settleAccountChange,
} from './account-changes.repository.js';

export interface MemberAccountChange {
  memberId: string;
  kind: 'transferred' | 'left';
  /** `YYYY-MM-DD`: the first day of the new situation. */
  effectiveDate: string;
  /** The member's new cell; null when they leave the system (transferred out of it, or left the party). */
  newCellId: number | null;
  /**
   * The member's new record when they moved to another organisation (a row's
   * org_id never changes, so the move made a linked record): the accounts
   * that follow the member point at it from now on.
   */
  newMemberId?: string | null;
}

/**
 * What happens to the accounts linked to a member who leaves or transfers
 * (issue 13). The rule, as administrators read it on the accounts page:
 *
 * - a member who leaves (died, moved away, removed, expelled) or transfers
 *   out of the system: every account linked to them stops working from the
 *   effective date, whatever its role;
 * - a transfer to another cell in the system: a member-role account's scope
 *   follows the member to the new cell from the effective date;
 * - an account with any other role (its scope is a cell's leadership or wider)
 *   is not moved: it is flagged for an administrator, who decides.
 *
 * Called by the members service inside the transaction of the transfer or
 * the leaving, so the accounts change with the member or not at all. A date in
 * the future is stored, not scheduled: the session loader compares it with
 * today (`disabled_from`, `next_change_on`), so no job can be forgotten.
 */
export async function applyMemberAccountRule(
  trx: Kysely<DB>,
  actor: Actor,
  change: MemberAccountChange,
): Promise<void> {
  const accounts = await findAccountsOfMember(trx, change.memberId);
  const today = todayInVietnam();
  const now = nowIso();
  for (const account of accounts) {
    const leavesSystem = change.kind === 'left' || change.newCellId === null;
    const kind = leavesSystem ? 'disable' : account.role === 'member' ? 'scope' : 'review';
    const due = change.effectiveDate <= today;
    const id = uuidv7();
    await insertAccountChange(trx, {
      id,
      user_id: account.id,
      member_id: change.memberId,
      kind,
      reason: change.kind,
      effective_date: change.effectiveDate,
      old_scope_unit_id: account.scope_unit_id,
      new_scope_unit_id: kind === 'scope' ? change.newCellId : null,
      state: kind === 'review' ? 'flagged' : 'pending',
      created_at: now,
      created_by: actor.userId,
      settled_at: null,
      settled_by: null,
    });
    if (kind === 'disable') {
      // An earlier date already set stays: the account stops at the first of the two.
      if (account.disabled_from === null || change.effectiveDate < account.disabled_from) {
        await setDisabledFrom(trx, account.id, change.effectiveDate, now);
      }
      if (due) {
        await deleteSessionsOfUser(trx, account.id);
        await settleAccountChange(trx, id, 'pending', 'applied', actor.userId, now);
      }
    } else if (kind === 'scope') {
      if (change.newMemberId) await setMemberOfUser(trx, account.id, change.newMemberId, now);
      if (due) await applyDueScopeChanges(trx, account.id, today, actor);
      else await setNextChangeOn(trx, account.id, await nextScopeChangeOn(trx, account.id));
    }
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'user',
      entityId: account.id,
      orgId: account.scope_org_id,
      changes: {
        memberRule: kind,
        reason: change.kind,
        effectiveDate: change.effectiveDate,
        ...(kind === 'scope' ? { scopeUnitId: [account.scope_unit_id, change.newCellId] } : {}),
      },
    });
  }
}

/**
 * Applies the scope changes of an account that are due on `today`, each
 * exactly once even when two servers load the account's sessions together.
 * `actor` null: applied by the session loader, recorded as the system.
 */
export async function applyDueScopeChanges(
  db: Kysely<DB>,
  userId: string,
  today: string,
  actor: Actor | null,
): Promise<void> {
  const now = nowIso();
  for (const change of await dueScopeChanges(db, userId, today)) {
    if (change.new_scope_unit_id === null) continue;
    if (!(await settleAccountChange(db, change.id, 'pending', 'applied', actor?.userId ?? null, now)))
      continue;
    await setUserScope(db, userId, change.new_scope_unit_id, now);
    await recordAudit(db, actor, {
      action: 'update',
      entity: 'user',
      entityId: userId,
      changes: {
        scopeUnitId: [change.old_scope_unit_id, change.new_scope_unit_id],
        accountChange: change.id,
      },
    });
  }
  await setNextChangeOn(db, userId, await nextScopeChangeOn(db, userId));
}
