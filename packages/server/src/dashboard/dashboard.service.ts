import type { Kysely } from 'kysely';
import {
  todayInVietnam,
  toPage,
  type Dashboard,
  type DashboardQuery,
  type DashboardRecordKind,
  type DashboardRecords,
  type DashboardRecordsQuery,
} from '@caunoi/domain';
import type { Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { coverageReport, loadCoverageUnit } from '../coverage/coverage.service.js';
import type { DB } from '../db/schema.js';
import { getHelpOutcomes } from '../help-plans/help-outcomes.service.js';
import { petitionFigures } from '../petitions/petition-figures.service.js';
import { resolveDashboardPeriod } from './dashboard-period.js';
import { findUnitById } from '../units/units.repository.js';
import { getVisitCoverage, listCareStates } from '../visits/worklist.service.js';
import { yearlyFigures } from '../yearly/yearly-figures.repository.js';
import {
  listCellRatings,
  listHouseholdModelCells,
  listMemberRatings,
  listMembersWithLoad,
  listModels,
  listNewRuralCriteria,
  listResolutionIndicators,
} from './dashboard-shares.repository.js';
import {
  listEscapedPoverty,
  listHelpedHouseholds,
  listHouseholdsOn,
  listHouseholdsWithPoverty,
  latestPovertyYear,
  listPetitionsIn,
  povertyByYear,
  type RecordRow,
  type Slice,
} from './dashboard.repository.js';

/** The chart's longest run of years: enough to show a few reviews, not a wall of empty ones. */
const povertyYearsShown = 10;

/**
 * A unit's dashboard for a period (read by `resolveDashboardPeriod`). Each section is the answer of the service
 * that owns those figures, so the dashboard never counts differently from the
 * page that shows them in detail; only the poverty series is counted here.
 * Members follow households, not figures: 403, as for coverage.
 * `boundaries=today` re-aggregates a past period's coverage into today's
 * units (successor links followed) and the answer says which it shows; the
 * year sections (poverty, help, petitions, yearly) select by the records'
 * current paths, which a restructuring rewrites, so they are in today's units.
 */
export async function getDashboard(db: Kysely<DB>, actor: Actor, query: DashboardQuery): Promise<Dashboard> {
  const unit = await loadCoverageUnit(db, actor, query.unitId);
  const today = todayInVietnam();
  const { from, to, year, yearShown } = await resolveDashboardPeriod(db, unit.path, query, today);
  // The chart reaches back to the latest recognised year and the one before
  // it, so a period with no review yet (this year) still shows the last ones.
  const latestReview = await latestPovertyYear(db, unit.path, year);
  const povertyFrom = Math.max(
    year - povertyYearsShown + 1,
    Math.min(Number(from.slice(0, 4)) - 1, (latestReview ?? year) - 1),
  );
  const coverageDate = to < today ? to : undefined;
  // Today has one structure: the choice of boundaries goes with a past period only.
  const boundaries = coverageDate !== undefined && query.boundaries === 'today' ? 'today' : 'as_of_date';
  const coverage = await coverageReport(db, actor, { unitId: unit.id, date: coverageDate, boundaries });
  const visits = await getVisitCoverage(db, actor, { unitId: unit.id, groupBy: 'cell' });
  const help = await getHelpOutcomes(db, actor, { unitId: unit.id, year });
  const {
    unitId: _u,
    unitName: _n,
    from: _f,
    to: _t,
    byCategory: _c,
    byCell: _bc,
    ...petitions
  } = await petitionFigures(db, actor, { unitId: unit.id, from, to });
  const { unitId: _hu, unitName: _hn, year: _hy, yearShown: _hs, byCell: _hc, ...helpFigures } = help;
  const parent = unit.parent_id === null ? undefined : await findUnitById(db, unit.parent_id);
  return {
    unit: coverage.unit,
    parentName: parent?.name ?? null,
    from,
    to,
    year,
    yearShown,
    boundaries,
    coverage: { ...coverage.totals, date: coverage.date },
    visits: { ...visits.total, asOf: visits.asOf },
    poverty: await povertyByYear(db, unit.path, povertyFrom, year),
    help: helpFigures,
    petitions,
    yearly: await yearlyFigures(db, { unitId: unit.id, path: unit.path }, year),
  };
}

/**
 * The records behind one figure of the dashboard, a page at a time, under
 * the same scope and with the same definition as the figure. Households and
 * petitions are personal data: every page read is recorded.
 */
export async function getDashboardRecords(
  db: Kysely<DB>,
  actor: Actor,
  query: DashboardRecordsQuery,
): Promise<DashboardRecords> {
  const unit = await loadCoverageUnit(db, actor, query.unitId);
  const today = todayInVietnam();
  const { from, to, year } = await resolveDashboardPeriod(db, unit.path, query, today, {
    reviewYear: query.figure === 'poor' || query.figure === 'nearPoor',
  });
  const slice: Slice = { limit: query.limit + 1, offset: query.offset };
  const path = unit.path;
  const date = to < today ? to : today;
  let rows: RecordRow[];
  let kind: DashboardRecordKind = 'household';
  switch (query.figure) {
    case 'households':
    case 'householdsUnassigned':
      rows = await listHouseholdsOn(db, path, date, query.figure === 'householdsUnassigned', slice);
      break;
    case 'poor':
    case 'nearPoor':
      rows = await listHouseholdsWithPoverty(
        db,
        path,
        query.year ?? year,
        query.figure === 'poor' ? 'poor' : 'near_poor',
        slice,
      );
      break;
    case 'escapedPoverty':
      rows = await listEscapedPoverty(db, path, year, slice);
      break;
    case 'helpedToLoan':
      rows = await listHelpedHouseholds(db, path, year, 'loan', slice);
      break;
    case 'advisedOnBusiness':
      rows = await listHelpedHouseholds(db, path, year, 'business_guidance', slice);
      break;
    case 'visitsOverdue':
    case 'visitsDue': {
      // Visit states are judged in code on today's cadence (as the worklist does), then paged.
      const state = query.figure === 'visitsOverdue' ? 'overdue' : 'due';
      rows = (await listCareStates(db, path, today))
        .filter((p) => p.state === state)
        .slice(slice.offset, slice.offset + slice.limit)
        .map((p) => ({
          id: p.householdId,
          code: p.code,
          label: p.headName,
          cell_name: p.cellName,
          detail: p.overdueSince ?? p.dueBy,
        }));
      break;
    }
    case 'membersAssigned':
      kind = 'member';
      rows = await listMembersWithLoad(db, path, date, slice);
      break;
    case 'memberRatings':
      kind = 'member';
      rows = await listMemberRatings(db, path, year, slice);
      break;
    case 'cellRatings':
      kind = 'unit';
      rows = await listCellRatings(db, path, year, slice);
      break;
    case 'householdModelCells':
      kind = 'unit';
      rows = await listHouseholdModelCells(db, path, year, slice);
      break;
    case 'resolutionIndicators':
      kind = 'target';
      rows = await listResolutionIndicators(db, path, year, slice);
      break;
    case 'newRuralCriteria':
      kind = 'target';
      rows = await listNewRuralCriteria(db, path, year, slice);
      break;
    case 'models':
      kind = 'model';
      rows = await listModels(db, path, year, slice);
      break;
    default: {
      kind = 'petition';
      const pick =
        query.figure === 'petitionsAnsweredOnTime'
          ? 'answeredOnTime'
          : query.figure === 'petitionsAnsweredLate'
            ? 'answeredLate'
            : 'received';
      rows = await listPetitionsIn(db, { path, onDate: today, from, to }, pick, slice);
    }
  }
  await recordAudit(db, actor, {
    action: 'read',
    entity: 'dashboard_records',
    entityId: unit.id,
    orgId: unit.org_id,
    changes: { figure: query.figure, from, to, year: query.year ?? year, offset: query.offset },
  });
  const page = toPage(
    rows.map((r) => ({
      kind,
      id: r.id,
      code: r.code,
      label: r.label,
      cellName: r.cell_name,
      detail: r.detail,
    })),
    query,
  );
  return { figure: query.figure, ...page };
}
