import { useState } from 'react';
import { Select } from 'antd';
import { unitKindLabels, type Unit } from '@caunoi/domain';
import { useDebounced } from '../../components/use-debounced';
import { useI18n } from '../../i18n/i18n-context';
import { useUnitSearch } from '../units/queries';

/**
 * Picks units by name and answers their codes, since a plan names units by
 * code (as they stand the day before the effective date). Any kind, party or
 * state side; ended units are left out, a plan cannot act on them.
 */
export function UnitCodeSelect(props: {
  id?: string;
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  multiple?: boolean;
  /** Codes of units the plan itself creates, offered beside the search. */
  planned?: readonly { code: string; name: string }[];
  testId?: string;
}) {
  const { t, label } = useI18n();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const found = useUnitSearch(q);
  // Remember the names of chosen units, so the field keeps showing them after the search moves on.
  const [known, setKnown] = useState<Record<string, string>>({});
  const describe = (u: Unit) => `${u.name} · ${label(unitKindLabels[u.kind])} · ${u.code}`;
  const current = (found.data?.items ?? []).filter((u) => u.validTo === null);
  const chosen = props.value === undefined ? [] : Array.isArray(props.value) ? props.value : [props.value];
  const options = [
    ...(props.planned ?? []).map((p) => ({
      value: p.code,
      label: `${p.name} · ${t('restructure.planned')}`,
    })),
    ...current.map((u) => ({ value: u.code, label: describe(u) })),
    ...chosen.map((code) => ({ value: code, label: known[code] ?? code })),
  ].filter((o, i, all) => all.findIndex((x) => x.value === o.value) === i);

  return (
    <Select<string | string[]>
      id={props.id}
      mode={props.multiple ? 'multiple' : undefined}
      value={props.value}
      onChange={(value) => {
        const names: Record<string, string> = {};
        for (const o of options) names[o.value] = o.label;
        setKnown((k) => ({ ...k, ...names }));
        props.onChange?.(value);
      }}
      showSearch={{ filterOption: false, onSearch: setText }}
      options={options}
      placeholder={t('restructure.pickUnit')}
      loading={found.isFetching}
      notFoundContent={q ? t('units.noResults') : t('restructure.typeToSearch')}
      style={{ width: '100%' }}
      data-testid={props.testId}
    />
  );
}
