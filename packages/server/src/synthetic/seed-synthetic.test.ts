import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { listHouseholds } from '../households/households.repository.js';
import { createTestDatabase, testEngines } from '../../test/engines.js';
import { syntheticCommunes } from './generate-synthetic.js';
import { seedSynthetic, type SyntheticSeedResult } from './seed-synthetic.js';

const engines = await testEngines();
const households = 2_500;

/** The synthetic province written to each engine: every row, its indexes back, its search index built. */
describe.each(engines)('synthetic seed on %s', (engine) => {
  let database: Database;
  let result: SyntheticSeedResult;
  let indexesBefore: string[];

  const indexNames = async () =>
    engine === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'index' order by name`.execute(database.db)
        ).rows.map((r) => r.name)
      : (
          await sql<{ name: string }>`select indexname as name from pg_indexes
             where schemaname = current_schema() order by indexname`.execute(database.db)
        ).rows.map((r) => r.name);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    indexesBefore = await indexNames();
    result = await seedSynthetic(database, { households });
  });
  afterAll(() => database.close());

  it('writes what the generator makes, and only into an empty database', async () => {
    const count = async (
      table: 'households' | 'household_people' | 'members' | 'assignments' | 'org_units',
    ) =>
      Number(
        (
          await database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const generated = [...syntheticCommunes({ households })];
    expect(result.seeded).toBe(true);
    expect(await count('households')).toBe(households);
    expect(await count('household_people')).toBe(
      generated.flatMap((c) => c.households).flatMap((h) => h.people).length,
    );
    expect(await count('members')).toBe(result.members);
    expect(await count('assignments')).toBe(result.assignments);
    expect(await count('org_units')).toBe(result.units);
    expect((await seedSynthetic(database, { households })).seeded).toBe(false);
    expect(await count('households')).toBe(households);
  });

  it('puts back every index it dropped for the load', async () => {
    expect(await indexNames()).toEqual(indexesBefore);
  });

  it('leaves a searchable province: a head found by name without accents, in its commune', async () => {
    const household = [...syntheticCommunes({ households })][0]!.households[7]!;
    const communePath = household.scopePath.split('/').slice(0, 3).join('/') + '/';
    const found = await listHouseholds(database.db, {
      path: communePath,
      folded: household.headName
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[đĐ]/g, 'd')
        .toLowerCase(),
      onDate: '2026-01-01',
      limit: 500,
      offset: 0,
    });
    expect(found.map((h) => h.id)).toContain(household.id);
    expect(found.every((h) => h.scope_path.startsWith(communePath))).toBe(true);
  });
});
