import type { Insertable, Kysely } from 'kysely';
import { foldVietnamese } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { HouseholdChangeTable } from '../db/schema-households.js';
import type { DemoData } from './demo-types.js';
import { demoCommitmentItems, type DemoBook, type DemoPersonBook } from './household-book-demo.js';

interface HouseholdKeys {
  id: string;
  org_id: number;
  scope_path: string;
}

export interface BookSeedContext {
  books: Map<string, DemoBook>;
  householdByCode: Map<string, HouseholdKeys>;
  demoId: (kind: string, code: string) => string;
  now: string;
  today: string;
  insert: <T extends keyof DB & string>(table: T, rows: readonly Insertable<DB[T]>[]) => Promise<void>;
}

/** A person's book columns, spread into the demo's `household_people` rows. */
export function personBookColumns(p: DemoPersonBook) {
  return {
    ethnicity: p.ethnicity,
    occupation: p.occupation,
    schooling_level: p.schoolingLevel,
    in_school: p.inSchool === null ? null : p.inSchool ? 1 : 0,
    health_insurance: p.healthInsurance ? 1 : 0,
    disability: p.disability,
    working_capacity: p.workingCapacity,
    left_on: null,
  };
}

/** The grassroots organisation of a cell: its commune committee, or the base cell itself. */
function orgCodes(data: DemoData): Map<string, string> {
  const byCode = new Map(data.units.map((u) => [u.code, u]));
  const result = new Map<string, string>();
  for (const u of data.units) {
    if (u.kind === 'cell' && u.parentCode) result.set(u.code, u.parentCode);
    if (u.kind === 'base_cell') result.set(u.code, u.code);
  }
  return new Map([...result].filter(([, org]) => byCode.has(org)));
}

/** Who recorded a household's changes: the member following it, else the cell secretary, if they have accounts. */
function actors(
  data: DemoData,
  demoId: BookSeedContext['demoId'],
): (h: DemoData['households'][number]) => string | null {
  const memberUser = new Map(
    data.accounts.flatMap((a) => (a.memberCode ? [[a.memberCode, a.username]] : [])),
  );
  const secretaryUser = new Map(
    data.accounts.filter((a) => a.role === 'cell_secretary').map((a) => [a.scopeUnitCode, a.username]),
  );
  const memberOf = new Map(data.assignments.map((a) => [a.householdCode, a.memberCode]));
  return (h) => {
    const member = memberOf.get(h.code);
    const username = (member ? memberUser.get(member) : undefined) ?? secretaryUser.get(h.cellCode);
    return username ? demoId('user', username) : null;
  };
}

/**
 * The rest of the demo's tracking books (household-book-demo.ts): people who
 * left, people working away, cultural titles, each commune's commitments
 * catalogue with this year's ticks, and the history rows: one "created" row
 * per household (imported from the paper book) and a few months of changes.
 */
