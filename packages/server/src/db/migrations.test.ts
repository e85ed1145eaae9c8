import { describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines } from '../../test/engines.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';

const engines = await testEngines();

describe('migration list', () => {
  it('is timestamped and sorted, so a new migration always sorts last', () => {
    const names = Object.keys(migrations);
    expect(names.every((n) => /^\d{14}_[a-z0-9_]+$/.test(n))).toBe(true);
    expect([...names].sort()).toEqual(names);
  });
});

describe.each(engines)('migrations on %s', (engine) => {
  it('apply once and then find nothing to do', async () => {
    const database = await createTestDatabase(engine); // already migrated
    try {
      expect(await migrateToLatest(database.db)).toEqual([]);
      const tables = await database.db.introspection.getTables();
      const names = tables.map((t) => t.name);
      for (const table of [
        'org_units',
        'members',
        'households',
        'household_people',
        'assignments',
        'users',
        'sessions',
        'audit_log',
      ]) {
        expect(names).toContain(table);
      }
      // Every table owned by a grassroots organisation carries the sharding key.
      for (const table of [
        'members',
        'member_cells',
        'households',
        'household_people',
        'household_poverty',
        'household_cells',
        'assignments',
        'meetings',
        'meeting_attendance',
        'meeting_resolutions',
        'meeting_scores',
        'unit_results',
        'awards',
        'mass_org_profiles',
        'petitions',
        'petition_households',
        'petition_units',
        'petition_steps',
        'attachments',
        'petition_settings',
        'notifications',
        'visits',
        'household_visit_state',
        'visit_settings',
        'help_plans',
        'help_actions',
        'poverty_assessments',
        'poverty_settings',
        'member_events',
        'member_exemptions',
        'member_positions',
        'household_privacy',
        'subject_requests',
        'data_breaches',
      ]) {
        const columns = tables.find((t) => t.name === table)?.columns.map((c) => c.name);
        expect(columns, table).toContain('org_id');
      }
    } finally {
      await database.close();
    }
  });

  it('refuse a second open assignment of one household at the database level', async () => {
    const database = await createTestDatabase(engine);
    try {
      const { db } = database;
      const now = new Date().toISOString();
      const { id: unitId } = await db
        .insertInto('org_units')
        .values({
          code: 'C',
          name: 'C',
          name_folded: 'c',
          kind: 'cell',
          parent_id: null,
          path: '/1/',
          depth: 0,
          org_id: 1,
          hamlet_id: null,
          valid_from: '2020-01-01',
          valid_to: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('members')
        .values({
          id: 'm',
          org_id: 1,
          cell_id: unitId,
          scope_path: '/1/',
          code: 'M',
          full_name: 'M',
          name_folded: 'm',
          status: 'official',
          role: 'member',
          exempt: 0,
          birth_year: null,
          sex: null,
          phone: null,
          active_from: '2020-01-01',
          active_to: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await db
        .insertInto('households')
        .values({
          id: 'h',
          org_id: 1,
          cell_id: unitId,
          hamlet_id: null,
          scope_path: '/1/',
          code: 'H',
          head_name: 'H',
          address: 'A',
          search_text: 'h',
          poverty_status: 'none',
          poverty_year: 2024,
          needs_help: 0,
          policy_family: 0,
          people_count: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const assignment = (id: string) => ({
        id,
        org_id: 1,
        member_id: 'm',
        household_id: 'h',
        start_date: '2024-01-01',
        end_date: null,
        reason: null,
        end_reason: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      });
      await db.insertInto('assignments').values(assignment('a1')).execute();
      await expect(db.insertInto('assignments').values(assignment('a2')).execute()).rejects.toThrow();
    } finally {
      await database.close();
    }
  });
});
