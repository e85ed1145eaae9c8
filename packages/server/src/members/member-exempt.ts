import { sql, type RawBuilder } from 'kysely';

/**
 * Whether a member (`table`.id) is exempt from activities (miễn sinh hoạt) on
 * `date`, 1 or 0. Once a member has exemption periods they decide, and a period
 * that starts or ends on a later day counts from that day by itself; a member
 * without periods keeps the flag as entered (import, demo). Readers use this
 * rather than `members.exempt`, which is "today" only as of the last write.
 */
export function exemptOn(date: string, table = 'members'): RawBuilder<number> {
  const id = sql.ref(`${table}.id`);
  return sql<number>`(case when exists (select 1 from member_exemptions mx where mx.member_id = ${id})
    then (case when exists (select 1 from member_exemptions mx where mx.member_id = ${id}
      and mx.start_date <= ${date} and (mx.end_date is null or mx.end_date >= ${date})) then 1 else 0 end)
    else ${sql.ref(`${table}.exempt`)} end)`;
}
