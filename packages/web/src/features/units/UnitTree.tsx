import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Tree, type TreeDataNode } from 'antd';
import { useNavigate } from 'react-router';
import { unitKindLabels, type Unit } from '@caunoi/domain';
import { LoadingState } from '../../components/LoadingState';
import { ErrorState } from '../../components/ErrorState';
import { useI18n } from '../../i18n/i18n-context';
import { fetchUnitChildren, useUnitChildren } from './queries';

interface UnitNode extends TreeDataNode {
  key: string;
  unit: Unit;
  children?: UnitNode[];
}

function toNode(unit: Unit): UnitNode {
  return { key: String(unit.id), unit, title: unit.name, isLeaf: unit.childCount === 0 };
}

function withChildren(nodes: UnitNode[], key: string, children: UnitNode[]): UnitNode[] {
  return nodes.map((node) => {
    if (node.key === key) return { ...node, children };
    return node.children ? { ...node, children: withChildren(node.children, key, children) } : node;
  });
}

/** The organisation, one level at a time: children load when a node opens. */
export function UnitTree() {
  const { label } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const roots = useUnitChildren(null);
  const [nodes, setNodes] = useState<UnitNode[]>([]);
  const [expanded, setExpanded] = useState<string[]>([]);

  useEffect(() => {
    if (!roots.data) return;
    setNodes(roots.data.items.map(toNode));
    // The scope root opens by itself: one level below it is what a user came for.
    setExpanded(roots.data.items.filter((u) => u.childCount > 0).map((u) => String(u.id)));
  }, [roots.data]);

  if (roots.isPending) return <LoadingState />;
  if (roots.isError) return <ErrorState error={roots.error} onRetry={() => void roots.refetch()} />;

  const loadData = async (node: UnitNode) => {
    if (node.children) return;
    const page = await fetchUnitChildren(queryClient, node.unit.id);
    setNodes((current) => withChildren(current, node.key, page.items.map(toNode)));
  };

  return (
    <Tree<UnitNode>
      className="unit-tree"
      treeData={nodes}
      loadData={loadData}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys.map(String))}
      selectable
      blockNode
      onSelect={(_keys, info) => void navigate(`/units/${info.node.unit.id}`)}
      titleRender={(node) => (
        <span data-testid="unit-tree-node">
          {node.unit.name}
          <span className="unit-tree-kind muted">{label(unitKindLabels[node.unit.kind])}</span>
        </span>
      )}
    />
  );
}
