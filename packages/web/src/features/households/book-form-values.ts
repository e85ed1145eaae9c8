import dayjs, { type Dayjs } from 'dayjs';
import type {
  AwayEntryInput,
  Household,
  InfoDevice,
  PersonInput,
  UpdateHouseholdInput,
  VulnerableFlag,
} from '@caunoi/domain';

/*
 * The book ↔ form values of each section's edit form. Forms hold tri-state
 * flags as 'yes' | 'no' | undefined (not recorded), texts as strings and dates
 * as dayjs; a PATCH sends null for what the user cleared.
 */

export type Patch = Omit<UpdateHouseholdInput, 'version'>;
export type TriState = 'yes' | 'no' | undefined;

export const toTri = (value: boolean | null): TriState => (value === null ? undefined : value ? 'yes' : 'no');
export const fromTri = (value: TriState | null): boolean | null =>
  value === 'yes' ? true : value === 'no' ? false : null;
const text = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};
const num = (value: number | null | undefined): number | null => (value === undefined ? null : value);
const date = (value: Dayjs | null | undefined): string | null => (value ? value.format('YYYY-MM-DD') : null);
const toDay = (value: string | null): Dayjs | undefined => (value ? dayjs(value) : undefined);

export interface GeneralValues {
  headName: string;
  address: string;
  phone?: string;
  monthlyIncome?: number | null;
  needsHelp: boolean;
  needsHelpReason?: string;
  policyFamily: boolean;
  policyFamilyType?: Household['policyFamilyType'];
  vulnerable: VulnerableFlag[];
}

const vulnerableKeys: VulnerableFlag[] = ['elderlyAlone', 'disabled', 'orphan', 'chronicallyIll'];

export function generalValues(book: Household): GeneralValues {
  return {
    headName: book.headName,
    address: book.address,
    phone: book.phone ?? '',
    monthlyIncome: book.monthlyIncome,
    needsHelp: book.needsHelp,
    needsHelpReason: book.needsHelpReason ?? '',
    policyFamily: book.policyFamily,
    policyFamilyType: book.policyFamilyType ?? undefined,
    vulnerable: vulnerableKeys.filter((k) => book[k]),
  };
}

export function generalPatch(v: GeneralValues): Patch {
  return {
    headName: v.headName.trim(),
    address: v.address.trim(),
    phone: text(v.phone),
    monthlyIncome: num(v.monthlyIncome),
    needsHelp: v.needsHelp,
    needsHelpReason: text(v.needsHelpReason),
    // A type implies a policy family; the server keeps both in step.
    ...(v.policyFamily
      ? { policyFamilyType: v.policyFamilyType ?? null, policyFamily: true }
      : { policyFamily: false }),
    ...Object.fromEntries(vulnerableKeys.map((k) => [k, v.vulnerable.includes(k)])),
  };
}

export interface LivingValues {
  wallDurable: TriState;
  columnDurable: TriState;
  roofDurable: TriState;
  floorAreaM2?: number | null;
  tenure?: Household['tenure'];
  waterSource?: Household['waterSource'];
  latrineType?: Household['latrineType'];
  internetUse: TriState;
  infoDevices?: InfoDevice[];
  crops?: string;
  livestock?: string;
  trade?: string;
  wageWork?: string;
  landAreaM2?: number | null;
}

export function livingValues(book: Household): LivingValues {
  return {
    wallDurable: toTri(book.wallDurable),
    columnDurable: toTri(book.columnDurable),
    roofDurable: toTri(book.roofDurable),
    floorAreaM2: book.floorAreaM2,
    tenure: book.tenure ?? undefined,
    waterSource: book.waterSource ?? undefined,
    latrineType: book.latrineType ?? undefined,
    internetUse: toTri(book.internetUse),
    infoDevices: book.infoDevices ?? [],
    crops: book.crops ?? '',
    livestock: book.livestock ?? '',
    trade: book.trade ?? '',
    wageWork: book.wageWork ?? '',
    landAreaM2: book.landAreaM2,
  };
}

export function livingPatch(v: LivingValues, book: Household): Patch {
  const devices = v.infoDevices ?? [];
  return {
    wallDurable: fromTri(v.wallDurable),
    columnDurable: fromTri(v.columnDurable),
    roofDurable: fromTri(v.roofDurable),
    floorAreaM2: num(v.floorAreaM2),
    tenure: v.tenure ?? null,
    waterSource: v.waterSource ?? null,
    latrineType: v.latrineType ?? null,
    internetUse: fromTri(v.internetUse),
    // Unticked boxes on a book that never recorded devices stay "not recorded", not "none".
    infoDevices: devices.length === 0 && book.infoDevices === null ? null : devices,
    crops: text(v.crops),
    livestock: text(v.livestock),
    trade: text(v.trade),
    wageWork: text(v.wageWork),
    landAreaM2: num(v.landAreaM2),
  };
}

export interface PersonValues {
  id?: string;
  fullName: string;
  relation: PersonInput['relation'];
  birthYear?: number | null;
  sex?: PersonInput['sex'];
  ethnicity?: string;
  occupation?: string;
  schoolingLevel?: PersonInput['schoolingLevel'];
  inSchool: TriState;
  healthInsurance: TriState;
  disability?: PersonInput['disability'];
  workingCapacity?: PersonInput['workingCapacity'];
  status: NonNullable<PersonInput['status']>;
}

