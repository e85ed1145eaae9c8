import type { Kysely } from 'kysely';
import {
  nearIncomeLine,
  todayInVietnam,
  type AreaType,
  type PovertyAssessment,
  type PovertyClassification,
  type PovertyReview,
  type PovertyReviewQuery,
  type PovertyReviewRow,
  type PovertyStatus,
} from '@caunoi/domain';
import { isMemberOnly, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { findUnitById } from '../units/units.repository.js';
import { loadUnitInScope } from '../units/units.service.js';
import { buildAssessment, currentYear, standardOf } from './poverty-assessment.service.js';
import { listAssessmentsUnder, recognisedStatusesUnder } from './poverty-assessments.repository.js';
import { loadHouseholdFacts, type HouseholdFacts } from './poverty-facts.repository.js';
import { povertyReviewWorkbook } from './poverty-review.excel.js';
import { areaTypeOf } from './poverty-settings.service.js';

/** "Near the line": within 10 % of it on either side, the households a village meeting looks at twice. */
export const nearLineShare = 0.1;

/** The recognised status in the classification's words: "none" is "other". */
const asClassification = (status: PovertyStatus): PovertyClassification =>
  status === 'none' ? 'other' : status;

function rowOf(h: HouseholdFacts, a: PovertyAssessment): PovertyReviewRow {
  return {
    householdId: h.householdId,
    code: h.code,
    headName: h.headName,
    address: h.address,
    cellName: h.cellName,
    recognisedStatus: a.recognisedStatus,
    recognisedYear: a.recognisedYear,
    suggested: a.suggestion?.classification ?? null,
    monthlyIncomePerCapita: a.monthlyIncomePerCapita,
    deprivationCount: a.suggestion?.deprivationCount ?? a.indicators.filter((i) => i.counted).length,
    deprivations: a.indicators.filter((i) => i.counted).map((i) => i.key),
    unknownIndicators: a.indicators.filter((i) => i.deprived === null && i.override === null).length,
    reviewNote: a.reviewNote,
  };
}

/**
 * The annual review (rà soát) of a unit for a year: households whose
 * suggestion differs from the status they hold (recognised for the year, or
 * else the latest before it; with none at all, a poor or near-poor
 * suggestion), households near the income line, and households that asked to
 * be reviewed. A cell and above; reading it is recorded.
 */
export async function getPovertyReview(
  db: Kysely<DB>,
  actor: Actor,
  query: PovertyReviewQuery,
): Promise<PovertyReview> {
  if (isMemberOnly(actor)) throw new AppError('FORBIDDEN');
  const year = query.year ?? currentYear();
  const standard = standardOf(year);
  const unit = await loadUnitInScope(db, actor, query.unitId ?? actor.scopeUnitId);
  const households = await loadHouseholdFacts(db, { path: unit.path });
  const sheets = await listAssessmentsUnder(db, unit.path, year);
  const recognised = await recognisedStatusesUnder(db, unit.path, year);
  const areaTypes = new Map<number, AreaType>();
  for (const orgId of new Set(households.map((h) => h.orgId))) {
    const org = await findUnitById(db, orgId);
    if (org) areaTypes.set(orgId, await areaTypeOf(db, org));
  }
  const unitOrg = unit.org_id === null ? undefined : await findUnitById(db, unit.org_id);
  const unitArea = unitOrg ? await areaTypeOf(db, unitOrg) : 'rural';

  const differs: PovertyReviewRow[] = [];
  const nearLine: PovertyReviewRow[] = [];
  const reviewRequested: PovertyReviewRow[] = [];
  for (const h of households) {
    const assessment = buildAssessment({
      year,
      standard,
      areaType: areaTypes.get(h.orgId) ?? unitArea,
      household: h,
      row: sheets.get(h.householdId),
      recognised: recognised.get(h.householdId) ?? null,
    });
    const row = rowOf(h, assessment);
    const suggested = assessment.suggestion?.classification;
    if (suggested) {
      const recognisedAs = assessment.recognisedStatus ? asClassification(assessment.recognisedStatus) : null;
      if (recognisedAs ? recognisedAs !== suggested : suggested === 'poor' || suggested === 'near_poor') {
        differs.push(row);
      }
    }
    if (
      assessment.monthlyIncomePerCapita !== null &&
      nearIncomeLine(assessment.monthlyIncomePerCapita, assessment.incomeLine, nearLineShare)
    ) {
      nearLine.push(row);
    }
    if (assessment.reviewRequested) reviewRequested.push(row);
  }
  await recordAudit(db, actor, {
    action: 'read',
    entity: 'poverty_review',
    entityId: `${unit.id}:${year}`,
    orgId: unit.org_id,
  });
  return {
    unitId: unit.id,
    unitName: unit.name,
    year,
    standard: standard.id,
    areaType: unitArea,
    incomeLine: standard.incomeLine[unitArea],
    nearLineShare,
    asOf: todayInVietnam(),
    differs,
    nearLine,
    reviewRequested,
  };
}

/** The same lists as an Excel workbook for the village meeting; every export is recorded. */
export async function exportPovertyReview(
  db: Kysely<DB>,
  actor: Actor,
  query: PovertyReviewQuery,
): Promise<{ fileName: string; content: Buffer }> {
  const review = await getPovertyReview(db, actor, query);
  const content = await povertyReviewWorkbook(review);
  const unit = await loadUnitInScope(db, actor, review.unitId);
  await recordAudit(db, actor, {
    action: 'export',
    entity: 'poverty_review',
    entityId: `${review.unitId}:${review.year}`,
    orgId: unit.org_id,
    changes: {
      differs: review.differs.length,
      nearLine: review.nearLine.length,
      reviewRequested: review.reviewRequested.length,
    },
  });
  return { fileName: `ra-soat-ho-ngheo-${review.unitId}-${review.year}.xlsx`, content };
}
