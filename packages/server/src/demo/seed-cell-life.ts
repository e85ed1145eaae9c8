import type { Insertable, Kysely } from 'kysely';
import { foldVietnamese, todayInVietnam } from '@caunoi/domain';
import { hashPassword } from '../auth/password.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { generateCellLifeDemo, type CellLifeDemo } from './cell-life-demo.js';
import type { DemoData } from './demo-types.js';

export interface SeededUnit {
  id: number;
  path: string;
  orgId: number | null;
}

export interface CellLifeSeedContext {
  /** Units already written by the demo seed, by code; mass organisations are added to it. */
  units: Map<string, SeededUnit>;
  demoId: (kind: string, code: string) => string;
  now: string;
  /** Password hashes already made, by password. */
  passwordHashes: Map<string, string>;
  asOf?: string;
}

async function insertChunked<T extends keyof DB & string>(
  db: Kysely<DB>,
  table: T,
  rows: readonly Insertable<DB[T]>[],
  chunk = 300,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + chunk) as never)
      .execute();
  }
}

/**
 * Writes the cell-life part of the demo inside the demo seed's transaction:
 * mass organisations, the scoring sheet, oversight, a year of meetings, the
 * yearly results, the award catalogue and the commendations, and the account
 * of a committee member who oversees a cell.
 */
