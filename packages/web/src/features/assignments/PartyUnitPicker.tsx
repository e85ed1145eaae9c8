import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { partyUnitKinds, type Unit, type UnitKind } from '@caunoi/domain';
import { useI18n } from '../../i18n/i18n-context';
import { fetchUnitChildren, useUnit, useUnitChildren } from '../units/queries';

interface Node {
  id: number;
  pId: number | null;
  value: number;
  title: string;
  isLeaf: boolean;
  selectable: boolean;
}

const isParty = (u: Unit) => (partyUnitKinds as readonly string[]).includes(u.kind);

/**
 * Chooses a committee or a cell from the party side of the tree, one level at
 * a time. `selectable` limits which kinds may be chosen (a proposal: a cell or
 * a commune); the others still open to reach their children.
 */
export function PartyUnitPicker({
  value,
  onChange,
  selectable,
  testId,
}: {
  value: number | undefined;
  onChange: (id: number) => void;
  selectable?: readonly UnitKind[];
  testId?: string;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const roots = useUnitChildren(null);
  const current = useUnit(value);
  const [nodes, setNodes] = useState<Node[]>([]);

  const toNode = (u: Unit, pId: number | null): Node => ({
    id: u.id,
    pId,
    value: u.id,
    title: u.name,
    isLeaf: u.childCount === 0,
    selectable: selectable ? selectable.includes(u.kind) : true,
  });

  useEffect(() => {
    if (!roots.data) return;
    setNodes((known) => {
      const fresh = roots.data.items.filter(isParty).map((u) => toNode(u, null));
      return [...fresh, ...known.filter((n) => !fresh.some((f) => f.id === n.id))];
    });
    // toNode depends only on `selectable`, which callers pass as a constant: the roots alone decide.
  }, [roots.data]);

  // The chosen unit may sit deep in the tree: show its name before its branch is opened.
  useEffect(() => {
    const unit = current.data;
    if (!unit) return;
    setNodes((known) => (known.some((n) => n.id === unit.id) ? known : [...known, toNode(unit, -1)]));
  }, [current.data]);

  const loadData = async (node: { value?: unknown }) => {
    const id = Number(node.value);
    if (!Number.isInteger(id)) return;
    const page = await fetchUnitChildren(queryClient, id);
    setNodes((known) => [
      ...known,
      ...page.items.filter((u) => isParty(u) && !known.some((n) => n.id === u.id)).map((u) => toNode(u, id)),
    ]);
  };

  return (
    <TreeSelect<number>
      treeDataSimpleMode
      treeData={nodes}
      loadData={loadData}
      value={value}
      onChange={(id) => onChange(id)}
      placeholder={t('coverage.pickUnit')}
      aria-label={t('coverage.unit')}
      showSearch={false}
      // Branches load one level at a time, so the list holds at most a few hundred units: all of
      // them are drawn (no virtual list), and a province's 50 direct units scroll like any list.
      virtual={false}
      style={{ minWidth: 280 }}
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  );
}
