import type { Kysely } from 'kysely';
import {
  canContain,
  foldVietnamese,
  ownsOrganisation,
  todayInVietnam,
  type ChildFigures,
  type CreateUnitInput,
  type Unit,
  type UnitDetail,
  type UnitKind,
  type UpdateUnitInput,
} from '@caunoi/domain';
import { inScope, isMemberOnly, requirePermission, type Actor } from '../auth/actor.js';
import { diff, recordAudit } from '../audit/audit.repository.js';
import { unitCounts } from '../coverage/cell-figures.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { strandedIn } from '../restructure/stranded.js';
import { unitHistoryOf } from '../restructure/unit-history.js';
import {
  countChildren,
  findUnitById,
  findOtherUnitsWithCodeBetween,
  findUnitsByIds,
  findUnitsWithCodeFrom,
  insertUnit,
  listChildUnits,
  searchUnitsUnder,
  setUnitPath,
  toUnit,
  updateUnitRow,
  type UnitRow,
} from './units.repository.js';

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A unit the actor may see, or 404: outside scope is indistinguishable from absent. */
export async function loadUnitInScope(db: Kysely<DB>, actor: Actor, id: number): Promise<UnitRow> {
  const row = await findUnitById(db, id);
  if (!row || !inScope(actor, row.path)) throw new AppError('UNIT_NOT_FOUND');
  return row;
}

async function withChildCounts(db: Kysely<DB>, rows: UnitRow[]): Promise<Unit[]> {
  const counts = await countChildren(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toUnit(r, counts.get(r.id) ?? 0));
}

/** Children of a unit, or the actor's scope root when no parent is given: the tree, one level at a time. */
export async function listUnits(
  db: Kysely<DB>,
  actor: Actor,
  query: {
    parentId?: number | undefined;
    q?: string | undefined;
    kind?: UnitKind[] | undefined;
    limit: number;
    offset: number;
  },
): Promise<Unit[]> {
  if (query.q) {
    const rows = await searchUnitsUnder(
      db,
      actor.scopePath,
      foldVietnamese(query.q),
      query.kind,
      query.limit + 1,
      query.offset,
    );
    return withChildCounts(db, rows);
  }
  if (query.parentId === undefined) {
    const root = await findUnitById(db, actor.scopeUnitId);
    return root ? withChildCounts(db, [root]) : [];
  }
  const parent = await loadUnitInScope(db, actor, query.parentId);
  const children = await listChildUnits(db, parent.id);
  const filtered =
    query.kind && query.kind.length > 0
      ? children.filter((c) => query.kind?.includes(c.kind as UnitKind))
      : children;
  return withChildCounts(db, filtered.slice(query.offset, query.offset + query.limit + 1));
}

export async function getUnit(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  onDate = todayInVietnam(),
): Promise<UnitDetail> {
  const row = await loadUnitInScope(db, actor, id);
  const ancestorIds = row.path
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((ancestorId) => ancestorId !== row.id);
  const ancestors = (await findUnitsByIds(db, ancestorIds))
    .filter((a) => inScope(actor, a.path))
    .sort((a, b) => a.depth - b.depth)
    .map((a) => ({ id: a.id, code: a.code, name: a.name, kind: a.kind as UnitKind }));
  const [unit] = await withChildCounts(db, [row]);
  // A member's scope is their cell, but the figures they may see are their own households only.
  const counts = isMemberOnly(actor)
    ? {
        cells: 0,
        members: 0,
        membersAssigned: 0,
        households: 0,
        householdsAssigned: 0,
        poor: 0,
        nearPoor: 0,
        needsHelp: 0,
      }
    : await unitCounts(db, row.path, onDate);
  return {
    ...(unit as Unit),
    ancestors,
    counts,
    history: await unitHistoryOf(db, row),
  };
}