export async function seedCellLife(
  db: Kysely<DB>,
  data: DemoData,
  context: CellLifeSeedContext,
): Promise<CellLifeDemo> {
  const demo = generateCellLifeDemo(data, context.asOf ?? todayInVietnam());
  const { units, demoId, now } = context;
  const unit = (code: string): SeededUnit & { orgId: number } => {
    const found = units.get(code);
    if (!found || found.orgId === null) throw new Error(`cell-life demo: unknown unit ${code}`);
    return found as SeededUnit & { orgId: number };
  };
  const memberId = (code: string) => demoId('member', code);

  for (const m of demo.massOrgs) {
    const parent = unit(m.parentCode);
    const { id } = await db
      .insertInto('org_units')
      .values({
        code: m.code,
        name: m.name,
        name_folded: foldVietnamese(m.name),
        kind: 'mass_organisation',
        parent_id: parent.id,
        path: '',
        depth: parent.path.split('/').length - 2,
        org_id: parent.orgId,
        hamlet_id: null,
        valid_from: m.validFrom,
        valid_to: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const path = `${parent.path}${id}/`;
    await db.updateTable('org_units').set({ path }).where('id', '=', id).execute();
    await db
      .insertInto('mass_org_profiles')
      .values({ org_id: parent.orgId, unit_id: id, org_type: m.orgType })
      .execute();
    units.set(m.code, { id, path, orgId: parent.orgId });
  }

  const criterionIds = new Map<string, string[]>();
  for (const s of demo.sheets) {
    const owner = units.get(s.ownerCode)!;
    const sheetId = demoId('meeting_sheet', `${s.ownerCode}:${s.code}:${s.validFrom}`);
    await db
      .insertInto('meeting_sheets')
      .values({
        id: sheetId,
        owner_unit_id: owner.id,
        owner_path: owner.path,
        org_id: owner.orgId,
        code: s.code,
        name: s.name,
        source: s.source,
        valid_from: s.validFrom,
        valid_to: null,
        max_score: s.criteria.reduce((sum, c) => sum + c.maxPoints, 0),
        created_by: 'system',
        created_at: now,
        updated_at: now,
      })
      .execute();
    const ids = s.criteria.map((c) => demoId('meeting_criterion', `${sheetId}:${c.code}`));
    await insertChunked(
      db,
      'meeting_sheet_criteria',
      s.criteria.map((c, position) => ({
        id: ids[position]!,
        sheet_id: sheetId,
        org_id: owner.orgId,
        position,
        code: c.code,
        text: c.text,
        max_points: c.maxPoints,
      })),
    );
    criterionIds.set(sheetId, ids);
  }
  const [sheetId, criteria] = [...criterionIds][0] ?? [null, []];
  const sheetMax = demo.sheets[0]?.criteria.reduce((sum, c) => sum + c.maxPoints, 0) ?? null;

  await insertChunked(
    db,
    'oversight_assignments',
    demo.oversight.map((o) => {
      const u = unit(o.unitCode);
      return {
        id: demoId('oversight', `${o.memberCode}:${o.unitCode}:${o.startDate}`),
        org_id: u.orgId,
        unit_id: u.id,
        unit_path: u.path,
        member_id: memberId(o.memberCode),
        start_date: o.startDate,
        end_date: null,
        note: o.note,
        end_reason: null,
        created_by: 'system',
        created_at: now,
        updated_at: now,
      };
    }),
  );

  const meetings = demo.meetings.map((m) => {
    const cell = unit(m.cellCode);
    const count = (s: string) => m.attendance.filter((a) => a.status === s).length;
    const scored = sheetId !== null && m.date >= (demo.sheets[0]?.validFrom ?? '');
    return {
      id: demoId('meeting', m.key),
      org_id: cell.orgId,
      cell_id: cell.id,
      scope_path: cell.path,
      kind: m.kind,
      meeting_date: m.date,
      month: m.date.slice(0, 7),
      topic: m.topic,
      chair_member_id: memberId(m.chairCode),
      overseer_member_id: m.overseerCode ? memberId(m.overseerCode) : null,
      overseer_attendance: m.overseerAttendance,
      minutes: m.minutes,
      sheet_id: scored ? sheetId : null,
      score_total: scored ? m.scores.reduce((a, b) => a + b, 0) : null,
      score_max: scored ? sheetMax : null,
      present_count: count('present'),
      excused_count: count('excused'),
      absent_count: count('absent'),
      resolution_count: m.resolutions.length,
      created_by: 'system',
      created_at: now,
      updated_at: now,
    };
  });
  await insertChunked(db, 'meetings', meetings, 100);
  await insertChunked(
    db,
    'meeting_attendance',
    demo.meetings.flatMap((m, i) =>
      m.attendance.map((a) => ({
        org_id: meetings[i]!.org_id,
        meeting_id: meetings[i]!.id,
        member_id: memberId(a.memberCode),
        status: a.status,
        note: a.status === 'excused' ? 'Bận việc gia đình, có báo trước' : null,
      })),
    ),
  );
  await insertChunked(
    db,
    'meeting_resolutions',
    demo.meetings.flatMap((m, i) =>
      m.resolutions.map((r, position) => ({
        id: demoId('meeting_resolution', `${m.key}:${position}`),
        org_id: meetings[i]!.org_id,
        meeting_id: meetings[i]!.id,
        position,
        text: r.text,
        follow_up_member_id: memberId(r.followUpCode),
        due_date: r.dueDate,
        status: r.status,
        created_at: now,
        updated_at: now,
      })),
    ),
  );
  await insertChunked(
    db,
    'meeting_scores',
    demo.meetings.flatMap((m, i) =>
      meetings[i]!.sheet_id === null
        ? []
        : m.scores.map((points, position) => ({
            org_id: meetings[i]!.org_id,
            meeting_id: meetings[i]!.id,
            criterion_id: criteria[position]!,
            points,
          })),
    ),
  );

  await insertChunked(
    db,
    'unit_results',
    demo.results.map((r) => {
      const u = unit(r.unitCode);
      return {
        id: demoId('unit_result', `${r.unitCode}:${r.year}`),
        org_id: u.orgId,
        unit_id: u.id,
        scope_path: u.path,
        year: r.year,
        level: r.level,
        note: null,
        recorded_by: 'system',
        created_at: now,
        updated_at: now,
      };
    }),
  );

  const titleIds = new Map<string, { id: string; name: string; level: string; code: string }>();
  for (const t of demo.awardTitles) {
    const owner = t.ownerCode ? units.get(t.ownerCode)! : null;
    const id = demoId('award_title', `${t.ownerCode ?? ''}:${t.code}:${t.validFrom}`);
    await db
      .insertInto('award_titles')
      .values({
        id,
        owner_unit_id: owner?.id ?? null,
        owner_path: owner?.path ?? null,
        org_id: owner?.orgId ?? null,
        code: t.code,
        name: t.name,
        level: t.level,
        recipient_kind: t.recipientKind,
        issuer: t.issuer,
        consecutive_excellent_years: t.consecutiveExcellentYears,
        source: t.source,
        valid_from: t.validFrom,
        valid_to: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    titleIds.set(`${t.ownerCode ?? ''}:${t.code}`, { id, name: t.name, level: t.level, code: t.code });
  }
  const memberByCode = new Map(data.members.map((m) => [m.code, m]));
  await insertChunked(
    db,
    'awards',
    demo.awards.map((a) => {
      const title = titleIds.get(`${a.titleOwnerCode ?? ''}:${a.titleCode}`)!;
      const member = a.memberCode ? memberByCode.get(a.memberCode) : undefined;
      const place = a.unitCode ? unit(a.unitCode) : unit(member!.cellCode);
      const unitRow = a.unitCode ? data.units.find((u) => u.code === a.unitCode) : undefined;
      return {
        id: demoId('award', a.key),
        org_id: place.orgId,
        scope_path: place.path,
        recipient_kind: a.recipientKind,
        recipient_name: unitRow?.name ?? member?.fullName ?? '',
        unit_id: a.unitCode ? place.id : null,
        member_id: a.memberCode ? memberId(a.memberCode) : null,
        household_id: null,
        title_id: title.id,
        title_code: title.code,
        title_name: title.name,
        level: title.level,
        issuer: a.issuer,
        decision_number: a.decisionNumber,
        decision_date: a.decisionDate,
        year: a.year,
        reason: a.reason,
        basis: a.basis,
        created_by: 'system',
        created_at: now,
        updated_at: now,
      };
    }),
  );

  for (const a of demo.accounts) {
    const hash = context.passwordHashes.get(a.password) ?? (await hashPassword(a.password));
    await db
      .insertInto('users')
      .values({
        id: demoId('user', a.username),
        username: a.username,
        password_hash: hash,
        display_name: a.displayName,
        role: a.role,
        scope_unit_id: units.get(a.scopeUnitCode)!.id,
        member_id: a.memberCode ? memberId(a.memberCode) : null,
        language: 'vi',
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  await recordAudit(db, null, {
    action: 'create',
    entity: 'seed',
    entityId: 'demo-cell-life',
    changes: {
      massOrganisations: demo.massOrgs.length,
      meetings: demo.meetings.length,
      oversight: demo.oversight.length,
      results: demo.results.length,
      awards: demo.awards.length,
      accounts: demo.accounts.length,
    },
  });
  return demo;
}
