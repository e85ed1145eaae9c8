import type { Kysely } from 'kysely';
import { tallyResults, type ResultLevel, type YearlyFigures } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { toCount, underPath } from '../db/sql-helpers.js';

/*
 * The yearly figures of a subtree, for the dashboard (helper D's
 * `dashboard`), the targets page and the report. The caller has checked the
 * scope: pass the path of a unit the actor may read. Signature kept stable:
 *
 *   yearlyFigures(db, { unitId, path }, year) → YearlyFigures (domain schema)
 *
 * Units are rated by their decided result (`unit_results`, which a rating's
 * decision writes); members by their decided rating. Counts are over the
 * units and members that existed at the end of the year.
 */

type Db = Kysely<DB>;

async function unitsOfKinds(db: Db, path: string, kinds: string[], yearEnd: string) {
  return db
    .selectFrom('org_units')
    .leftJoin('unit_results as r', (join) =>
      join.onRef('r.unit_id', '=', 'org_units.id').on('r.year', '=', Number(yearEnd.slice(0, 4))),
    )
    .select(['org_units.id', 'org_units.kind', 'r.level'])
    .where((eb) => underPath(eb.ref('org_units.path'), path))
    .where('org_units.kind', 'in', kinds)
    .where('org_units.valid_from', '<=', yearEnd)
    .where((eb) => eb.or([eb('org_units.valid_to', 'is', null), eb('org_units.valid_to', '>=', yearEnd)]))
    .execute();
}

async function activeMemberCount(db: Db, path: string, yearEnd: string): Promise<number> {
  const row = await db
    .selectFrom('members')
    .select((eb) => eb.fn.countAll().as('n'))
    .where((eb) => underPath(eb.ref('scope_path'), path))
    .where('active_from', '<=', yearEnd)
    .where((eb) => eb.or([eb('active_to', 'is', null), eb('active_to', '>=', yearEnd)]))
    .executeTakeFirst();
  return toCount(row?.n as number | string | undefined);
}

export async function yearlyFigures(
  db: Db,
  unit: { unitId: number; path: string },
  year: number,
): Promise<YearlyFigures> {
  const { path } = unit;
  const yearEnd = `${year}-12-31`;

  const units = await unitsOfKinds(
    db,
    path,
    ['cell', 'base_cell', 'commune_committee', 'mass_organisation'],
    yearEnd,
  );
  const levelsOf = (kinds: string[]) =>
    units.filter((u) => kinds.includes(u.kind)).map((u) => (u.level ?? null) as ResultLevel | null);
  const cellIds = units.filter((u) => u.kind === 'cell' || u.kind === 'base_cell').map((u) => u.id);

  const ratingRows = await db
    .selectFrom('ratings')
    .select(['subject', 'state', 'level'])
    .where((eb) => underPath(eb.ref('scope_path'), path))
    .where('year', '=', year)
    .execute();
  const memberCount = await activeMemberCount(db, path, yearEnd);
  const decidedMembers = ratingRows
    .filter((r) => r.subject === 'member' && r.state === 'decided')
    .map((r) => r.level as ResultLevel);
  const memberTally = tallyResults([
    ...decidedMembers,
    ...Array<null>(Math.max(0, memberCount - decidedMembers.length)).fill(null),
  ]);
  const inProgress = (subject: string) =>
    ratingRows.filter((r) => r.subject === subject && r.state !== 'decided').length;

  const indicators = await db
    .selectFrom('resolution_indicators')
    .select(['comparison', 'target_value', 'actual_value', 'achieved_manual'])
    .where((eb) => underPath(eb.ref('scope_path'), path))
    .where('year', '=', year)
    .execute();
  const indicatorsAchieved = indicators.filter((i) =>
    i.target_value !== null && i.actual_value !== null
      ? i.comparison === 'at_most'
        ? Number(i.actual_value) <= Number(i.target_value)
        : Number(i.actual_value) >= Number(i.target_value)
      : i.achieved_manual === 1,
  ).length;

  const ntm = await db
    .selectFrom('ntm_results')
    .select(['achieved'])
    .where((eb) => underPath(eb.ref('scope_path'), path))
    .where('year', '=', year)
    .execute();

  const cultural = await db
    .selectFrom('cultural_units')
    .select(['kind', 'achieved'])
    .where((eb) => underPath(eb.ref('scope_path'), path))
    .where('year', '=', year)
    .execute();
  const culturalShare = (kind: string) => ({
    achieved: cultural.filter((c) => c.kind === kind && c.achieved === 1).length,
    total: cultural.filter((c) => c.kind === kind).length,
  });

  const families = await db
    .selectFrom('households')
    .leftJoin('household_cultural_titles as t', (join) =>
      join.onRef('t.household_id', '=', 'households.id').on('t.year', '=', year),
    )
    .select((eb) => [
      eb.fn.countAll().as('total'),
      eb.fn
        .count('t.household_id')
        .filterWhere('t.title', 'in', ['cultural_family', 'exemplary_cultural_family'])
        .as('achieved'),
    ])
    .where((eb) => underPath(eb.ref('households.scope_path'), path))
    .where('households.status', '=', 'active')
    .executeTakeFirst();

  const models = await db
    .selectFrom('mass_mobilisation_models')
    .select(['kind'])
    .where((eb) => underPath(eb.ref('scope_path'), path))
    .where('year', '=', year)
    .execute();

  const fourGood = await db
    .selectFrom('four_good_registrations')
    .select(['achieved'])
    .where((eb) => underPath(eb.ref('scope_path'), path))
    .where('year', '=', year)
    .execute();

  const registrations = await db
    .selectFrom('household_model_registrations')
    .select(['cell_id', 'member_id'])
    .where((eb) => underPath(eb.ref('scope_path'), path))
    .where('registered_on', '<=', yearEnd)
    .execute();
  const cellsWithModel = new Set(registrations.filter((r) => r.member_id === null).map((r) => r.cell_id));
  const membersRegistered = new Set(
    registrations.filter((r) => r.member_id !== null).map((r) => r.member_id),
  );

  return {
    unitId: unit.unitId,
    year,
    ratings: {
      members: memberTally,
      cells: tallyResults(levelsOf(['cell', 'base_cell'])),
      committees: tallyResults(levelsOf(['commune_committee'])),
      massOrganisations: tallyResults(levelsOf(['mass_organisation'])),
      inProgress: {
        members: inProgress('member'),
        cells: inProgress('cell'),
        committees: inProgress('committee'),
      },
    },
    targets: {
      resolutionIndicators: { achieved: indicatorsAchieved, total: indicators.length },
      newRuralCriteria: { achieved: ntm.filter((n) => n.achieved === 1).length, total: ntm.length },
      culturalHamlets: culturalShare('hamlet'),
      culturalAgencies: culturalShare('agency'),
      culturalFamilies: { achieved: toCount(families?.achieved), total: toCount(families?.total) },
    },
    models: {
      total: models.length,
      collectives: models.filter((m) => m.kind === 'collective').length,
      individuals: models.filter((m) => m.kind === 'individual').length,
    },
    fourGood: {
      registered: fourGood.length,
      achieved: fourGood.filter((f) => f.achieved === 1).length,
      assessed: fourGood.filter((f) => f.achieved !== null).length,
    },
    householdModel: {
      cells: cellIds.length,
      cellsWithModel: cellIds.filter((id) => cellsWithModel.has(id)).length,
      members: memberCount,
      membersRegistered: membersRegistered.size,
    },
  };
}
