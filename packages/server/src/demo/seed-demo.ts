import type { Insertable, Kysely } from 'kysely';
import { v5 as uuidv5 } from 'uuid';
import { foldVietnamese, isGrassrootsKind, todayInVietnam, type UnitKind } from '@caunoi/domain';
import { hashPassword } from '../auth/password.js';
import { recordAudit } from '../audit/audit.repository.js';
import { rebuildCoverageRollups } from '../coverage/coverage-rollups.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { pauseSearchIndex, resumeSearchIndex } from '../households/household-search-index.js';
import { openHouseholdCellsSinceCellStart } from '../household-lifecycle/household-cells.repository.js';
import type { DemoData } from './demo-types.js';
import { generateDemo } from './generate-demo.js';
import { demoHouseholdBook } from './household-book-demo.js';
import { personBookColumns, seedHouseholdBooks } from './seed-household-book.js';
import { seedCellLife } from './seed-cell-life.js';
import { seedFieldWork } from './seed-field-work.js';
import { seedMonthly } from './seed-monthly.js';
import { seedPetitions } from './seed-petitions.js';
import { applyDemoReform } from './seed-reform.js';
import { seedYearly } from './seed-yearly.js';

/** Ids derived from codes, so the demo has the same ids on every machine and every run. */
const demoNamespace = '6f1c9a52-5d1e-4c55-9b8e-3a1f0c2d7e44';
const demoId = (kind: string, code: string) => uuidv5(`${kind}:${code}`, demoNamespace);

async function insertChunked<T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  rows: readonly Insertable<DB[T]>[],
  chunk = 400,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    // Kysely cannot relate a generic table name to its row type; the parameter type checks the rows.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + chunk) as never)
      .execute();
  }
}

export interface SeedResult {
  seeded: boolean;
  units: number;
  members: number;
  households: number;
  assignments: number;
  accounts: DemoData['accounts'];
}

/**
 * Writes the demo (or any DemoData, which makes it the test factory too) into
 * an empty database, in one transaction. Bulk inserts, not the services: the
 * demo is 6,500 households and must load in seconds on both engines; the data
 * are generated valid and the tests check the services separately.
 */
export interface SeedDemoOptions {
  /**
   * Apply the 2025 reform after the data (seed-reform.ts): what `npm start` and
   * `caunoi seed --demo` show. Only for the real demo data, which the plan names.
   */
  reform2025?: boolean;
}

