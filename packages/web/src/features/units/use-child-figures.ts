import { useQuery } from '@tanstack/react-query';
import type { ChildFigures as ChildFiguresAnswer, Unit, UnitCounts } from '@caunoi/domain';
import { api } from '../../api/client';
import { unitKeys } from './queries';

export interface ChildFigures {
  unit: Unit;
  counts: UnitCounts | undefined;
}

/**
 * The figures of each child unit in one request (a phone on a weak signal
 * should not make one per cell): the rows of the report's table and chart.
 */
export function useChildFigures(
  parentId: number,
  children: Unit[],
): { rows: ChildFigures[]; loaded: boolean } {
  const figures = useQuery({
    queryKey: [...unitKeys.detail(parentId), 'children-figures'],
    queryFn: ({ signal }) => api.get<ChildFiguresAnswer>(`/units/${parentId}/children/figures`, signal),
  });
  const byId = new Map(figures.data?.items.map((item) => [item.unit.id, item.counts]));
  const rows = children.map((unit) => ({ unit, counts: byId.get(unit.id) }));
  return { rows, loaded: !figures.isPending };
}
