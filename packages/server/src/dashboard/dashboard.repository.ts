import { sql, type Kysely } from 'kysely';
import { loanActionKinds, poorShareOf, todayInVietnam, type PovertyYear } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { toCount, underPath } from '../db/sql-helpers.js';
import { visibleTo } from '../petitions/petitions.repository.js';

type Db = Kysely<DB>;

/** Recognised poverty per review year under `path`, years `fromYear`..`toYear` (years without rows are zeros). */
export async function povertyByYear(
  db: Db,
  path: string,
  fromYear: number,
  toYear: number,
): Promise<PovertyYear[]> {
  const rows = await db
    .selectFrom('household_poverty as hp')
    .innerJoin('households', 'households.id', 'hp.household_id')
    .select(['hp.year', 'hp.status', (eb) => eb.fn.countAll().as('n')])
    .where((eb) => underPath(eb.ref('households.scope_path'), path))
    .where('hp.year', '>=', fromYear)
    .where('hp.year', '<=', toYear)
    .groupBy(['hp.year', 'hp.status'])
    .execute();
  const years: PovertyYear[] = [];
  const today = todayInVietnam();
  for (let year = fromYear; year <= toYear; year++) {
    const n = (status: string) =>
      toCount(rows.find((r) => r.year === year && r.status === status)?.n as number | string | undefined);
    const yearEnd = `${year}-12-31`;
    const households = await householdsOn(db, path, yearEnd < today ? yearEnd : today);
    const poor = n('poor');
    years.push({
      year,
      poor,
      nearPoor: n('near_poor'),
      average: n('average'),
      households,
      poorShare: poorShareOf(poor, households),
    });
  }
  return years;
}

/**
 * The unit's households on a date, whatever their status: those whose dated
 * cell row holds it (households that ended or moved since still count for
 * the years they lived there). The poverty rate's whole.
 */
async function householdsOn(db: Db, path: string, date: string): Promise<number> {
  const row = await db
    .selectFrom('household_cells')
    .select((eb) => eb.fn.count('household_id').distinct().as('n'))
    .where((eb) => underPath(eb.ref('household_cells.scope_path'), path))
    .where('start_date', '<=', date)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', date)]))
    .executeTakeFirstOrThrow();
  return toCount(row.n);
}

/** The latest review year up to `notAfter` with a recognised status under `path`; null when none. */
export async function latestPovertyYear(db: Db, path: string, notAfter: number): Promise<number | null> {
  const row = await db
    .selectFrom('household_poverty as hp')
    .innerJoin('households', 'households.id', 'hp.household_id')
    .select((eb) => eb.fn.max('hp.year').as('year'))
    .where((eb) => underPath(eb.ref('households.scope_path'), path))
    .where('hp.year', '<=', notAfter)
    .executeTakeFirst();
  return row?.year === null || row?.year === undefined ? null : Number(row.year);
}

export interface RecordRow {
  id: string;
  code: string;
  label: string;
  cell_name: string;
  detail: string | null;
}

export interface Slice {
  limit: number;
  offset: number;
}

function householdsBase(db: Db, path: string) {
  return db
    .selectFrom('households')
    .innerJoin('org_units as cell', 'cell.id', 'households.cell_id')
    .where((eb) => underPath(eb.ref('households.scope_path'), path))
    .where('households.status', '=', 'active');
}

/** Active households under `path`, all of them or only those nobody follows on `date`, by code. */
export async function listHouseholdsOn(
  db: Db,
  path: string,
  date: string,
  onlyUnassigned: boolean,
  slice: Slice,
): Promise<RecordRow[]> {
  let query = householdsBase(db, path).select([
    'households.id',
    'households.code',
    'households.head_name as label',
    'cell.name as cell_name',
    'households.poverty_status as detail',
  ]);
  if (onlyUnassigned)
    query = query.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('assignments')
            .select('assignments.id')
            .whereRef('assignments.household_id', '=', 'households.id')
            .where('assignments.start_date', '<=', date)
            .where((eb) =>
              eb.or([eb('assignments.end_date', 'is', null), eb('assignments.end_date', '>=', date)]),
            ),
        ),
      ),
    );
  return query.orderBy('households.code').limit(slice.limit).offset(slice.offset).execute();
}

