import type { Kysely } from 'kysely';
import type { CapBasis, RatingFramework, RatingSubject, ResultLevel } from '@caunoi/domain';
import type { DB } from '../db/schema.js';

/** Framework versions (optionally of one subject, or valid on a date), each with its rows. */
export async function listFrameworks(
  db: Kysely<DB>,
  filter: { subject?: RatingSubject | undefined; validOn?: string | undefined; ids?: string[] },
): Promise<RatingFramework[]> {
  let query = db.selectFrom('rating_frameworks').selectAll();
  if (filter.subject) query = query.where('subject', '=', filter.subject);
  if (filter.validOn) {
    const on = filter.validOn;
    query = query
      .where('valid_from', '<=', on)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', on)]));
  }
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    query = query.where('id', 'in', filter.ids);
  }
  const frames = await query.orderBy('subject').orderBy('valid_from', 'desc').execute();
  if (frames.length === 0) return [];
  const ids = frames.map((f) => f.id);
  const [groups, items, levels, triggers] = await Promise.all([
    db
      .selectFrom('rating_framework_groups')
      .selectAll()
      .where('framework_id', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('rating_framework_items')
      .selectAll()
      .where('framework_id', 'in', ids)
      .orderBy('position')
      .execute(),
    db.selectFrom('rating_framework_levels').selectAll().where('framework_id', 'in', ids).execute(),
    db
      .selectFrom('rating_framework_triggers')
      .selectAll()
      .where('framework_id', 'in', ids)
      .orderBy('position')
      .execute(),
  ]);
  return frames.map((f) => ({
    id: f.id,
    code: f.code,
    name: f.name,
    source: f.source,
    subject: f.subject as RatingSubject,
    validFrom: f.valid_from,
    validTo: f.valid_to,
    maxScore: f.max_score,
    excellentCapPercent: f.excellent_cap_percent,
    capBasis: f.cap_basis as CapBasis,
    groups: groups
      .filter((g) => g.framework_id === f.id)
      .map((g) => ({
        code: g.code,
        name: g.name,
        maxPoints: g.max_points,
        items: items
          .filter((i) => i.group_id === g.id)
          .map((i) => ({ code: i.code, text: i.text, maxPoints: i.max_points })),
      })),
    levels: levels
      .filter((l) => l.framework_id === f.id)
      .map((l) => ({ level: l.level as ResultLevel, minScore: l.min_score }))
      .sort((a, b) => b.minScore - a.minScore),
    triggers: triggers
      .filter((t) => t.framework_id === f.id)
      .map((t) => ({ code: t.code, text: t.text, forcesLevel: t.forces_level as ResultLevel })),
  }));
}

/** The latest version of a subject's framework (by start date), whatever its end. */
export async function latestFrameworkOf(db: Kysely<DB>, subject: RatingSubject) {
  return db
    .selectFrom('rating_frameworks')
    .select(['id', 'valid_from', 'valid_to'])
    .where('subject', '=', subject)
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
}

export async function endFramework(db: Kysely<DB>, id: string, validTo: string, now: string): Promise<void> {
  await db
    .updateTable('rating_frameworks')
    .set({ valid_to: validTo, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Writes a framework version and its rows; ids of the rows are made by the caller. */
export async function insertFramework(
  db: Kysely<DB>,
  f: Omit<RatingFramework, 'validTo'> & { validTo: string | null },
  newId: () => string,
  now: string,
): Promise<void> {
  await db
    .insertInto('rating_frameworks')
    .values({
      id: f.id,
      code: f.code,
      name: f.name,
      source: f.source,
      subject: f.subject,
      valid_from: f.validFrom,
      valid_to: f.validTo,
      max_score: f.maxScore,
      excellent_cap_percent: f.excellentCapPercent,
      cap_basis: f.capBasis,
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const [g, group] of f.groups.entries()) {
    const groupId = newId();
    await db
      .insertInto('rating_framework_groups')
      .values({
        id: groupId,
        framework_id: f.id,
        position: g,
        code: group.code,
        name: group.name,
        max_points: group.maxPoints,
      })
      .execute();
    await db
      .insertInto('rating_framework_items')
      .values(
        group.items.map((item, position) => ({
          id: newId(),
          framework_id: f.id,
          group_id: groupId,
          position,
          code: item.code,
          text: item.text,
          max_points: item.maxPoints,
        })),
      )
      .execute();
  }
  await db
    .insertInto('rating_framework_levels')
    .values(f.levels.map((l) => ({ framework_id: f.id, level: l.level, min_score: l.minScore })))
    .execute();
  if (f.triggers.length > 0) {
    await db
      .insertInto('rating_framework_triggers')
      .values(
        f.triggers.map((t, position) => ({
          id: newId(),
          framework_id: f.id,
          position,
          code: t.code,
          text: t.text,
          forces_level: t.forcesLevel,
        })),
      )
      .execute();
  }
}
