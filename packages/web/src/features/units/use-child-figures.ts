import type { Unit, UnitCounts } from '@caunoi/domain';
import { useUnitDetails } from './queries';

/** More children than this cost one request each for little use; their figures are left out. */
export const maxChildFigures = 40;

export interface ChildFigures {
  unit: Unit;
  counts: UnitCounts | undefined;
}

/**
 * The figures of each child unit, one request per child (the API has no
 * per-child rollup yet): the rows of the report's table and chart.
 */
export function useChildFigures(children: Unit[]): { rows: ChildFigures[]; loaded: boolean } {
  const withFigures = children.slice(0, maxChildFigures);
  const details = useUnitDetails(withFigures.map((u) => u.id));
  const rows = children.map((unit, index) => ({ unit, counts: details[index]?.data?.counts }));
  return { rows, loaded: details.every((d) => d.data !== undefined || d.isError) };
}
