import type { Kysely } from 'kysely';
import {
  defaultReportSendFromDay,
  reportSendWindow,
  todayInVietnam,
  type MonthlyReportSettingsView,
  type UpdateMonthlyReportSettingsInput,
} from '@caunoi/domain';
import { requirePermission, type Actor } from '../auth/actor.js';
import { diff, recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { organisationOf, requireWholeOrganisation } from '../visits/organisation-of.js';
import { findSendFromDay, upsertSendFromDay } from './report-settings.repository.js';

/** The first day a month's report of the organisation may be sent. */
export async function sendOpensOn(db: Kysely<DB>, orgId: number, month: string): Promise<string> {
  return reportSendWindow(month, todayInVietnam(), await sendFromDayOf(db, orgId)).opensOn;
}

async function sendFromDayOf(db: Kysely<DB>, orgId: number): Promise<number> {
  return (await findSendFromDay(db, orgId)) ?? defaultReportSendFromDay;
}

/** Refuses to send a month's report before the commune's window opens, or for a month still to come. */
export async function requireSendWindow(db: Kysely<DB>, orgId: number, month: string): Promise<void> {
  const fromDay = await sendFromDayOf(db, orgId);
  const window = reportSendWindow(month, todayInVietnam(), fromDay);
  if (!window.open) throw new AppError('REPORT_MONTH_NOT_OPEN', { fromDay, opensOn: window.opensOn });
}

export async function getMonthlyReportSettings(
  db: Kysely<DB>,
  actor: Actor,
  unitId: number,
): Promise<MonthlyReportSettingsView> {
  const org = await organisationOf(db, actor, unitId);
  const custom = await findSendFromDay(db, org.id);
  return {
    unitId: org.id,
    unitName: org.name,
    custom: custom !== undefined,
    sendFromDay: custom ?? defaultReportSendFromDay,
  };
}

/** Changes from which day of the month the commune's reports may be sent; the next send follows it. */
export async function updateMonthlyReportSettings(
  db: Kysely<DB>,
  actor: Actor,
  unitId: number,
  input: UpdateMonthlyReportSettingsInput,
): Promise<MonthlyReportSettingsView> {
  requirePermission(actor, 'monthly_report.settings');
  await db.transaction().execute(async (trx) => {
    const org = await organisationOf(trx, actor, unitId);
    requireWholeOrganisation(actor, org);
    const before = { sendFromDay: await sendFromDayOf(trx, org.id) };
    await upsertSendFromDay(trx, org.id, input.sendFromDay, actor.userId, nowIso());
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'monthly_report_settings',
      entityId: org.id,
      orgId: org.id,
      changes: diff(before, { sendFromDay: input.sendFromDay }),
    });
  });
  return getMonthlyReportSettings(db, actor, unitId);
}
