import type { Role } from '../auth/roles.js';
import type { Household, Person } from '../households/household.schema.js';

/*
 * Sensitive personal data (Law 91/2025/QH15 Art. 2; the list in Decree
 * 356/2025/NĐ-CP) that a household's book holds, and the roles whose work
 * needs each kind. The member who visits the household and the cell
 * secretary plan help from all of it; the commune reviews poverty from the
 * income; the committee's staff handle policy support (ethnicity,
 * disability); the system administrator needs none of it. Religion is not
 * recorded by the book, so it has no fields.
 */
export const sensitiveCategories = ['income', 'health', 'disability', 'ethnicity', 'religion'] as const;
export type SensitiveCategory = (typeof sensitiveCategories)[number];

type HouseholdField = keyof Household;
type PersonField = keyof Person;

export interface SensitiveRule {
  householdFields: readonly HouseholdField[];
  personFields: readonly PersonField[];
  roles: readonly Role[];
}

export const sensitiveFieldRules: Record<SensitiveCategory, SensitiveRule> = {
  income: {
    householdFields: ['monthlyIncome', 'incomePerPerson'],
    personFields: [],
    roles: ['committee_staff', 'commune_leader', 'cell_secretary', 'member'],
  },
  health: {
    householdFields: ['chronicallyIll'],
    personFields: ['healthInsurance'],
    roles: ['cell_secretary', 'member'],
  },
  disability: {
    householdFields: ['disabled'],
    personFields: ['disability'],
    roles: ['committee_staff', 'cell_secretary', 'member'],
  },
  ethnicity: {
    householdFields: [],
    personFields: ['ethnicity'],
    roles: ['committee_staff', 'cell_secretary', 'member'],
  },
  religion: { householdFields: [], personFields: [], roles: ['cell_secretary', 'member'] },
};

export const sensitiveCategoryLabels: Record<SensitiveCategory, { vi: string; en: string }> = {
  income: { vi: 'Thu nhập', en: 'Income' },
  health: { vi: 'Sức khỏe', en: 'Health' },
  disability: { vi: 'Khuyết tật', en: 'Disability' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
  religion: { vi: 'Tôn giáo', en: 'Religion' },
};

export function canSeeCategory(role: Role, category: SensitiveCategory): boolean {
  return sensitiveFieldRules[category].roles.includes(role);
}

export function hiddenCategoriesFor(role: Role): SensitiveCategory[] {
  return sensitiveCategories.filter((c) => !canSeeCategory(role, c));
}

/** Field names (household fields, and `people.<field>` for a person's) a role does not see. */
export function hiddenFieldsFor(role: Role): string[] {
  return hiddenCategoriesFor(role).flatMap((c) => [
    ...sensitiveFieldRules[c].householdFields,
    ...sensitiveFieldRules[c].personFields.map((f) => `people.${f}`),
  ]);
}

/** A hidden household value: null, or false for the household's yes/no flags, which are never null. */
function blank(value: unknown): null | false {
  return typeof value === 'boolean' ? false : null;
}

function redactPerson(person: Person, fields: readonly PersonField[]): Person {
  const out: Record<string, unknown> = { ...person };
  for (const f of fields) out[f] = null;
  return out as Person;
}

/**
 * The book as a role may see it: the sensitive fields it has no need for are
 * blanked and named in `hiddenFields`, so a page shows "hidden", not "none".
 */
export function redactHousehold(book: Household, role: Role): Household & { hiddenFields: string[] } {
  const hidden = hiddenCategoriesFor(role).map((c) => sensitiveFieldRules[c]);
  const out: Record<string, unknown> = { ...book };
  for (const rule of hidden) for (const f of rule.householdFields) out[f] = blank(book[f]);
  const personFields = hidden.flatMap((r) => r.personFields);
  const result = out as Household;
  if (personFields.length > 0) {
    result.people = book.people.map((p) => redactPerson(p, personFields));
    result.formerPeople = book.formerPeople.map((p) => redactPerson(p, personFields));
  }
  return { ...result, hiddenFields: hiddenFieldsFor(role) };
}

/**
 * True when a history path (`monthlyIncome`, `people[<id>].ethnicity`) names
 * a field the role does not see: the history then shows that a change was
 * made, without the values.
 */
export function isHiddenHistoryField(field: string, role: Role): boolean {
  const personMatch = /^people\[[^\]]+\]\.(.+)$/.exec(field);
  return hiddenCategoriesFor(role).some((c) => {
    const rule = sensitiveFieldRules[c];
    return personMatch
      ? (rule.personFields as readonly string[]).includes(personMatch[1] ?? '')
      : (rule.householdFields as readonly string[]).includes(field);
  });
}

/**
 * A book change as a role may make it: a role that does not see a field
 * cannot change it, and a known person's hidden fields keep their stored
 * values (the form sends the people list whole, with the blanks it was shown).
 */
export function keepHiddenValues<T extends { people?: readonly object[] | undefined }>(
  input: T,
  storedPeople: readonly Person[],
  role: Role,
): T {
  const hidden = hiddenCategoriesFor(role).map((c) => sensitiveFieldRules[c]);
  if (hidden.length === 0) return input;
  const out: Record<string, unknown> = { ...input };
  for (const rule of hidden) for (const f of rule.householdFields) delete out[f];
  const personFields = hidden.flatMap((r) => r.personFields);
  if (input.people && personFields.length > 0) {
    const stored = new Map(storedPeople.map((p) => [p.id, p]));
    out.people = input.people.map((p) => {
      const prior = stored.get((p as { id?: string }).id ?? '');
      if (!prior) return p;
      const kept: Record<string, unknown> = { ...p };
      for (const f of personFields) kept[f] = prior[f];
      return kept;
    });
  }
  return out as T;
}
