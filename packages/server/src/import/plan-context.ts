import type { Kysely } from 'kysely';
import {
  makeIssue,
  type ImportIssueCode,
  type ImportKind,
  type IssueParams,
  type SheetRecord,
} from '@caunoi/domain';
import type { Actor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import type { IssueList } from './issue-list.js';
import type { ParsedSheet } from './sheet-collector.js';

/** Everything the planning steps share. */
export interface PlanContext {
  db: Kysely<DB>;
  actor: Actor;
  /** The subtree the import may touch: the actor's scope, or a unit inside it. */
  scopePath: string;
  today: string;
  issues: IssueList;
  sheets: Map<ImportKind, ParsedSheet>;
  /** Lets other requests run between batches; reports rows checked so far. */
  tick(rows: number): Promise<void>;
}

export function inImportScope(context: PlanContext, path: string): boolean {
  return path.startsWith(context.scopePath);
}

/**
 * Splits stored records found by code: those in scope are the file's to
 * update; the others read like unknown codes, except that a code is unique
 * within its organisation, so `clashes(orgId, code)` says whether a new
 * record there would take a code already used outside the caller's scope.
 */
export function splitByScope<T extends { code: string; org_id: number; scope_path: string }>(
  context: PlanContext,
  rows: T[],
): { stored: Map<string, T>; clashes: (orgId: number | null, code: string) => boolean } {
  const stored = new Map<string, T>();
  const outside = new Set<string>();
  for (const row of rows) {
    if (inImportScope(context, row.scope_path)) stored.set(row.code, row);
    else outside.add(`${row.org_id}|${row.code}`);
  }
  return { stored, clashes: (orgId, code) => orgId !== null && outside.has(`${orgId}|${code}`) };
}

export function records<T>(context: PlanContext, kind: ImportKind, to: (r: SheetRecord) => T): T[] {
  const sheet = context.sheets.get(kind);
  return sheet?.usable ? sheet.records.map(to) : [];
}

export function report(
  context: PlanContext,
  code: ImportIssueCode,
  kind: ImportKind,
  row: number,
  column: string | null,
  params?: IssueParams,
  /** The code or value the row holds in that column, echoed to the uploader. */
  value?: string,
): void {
  const sheet = context.sheets.get(kind)?.name ?? kind;
  context.issues.add(makeIssue(code, { kind, sheet, row, column }, params, value));
}

/**
 * True when a code that cannot be found is explained already: its own row was
 * refused, or its sheet's header was. Reporting it again would bury the cause.
 */
export function explainedElsewhere(context: PlanContext, kind: ImportKind, code: string): boolean {
  const sheet = context.sheets.get(kind);
  return sheet !== undefined && (!sheet.usable || sheet.failedCodes.has(code));
}

/** Keeps the first row of each key; later rows with the same key are reported. */
export function firstOfEachKey<T extends { row: number }>(
  context: PlanContext,
  kind: ImportKind,
  items: T[],
  key: (item: T) => string,
  column: string,
): T[] {
  const seen = new Map<string, number>();
  const kept: T[] = [];
  for (const item of items) {
    const k = key(item);
    const first = seen.get(k);
    if (first !== undefined) {
      report(context, 'DUPLICATE_IN_FILE', kind, item.row, column, { otherRow: first });
      continue;
    }
    seen.set(k, item.row);
    kept.push(item);
  }
  return kept;
}
