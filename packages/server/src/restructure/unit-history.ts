import type { Kysely } from 'kysely';
import type { UnitHistory, UnitKind, UnitLink } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import type { UnitRow } from '../units/units.repository.js';
import { listUnitLinks, listUnitVersions } from './restructure.repository.js';

function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A unit's names over time (past versions, then the current one) and its predecessors and successors. */
export async function unitHistoryOf(db: Kysely<DB>, unit: UnitRow): Promise<UnitHistory> {
  const past = await listUnitVersions(db, unit.id);
  const last = past.at(-1);
  const versions = [
    ...past.map((v) => ({
      name: v.name,
      code: v.code,
      parentId: v.parent_id,
      validFrom: v.valid_from,
      validTo: v.valid_to as string | null,
    })),
    {
      name: unit.name,
      code: unit.code,
      parentId: unit.parent_id,
      validFrom: last ? dayAfter(last.valid_to) : unit.valid_from,
      validTo: unit.valid_to,
    },
  ];
  const links = await listUnitLinks(db, unit.id);
  const toLink = (l: (typeof links.predecessors)[number]): UnitLink => ({
    unit: { id: l.id, code: l.code, name: l.name, kind: l.kind as UnitKind },
    kind: l.link_kind as UnitLink['kind'],
    effectiveDate: l.effective_date,
    decision: { number: l.decision_number, date: l.decision_date, issuer: l.decision_issuer },
  });
  return {
    versions,
    predecessors: links.predecessors.map(toLink),
    successors: links.successors.map(toLink),
  };
}
