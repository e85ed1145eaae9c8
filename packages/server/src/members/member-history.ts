import type { Kysely } from 'kysely';
import type { MemberDetail, MemberEvent, PositionKind } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { listExemptions, listMemberEvents, listPositions } from './member-lifecycle.repository.js';

export type { MemberDetail };

/** The dated parts of a member's page: events (the timeline), exemption periods, positions. */
export async function memberHistory(
  db: Kysely<DB>,
  memberId: string,
): Promise<Pick<MemberDetail, 'events' | 'exemptions' | 'positions'>> {
  const [events, exemptions, positions] = await Promise.all([
    listMemberEvents(db, [memberId]),
    listExemptions(db, memberId),
    listPositions(db, memberId),
  ]);
  return {
    events: events.map((e): MemberEvent => ({
      id: e.id,
      kind: e.kind as MemberEvent['kind'],
      effectiveDate: e.effective_date,
      details: JSON.parse(e.details) as Record<string, unknown>,
      recordedAt: e.created_at,
    })),
    exemptions: exemptions.map((x) => ({
      id: x.id,
      startDate: x.start_date,
      endDate: x.end_date,
      reason: x.reason,
    })),
    positions: positions.map((p) => ({
      id: p.id,
      position: p.position as PositionKind,
      unitId: p.unit_id,
      unitName: p.unit_name,
      concurrentPost: p.concurrent_post,
      startDate: p.start_date,
      endDate: p.end_date,
    })),
  };
}
