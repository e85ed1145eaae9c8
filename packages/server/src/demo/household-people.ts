import type { RelationToHead, Sex } from '@caunoi/domain';
import type { DemoPerson } from './demo-types.js';
import { weighted, type Rng } from './prng.js';
import { khmerName, kinhName, pickFamilyName, pickKhmerFamilyName } from './vietnamese-names.js';

/**
 * The people of one household, head first: plausible ages (children 18+ years
 * younger than their mother, grandchildren younger again), children carrying
 * their father's family name, and the shapes seen in the delta: old people
 * alone, couples, nuclear families, three generations under one roof.
 */

/** The year the demo describes; nobody is born after it. */
export const REFERENCE_YEAR = 2023;
const LAST_BIRTH = REFERENCE_YEAR - 1;

/** Mean ≈ 3.7 persons, as in rural Kiên Giang. */
const householdSize = weighted<number>([
  [1, 6],
  [2, 14],
  [3, 24],
  [4, 28],
  [5, 17],
  [6, 8],
  [7, 3],
]);

interface Lineage {
  khmer: boolean;
  /** The family name passed on to children (the father's). */
  family: string;
}

function other(sex: Sex): Sex {
  return sex === 'male' ? 'female' : 'male';
}

function nameFor(rng: Rng, lineage: Lineage, sex: Sex, birthYear: number): string {
  return lineage.khmer ? khmerName(rng, lineage.family, sex) : kinhName(rng, lineage.family, sex, birthYear);
}

/** Someone marrying in: own family name, same ethnicity most of the time. */
function outsider(rng: Rng, khmer: boolean): Lineage {
  const isKhmer = khmer ? rng.chance(0.85) : rng.chance(0.03);
  return { khmer: isKhmer, family: isKhmer ? pickKhmerFamilyName(rng) : pickFamilyName(rng) };
}

/**
 * Names already given in the household being built (siblings never share a
 * name). Each call of householdPeople starts its own set.
 */
type Taken = Set<string>;

function person(
  rng: Rng,
  taken: Taken,
  lineage: Lineage,
  relation: RelationToHead,
  sex: Sex,
  birthYear: number,
): DemoPerson {
  let fullName = nameFor(rng, lineage, sex, birthYear);
  for (let tries = 0; taken.has(fullName) && tries < 20; tries += 1) {
    fullName = nameFor(rng, lineage, sex, birthYear);
  }
  taken.add(fullName);
  return { fullName, relation, birthYear, sex };
}

/**
 * `count` children of a mother born `motherBirth`: the first at 20–28 (never
 * before 18), then every 2–5 years, none after LAST_BIRTH.
 */
function childBirthYears(rng: Rng, motherBirth: number, count: number): number[] {
  const years: number[] = [];
  const latestFirst = LAST_BIRTH - 2 * (count - 1);
  let year = Math.max(motherBirth + 18, Math.min(motherBirth + rng.int(20, 28), latestFirst));
  for (let i = 0; i < count; i += 1) {
    years.push(year);
    const room = LAST_BIRTH - 2 * (count - 2 - i);
    year = Math.min(year + rng.int(2, 5), Math.max(year + 1, room));
  }
  return years.map((y) => Math.min(y, LAST_BIRTH));
}

function children(
  rng: Rng,
  taken: Taken,
  lineage: Lineage,
  motherBirth: number,
  count: number,
  relation: RelationToHead = 'child',
): DemoPerson[] {
  return childBirthYears(rng, motherBirth, count).map((year) => {
    const sex: Sex = rng.chance(0.51) ? 'male' : 'female';
    return person(rng, taken, lineage, relation, sex, year);
  });
}

