import type { Kysely } from 'kysely';
import {
  chooseYear,
  donationActionKinds,
  loanActionKinds,
  todayInVietnam,
  type HelpActionKind,
  type HelpOutcomeFigures,
  type HelpOutcomes,
  type HelpOutcomesQuery,
} from '@caunoi/domain';
import { isMemberOnly, type Actor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { loadUnitInScope } from '../units/units.service.js';
import { listCellsUnder } from '../visits/coverage.repository.js';
import { countEscapesByCell, latestOutcomeYear, listActionsDoneIn } from './help-outcomes.repository.js';

const empty = (): HelpOutcomeFigures => ({
  escapedPoverty: 0,
  escapedNearPoverty: 0,
  advisedOnBusiness: 0,
  helpedToLoan: 0,
  loanAmount: 0,
  helpedByDonors: 0,
  donationAmount: 0,
  housesBuilt: 0,
  peopleTrained: 0,
  peoplePlacedInJobs: 0,
});

type Done = Awaited<ReturnType<typeof listActionsDoneIn>>[number];

/** The figures of a set of completed actions: households counted once per kind of help, amounts and heads summed. */
function fromActions(actions: Done[]): Omit<HelpOutcomeFigures, 'escapedPoverty' | 'escapedNearPoverty'> {
  const households = (kinds: readonly string[]) =>
    new Set(actions.filter((a) => kinds.includes(a.kind)).map((a) => a.household_id)).size;
  const loans = actions.filter((a) => loanActionKinds.includes(a.kind as HelpActionKind));
  const heads = (kinds: readonly string[]) =>
    actions.filter((a) => kinds.includes(a.kind)).reduce((sum, a) => sum + (a.people_count ?? 1), 0);
  return {
    advisedOnBusiness: households(['business_guidance']),
    helpedToLoan: households(loanActionKinds),
    loanAmount: loans.reduce((sum, a) => sum + (a.loan_amount ?? 0), 0),
    helpedByDonors: households(donationActionKinds),
    donationAmount: actions
      .filter((a) => donationActionKinds.includes(a.kind as HelpActionKind))
      .reduce((sum, a) => sum + (a.donation_amount ?? 0), 0),
    housesBuilt: actions.filter((a) => a.kind === 'house_building').length,
    peopleTrained: heads(['vocational_training']),
    peoplePlacedInJobs: heads(['company_job', 'labour_export']),
  };
}

/**
 * What the help achieved in a unit and year: households that escaped poverty
 * or near-poverty (recognised status year over year), and what was done for
 * them (actions completed in the year). Every current cell of the unit gets a
 * row, so a cell with nothing to show still shows. Without a year, the
 * latest year with outcomes (`latestOutcomeYear`); the answer says which.
 */
export async function getHelpOutcomes(
  db: Kysely<DB>,
  actor: Actor,
  query: HelpOutcomesQuery,
): Promise<HelpOutcomes> {
  // A unit's figures count every household of it: a member account follows a few households only.
  if (isMemberOnly(actor)) throw new AppError('FORBIDDEN');
  const today = todayInVietnam();
  const thisYear = Number(today.slice(0, 4));
  const unit = await loadUnitInScope(db, actor, query.unitId ?? actor.scopeUnitId);
  // Without a year, the one rule (`chooseYear`): the current year has no escapes
  // until its review is recorded, and a page of zeros says nothing; the answer says so.
  const yearShown = chooseYear(
    query.year,
    thisYear,
    query.year === undefined ? await latestOutcomeYear(db, unit.path, thisYear) : null,
  );
  const year = yearShown.year;
  const escapes = await countEscapesByCell(db, unit.path, year);
  const actions = await listActionsDoneIn(db, unit.path, year);
  const cells = await listCellsUnder(db, unit.path, today);
  const byCell = cells.map((cell) => {
    const escaped = escapes.find((e) => e.cell_id === cell.id);
    return {
      cellId: cell.id,
      cellName: cell.name,
      ...empty(),
      ...fromActions(actions.filter((a) => a.cell_id === cell.id)),
      escapedPoverty: escaped?.escaped_poverty ?? 0,
      escapedNearPoverty: escaped?.escaped_near_poverty ?? 0,
    };
  });
  byCell.sort((a, b) => a.cellName.localeCompare(b.cellName, 'vi'));
  return {
    unitId: unit.id,
    unitName: unit.name,
    year,
    yearShown,
    ...fromActions(actions),
    escapedPoverty: escapes.reduce((sum, e) => sum + e.escaped_poverty, 0),
    escapedNearPoverty: escapes.reduce((sum, e) => sum + e.escaped_near_poverty, 0),
    byCell,
  };
}
