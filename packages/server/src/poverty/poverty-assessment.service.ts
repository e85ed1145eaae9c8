import type { Kysely } from 'kysely';
import {
  classifyPoverty,
  deriveIndicators,
  incomePerPerson,
  povertyIndicatorKeys,
  requirePovertyStandard,
  reviewIndicators,
  todayInVietnam,
  type AreaType,
  type ClassifyResult,
  type PovertyAssessment,
  type PovertyStandard,
  type PovertyStatus,
  type UpdatePovertyAssessmentInput,
} from '@caunoi/domain';
import { requirePermission, type Actor } from '../auth/actor.js';
import { diff, recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { fromBool, nowIso, toBool } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { loadHouseholdInScope } from '../households/households.service.js';
import { findUnitById } from '../units/units.repository.js';
import { areaTypeOf } from './poverty-settings.service.js';
import { loadHouseholdFacts, type HouseholdFacts } from './poverty-facts.repository.js';
import {
  findAssessment,
  insertAssessment,
  overridesOf,
  recognisedStatusOf,
  updateAssessment,
  type PovertyAssessmentRow,
} from './poverty-assessments.repository.js';
import { applyPovertyRule } from './poverty-rule-error.js';

export function standardOf(year: number): PovertyStandard {
  return applyPovertyRule(() => requirePovertyStandard(year));
}

export const currentYear = () => Number(todayInVietnam().slice(0, 4));

/**
 * A household's sheet for the year: the book's facts per indicator, the
 * manual answers laid over them, and the suggestion they add up to (none
 * while the book has no income).
 */
export function buildAssessment(input: {
  year: number;
  standard: PovertyStandard;
  areaType: AreaType;
  household: HouseholdFacts;
  row: PovertyAssessmentRow | undefined;
  recognised: { status: string; year: number } | null;
}): PovertyAssessment {
  const { year, standard, areaType, household, row } = input;
  const indicators = reviewIndicators(deriveIndicators(standard, year, household.facts), overridesOf(row));
  const income = incomePerPerson(household.monthlyIncome, household.facts.people.length);
  const suggestion: ClassifyResult | null =
    income === null
      ? null
      : classifyPoverty({
          year,
          areaType,
          monthlyIncomePerCapita: income,
          deprivations: indicators.filter((i) => i.counted).map((i) => i.key),
        });
  return {
    householdId: household.householdId,
    year,
    standard: standard.id,
    areaType,
    incomeLine: standard.incomeLine[areaType],
    monthlyIncomePerCapita: income,
    indicators,
    suggestion,
    recognisedStatus: (input.recognised?.status as PovertyStatus | undefined) ?? null,
    recognisedYear: input.recognised?.year ?? null,
    reviewRequested: row ? toBool(row.review_requested) : false,
    reviewNote: row?.review_note ?? null,
    version: row?.version ?? 0,
    updatedAt: row?.updated_at ?? null,
  };
}

async function readAssessment(db: Kysely<DB>, householdId: string, orgId: number, year: number) {
  const standard = standardOf(year);
  const org = await findUnitById(db, orgId);
  if (!org) throw new AppError('UNIT_NOT_FOUND');
  const [household] = await loadHouseholdFacts(db, { householdIds: [householdId] });
  if (!household) throw new AppError('HOUSEHOLD_NOT_FOUND');
  return buildAssessment({
    year,
    standard,
    areaType: await areaTypeOf(db, org),
    household,
    row: await findAssessment(db, householdId, year),
    recognised: await recognisedStatusOf(db, householdId, year),
  });
}

/** Reading a household's poverty sheet is an access to its book: it is recorded. */
export async function getPovertyAssessment(
  db: Kysely<DB>,
  actor: Actor,
  householdId: string,
  year = currentYear(),
): Promise<PovertyAssessment> {
  standardOf(year);
  const household = await loadHouseholdInScope(db, actor, householdId);
  await recordAudit(db, actor, {
    action: 'read',
    entity: 'poverty_assessment',
    entityId: `${householdId}:${year}`,
    orgId: household.org_id,
  });
  return readAssessment(db, householdId, household.org_id, year);
}

/** `POST /poverty/classify` with a household: the suggestion of its sheet, or 409 while the book has no income. */
export async function classifyHousehold(
  db: Kysely<DB>,
  actor: Actor,
  householdId: string,
  year = currentYear(),
): Promise<ClassifyResult> {
  const assessment = await getPovertyAssessment(db, actor, householdId, year);
  if (!assessment.suggestion) throw new AppError('POVERTY_INCOME_UNKNOWN');
  return assessment.suggestion;
}

/** Answers on the sheet: manual indicator answers (null clears one), the request for review and its note. */
export async function updatePovertyAssessment(
  db: Kysely<DB>,
  actor: Actor,
  householdId: string,
  year: number,
  input: UpdatePovertyAssessmentInput,
): Promise<PovertyAssessment> {
  requirePermission(actor, 'poverty.write');
  const standard = standardOf(year);
  for (const key of Object.keys(input.overrides ?? {})) {
    if (!(standard.indicators as readonly string[]).includes(key)) {
      const known = (povertyIndicatorKeys as readonly string[]).includes(key);
      throw new AppError('POVERTY_INDICATOR_UNKNOWN', {
        path: '/overrides',
        standard: standard.id,
        ...(known ? { indicator: key } : {}),
      });
    }
  }
  let orgId = 0;
  await db.transaction().execute(async (trx) => {
    const household = await loadHouseholdInScope(trx, actor, householdId);
    orgId = household.org_id;
    const existing = await findAssessment(trx, householdId, year);
    if ((existing?.version ?? 0) !== input.version) throw new AppError('VERSION_CONFLICT');
    const before = overridesOf(existing);
    const overrides = { ...before };
    for (const [key, value] of Object.entries(input.overrides ?? {})) {
      if (value === null) delete overrides[key];
      else overrides[key] = value;
    }
    const reviewRequested = input.reviewRequested ?? (existing ? toBool(existing.review_requested) : false);
    const reviewNote = input.reviewNote === undefined ? (existing?.review_note ?? null) : input.reviewNote;
    const values = {
      overrides: JSON.stringify(overrides),
      review_requested: fromBool(reviewRequested),
      review_note: reviewNote,
      updated_by: actor.userId,
      updated_at: nowIso(),
    };
    const written = existing
      ? await updateAssessment(trx, { householdId, year, version: input.version }, values)
      : await insertAssessment(trx, {
          org_id: household.org_id,
          household_id: householdId,
          year,
          scope_path: household.scope_path,
          ...values,
        });
    if (!written) throw new AppError('VERSION_CONFLICT');
    await recordAudit(trx, actor, {
      action: existing ? 'update' : 'create',
      entity: 'poverty_assessment',
      entityId: `${householdId}:${year}`,
      orgId: household.org_id,
      changes: diff(
        {
          overrides: before,
          reviewRequested: existing ? toBool(existing.review_requested) : false,
          reviewNote: existing?.review_note ?? null,
        },
        { overrides, reviewRequested, reviewNote },
      ),
    });
  });
  return readAssessment(db, householdId, orgId, year);
}
