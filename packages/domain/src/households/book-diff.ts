import type { ChangeEvent, PersonStatus } from './book-enums.js';
import type { Household, Person } from './household.schema.js';

/** The parts of a household's book that history records; a full `Household` is one. */
export type BookSnapshot = Pick<
  Household,
  | 'code'
  | 'headName'
  | 'address'
  | 'cellId'
  | 'hamletId'
  | 'needsHelp'
  | 'policyFamily'
  | 'phone'
  | 'monthlyIncome'
  | 'wallDurable'
  | 'columnDurable'
  | 'roofDurable'
  | 'floorAreaM2'
  | 'tenure'
  | 'waterSource'
  | 'latrineType'
  | 'internetUse'
  | 'infoDevices'
  | 'crops'
  | 'livestock'
  | 'trade'
  | 'wageWork'
  | 'landAreaM2'
  | 'policyFamilyType'
  | 'needsHelpReason'
  | 'elderlyAlone'
  | 'disabled'
  | 'orphan'
  | 'chronicallyIll'
  | 'people'
  | 'formerPeople'
  | 'workingAway'
  | 'povertyByYear'
  | 'culturalTitles'
  | 'commitments'
>;

export interface BookChange {
  field: string;
  personId: string | null;
  event: ChangeEvent | null;
  oldValue: unknown;
  newValue: unknown;
}

/** Fields of the household itself, in the order the timeline lists them. */
export const bookScalarFields = [
  'code',
  'headName',
  'address',
  'cellId',
  'hamletId',
  'phone',
  'monthlyIncome',
  'needsHelp',
  'needsHelpReason',
  'policyFamily',
  'policyFamilyType',
  'elderlyAlone',
  'disabled',
  'orphan',
  'chronicallyIll',
  'wallDurable',
  'columnDurable',
  'roofDurable',
  'floorAreaM2',
  'tenure',
  'waterSource',
  'latrineType',
  'internetUse',
  'infoDevices',
  'crops',
  'livestock',
  'trade',
  'wageWork',
  'landAreaM2',
] as const satisfies readonly (keyof BookSnapshot)[];

export const personFields = [
  'fullName',
  'relation',
  'birthYear',
  'sex',
  'ethnicity',
  'occupation',
  'schoolingLevel',
  'inSchool',
  'healthInsurance',
  'disability',
  'workingCapacity',
] as const satisfies readonly (keyof Person)[];

const awayFields = ['personId', 'destination', 'scope', 'address', 'since', 'work'] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const leaveEvents: Record<Exclude<PersonStatus, 'active'>, ChangeEvent> = {
  left: 'left',
  moved_away: 'moved_away',
  deceased: 'deceased',
};

function allPeople(book: BookSnapshot): Map<string, Person> {
  return new Map([...book.people, ...book.formerPeople].map((p) => [p.id, p]));
}

function diffPeople(before: BookSnapshot, after: BookSnapshot, out: BookChange[]): void {
  const old = allPeople(before);
  for (const person of allPeople(after).values()) {
    const prior = old.get(person.id);
    const path = `people[${person.id}]`;
    if (!prior) {
      if (person.status === 'active') {
        out.push({
          field: path,
          personId: person.id,
          event: 'joined',
          oldValue: null,
          newValue: person.fullName,
        });
      }
      continue;
    }
    if (prior.status !== person.status) {
      out.push({
        field: `${path}.status`,
        personId: person.id,
        // Coming back counts as joining again.
        event: person.status === 'active' ? 'joined' : leaveEvents[person.status],
        oldValue: prior.status,
        newValue: person.status,
      });
    }
    for (const key of personFields) {
      if (same(prior[key], person[key])) continue;
      out.push({
        field: `${path}.${key}`,
        personId: person.id,
        event: key === 'workingCapacity' ? 'capacity_changed' : null,
        oldValue: prior[key],
        newValue: person[key],
      });
    }
  }
}

function diffAway(before: BookSnapshot, after: BookSnapshot, out: BookChange[]): void {
  const old = new Map(before.workingAway.map((a) => [a.id, a]));
  for (const entry of after.workingAway) {
    const prior = old.get(entry.id);
    const path = `away[${entry.id}]`;
    if (!prior) {
      out.push({
        field: path,
        personId: entry.personId,
        event: entry.returnedOn ? null : 'away_started',
        oldValue: null,
        newValue: {
          destination: entry.destination,
          scope: entry.scope,
          since: entry.since,
          work: entry.work,
        },
      });
      if (entry.returnedOn) {
        out.push({
          field: `${path}.returnedOn`,
          personId: entry.personId,
          event: null,
          oldValue: null,
          newValue: entry.returnedOn,
        });
      }
      continue;
    }
    for (const key of awayFields) {
      if (same(prior[key], entry[key])) continue;
      out.push({
        field: `${path}.${key}`,
        personId: entry.personId,
        event: null,
        oldValue: prior[key],
        newValue: entry[key],
      });
    }
    if (!same(prior.returnedOn, entry.returnedOn)) {
      out.push({
        field: `${path}.returnedOn`,
        personId: entry.personId,
        event: prior.returnedOn === null ? 'away_ended' : entry.returnedOn === null ? 'away_started' : null,
        oldValue: prior.returnedOn,
        newValue: entry.returnedOn,
      });
    }
  }
}

function diffKeyed<T>(
  before: T[],
  after: T[],
  key: (item: T) => string,
  value: (item: T) => unknown,
  out: BookChange[],
): void {
  const old = new Map(before.map((item) => [key(item), value(item)]));
  for (const item of after) {
    const k = key(item);
    const prior = old.has(k) ? old.get(k) : null;
    const next = value(item);
    if (!same(prior, next))
      out.push({ field: k, personId: null, event: null, oldValue: prior, newValue: next });
  }
}

/**
 * Every field that differs between two versions of a household's book, one
 * change per field: the rows of `household_changes`. `before` null means the
 * household is new: one `created` row, not a row per field.
 */
export function diffBook(before: BookSnapshot | null, after: BookSnapshot): BookChange[] {
  if (before === null) {
    return [{ field: 'household', personId: null, event: 'created', oldValue: null, newValue: after.code }];
  }
  const out: BookChange[] = [];
  for (const key of bookScalarFields) {
    if (!same(before[key], after[key])) {
      out.push({ field: key, personId: null, event: null, oldValue: before[key], newValue: after[key] });
    }
  }
  diffPeople(before, after, out);
  diffAway(before, after, out);
  diffKeyed(
    before.povertyByYear,
    after.povertyByYear,
    (p) => `poverty[${p.year}]`,
    (p) => p.status,
    out,
  );
  diffKeyed(
    before.culturalTitles,
    after.culturalTitles,
    (c) => `culturalTitle[${c.year}]`,
    (c) => c.title,
    out,
  );
  diffKeyed(
    before.commitments,
    after.commitments,
    (c) => `commitments[${c.year}][${c.itemId}]`,
    (c) => ({ done: c.done, doneOn: c.doneOn }),
    out,
  );
  return out;
}
