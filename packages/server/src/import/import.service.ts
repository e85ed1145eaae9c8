import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  importSheets,
  todayInVietnam,
  type ImportKind,
  type ImportPhase,
  type ImportReport,
} from '@caunoi/domain';
import { isMemberOnly, requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { findUnitById } from '../units/units.repository.js';
import { loadUnitInScope } from '../units/units.service.js';
import { applyPlan } from './apply-plan.js';
import { sniffFileKind } from './file-kind.js';
import { emptyPlan, planCounts, planRows, type ImportPlan } from './import-plan.js';
import { IssueList } from './issue-list.js';
import type { PlanContext } from './plan-context.js';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import { resolveAssignments } from './resolve-assignments.js';
import { resolveHouseholds } from './resolve-households.js';
import { resolveMembers } from './resolve-members.js';
import { resolveUnits } from './resolve-units.js';
import { RowBudget, type ParsedSheet } from './sheet-collector.js';

/** A file read and its sheets recognised, before any record is looked up. */
export interface ReadFile {
  sheets: ParsedSheet[];
  issues: IssueList;
  kind: 'xlsx' | 'csv';
  bytes: number;
  sha256: string;
}

export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  total: number;
}

export interface ImportOptions {
  dryRun: boolean;
  confirmDuplicates: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

/** Gives the event loop to other requests: better-sqlite3 works synchronously, batch after batch. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

function looksLikeText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 64 * 1024));
    return true;
  } catch (error) {
    // A letter cut at the 64 KB mark is still text.
    return bytes.length > 64 * 1024 && error instanceof TypeError;
  }
}

/**
 * Reads the uploaded bytes: an .xlsx workbook, or CSV text when the caller
 * names the kind of its rows. What the file is comes from its bytes.
 */
export async function readImportFile(bytes: Buffer, sheet?: ImportKind): Promise<ReadFile> {
  const issues = new IssueList();
  const budget = new RowBudget();
  const fileKind = sniffFileKind(bytes);
  const base = { issues, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  if (fileKind === 'zip')
    return { ...base, kind: 'xlsx', sheets: await readXlsx(bytes, issues, budget, sheet) };
  if (fileKind === 'xls' || bytes.length === 0) throw new AppError('IMPORT_NOT_EXCEL');
  // Text without a kind may be CSV the user forgot to name; other bytes are not a spreadsheet at all.
  if (!sheet) throw new AppError(looksLikeText(bytes) ? 'IMPORT_SHEET_REQUIRED' : 'IMPORT_NOT_EXCEL');
  return { ...base, kind: 'csv', sheets: readCsv(bytes, sheet, issues, budget) };
}

/**
 * Who may import what: each sheet with rows needs the permission to create
 * its records (units: unit.write, members: member.write, households:
 * household.write, assignments: assignment.write). A member account never
 * imports: new households come from the cell or above.
 */
export function checkImportPermissions(actor: Actor, file: ReadFile): void {
  if (isMemberOnly(actor)) throw new AppError('FORBIDDEN');
  for (const sheet of file.sheets) {
    if (sheet.rows > 0) requirePermission(actor, importSheets[sheet.kind].permission);
  }
}

export interface ImportScope {
  path: string;
  /** The organisation the import's audit row belongs to (null: the tree above communes). */
  orgId: number | null;
}

/** The subtree an import may touch: a unit of the actor's scope (404 outside it), or the whole scope. */
export async function importScope(
  db: Kysely<DB>,
  actor: Actor,
  unitId: number | undefined,
): Promise<ImportScope> {
  if (isMemberOnly(actor)) throw new AppError('FORBIDDEN');
  if (unitId === undefined) {
    const root = await findUnitById(db, actor.scopeUnitId);
    return { path: actor.scopePath, orgId: root?.org_id ?? null };
  }
  const unit = await loadUnitInScope(db, actor, unitId);
  return { path: unit.path, orgId: unit.org_id };
}

async function buildPlan(context: PlanContext): Promise<ImportPlan> {
  const plan = emptyPlan();
  const units = await resolveUnits(context);
  plan.units = { create: units.create, update: units.update, unchanged: units.unchanged };
  const members = await resolveMembers(context, units.directory);
  plan.members = { create: members.create, update: members.update, unchanged: members.unchanged };
  const households = await resolveHouseholds(context, units.directory);
  plan.households = { create: households.create, update: households.update, unchanged: households.unchanged };
  plan.assignments = await resolveAssignments(context, members.directory, households.directory);
  return plan;
}

/**
 * Checks the whole file against the records in scope, then writes it in one
 * transaction, or writes nothing: any error, or possible duplicates not yet
 * confirmed, leaves the database as it was. A file imported twice changes
 * nothing the second time: codes are the keys and equal fields are skipped.
 */
export async function runImport(
  db: Kysely<DB>,
  actor: Actor,
  scope: ImportScope,
  file: ReadFile,
  options: ImportOptions,
): Promise<ImportReport> {
  const started = Date.now();
  const total = file.sheets.reduce((sum, s) => sum + s.rows, 0);
  const progress = (phase: ImportPhase, totalRows: number) => {
    let done = 0;
    return async (rows: number) => {
      done = Math.min(totalRows, done + rows);
      options.onProgress?.({ phase, done, total: totalRows });
      await yieldToOthers();
    };
  };
  const contextOn = (trx: Kysely<DB>): PlanContext => ({
    db: trx,
    actor,
    scopePath: scope.path,
    today: todayInVietnam(),
    issues: file.issues,
    sheets: new Map(file.sheets.map((s) => [s.kind, s])),
    tick: progress('validate', total),
  });
  const blocked = () => file.issues.errors > 0 || (file.issues.warnings > 0 && !options.confirmDuplicates);

  const checked = () => options.onProgress?.({ phase: 'validate', done: total, total });
  let plan = emptyPlan();
  let applied = false;
  if (options.dryRun || file.issues.errors > 0) {
    plan = await buildPlan(contextOn(db));
    checked();
  } else {
    applied = await db.transaction().execute(async (trx) => {
      plan = await buildPlan(contextOn(trx));
      checked();
      if (blocked()) return false;
      const importId = uuidv7();
      const now = nowIso();
      const written = planRows(plan);
      await applyPlan({ db: trx, actor, importId, now, tick: progress('write', written) }, plan);
      options.onProgress?.({ phase: 'write', done: written, total: written });
      if (written > 0) {
        await recordAudit(trx, actor, {
          action: 'import',
          entity: 'import',
          entityId: importId,
          orgId: scope.orgId,
          changes: {
            scope: scope.path,
            file: { kind: file.kind, bytes: file.bytes, sha256: file.sha256 },
            sheets: Object.fromEntries(file.sheets.map((s) => [s.kind, planCounts(plan, s.kind)])),
          },
        });
      }
      return true;
    });
  }
  return {
    dryRun: options.dryRun,
    applied,
    needsConfirmation: file.issues.errors === 0 && file.issues.warnings > 0 && !options.confirmDuplicates,
    sheets: file.sheets.map((s) => ({
      kind: s.kind,
      sheet: s.name,
      rows: s.rows,
      emptyRows: s.emptyRows,
      ...planCounts(plan, s.kind),
    })),
    issues: file.issues.report(),
    errorCount: file.issues.errors,
    warningCount: file.issues.warnings,
    omittedIssues: file.issues.total - file.issues.kept.length,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}
