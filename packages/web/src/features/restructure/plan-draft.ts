import type { RestructureOperation, RestructurePlan, UnitKind } from '@caunoi/domain';

/** The operations the form composes; a split needs lists of records and comes from a plan file. */
export const draftOpNames = ['merge', 'move', 'rename', 'dissolve', 'create'] as const;
export type DraftOpName = (typeof draftOpNames)[number];

/** One row of the form: every field optional, the `op` decides which ones count. */
export interface OpDraft {
  op?: DraftOpName;
  /** merge: the units that become one. */
  units?: string[];
  /** merge: into an existing unit, or into a unit the operation founds. */
  target?: 'existing' | 'new';
  /** merge (existing), the unit that continues. */
  into?: string;
  /** move, rename, dissolve: the unit acted on. */
  unit?: string;
  /** move, create, merge into a new unit: the parent. */
  parent?: string;
  /** rename, create, merge into a new unit: the name (and code) of the unit. */
  name?: string;
  code?: string;
  kind?: UnitKind;
  /** dissolve: where the child units, members and households go. */
  childrenTo?: string;
  membersTo?: string;
  householdsTo?: string;
}

export interface PlanDraft {
  title?: string;
  /** `YYYY-MM-DD`. */
  effectiveDate?: string;
  decisionNumber?: string;
  decisionDate?: string;
  decisionIssuer?: string;
  operations?: OpDraft[];
}

const text = (value: string | undefined) => value?.trim() ?? '';
const optional = (value: string | undefined) => (text(value) ? text(value) : undefined);

/** One form row as plan operations: a merge into a new unit is its `create` followed by the merge. */
export function operationsFromDraft(d: OpDraft): RestructureOperation[] {
  switch (d.op) {
    case 'merge': {
      const units = d.units ?? [];
      if (d.target !== 'new') return [{ op: 'merge', units, into: text(d.into) }];
      const code = text(d.code);
      return [
        {
          op: 'create',
          ref: code,
          code,
          name: text(d.name),
          kind: d.kind!,
          parent: optional(d.parent) ?? null,
        },
        { op: 'merge', units, into: code },
      ];
    }
    case 'move':
      return [{ op: 'move', unit: text(d.unit), parent: text(d.parent) }];
    case 'rename': {
      const code = optional(d.code);
      return [{ op: 'rename', unit: text(d.unit), name: text(d.name), ...(code ? { code } : {}) }];
    }
    case 'dissolve': {
      const to = { childrenTo: d.childrenTo, membersTo: d.membersTo, householdsTo: d.householdsTo };
      const given = Object.entries(to).filter(([, v]) => optional(v) !== undefined);
      return [{ op: 'dissolve', unit: text(d.unit), ...Object.fromEntries(given) }];
    }
    case 'create':
      return [
        {
          op: 'create',
          code: text(d.code),
          name: text(d.name),
          kind: d.kind!,
          parent: optional(d.parent) ?? null,
        },
      ];
    default:
      return [];
  }
}

/**
 * The form's values as a plan body. The result is checked with the domain's
 * schema by the caller, so a missing field shows up as the schema's message.
 */
export function planFromDraft(d: PlanDraft): RestructurePlan {
  return {
    title: text(d.title),
    effectiveDate: d.effectiveDate ?? '',
    decision: {
      number: text(d.decisionNumber),
      date: d.decisionDate ?? '',
      issuer: text(d.decisionIssuer),
    },
    operations: (d.operations ?? []).flatMap(operationsFromDraft),
  };
}

/** Units a plan creates, so later rows of the form can name them before they exist. */
export function plannedUnits(d: PlanDraft): { code: string; name: string }[] {
  return (d.operations ?? [])
    .filter((o) => o.op === 'create' || (o.op === 'merge' && o.target === 'new'))
    .filter((o) => text(o.code))
    .map((o) => ({ code: text(o.code), name: text(o.name) || text(o.code) }));
}
