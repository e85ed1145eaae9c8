import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  checkExcellentCap,
  chooseYear,
  todayInVietnam,
  nextRatingState,
  rateScoreSheet,
  ratingStepRules,
  resultLevelLabels,
  toTenths,
  type CapWarning,
  type CreateRatingFrameworkInput,
  type Rating,
  type RatingBoard,
  type RatingBoardQuery,
  type RatingBoardRow,
  type RatingFramework,
  type RatingFrameworkQuery,
  type RatingStepResult,
  type RatingSubject,
  type ResultLevel,
  type TakeRatingStepInput,
} from '@caunoi/domain';
import { requirePermission, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { isUniqueViolation, nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { loadMemberInScope } from '../members/members.service.js';
import { writeUnitResult } from '../results/unit-results.service.js';
import { loadUnitInScope } from '../units/units.service.js';
import { findUnitById, type UnitRow } from '../units/units.repository.js';
import {
  endFramework,
  insertFramework,
  latestFrameworkOf,
  listFrameworks,
} from './rating-frameworks.repository.js';
import {
  advanceRating,
  displayNameOf,
  findRating,
  insertRating,
  insertRatingStep,
  latestRatingYear,
  listRatingsUnder,
  listStepsOf,
  membersUnder,
  rateableUnitsUnder,
  subjectKey,
  toRating,
} from './ratings.repository.js';

const subjectKinds: Record<Exclude<RatingSubject, 'member'>, string[]> = {
  cell: ['cell', 'base_cell'],
  committee: ['commune_committee'],
};
const stepPermission = {
  self_assess: 'rating.self_assess',
  propose: 'rating.propose',
  decide: 'rating.decide',
} as const;

export async function getFrameworks(
  db: Kysely<DB>,
  _actor: Actor,
  query: RatingFrameworkQuery,
): Promise<RatingFramework[]> {
  return listFrameworks(db, {
    subject: query.subject,
    validOn: query.year ? `${query.year}-12-31` : undefined,
  });
}

/** The day before an ISO date. */
function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * A new framework version (a new regulation): its rows as given, in force from
 * `validFrom`; the subject's version before it ends the day before. Ratings
 * already started keep the version they started with.
 */
export async function createFramework(
  db: Kysely<DB>,
  actor: Actor,
  input: CreateRatingFrameworkInput,
): Promise<RatingFramework> {
  requirePermission(actor, 'catalogue.write');
  return db.transaction().execute(async (trx) => {
    const previous = await latestFrameworkOf(trx, input.subject);
    if (previous && previous.valid_from >= input.validFrom) throw new AppError('RATING_FRAMEWORK_OVERLAP');
    const now = nowIso();
    if (previous && (previous.valid_to === null || previous.valid_to >= input.validFrom)) {
      await endFramework(trx, previous.id, dayBefore(input.validFrom), now);
    }
    const id = uuidv7();
    await insertFramework(
      trx,
      { ...input, id, source: input.source ?? null, validTo: null },
      () => uuidv7(),
      now,
    );
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'rating_framework',
      entityId: id,
      changes: {
        code: input.code,
        subject: input.subject,
        validFrom: input.validFrom,
        previous: previous?.id ?? null,
      },
    });
    return (await listFrameworks(trx, { ids: [id] }))[0]!;
  });
}

/** The framework a subject's rating for `year` follows: the version valid at the year's end. */
async function frameworkFor(db: Kysely<DB>, subject: RatingSubject, year: number): Promise<RatingFramework> {
  const [framework] = await listFrameworks(db, { subject, validOn: `${year}-12-31` });
  if (!framework) throw new AppError('RATING_FRAMEWORK_MISSING');
  return framework;
}

interface Subject {
  subject: RatingSubject;
  unit: UnitRow & { org_id: number };
  memberId: string | null;
}

async function loadSubject(db: Kysely<DB>, actor: Actor, input: TakeRatingStepInput): Promise<Subject> {
  if (input.subject === 'member') {
    const member = await loadMemberInScope(db, actor, input.memberId!);
    const cell = await loadUnitInScope(db, actor, member.cell_id);
    return { subject: 'member', unit: { ...cell, org_id: member.org_id }, memberId: member.id };
  }
  const unit = await loadUnitInScope(db, actor, input.unitId!);
  if (!subjectKinds[input.subject].includes(unit.kind) || unit.org_id === null) {
    throw new AppError('UNIT_NOT_RATEABLE');
  }
  return { subject: input.subject, unit: { ...unit, org_id: unit.org_id }, memberId: null };
}

