import { Tag } from 'antd';
import { partyUnitKinds, unitKindLabels, type UnitKind } from '@caunoi/domain';
import { useI18n } from '../../i18n/i18n-context';

const party = new Set<string>(partyUnitKinds);

/** Party units in red, state units (commune, hamlet) in blue. */
export function UnitKindTag({ kind }: { kind: UnitKind }) {
  const { label } = useI18n();
  return <Tag color={party.has(kind) ? 'volcano' : 'geekblue'}>{label(unitKindLabels[kind])}</Tag>;
}
