import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { hiddenFieldsFor, todayInVietnam } from '@caunoi/domain';
import { listAssignments } from '../assignments/assignments.repository.js';
import { requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { listHelpActions, findHelpPlanOfHousehold } from '../help-plans/help-plans.repository.js';
import { readHouseholdBook } from '../households/household-book.js';
import { listHouseholdChanges } from '../households/household-changes.repository.js';
import { loadHouseholdInScope } from '../households/households.service.js';
import { listVisitRows, toVisit } from '../visits/visits.repository.js';
import { findHouseholdPrivacy } from './privacy.repository.js';
import {
  listAccessLogOfHousehold,
  listPetitionsOfHousehold,
  listPovertyAssessmentsOfHousehold,
  listSubjectRequestsOfHousehold,
} from './subject-export.repository.js';

const all = { limit: 100_000, offset: 0 };

/** The sections of the export, in the file's order, with their Vietnamese sheet names. */
export const subjectExportSections = {
  book: 'Sổ theo dõi',
  people: 'Nhân khẩu',
  history: 'Lịch sử thay đổi',
  visits: 'Thăm hộ',
  helpPlan: 'Kế hoạch giúp đỡ',
  helpActions: 'Việc giúp đỡ',
  petitions: 'Kiến nghị',
  povertyAssessments: 'Rà soát nghèo',
  assignments: 'Phân công phụ trách',
  privacy: 'Căn cứ xử lý',
  subjectRequests: 'Yêu cầu của chủ thể',
  accessLog: 'Nhật ký truy cập',
} as const;
export type SubjectExport = Record<keyof typeof subjectExportSections, unknown> & {
  generatedAt: string;
  householdId: string;
};

/**
 * Everything the system holds about one household and its people, for the
 * household itself (Law 91/2025/QH15 Art. 4: to see and be given their data).
 * The file is whole, sensitive fields included, so only a role that sees every
 * sensitive field (the cell secretary) makes it; producing it is recorded.
 */
export async function collectSubjectExport(
  db: Kysely<DB>,
  actor: Actor,
  householdId: string,
): Promise<SubjectExport> {
  requirePermission(actor, 'privacy.write');
  const row = await loadHouseholdInScope(db, actor, householdId);
  if (hiddenFieldsFor(actor.role).length > 0) throw new AppError('FORBIDDEN');
  const book = await readHouseholdBook(db, householdId);
  const plan = await findHelpPlanOfHousehold(db, householdId);
  const data: SubjectExport = {
    generatedAt: new Date().toISOString(),
    householdId,
    book,
    people: [...book.people, ...book.formerPeople],
    history: await listHouseholdChanges(db, householdId, all),
    visits: (await listVisitRows(db, { path: '/', householdId, ...all })).map((r) => toVisit(r)),
    helpPlan: plan ?? null,
    helpActions: plan ? await listHelpActions(db, plan.id) : [],
    petitions: await listPetitionsOfHousehold(db, householdId),
    povertyAssessments: await listPovertyAssessmentsOfHousehold(db, householdId),
    assignments: await listAssignments(db, { path: '/', householdId, ...all }),
    privacy: (await findHouseholdPrivacy(db, householdId)) ?? null,
    subjectRequests: await listSubjectRequestsOfHousehold(db, householdId),
    accessLog: await listAccessLogOfHousehold(db, householdId),
  };
  await recordAudit(db, actor, {
    action: 'export',
    entity: 'household',
    entityId: householdId,
    orgId: row.org_id,
    changes: { what: 'subject_export', scopeUnitId: actor.scopeUnitId, on: todayInVietnam() },
  });
  return data;
}

function cellValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** One sheet per section: a record's keys as the header row, nested values as JSON text. */
export async function subjectExportWorkbook(data: SubjectExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [key, title] of Object.entries(subjectExportSections)) {
    const sheet = workbook.addWorksheet(title);
    const value = data[key as keyof typeof subjectExportSections];
    const rows = (Array.isArray(value) ? value : value === null ? [] : [value]) as Record<string, unknown>[];
    if (key === 'book' && rows[0]) {
      // The book is one record: one field per line reads better than one very wide row.
      sheet.addRow(['Trường', 'Giá trị']);
      for (const [field, v] of Object.entries(rows[0])) {
        if (field !== 'people' && field !== 'formerPeople') sheet.addRow([field, cellValue(v)]);
      }
      continue;
    }
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    sheet.addRow(columns.length > 0 ? columns : ['(không có dữ liệu)']);
    for (const r of rows) sheet.addRow(columns.map((c) => cellValue(r[c])));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
