import {
  unitKindLabels,
  type Language,
  type RestructureOperation,
  type RestructurePlan,
  type RestructureResult,
} from '@caunoi/domain';
import { formatDate } from '../../format/date';
import { formatNumber } from '../../format/number';
import type { I18n } from '../../i18n/i18n-context';

type Words = Pick<I18n, 't' | 'language'>;

/** Code → name of every unit the plan touches: the preview's names, else the plan's own creates, else the code. */
export function unitNamer(
  plan: RestructurePlan,
  result?: RestructureResult | null,
): (code: string) => string {
  const names = new Map<string, string>();
  for (const op of plan.operations) {
    if (op.op === 'create') {
      names.set(op.code, op.name);
      if (op.ref) names.set(op.ref, op.name);
    }
  }
  for (const u of result?.units ?? []) names.set(u.code, u.name);
  return (code) => names.get(code) ?? code;
}

/** "A, B và C" / "A, B and C". */
export function listInWords(items: readonly string[], { t }: Words): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${t('restructure.say.and')} ${items.at(-1)}`;
}

const kindLabel = (kind: keyof typeof unitKindLabels, language: Language) => unitKindLabels[kind][language];

/** One operation as a sentence the administrator can check against the decision. */
export function describeOperation(
  op: RestructureOperation,
  name: (code: string) => string,
  w: Words,
): string {
  const { t, language } = w;
  switch (op.op) {
    case 'merge':
      return t('restructure.say.merge', { units: listInWords(op.units.map(name), w), into: name(op.into) });
    case 'move':
      return t('restructure.say.move', { unit: name(op.unit), parent: name(op.parent) });
    case 'rename':
      return t('restructure.say.rename', { unit: name(op.unit), name: op.name });
    case 'create':
      return op.parent
        ? t('restructure.say.createUnder', {
            name: op.name,
            kind: kindLabel(op.kind, language),
            parent: name(op.parent),
          })
        : t('restructure.say.create', { name: op.name, kind: kindLabel(op.kind, language) });
    case 'split':
      return t('restructure.say.split', {
        unit: name(op.unit),
        parts: listInWords(
          op.into.map((p) => name(p.unit)),
          w,
        ),
      });
    case 'dissolve': {
      const where = [
        op.childrenTo ? t('restructure.say.childrenTo', { to: name(op.childrenTo) }) : null,
        op.membersTo ? t('restructure.say.membersTo', { to: name(op.membersTo) }) : null,
        op.householdsTo ? t('restructure.say.householdsTo', { to: name(op.householdsTo) }) : null,
      ].filter((s): s is string => s !== null);
      return [t('restructure.say.dissolve', { unit: name(op.unit) }), ...where].join(', ');
    }
  }
}

/**
 * The confirmation in words: every operation with the names of the units,
 * the date, and what the preview counted ("… 2 đơn vị kết thúc, 1.172 hộ…").
 * A merge into a new unit reads as the merge alone: its `create` is implied.
 */
export function confirmationText(plan: RestructurePlan, result: RestructureResult, w: Words): string[] {
  const name = unitNamer(plan, result);
  const mergedInto = new Set(plan.operations.flatMap((o) => (o.op === 'merge' ? [o.into] : [])));
  const said = plan.operations
    .filter((o) => !(o.op === 'create' && mergedInto.has(o.ref ?? o.code)))
    .map((o) => describeOperation(o, name, w));
  const moved = (kind: RestructureResult['moves'][number]['kind']) =>
    result.moves.filter((m) => m.kind === kind).reduce((n, m) => n + m.count, 0);
  return [
    w.t('restructure.say.plan', { operations: said.join('; '), date: formatDate(plan.effectiveDate) }),
    w.t('restructure.say.totals', {
      ended: formatNumber(result.units.filter((u) => u.changes.includes('ended')).length),
      households: formatNumber(moved('household')),
      members: formatNumber(moved('member')),
    }),
  ];
}