export async function seedHouseholdBooks(
  db: Kysely<DB>,
  data: DemoData,
  ctx: BookSeedContext,
): Promise<void> {
  const { books, householdByCode, demoId, now, today, insert } = ctx;
  const year = Number(today.slice(0, 4));
  const orgOfCell = orgCodes(data);
  const actorOf = actors(data, demoId);
  const orgIds = new Set([...householdByCode.values()].map((h) => h.org_id));
  const orgCodeById = new Map<number, string>();
  for (const h of data.households) {
    const keys = householdByCode.get(h.code);
    const org = orgOfCell.get(h.cellCode);
    if (keys && org) orgCodeById.set(keys.org_id, org);
  }

  const items = [...orgIds].flatMap((orgId) =>
    demoCommitmentItems.map((text, position) => ({
      id: demoId('commitment_item', `${orgCodeById.get(orgId) ?? orgId}:${position}`),
      org_id: orgId,
      position,
      text,
      valid_from_year: year - 2,
      valid_to_year: null,
      created_at: now,
      updated_at: now,
    })),
  );
  await insert('commitment_items', items);
  const itemId = (orgId: number, position: number) =>
    demoId('commitment_item', `${orgCodeById.get(orgId) ?? orgId}:${position}`);

  const former: Insertable<DB['household_people']>[] = [];
  const away: Insertable<DB['household_people_away']>[] = [];
  const titles: Insertable<DB['household_cultural_titles']>[] = [];
  const commitments: Insertable<DB['household_commitments']>[] = [];
  const changes: Insertable<HouseholdChangeTable>[] = [];
  const stamp = (on: string) => {
    const at = `${on}T01:30:00.000Z`;
    return at > now ? now : at;
  };

  for (const h of data.households) {
    const keys = householdByCode.get(h.code);
    const book = books.get(h.code);
    if (!keys || !book) continue;
    const personId = (index: number) =>
      index >= 0
        ? demoId('person', `${h.code}:${index}`)
        : demoId('person', `${h.code}:former:${-index - 1}`);
    book.former.forEach((p, i) => {
      former.push({
        id: personId(-i - 1),
        org_id: keys.org_id,
        household_id: keys.id,
        full_name: p.fullName,
        name_folded: foldVietnamese(p.fullName),
        relation: p.relation,
        birth_year: p.birthYear,
        sex: p.sex,
        position: 100 + i,
        status: p.status,
        created_at: now,
        updated_at: now,
        ...personBookColumns(p),
        left_on: p.leftOn,
      });
    });
    book.away.forEach((a, i) => {
      away.push({
        id: demoId('away', `${h.code}:${i}`),
        org_id: keys.org_id,
        household_id: keys.id,
        person_id: personId(a.person),
        destination: a.destination,
        scope: a.scope,
        address: null,
        since: a.since,
        work: a.work,
        returned_on: a.returnedOn,
        created_at: now,
        updated_at: now,
      });
    });
    for (const t of book.titles) {
      titles.push({
        org_id: keys.org_id,
        household_id: keys.id,
        year: t.year,
        title: t.title,
        recorded_at: now,
      });
    }
    for (const c of book.commitments) {
      commitments.push({
        org_id: keys.org_id,
        household_id: keys.id,
        year,
        item_id: itemId(keys.org_id, c.item),
        done: c.done ? 1 : 0,
        done_on: c.doneOn,
        recorded_at: now,
      });
    }
    const actor = actorOf(h);
    const row = (i: number, c: Omit<HouseholdChangeTable, 'id' | 'org_id' | 'household_id' | 'scope_path'>) =>
      changes.push({
        id: demoId('household_change', `${h.code}:${i}`),
        org_id: keys.org_id,
        household_id: keys.id,
        scope_path: keys.scope_path,
        ...c,
      });
    row(0, {
      field: 'household',
      person_id: null,
      event: 'created',
      old_value: null,
      new_value: JSON.stringify(h.code),
      actor_id: null,
      changed_at: `${year - 2}-01-15T01:30:00.000Z`,
      changed_on: `${year - 2}-01-15`,
      version: 1,
      source: 'import',
      ref_id: null,
    });
    book.changes.forEach((c, i) => {
      const person = c.person === null ? null : personId(c.person);
      const awayPath = c.away === null ? null : `away[${demoId('away', `${h.code}:${c.away}`)}]`;
      const field = awayPath
        ? c.field
          ? `${awayPath}.${c.field}`
          : awayPath
        : person
          ? `people[${person}].${c.field}`
          : c.field;
      row(i + 1, {
        field,
        person_id: person,
        event: c.event,
        old_value: c.oldValue === null ? null : JSON.stringify(c.oldValue),
        new_value: JSON.stringify(c.newValue),
        actor_id: actor,
        changed_at: stamp(c.on),
        changed_on: c.on,
        version: 1,
        source: c.source,
        ref_id: null,
      });
    });
  }
  await insert('household_people', former);
  await insert('household_people_away', away);
  await insert('household_cultural_titles', titles);
  await insert('household_commitments', commitments);
  await insert('household_changes', changes);
}
