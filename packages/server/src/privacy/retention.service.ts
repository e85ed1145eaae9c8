import type { Kysely } from 'kysely';
import { todayInVietnam, type RetentionReport } from '@caunoi/domain';
import { requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import {
  anonymiseHouseholds,
  countPeopleAndHistory,
  listEndedHouseholds,
  markAnonymised,
  scopePathsOf,
} from './retention.repository.js';

/** Years a household's book is kept after it ended (CAUNOI_RETENTION_YEARS), 5 unless configured. */
export function retentionYears(env: NodeJS.ProcessEnv = process.env): number {
  const years = Number(env.CAUNOI_RETENTION_YEARS ?? 5);
  return Number.isInteger(years) && years >= 1 && years <= 100 ? years : 5;
}

/** The same day `years` earlier (29 February falls back to the 28th). */
export function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split('-') as [string, string, string];
  const year = String(Number(y) - years).padStart(4, '0');
  const candidate = `${year}-${m}-${d}`;
  return new Date(`${candidate}T00:00:00Z`).toISOString().slice(0, 10) === candidate
    ? candidate
    : `${year}-${m}-28`;
}

/**
 * Books of households that ended on or before the cutoff (today minus the
 * configured years) are anonymised: the dry run lists them and changes
 * nothing; the real run anonymises them in one transaction with its audit row.
 */
export async function applyRetention(
  db: Kysely<DB>,
  actor: Actor,
  options: { dryRun: boolean; years?: number; today?: string },
): Promise<RetentionReport> {
  requirePermission(actor, 'privacy.manage');
  const years = options.years ?? retentionYears();
  const cutoff = yearsBefore(options.today ?? todayInVietnam(), years);
  const run = async (trx: Kysely<DB>): Promise<RetentionReport> => {
    const ended = (await listEndedHouseholds(trx, actor.scopePath))
      .map((h) => ({
        householdId: h.id,
        code: h.code,
        endedOn: h.last_change_on ?? h.updated_at.slice(0, 10),
      }))
      .filter((h) => h.endedOn <= cutoff);
    const ids = ended.map((h) => h.householdId);
    const counts = await countPeopleAndHistory(trx, ids);
    const report = { dryRun: options.dryRun, years, cutoff, households: ended, ...counts };
    if (options.dryRun || ids.length === 0) return report;
    const now = nowIso();
    await anonymiseHouseholds(trx, ids, now);
    await markAnonymised(trx, await scopePathsOf(trx, ids), now);
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'retention',
      entityId: null,
      changes: {
        years,
        cutoff,
        households: ids.length,
        people: counts.people,
        historyRows: counts.historyRows,
      },
    });
    return report;
  };
  return options.dryRun ? run(db) : db.transaction().execute(run);
}