export function peopleValues(book: Household): { people: PersonValues[] } {
  return {
    people: book.people.map((p) => ({
      id: p.id,
      fullName: p.fullName,
      relation: p.relation,
      birthYear: p.birthYear,
      sex: p.sex ?? undefined,
      ethnicity: p.ethnicity ?? '',
      occupation: p.occupation ?? '',
      schoolingLevel: p.schoolingLevel ?? undefined,
      inSchool: toTri(p.inSchool),
      healthInsurance: toTri(p.healthInsurance),
      disability: p.disability ?? undefined,
      workingCapacity: p.workingCapacity ?? undefined,
      status: 'active',
    })),
  };
}

/** Equal as form values: key order, and undefined against null or '', do not count. */
function same(a: object, b: object): boolean {
  const norm = (o: object) =>
    JSON.stringify(
      Object.entries(o)
        .map(([k, v]) => [k, v === undefined || v === '' ? null : v] as const)
        .filter(([, v]) => v !== null)
        .sort(([x], [y]) => (x < y ? -1 : 1)),
    );
  return norm(a) === norm(b);
}

/**
 * The people list the user means, on the version being saved onto: people the
 * user did not touch take their values from that version (or stay out if they
 * have left meanwhile), and people someone else added since are kept.
 */
function mergePeople(values: PersonValues[], onto: Household, started: Household): PersonValues[] {
  const before = new Map(peopleValues(started).people.map((p) => [p.id, p]));
  const now = new Map(peopleValues(onto).people.map((p) => [p.id, p]));
  const merged = values.flatMap((p) => {
    const original = p.id ? before.get(p.id) : undefined;
    if (!original || !same(original, p)) return [p];
    const current = now.get(p.id);
    return current ? [current] : [];
  });
  const added = [...now.values()].filter((p) => !before.has(p.id));
  return [...merged, ...added];
}

export function peoplePatch(v: { people?: PersonValues[] }, onto?: Household, started?: Household): Patch {
  const people =
    onto && started && onto !== started ? mergePeople(v.people ?? [], onto, started) : (v.people ?? []);
  return {
    people: people.map((p) => ({
      ...(p.id ? { id: p.id } : {}),
      fullName: p.fullName.trim(),
      relation: p.relation,
      birthYear: num(p.birthYear),
      sex: p.sex ?? null,
      ethnicity: text(p.ethnicity),
      occupation: text(p.occupation),
      schoolingLevel: p.schoolingLevel ?? null,
      inSchool: fromTri(p.inSchool),
      healthInsurance: fromTri(p.healthInsurance),
      disability: p.disability ?? null,
      workingCapacity: p.workingCapacity ?? null,
      status: p.status,
    })),
  };
}

export interface AwayValues {
  id?: string;
  personId: string;
  destination: string;
  scope: AwayEntryInput['scope'];
  address?: string;
  since?: Dayjs;
  work?: string;
  returnedOn?: Dayjs;
}

/** Only the entries still running are edited; those who came back stay in the book as they are. */
export function awayValues(book: Household): { workingAway: AwayValues[] } {
  return {
    workingAway: book.workingAway
      .filter((a) => a.returnedOn === null)
      .map((a) => ({
        id: a.id,
        personId: a.personId,
        destination: a.destination,
        scope: a.scope,
        address: a.address ?? '',
        since: toDay(a.since),
        work: a.work ?? '',
        returnedOn: undefined,
      })),
  };
}

export function awayPatch(v: { workingAway?: AwayValues[] }, onto?: Household, started?: Household): Patch {
  // Entries someone else added since the user opened the form are kept, not ended.
  const known = new Set(started?.workingAway.map((a) => a.id) ?? []);
  const added = onto && started ? awayValues(onto).workingAway.filter((a) => a.id && !known.has(a.id)) : [];
  return {
    workingAway: [...(v.workingAway ?? []), ...added].map((a) => ({
      ...(a.id ? { id: a.id } : {}),
      personId: a.personId,
      destination: a.destination.trim(),
      scope: a.scope,
      address: text(a.address),
      since: date(a.since),
      work: text(a.work),
      returnedOn: date(a.returnedOn),
    })),
  };
}

export interface YearlyValues {
  povertyStatus: Household['povertyStatus'];
  povertyYear: number;
  culturalTitles: { year: number; title: Household['culturalTitles'][number]['title'] }[];
}

export function yearlyValues(book: Household): YearlyValues {
  return {
    povertyStatus: book.povertyStatus,
    povertyYear: book.povertyYear,
    culturalTitles: book.culturalTitles.map((c) => ({ ...c })),
  };
}

export function yearlyPatch(v: YearlyValues): Patch {
  return {
    povertyStatus: v.povertyStatus,
    povertyYear: v.povertyYear,
    culturalTitles: v.culturalTitles ?? [],
  };
}

export interface CommitmentValues {
  year: number;
  items: Record<string, { done?: boolean; doneOn?: Dayjs | null }>;
}

export function commitmentValues(book: Household, year: number): CommitmentValues {
  return {
    year,
    items: Object.fromEntries(
      book.commitments
        .filter((c) => c.year === year)
        .map((c) => [c.itemId, { done: c.done, doneOn: toDay(c.doneOn) ?? null }]),
    ),
  };
}

export function commitmentPatch(v: CommitmentValues, itemIds: string[]): Patch {
  return {
    commitments: {
      year: v.year,
      items: itemIds.map((itemId) => {
        const entry = v.items?.[itemId];
        return {
          itemId,
          done: Boolean(entry?.done),
          doneOn: entry?.done ? date(entry.doneOn ?? null) : null,
        };
      }),
    },
  };
}
