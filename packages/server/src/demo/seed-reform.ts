import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { restructurePlan, type RestructurePlan } from '@caunoi/domain';
import { recordAudit } from '../audit/audit.repository.js';
import { cliActor } from '../cli/cli-actor.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { isAppError } from '../errors/app-error.js';
import { applyRestructurePlan } from '../restructure/restructure.service.js';

/** The demo's 2025 reform (reform-2025-07-01.plan.json): the real plan file, parsed like any other. */
export function demoReformPlan(): RestructurePlan {
  const file = new URL('./reform-2025-07-01.plan.json', import.meta.url);
  return restructurePlan.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/**
 * The offices behind two demo accounts changed name with the reform; their
 * usernames stay (the README and the tests know them by username).
 */
const renamedOffices: readonly { username: string; displayName: string }[] = [
  { username: 'bantochuc', displayName: 'Ban Tổ chức Tỉnh ủy An Giang' },
  { username: 'bithu.thanhloc', displayName: 'Bí thư Đảng ủy xã Thạnh Hưng' },
];

/**
 * Applies the reform to the seeded demo as the administrator, through the
 * restructuring service, after everything else is written: the recent
 * months' records were made on today's codes and ids, which the plan keeps,
 * and the service moves their paths and rollups with the units. Any issue or
 * stranded record is a bug in the plan or the demo, so it stops the seed.
 */
export async function applyDemoReform(db: Kysely<DB>): Promise<void> {
  const actor = await cliActor(db, 'admin');
  try {
    await applyRestructurePlan(db, actor, demoReformPlan(), { dryRun: false });
  } catch (error) {
    // The service refuses with the list of issues and stranded records; the seed must show it.
    if (isAppError(error)) throw new Error(`demo reform refused: ${JSON.stringify(error.details)}`);
    throw error;
  }
  await db.transaction().execute(async (trx) => {
    for (const office of renamedOffices) {
      const user = await trx
        .updateTable('users')
        .set({ display_name: office.displayName, updated_at: nowIso() })
        .where('username', '=', office.username)
        .returning('id')
        .executeTakeFirst();
      if (!user) continue;
      await recordAudit(trx, actor, {
        action: 'update',
        entity: 'user',
        entityId: user.id,
        changes: { displayName: office.displayName },
      });
    }
  });
}
