import type { Kysely } from 'kysely';
import {
  excellentRunText,
  runEndingAt,
  todayInVietnam,
  twoDigits,
  type AwardCandidate,
  type AwardCandidates,
  type AwardLevel,
  type CandidateQuery,
  type ResultLevel,
  type UnitKind,
} from '@caunoi/domain';
import type { Actor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { pathIds } from '../meetings/meeting-sheets.service.js';
import { latestResultYear, listUnitResultsUnder } from '../results/unit-results.repository.js';
import { loadUnitInScope } from '../units/units.service.js';
import { listAwardTitlesFor, unitAwardsSince } from './awards.repository.js';

/**
 * Proposals from the records: collectives whose yearly result was "hoàn
 * thành xuất sắc nhiệm vụ" as many years running as a form of commendation in
 * the catalogue asks for, ending with `year`, and not yet commended with that
 * form for any of those years. A person confirms a proposal by recording the
 * award; nothing is written here.
 */
export async function listCandidates(
  db: Kysely<DB>,
  actor: Actor,
  query: CandidateQuery,
): Promise<AwardCandidates> {
  const root = query.unitId
    ? await loadUnitInScope(db, actor, query.unitId)
    : await loadUnitInScope(db, actor, actor.scopeUnitId);
  const year =
    query.year ?? (await latestResultYear(db, root.path)) ?? Number(todayInVietnam().slice(0, 4)) - 1;
  const titles = (await listAwardTitlesFor(db, root.path, pathIds(root.path), `${year}-12-31`)).filter(
    (t) => t.consecutive_excellent_years !== null && t.recipient_kind !== 'individual',
  );
  if (titles.length === 0) return { year, items: [] };
  const longest = Math.max(...titles.map((t) => t.consecutive_excellent_years ?? 0));
  const results = await listUnitResultsUnder(db, {
    path: root.path,
    yearFrom: year - longest + 1,
    yearTo: year,
    limit: 100_000,
    offset: 0,
  });
  const units = new Map<
    number,
    { name: string; kind: string; path: string; byYear: Map<number, ResultLevel> }
  >();
  for (const r of results) {
    const unit = units.get(r.unit_id) ?? {
      name: r.unit_name,
      kind: r.unit_kind,
      path: r.scope_path,
      byYear: new Map(),
    };
    unit.byYear.set(r.year, r.level as ResultLevel);
    units.set(r.unit_id, unit);
  }
  const awarded = await unitAwardsSince(db, [...units.keys()], year - longest + 1);
  const candidates: AwardCandidate[] = [];
  for (const [unitId, unit] of units) {
    const run = runEndingAt(unit.byYear, year);
    for (const title of titles) {
      const needed = title.consecutive_excellent_years ?? 0;
      if (run < needed) continue;
      if (title.owner_path !== null && !unit.path.startsWith(title.owner_path)) continue;
      const firstYear = year - needed + 1;
      if (awarded.some((a) => a.unit_id === unitId && a.title_code === title.code && a.year >= firstYear))
        continue;
      const basis = excellentRunText(needed, firstYear, year);
      candidates.push({
        titleId: title.id,
        titleName: title.name,
        level: title.level as AwardLevel,
        issuer: title.issuer,
        unitId,
        unitName: unit.name,
        unitKind: unit.kind as UnitKind,
        year: year,
        firstYear,
        years: needed,
        basis,
        suggestedReason: `Đã có thành tích hoàn thành xuất sắc nhiệm vụ ${twoDigits(needed)} năm liền (${firstYear}–${year})`,
      });
    }
  }
  return {
    year,
    items: candidates.sort((a, b) => b.years - a.years || a.unitName.localeCompare(b.unitName, 'vi')),
  };
}