export async function seedDemo(
  db: Kysely<DB>,
  data: DemoData = generateDemo(),
  options: SeedDemoOptions = {},
): Promise<SeedResult> {
  const existing = await db.selectFrom('org_units').select('id').limit(1).executeTakeFirst();
  if (existing) {
    return { seeded: false, units: 0, members: 0, households: 0, assignments: 0, accounts: data.accounts };
  }
  const passwordHashes = new Map<string, string>();
  for (const account of data.accounts) {
    if (!passwordHashes.has(account.password))
      passwordHashes.set(account.password, await hashPassword(account.password));
  }
  const now = nowIso();
  const extraAccounts: DemoData['accounts'] = [];
  await db.transaction().execute(async (trx) => {
    // The search index is built once at the end rather than by a trigger per person.
    await pauseSearchIndex(trx);
    const units = new Map<string, { id: number; path: string; orgId: number | null }>();
    for (const u of data.units) {
      const parent = u.parentCode ? units.get(u.parentCode) : undefined;
      if (u.parentCode && !parent) throw new Error(`demo unit ${u.code}: parent ${u.parentCode} comes later`);
      const hamlet = u.hamletCode ? units.get(u.hamletCode) : undefined;
      const { id } = await trx
        .insertInto('org_units')
        .values({
          code: u.code,
          name: u.name,
          name_folded: foldVietnamese(u.name),
          kind: u.kind,
          parent_id: parent?.id ?? null,
          path: '',
          depth: parent ? parent.path.split('/').length - 2 : 0,
          org_id: null,
          hamlet_id: hamlet?.id ?? null,
          valid_from: u.validFrom,
          valid_to: u.validTo ?? null,
          note: u.note ?? null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const path = `${parent?.path ?? '/'}${id}/`;
      const orgId = isGrassrootsKind(u.kind as UnitKind) && !parent?.orgId ? id : (parent?.orgId ?? null);
      await trx.updateTable('org_units').set({ path, org_id: orgId }).where('id', '=', id).execute();
      units.set(u.code, { id, path, orgId });
    }
    // Cells that serve a hamlet listed before the hamlet: link them now.
    for (const u of data.units) {
      if (!u.hamletCode) continue;
      const hamlet = units.get(u.hamletCode);
      const cell = units.get(u.code);
      if (hamlet && cell)
        await trx.updateTable('org_units').set({ hamlet_id: hamlet.id }).where('id', '=', cell.id).execute();
    }
    const unitOf = (code: string) => {
      const unit = units.get(code);
      if (!unit || unit.orgId === null) throw new Error(`demo: unknown cell ${code}`);
      return unit as { id: number; path: string; orgId: number };
    };

    const members = data.members.map((m) => {
      const cell = unitOf(m.cellCode);
      return {
        id: demoId('member', m.code),
        org_id: cell.orgId,
        cell_id: cell.id,
        scope_path: cell.path,
        code: m.code,
        full_name: m.fullName,
        name_folded: foldVietnamese(m.fullName),
        status: m.status,
        role: m.role,
        exempt: m.exempt ? 1 : 0,
        birth_year: m.birthYear,
        sex: m.sex,
        phone: m.phone,
        active_from: m.activeFrom,
        active_to: null,
        created_at: now,
        updated_at: now,
      };
    });
    await insertChunked(trx, 'members', members);
    await insertChunked(
      trx,
      'member_cells',
      members.map((m) => ({
        id: demoId('member_cell', m.code),
        org_id: m.org_id,
        member_id: m.id,
        cell_id: m.cell_id,
        start_date: m.active_from,
        end_date: null,
      })),
    );

    // The rest of each tracking book, derived from the household's code (household-book-demo.ts).
    const today = todayInVietnam();
    const books = new Map(data.households.map((h) => [h.code, demoHouseholdBook(h, today)]));
    const households = data.households.map((h) => {
      const cell = unitOf(h.cellCode);
      return {
        id: demoId('household', h.code),
        org_id: cell.orgId,
        cell_id: cell.id,
        hamlet_id: units.get(h.hamletCode)?.id ?? null,
        scope_path: cell.path,
        code: h.code,
        head_name: h.headName,
        address: h.address,
        search_text: foldVietnamese(
          [h.code, h.headName, h.address, ...h.people.map((p) => p.fullName)].join(' '),
        ),
        poverty_status: h.povertyStatus,
        poverty_year: h.povertyYear,
        needs_help: h.needsHelp ? 1 : 0,
        policy_family: h.policyFamily ? 1 : 0,
        people_count: h.people.length,
        created_at: now,
        updated_at: now,
        ...books.get(h.code)!.columns,
      };
    });
    await insertChunked(trx, 'households', households);
    await openHouseholdCellsSinceCellStart(trx);
    const householdByCode = new Map(households.map((h) => [h.code, h]));
    await insertChunked(
      trx,
      'household_people',
      data.households.flatMap((h) => {
        const row = householdByCode.get(h.code)!;
        return h.people.map((p, position) => ({
          id: demoId('person', `${h.code}:${position}`),
          org_id: row.org_id,
          household_id: row.id,
          full_name: p.fullName,
          name_folded: foldVietnamese(p.fullName),
          relation: p.relation,
          birth_year: p.birthYear,
          sex: p.sex,
          position,
          created_at: now,
          updated_at: now,
          ...personBookColumns(books.get(h.code)!.people[position]!),
        }));
      }),
    );
    await insertChunked(
      trx,
      'household_poverty',
      households.map((h) => ({
        org_id: h.org_id,
        household_id: h.id,
        year: h.poverty_year,
        status: h.poverty_status,
        source: 'import',
        recorded_at: now,
      })),
    );
    await seedHouseholdBooks(trx, data, {
      books,
      householdByCode,
      demoId,
      now,
      today,
      insert: (table, rows) => insertChunked(trx, table, rows),
    });

    const memberByCode = new Map(members.map((m) => [m.code, m]));
    await insertChunked(
      trx,
      'assignments',
      data.assignments.map((a) => {
        const member = memberByCode.get(a.memberCode);
        const household = householdByCode.get(a.householdCode);
        if (!member || !household) throw new Error(`demo: assignment ${a.memberCode} → ${a.householdCode}`);
        return {
          id: demoId('assignment', `${a.memberCode}:${a.householdCode}:${a.startDate}`),
          org_id: household.org_id,
          member_id: member.id,
          household_id: household.id,
          start_date: a.startDate,
          end_date: null,
          reason: a.reason,
          end_reason: null,
          created_by: 'system',
          created_at: now,
          updated_at: now,
        };
      }),
    );

    await insertChunked(
      trx,
      'users',
      data.accounts.map((a) => ({
        id: demoId('user', a.username),
        username: a.username,
        password_hash: passwordHashes.get(a.password)!,
        display_name: a.displayName,
        role: a.role,
        scope_unit_id: units.get(a.scopeUnitCode)!.id,
        member_id: a.memberCode ? demoId('member', a.memberCode) : null,
        language: 'vi',
        active: 1,
        created_at: now,
        updated_at: now,
      })),
    );
    // Meetings, oversight, results, commendations and mass organisations (seed-cell-life.ts).
    const cellLife = await seedCellLife(trx, data, { units, demoId, now, passwordHashes });
    extraAccounts.push(...cellLife.accounts);
    // Ratings by steps, 4 tốt, the household model, targets and models (seed-yearly.ts).
    await seedYearly(trx, data, cellLife, { units, demoId, now });
    // Visits, help plans and poverty reviews (seed-field-work.ts).
    await seedFieldWork(data, {
      householdByCode,
      demoId,
      now,
      today,
      insert: (table, rows) => insertChunked(trx, table, rows),
    });
    // Petitions with their steps and notifications (seed-petitions.ts): before the monthly part, which counts them.
    await seedPetitions(trx, data, {
      units,
      householdByCode,
      demoId,
      accounts: [...data.accounts, ...cellLife.accounts],
      today,
    });
    // Monthly reports and supervision, their figures counted from the records above (seed-monthly.ts).
    await seedMonthly(trx, data, { units, demoId, now, today });
    // Bulk inserts bypass the services: today's coverage rollups are built once, here.
    await rebuildCoverageRollups(trx);
    await resumeSearchIndex(trx, { unindexed: true });
    await recordAudit(trx, null, {
      action: 'create',
      entity: 'seed',
      entityId: 'demo',
      changes: {
        units: data.units.length,
        members: data.members.length,
        households: data.households.length,
        assignments: data.assignments.length,
        accounts: data.accounts.length,
      },
    });
  });
  // After the commit: the restructuring service runs its own transaction, as it does for any plan.
  if (options.reform2025) await applyDemoReform(db);
  return {
    seeded: true,
    units: data.units.length,
    members: data.members.length,
    households: data.households.length,
    assignments: data.assignments.length,
    accounts: [...data.accounts, ...extraAccounts],
  };
}