/** The step's role and reach rules (domain table) for this actor and subject, else 403. */
function checkStepRule(actor: Actor, s: Subject, step: TakeRatingStepInput['step']): void {
  requirePermission(actor, stepPermission[step]);
  const rule = ratingStepRules[s.subject][step];
  if (!rule.roles.includes(actor.role)) throw new AppError('FORBIDDEN');
  if (actor.role === 'member' && s.memberId !== actor.memberId) throw new AppError('FORBIDDEN');
  if (rule.reach === 'above' && actor.scopePath === s.unit.path) throw new AppError('FORBIDDEN');
}

/**
 * Takes one step of a subject's yearly rating: the sheet rated by the
 * framework, the state moved by the domain's transition table from the
 * version read, the step kept with its sheet, the audit row, and for a
 * unit's decision its yearly result, all in one transaction. Returns the
 * excellent-cap warning of the set the subject belongs to.
 */
export async function takeRatingStep(
  db: Kysely<DB>,
  actor: Actor,
  input: TakeRatingStepInput,
): Promise<RatingStepResult> {
  requirePermission(actor, stepPermission[input.step]);
  const result = await db.transaction().execute(async (trx) => {
    const s = await loadSubject(trx, actor, input);
    checkStepRule(actor, s, input.step);
    const key = subjectKey(s.subject, s.unit.id, s.memberId);
    const existing = await findRating(trx, s.unit.org_id, input.year, key);
    const framework = existing
      ? (await listFrameworks(trx, { ids: [existing.framework_id] }))[0]!
      : await frameworkFor(trx, s.subject, input.year);
    const rated = rateScoreSheet(framework, { scores: input.scores, triggers: input.triggers });
    if (rated.issues.length > 0) throw new AppError('RATING_SHEET_INVALID', { issues: rated.issues });

    const state = nextRatingState((existing?.state ?? null) as never, input.step);
    if (state === null) throw new AppError('RATING_STEP_NOT_ALLOWED');
    if (existing && input.version !== undefined && input.version !== existing.version) {
      throw new AppError('VERSION_CONFLICT');
    }
    const now = nowIso();
    const totalTenths = toTenths(rated.total);
    let id = existing?.id;
    if (existing) {
      const moved = await advanceRating(trx, existing.id, existing.version, {
        state,
        level: rated.level,
        total_tenths: totalTenths,
        updated_at: now,
      });
      if (!moved) throw new AppError('VERSION_CONFLICT');
    } else {
      id = uuidv7();
      try {
        await insertRating(trx, {
          id,
          org_id: s.unit.org_id,
          scope_path: s.unit.path,
          subject: s.subject,
          subject_key: key,
          unit_id: s.unit.id,
          member_id: s.memberId,
          year: input.year,
          framework_id: framework.id,
          state,
          level: rated.level,
          total_tenths: totalTenths,
          version: 1,
          created_at: now,
          updated_at: now,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('VERSION_CONFLICT');
        throw error;
      }
    }
    const note = input.note ?? null;
    await insertRatingStep(trx, {
      id: uuidv7(),
      org_id: s.unit.org_id,
      rating_id: id!,
      step: input.step,
      scores: JSON.stringify(input.scores),
      triggers: JSON.stringify([...new Set(input.triggers)]),
      total_tenths: totalTenths,
      level: rated.level,
      level_by_score: rated.levelByScore,
      forced_by: JSON.stringify(rated.forcedBy),
      note,
      actor_id: actor.userId,
      actor_name: await displayNameOf(trx, actor.userId),
      created_at: now,
    });
    await recordAudit(trx, actor, {
      action: existing ? 'update' : 'create',
      entity: 'rating',
      entityId: id!,
      orgId: s.unit.org_id,
      changes: {
        year: input.year,
        subject: s.subject,
        state: [existing?.state ?? null, state],
        level: rated.level,
      },
    });
    if (input.step === 'decide' && s.subject !== 'member') {
      const points = (totalTenths / 10).toLocaleString('vi-VN');
      await writeUnitResult(
        trx,
        actor,
        s.unit,
        input.year,
        rated.level,
        `Quyết định xếp loại năm ${input.year}: ${points} điểm`,
      );
    }
    const row = (await findRating(trx, s.unit.org_id, input.year, key))!;
    return { s, rating: toRating(row, await listStepsOf(trx, [row.id])), framework };
  });
  const capWarning =
    input.step === 'self_assess'
      ? null
      : await capWarningFor(db, result.s, input.year, input.step, result.framework);
  return { rating: result.rating, capWarning };
}

/** The set a subject is rated within: a cell's members, a commune's cells, a district's committees. */
async function capWarningFor(
  db: Kysely<DB>,
  s: Subject,
  year: number,
  step: 'propose' | 'decide',
  framework: RatingFramework,
): Promise<CapWarning | null> {
  // A cell's members, else the units under the rated unit's parent (a commune's cells, a district's committees).
  const parent =
    s.subject === 'member' || s.unit.parent_id === null
      ? undefined
      : await findUnitById(db, s.unit.parent_id);
  const setUnit = s.subject === 'member' ? s.unit : (parent ?? s.unit);
  const setPath = setUnit.path;
  const ratings = await listRatingsUnder(db, setPath, year, s.subject);
  const levels = ratings
    .filter((r) =>
      step === 'decide' ? r.state === 'decided' : r.state === 'proposed' || r.state === 'decided',
    )
    .map((r) => r.level as ResultLevel);
  const check = checkExcellentCap(framework, levels);
  if (check.capPercent === null) return null;
  return {
    subject: s.subject,
    unitId: setUnit.id,
    unitName: setUnit.name,
    step,
    check,
  };
}

/**
 * The rating board of a unit for a year: what may be rated under it (the
 * unit itself when rated, its cells, the members of a cell), each with its
 * rating when started, and the excellent-cap check of each set.
 */
export async function getRatingBoard(
  db: Kysely<DB>,
  actor: Actor,
  asked: RatingBoardQuery,
): Promise<RatingBoard> {
  const unit = await loadUnitInScope(db, actor, asked.unitId);
  // Without a year, the one rule of pages of figures: this year, else the latest with ratings.
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const yearShown = chooseYear(
    asked.year,
    thisYear,
    asked.year === undefined ? await latestRatingYear(db, unit.path, thisYear) : null,
  );
  const query = { ...asked, year: yearShown.year };
  const yearEnd = `${query.year}-12-31`;
  const isCell = unit.kind === 'cell' || unit.kind === 'base_cell';
  const wants = (subject: RatingSubject) => query.subject === undefined || query.subject === subject;
  const rows: RatingBoardRow[] = [];
  const ratings = await listRatingsUnder(db, unit.path, query.year, query.subject);
  const steps = await listStepsOf(
    db,
    ratings.map((r) => r.id),
  );
  const byKey = new Map(ratings.map((r) => [r.subject_key, toRating(r, steps)]));

  const units = await rateableUnitsUnder(db, unit.path, ['commune_committee', 'cell', 'base_cell'], yearEnd);
  for (const u of units) {
    const subject: RatingSubject = u.kind === 'commune_committee' ? 'committee' : 'cell';
    if (!wants(subject)) continue;
    rows.push({
      subject,
      unitId: u.id,
      unitName: u.name,
      memberId: null,
      memberName: null,
      rating: byKey.get(subjectKey(subject, u.id, null)) ?? null,
    });
  }
  // Members are listed for a cell, or anywhere when asked for by subject (a commune is ~300).
  if (isCell || query.subject === 'member') {
    const cellNames = new Map(units.map((u) => [u.id, u.name]));
    for (const m of await membersUnder(db, unit.path, yearEnd)) {
      // A member account sees its own rating, not its fellow members'.
      if (actor.role === 'member' && m.id !== actor.memberId) continue;
      rows.push({
        subject: 'member',
        unitId: m.cell_id,
        unitName: cellNames.get(m.cell_id) ?? unit.name,
        memberId: m.id,
        memberName: m.full_name,
        rating: byKey.get(subjectKey('member', m.cell_id, m.id)) ?? null,
      });
    }
  }

  const capChecks: CapWarning[] = [];
  const frameworks = await listFrameworks(db, { validOn: yearEnd });
  const addCheck = (subject: RatingSubject, setId: number, setName: string, members: RatingBoardRow[]) => {
    const framework = frameworks.find((f) => f.subject === subject);
    const rated = members.flatMap((r) => (r.rating && r.rating.state !== 'self_assessed' ? [r.rating] : []));
    if (!framework || rated.length === 0) return;
    const decided = rated.every((r) => r.state === 'decided');
    const check = checkExcellentCap(
      framework,
      rated.map((r) => r.level),
    );
    if (check.capPercent === null) return;
    capChecks.push({
      subject,
      unitId: setId,
      unitName: setName,
      step: decided ? 'decide' : 'propose',
      check,
    });
  };
  const memberRows = rows.filter((r) => r.subject === 'member');
  for (const cellId of new Set(memberRows.map((r) => r.unitId))) {
    const inCell = memberRows.filter((r) => r.unitId === cellId);
    addCheck('member', cellId, inCell[0]!.unitName, inCell);
  }
  const cellRows = rows.filter((r) => r.subject === 'cell');
  for (const committee of units.filter((u) => u.kind === 'commune_committee')) {
    const cells = cellRows.filter((r) => units.find((u) => u.id === r.unitId)?.org_id === committee.id);
    addCheck('cell', committee.id, committee.name, cells);
  }
  return { unitId: unit.id, year: query.year, yearShown, rows, capChecks };
}

/** Level label for notes and exports. */
export const levelText = (level: ResultLevel): string => resultLevelLabels[level].vi;
export type { Rating };