/** Head, spouse, maybe a parent of the head, and unmarried children. */
function nuclear(rng: Rng, taken: Taken, size: number, khmer: boolean): DemoPerson[] {
  const lineage: Lineage = {
    khmer,
    family: khmer ? pickKhmerFamilyName(rng) : pickFamilyName(rng),
  };
  const hasSpouse = size >= 2 && rng.chance(size === 2 ? 0.65 : 0.9);
  const withParent = size >= 4 && rng.chance(0.18);
  const kids = size - 1 - (hasSpouse ? 1 : 0) - (withParent ? 1 : 0);

  let headBirth: number;
  if (kids === 0) {
    // Alone or a couple: mostly older people whose children have left.
    headBirth = rng.chance(0.7) ? rng.int(1938, 1968) : rng.int(1975, 1998);
  } else {
    headBirth = rng.int(withParent ? 1962 : 1952, Math.min(1995, 2000 - 3 * kids));
  }
  const headSex: Sex = rng.chance(size === 1 ? 0.45 : hasSpouse ? 0.85 : 0.4) ? 'male' : 'female';
  const headLineage = headSex === 'male' ? lineage : outsider(rng, khmer);
  const people: DemoPerson[] = [person(rng, taken, headLineage, 'head', headSex, headBirth)];

  let motherBirth = headSex === 'female' ? headBirth : headBirth + 3;
  if (hasSpouse) {
    const spouseBirth = headSex === 'male' ? headBirth + rng.int(0, 6) : headBirth - rng.int(0, 5);
    const spouseSex = other(headSex);
    const spouseLineage = spouseSex === 'male' ? lineage : outsider(rng, khmer);
    people.push(person(rng, taken, spouseLineage, 'spouse', spouseSex, spouseBirth));
    if (spouseSex === 'female') motherBirth = spouseBirth;
  }
  if (withParent) {
    // The head's widowed mother (more often) or father; the father shares the head's family name.
    const parentSex: Sex = rng.chance(0.3) ? 'male' : 'female';
    const parentBirth = Math.max(1928, headBirth - rng.int(20, 32));
    const parentLineage = parentSex === 'male' ? headLineage : outsider(rng, khmer);
    people.push(
      person(rng, taken, parentLineage, 'parent', parentSex, Math.min(parentBirth, headBirth - 18)),
    );
  }
  people.push(...children(rng, taken, lineage, motherBirth, kids));
  return people;
}

/** An older couple (or widow/widower), a married child with spouse, grandchildren. */
function threeGenerations(rng: Rng, taken: Taken, size: number, khmer: boolean): DemoPerson[] {
  const lineage: Lineage = {
    khmer,
    family: khmer ? pickKhmerFamilyName(rng) : pickFamilyName(rng),
  };
  const headBirth = rng.int(1940, 1965);
  const hasSpouse = rng.chance(0.8);
  const headSex: Sex = hasSpouse || rng.chance(0.4) ? 'male' : 'female';
  const headLineage = headSex === 'male' ? lineage : outsider(rng, khmer);
  const people: DemoPerson[] = [person(rng, taken, headLineage, 'head', headSex, headBirth)];
  let motherBirth = headSex === 'female' ? headBirth : headBirth + 3;
  if (hasSpouse) {
    const spouseBirth = headBirth + rng.int(0, 5);
    people.push(person(rng, taken, outsider(rng, khmer), 'spouse', 'female', spouseBirth));
    motherBirth = spouseBirth;
  }

  // The married child who stayed: usually a son with his wife; in the South
  // a son-in-law living with his wife's parents (ở rể) is common too.
  const marriedSon = rng.chance(0.7);
  const childBirth = motherBirth + rng.int(20, 26);
  const inLawBirth = marriedSon ? childBirth + rng.int(0, 4) : childBirth - rng.int(0, 4);
  const childSex: Sex = marriedSon ? 'male' : 'female';
  people.push(person(rng, taken, lineage, 'child', childSex, childBirth));
  const inLawLineage = outsider(rng, khmer);
  const inLaw = person(rng, taken, inLawLineage, 'child_in_law', other(childSex), inLawBirth);

  const rest = size - people.length - 1;
  const grandchildren = Math.min(rest, rng.int(1, 3));
  // Unmarried younger siblings of the married child, born after it.
  let year = childBirth;
  for (let i = 0; i < rest - grandchildren; i += 1) {
    year = Math.min(year + rng.int(2, 5), motherBirth + 42);
    const sex: Sex = rng.chance(0.5) ? 'male' : 'female';
    people.push(person(rng, taken, lineage, 'child', sex, year));
  }
  people.push(inLaw);
  const grandMother = marriedSon ? inLawBirth : childBirth;
  const grandLineage = marriedSon ? lineage : inLawLineage;
  people.push(...children(rng, taken, grandLineage, grandMother, grandchildren, 'grandchild'));
  return people;
}

export function householdPeople(rng: Rng, khmer: boolean): DemoPerson[] {
  const taken: Taken = new Set();
  const size = householdSize(rng);
  const threeGen = size >= 4 && rng.chance(size >= 5 ? 0.45 : 0.2);
  return threeGen ? threeGenerations(rng, taken, size, khmer) : nuclear(rng, taken, size, khmer);
}
