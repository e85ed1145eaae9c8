import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { underPath } from '../db/sql-helpers.js';

/** One more refusal for the account in this minute: one statement, so concurrent requests and servers add up. */
export async function countRefusedRead(
  db: Kysely<DB>,
  row: { userId: string; scopePath: string; route: string; at: string },
): Promise<void> {
  await db
    .insertInto('refused_reads')
    .values({
      user_id: row.userId,
      minute: row.at.slice(0, 16),
      scope_path: row.scopePath,
      count: 1,
      last_route: row.route,
      last_at: row.at,
    })
    .onConflict((oc) =>
      oc.columns(['user_id', 'minute']).doUpdateSet({
        count: sql<number>`refused_reads.count + 1`,
        last_route: (eb) => eb.ref('excluded.last_route'),
        last_at: (eb) => eb.ref('excluded.last_at'),
      }),
    )
    .execute();
}

/** Refusals of accounts whose scope lies under `path`, newest minute first. */
export async function listRefusedReads(
  db: Kysely<DB>,
  filter: { path: string; limit: number; offset: number },
) {
  return db
    .selectFrom('refused_reads')
    .leftJoin('users', 'users.id', 'refused_reads.user_id')
    .select([
      'refused_reads.user_id',
      'users.username',
      'refused_reads.minute',
      'refused_reads.count',
      'refused_reads.last_route',
      'refused_reads.last_at',
    ])
    .where((eb) => underPath(eb.ref('refused_reads.scope_path'), filter.path))
    .orderBy('refused_reads.minute', 'desc')
    .orderBy('refused_reads.user_id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}