export async function createUnit(db: Kysely<DB>, actor: Actor, input: CreateUnitInput): Promise<Unit> {
  requirePermission(actor, 'unit.write');
  return db.transaction().execute(async (trx) => {
    let parent: UnitRow | undefined;
    if (input.parentId === null) {
      // Only an administrator plants a new root (a province).
      if (actor.role !== 'admin') throw new AppError('UNIT_NOT_FOUND');
    } else {
      parent = await loadUnitInScope(trx, actor, input.parentId);
      if (!canContain(parent.kind as UnitKind, input.kind)) throw new AppError('INVALID_PARENT');
    }
    if ((await findUnitsWithCodeFrom(trx, input.code, input.validFrom)).length > 0) {
      throw new AppError('DUPLICATE_CODE', { field: 'code' });
    }
    const hamletId = await checkHamlet(trx, actor, input.kind, input.hamletId ?? null);
    const now = nowIso();
    const id = await insertUnit(trx, {
      code: input.code,
      name: input.name,
      name_folded: foldVietnamese(input.name),
      kind: input.kind,
      parent_id: parent?.id ?? null,
      hamlet_id: hamletId,
      depth: parent ? parent.depth + 1 : 0,
      valid_from: input.validFrom,
      valid_to: null,
      created_at: now,
      updated_at: now,
    });
    if (id === null) throw new AppError('DUPLICATE_CODE', { field: 'code' });
    const path = `${parent?.path ?? '/'}${id}/`;
    const orgId = ownsOrganisation(input.kind, parent?.org_id) ? id : (parent?.org_id ?? null);
    await setUnitPath(trx, id, path, orgId);
    await recordAudit(trx, actor, { action: 'create', entity: 'unit', entityId: id, orgId, changes: input });
    const created = await findUnitById(trx, id);
    return toUnit(created as UnitRow);
  });
}

async function checkHamlet(
  db: Kysely<DB>,
  actor: Actor,
  kind: UnitKind,
  hamletId: number | null,
): Promise<number | null> {
  if (hamletId === null) return null;
  if (kind !== 'cell' && kind !== 'base_cell') throw new AppError('NOT_A_CELL');
  const hamlet = await loadUnitInScope(db, actor, hamletId);
  if (hamlet.kind !== 'hamlet') throw new AppError('NOT_A_HAMLET');
  return hamlet.id;
}

export async function updateUnit(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  input: UpdateUnitInput,
): Promise<Unit> {
  requirePermission(actor, 'unit.write');
  if (input.parentId !== undefined) throw new AppError('UNIT_PARENT_USE_RESTRUCTURE');
  return db.transaction().execute(async (trx) => {
    const row = await loadUnitInScope(trx, actor, id);
    if (row.version !== input.version) throw new AppError('VERSION_CONFLICT');
    if (input.validTo && input.validTo < row.valid_from) throw new AppError('INVALID_DATES');
    // Ending (or ending earlier) must not strand what the unit still holds after its last day.
    if (input.validTo && (row.valid_to === null || input.validTo < row.valid_to)) {
      const stranded = await strandedIn(trx, row, nextDay(input.validTo), null);
      if (stranded.length > 0) throw new AppError('UNIT_WOULD_STRAND', { stranded });
    }
    // Reopening or extending a unit must not make it overlap the unit that carries its code next.
    if (input.validTo !== undefined && input.validTo !== row.valid_to) {
      const clash = await findOtherUnitsWithCodeBetween(trx, row.code, row.valid_from, input.validTo, row.id);
      if (clash.length > 0) throw new AppError('DUPLICATE_CODE', { field: 'validTo' });
    }
    const hamletId =
      input.hamletId === undefined
        ? undefined
        : await checkHamlet(trx, actor, row.kind as UnitKind, input.hamletId);
    const values = {
      ...(input.name === undefined ? {} : { name: input.name, name_folded: foldVietnamese(input.name) }),
      ...(hamletId === undefined ? {} : { hamlet_id: hamletId }),
      ...(input.validTo === undefined ? {} : { valid_to: input.validTo }),
      updated_at: nowIso(),
    };
    if (!(await updateUnitRow(trx, id, input.version, values))) throw new AppError('VERSION_CONFLICT');
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'unit',
      entityId: id,
      orgId: row.org_id,
      changes: diff(
        { name: row.name, hamletId: row.hamlet_id, validTo: row.valid_to },
        { name: input.name, hamletId, validTo: input.validTo },
      ),
    });
    return toUnit((await findUnitById(trx, id)) as UnitRow);
  });
}

/** Every child of a unit with its live figures, in one answer (one request from a phone, not one per child). */
export async function getChildFigures(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  onDate = todayInVietnam(),
): Promise<ChildFigures> {
  const parent = await loadUnitInScope(db, actor, id);
  if (isMemberOnly(actor)) return { date: onDate, items: [] };
  const children = await withChildCounts(db, await listChildUnits(db, parent.id));
  const items = [];
  for (const child of children) items.push({ unit: child, counts: await unitCounts(db, child.path, onDate) });
  return { date: onDate, items };
}
