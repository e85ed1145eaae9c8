import type { Kysely } from 'kysely';
import { breachClockOf, can, todayInVietnam, type PrivacyFigures } from '@caunoi/domain';
import { isMemberOnly, type Actor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { loadUnitInScope } from '../units/units.service.js';
import { listBreaches } from './privacy.repository.js';
import { subjectRequestFigures } from './subject-requests.service.js';

/**
 * The dashboard's personal-data figures for a unit: requests received in the
 * period (this year so far unless given) by on time / overdue, and breaches
 * whose 72-hour notification is still due or already late.
 */
export async function getPrivacyFigures(
  db: Kysely<DB>,
  actor: Actor,
  query: { unitId: number; from?: string | undefined; to?: string | undefined },
): Promise<PrivacyFigures> {
  if (isMemberOnly(actor)) throw new AppError('FORBIDDEN');
  const unit = await loadUnitInScope(db, actor, query.unitId);
  const today = todayInVietnam();
  const from = query.from ?? `${today.slice(0, 4)}-01-01`;
  const to = query.to ?? today;
  if (from > to) throw new AppError('INVALID_DATES');
  const requests = await subjectRequestFigures(db, unit.path, { from, to });
  if (!can(actor.role, 'privacy.manage')) {
    return { from, to, requests, breachesOpen: null, breachesOverdue: null };
  }
  const now = nowIso();
  const clocks = (await listBreaches(db, { path: unit.path, limit: 100_000, offset: 0 })).map(
    (b) => breachClockOf(b.discovered_at, b.notified_at, now).state,
  );
  return {
    from,
    to,
    requests,
    breachesOpen: clocks.filter((c) => c === 'running').length,
    breachesOverdue: clocks.filter((c) => c === 'overdue').length,
  };
}