/** Households under `path` recognised with `status` in `year`. */
export async function listHouseholdsWithPoverty(
  db: Db,
  path: string,
  year: number,
  status: string,
  slice: Slice,
): Promise<RecordRow[]> {
  return db
    .selectFrom('household_poverty as hp')
    .innerJoin('households', 'households.id', 'hp.household_id')
    .innerJoin('org_units as cell', 'cell.id', 'households.cell_id')
    .select([
      'households.id',
      'households.code',
      'households.head_name as label',
      'cell.name as cell_name',
      sql<string>`${sql.lit(String(year))}`.as('detail'),
    ])
    .where((eb) => underPath(eb.ref('households.scope_path'), path))
    .where('hp.year', '=', year)
    .where('hp.status', '=', status)
    .orderBy('households.code')
    .limit(slice.limit)
    .offset(slice.offset)
    .execute();
}

/** Households recognised poor in `year - 1` and no longer poor in `year` (as help outcomes count them). */
export async function listEscapedPoverty(
  db: Db,
  path: string,
  year: number,
  slice: Slice,
): Promise<RecordRow[]> {
  return db
    .selectFrom('household_poverty as cur')
    .innerJoin('household_poverty as prev', (join) =>
      join
        .onRef('prev.household_id', '=', 'cur.household_id')
        .onRef('prev.org_id', '=', 'cur.org_id')
        .on('prev.year', '=', year - 1),
    )
    .innerJoin('households', 'households.id', 'cur.household_id')
    .innerJoin('org_units as cell', 'cell.id', 'households.cell_id')
    .select([
      'households.id',
      'households.code',
      'households.head_name as label',
      'cell.name as cell_name',
      'cur.status as detail',
    ])
    .where('cur.year', '=', year)
    .where('prev.status', '=', 'poor')
    .where('cur.status', '<>', 'poor')
    .where((eb) => underPath(eb.ref('households.scope_path'), path))
    .orderBy('households.code')
    .limit(slice.limit)
    .offset(slice.offset)
    .execute();
}

/** Households with a help action of these kinds completed in `year` (each household once; detail: the loans' sum). */
export async function listHelpedHouseholds(
  db: Db,
  path: string,
  year: number,
  kind: 'loan' | 'business_guidance',
  slice: Slice,
): Promise<RecordRow[]> {
  const kinds = kind === 'loan' ? [...loanActionKinds] : ['business_guidance'];
  const rows = await db
    .selectFrom('help_actions')
    .innerJoin('households', 'households.id', 'help_actions.household_id')
    .innerJoin('org_units as cell', 'cell.id', 'households.cell_id')
    .select([
      'households.id',
      'households.code',
      'households.head_name as label',
      'cell.name as cell_name',
      (eb) => eb.fn.sum<number | string | null>('help_actions.loan_amount').as('amount'),
    ])
    .where((eb) => underPath(eb.ref('help_actions.scope_path'), path))
    .where('help_actions.status', '=', 'done')
    .where('help_actions.kind', 'in', kinds)
    .where('help_actions.completed_on', '>=', `${year}-01-01`)
    .where('help_actions.completed_on', '<=', `${year}-12-31`)
    .groupBy(['households.id', 'households.code', 'households.head_name', 'cell.name'])
    .orderBy('households.code')
    .limit(slice.limit)
    .offset(slice.offset)
    .execute();
  return rows.map(({ amount, ...r }) => ({
    ...r,
    detail: amount === null || amount === undefined ? null : String(Number(amount)),
  }));
}

export type PetitionPick = 'received' | 'answeredOnTime' | 'answeredLate';

/** Petitions the unit sees that were received in the period, as petition figures count them. */
export async function listPetitionsIn(
  db: Db,
  filter: { path: string; onDate: string; from: string; to: string },
  pick: PetitionPick,
  slice: Slice,
): Promise<RecordRow[]> {
  let query = db
    .selectFrom('petitions')
    .innerJoin('org_units as cell', 'cell.id', 'petitions.cell_id')
    .select([
      'petitions.id',
      'petitions.received_on as code',
      'petitions.title as label',
      'cell.name as cell_name',
      'petitions.answered_on as detail',
    ])
    .where(visibleTo({ path: filter.path, onDate: filter.onDate }))
    .where('petitions.received_on', '>=', filter.from)
    .where('petitions.received_on', '<=', filter.to);
  if (pick === 'answeredOnTime')
    query = query
      .where('petitions.answered_on', 'is not', null)
      .where((eb) =>
        eb.or([
          eb('petitions.answer_due_on', 'is', null),
          eb('petitions.answered_on', '<=', eb.ref('petitions.answer_due_on')),
        ]),
      );
  if (pick === 'answeredLate')
    query = query
      .where('petitions.answered_on', 'is not', null)
      .where('petitions.answer_due_on', 'is not', null)
      .where((eb) => eb('petitions.answered_on', '>', eb.ref('petitions.answer_due_on')));
  return query
    .orderBy('petitions.received_on')
    .orderBy('petitions.id')
    .limit(slice.limit)
    .offset(slice.offset)
    .execute();
}
