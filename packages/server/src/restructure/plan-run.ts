import type { Kysely } from 'kysely';
import {
  canContain,
  foldVietnamese,
  isCellKind,
  ownsOrganisation,
  terminalPetitionStates,
  todayInVietnam,
  type AffectedUnit,
  type PlanIssue,
  type PlanIssueCode,
  type RestructureDecision,
  type RestructureMove,
  type RestructureOperation,
  type RestructurePlan,
  type StrandedItem,
  type UnitKind,
} from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { pauseSearchIndex } from '../households/household-search-index.js';
import { nowIso } from '../db/sql-helpers.js';
import {
  findCurrentUnitByCode,
  findUnitById,
  findUnitsWithCodeFrom,
  insertUnit,
  setUnitPath,
  type UnitRow,
} from '../units/units.repository.js';
import { moveHouseholdForRestructure } from './household-move.js';
import {
  activeChildUnits,
  activeHouseholdsOfCell,
  activeMembersOfCell,
  currentPeriodStarts,
  householdsByCodes,
  insertUnitLink,
  insertUnitVersions,
  membersByCodes,
  moveMemberToCell,
  movePetitions,
  openPetitionsOfCell,
  rescopeAccounts,
  rewritePaths,
  setParents,
  setUnitFields,
  subtreeUnits,
  type HeldRecord,
} from './restructure.repository.js';
import { strandedIn } from './stranded.js';

const issueText: Record<PlanIssueCode, string> = {
  UNKNOWN_UNIT: 'Không tìm thấy đơn vị có mã này vào ngày trước ngày hiệu lực.',
  UNIT_ENDED: 'Đơn vị đã kết thúc trước ngày hiệu lực.',
  DUPLICATE_REF: 'Mã tham chiếu (ref) đã dùng cho một đơn vị khác trong phương án.',
  DUPLICATE_CODE: 'Mã đơn vị đã được một đơn vị khác sử dụng từ ngày hiệu lực.',
  INVALID_PARENT: 'Đơn vị cấp trên không được chứa loại đơn vị này.',
  MOVE_INTO_SUBTREE: 'Không thể chuyển đơn vị vào chính đơn vị trực thuộc nó.',
  UNIT_ENDS_TWICE: 'Đơn vị đã được kết thúc bởi một thao tác trước trong phương án.',
  UNIT_USED_AFTER_END: 'Đơn vị đã kết thúc ở thao tác trước nên không thể nhận thêm.',
  NOT_A_CELL: 'Đảng viên và hộ gia đình chỉ chuyển giữa các chi bộ.',
  UNKNOWN_MEMBER: 'Không tìm thấy đảng viên đang sinh hoạt có mã này.',
  UNKNOWN_HOUSEHOLD: 'Không tìm thấy hộ gia đình đang hoạt động có mã này.',
  SPLIT_REST: 'Chỉ một phần được nhận "phần còn lại" (rest).',
  SPLIT_LISTED_TWICE: 'Đơn vị, đảng viên hoặc hộ này được chia cho hai phần.',
  NOT_IN_UNIT: 'Đơn vị, đảng viên hoặc hộ này không thuộc đơn vị được chia.',
  KIND_MISMATCH: 'Chỉ sáp nhập chi bộ với chi bộ, đảng bộ với đảng bộ.',
  EFFECTIVE_DATE_TOO_EARLY: 'Ngày hiệu lực phải sau ngày đơn vị bắt đầu hoạt động.',
  EFFECTIVE_DATE_IN_FUTURE:
    'Ngày hiệu lực chưa đến: hãy áp dụng phương án vào ngày hiệu lực (hoặc xem trước).',
  CROSS_ORGANISATION:
    'Đảng viên hoặc hộ chuyển sang chi bộ của đảng bộ cơ sở khác: hãy dùng chức năng chuyển sinh hoạt / chuyển hộ.',
  OUT_OF_SCOPE: 'Đơn vị nằm ngoài phạm vi của tài khoản.',
};

export function dayBeforeDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function dayAfterDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

interface Affected {
  id: number;
  created: boolean;
  ended: boolean;
  changes: Set<AffectedUnit['changes'][number]>;
  code: string;
  name: string;
  kind: string;
  newName: string | null;
  newCode: string | null;
  parentBefore: string | null;
  parentAfter: string | null;
}

/**
 * One run of a plan inside one transaction: each operation is checked and
 * written in order, so later operations see earlier ones (a created unit, a
 * moved subtree). Problems are collected, not thrown, so a preview lists them
 * all; the caller rolls the transaction back when there is any.
 */
export class PlanRun {
  readonly issues: PlanIssue[] = [];
  readonly stranded: StrandedItem[] = [];
  readonly affected = new Map<number, Affected>();
  readonly touchedCells = new Set<number>();
  /** Households whose path changed: the search triggers are paused and they are re-indexed once, at the end. */
  readonly reindex = new Set<string>();
  accountsRescoped = 0;
  private readonly moves = new Map<string, RestructureMove>();
  private readonly names = new Map<string, number>();
  private readonly ended = new Set<number>();
  readonly effective: string;
  readonly resolvedOn: string;
  private readonly now = nowIso();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly plan: RestructurePlan,
    private readonly inScope: (path: string) => boolean,
    /** A preview: rolled back, so moved subtrees' rows keep their paths (see `rewritePaths`). */
    private readonly preview = false,
  ) {
    this.effective = plan.effectiveDate;
    this.resolvedOn = dayBeforeDate(plan.effectiveDate);
  }

  issue(operation: number | null, code: PlanIssueCode, subject: string | null): void {
    this.issues.push({ operation, code, subject, message: issueText[code] });
  }

  moveList(): RestructureMove[] {
    return [...this.moves.values()];
  }

  private countMove(kind: RestructureMove['kind'], fromCode: string, toCode: string, count: number): void {
    if (count === 0) return;
    const key = `${kind}|${fromCode}|${toCode}`;
    const known = this.moves.get(key);
    if (known) known.count += count;
    else this.moves.set(key, { kind, fromCode, toCode, count });
  }

  private reindexed(householdIds: readonly string[]): void {
    for (const id of householdIds) this.reindex.add(id);
  }

  /** A unit named by the plan, read fresh (earlier operations may have moved it), or null with an issue. */
  async resolve(name: string, op: number): Promise<UnitRow | null> {
    let id = this.names.get(name);
    if (id === undefined) {
      const row = await findCurrentUnitByCode(this.db, name, this.resolvedOn);
      if (!row) {
        this.issue(op, 'UNKNOWN_UNIT', name);
        return null;
      }
      id = row.id;
      this.names.set(name, id);
    }
    const row = (await findUnitById(this.db, id)) ?? null;
    if (row && !this.inScope(row.path)) {
      this.issue(op, 'OUT_OF_SCOPE', name);
      return null;
    }
    return row;
  }

  /** Records the unit's figures-to-be; the first sighting keeps what it was before. */
  private touch(row: UnitRow, parentCode: string | null, created = false): Affected {
    let a = this.affected.get(row.id);
    if (!a) {
      a = {
        id: row.id,
        created,
        ended: false,
        changes: new Set(),
        code: row.code,
        name: row.name,
        kind: row.kind,
        newName: null,
        newCode: null,
        parentBefore: created ? null : parentCode,
        parentAfter: parentCode,
      };
      this.affected.set(row.id, a);
    }
    return a;
  }

  private async parentCode(row: UnitRow): Promise<string | null> {
    if (row.parent_id === null) return null;
    return (await findUnitById(this.db, row.parent_id))?.code ?? null;
  }

  /** A unit that must still exist from the effective date (a target, a parent). */
  private usable(row: UnitRow, name: string, op: number): boolean {
    if (this.ended.has(row.id)) {
      this.issue(op, 'UNIT_USED_AFTER_END', name);
      return false;
    }
    if (row.valid_to !== null && row.valid_to < this.effective) {
      this.issue(op, 'UNIT_ENDED', name);
      return false;
    }
    return true;
  }

  async run(): Promise<void> {
    // One trigger run per moved household cost a commune's merge minutes on SQLite; the caller resumes.
    await pauseSearchIndex(this.db);
    // The current columns are today's truth: a plan taking effect later is applied on its day.
    if (this.effective > todayInVietnam()) this.issue(null, 'EFFECTIVE_DATE_IN_FUTURE', this.effective);
    for (const [index, op] of this.plan.operations.entries()) {
      await this.operation(index, op);
    }
  }

  private decisionOf(op: RestructureOperation): RestructureDecision {
    return op.decision ?? this.plan.decision;
  }

  private async operation(index: number, op: RestructureOperation): Promise<void> {
    switch (op.op) {
      case 'create':
        return this.create(index, op);
      case 'rename': {
        const unit = await this.resolve(op.unit, index);
        if (unit && this.usable(unit, op.unit, index)) await this.rename(index, unit, op.name, op.code);
        return;
      }
      case 'move': {
        const unit = await this.resolve(op.unit, index);
        const parent = await this.resolve(op.parent, index);
        if (!unit || !parent || !this.usable(unit, op.unit, index) || !this.usable(parent, op.parent, index))
          return;
        await this.moveUnit(index, unit, parent);
        return;
      }
      case 'merge':
        return this.merge(index, op);
      case 'split':
        return this.split(index, op);
      case 'dissolve':
        return this.dissolve(index, op);
    }
  }

  private async create(index: number, op: Extract<RestructureOperation, { op: 'create' }>): Promise<void> {
    const ref = op.ref ?? op.code;
    if (this.names.has(ref)) return this.issue(index, 'DUPLICATE_REF', ref);
    let parent: UnitRow | null = null;
    if (op.parent !== null) {
      parent = await this.resolve(op.parent, index);
      if (!parent || !this.usable(parent, op.parent, index)) return;
      if (!canContain(parent.kind as UnitKind, op.kind)) return this.issue(index, 'INVALID_PARENT', op.code);
    }
    if ((await findUnitsWithCodeFrom(this.db, op.code, this.effective)).length > 0) {
      return this.issue(index, 'DUPLICATE_CODE', op.code);
    }
    let hamletId: number | null = null;
    if (op.hamlet) {
      const hamlet = await this.resolve(op.hamlet, index);
      if (!hamlet) return;
      if (hamlet.kind !== 'hamlet' || !isCellKind(op.kind))
        return this.issue(index, 'INVALID_PARENT', op.hamlet);
      hamletId = hamlet.id;
    }
    const id = await insertUnit(this.db, {
      code: op.code,
      name: op.name,
      name_folded: foldVietnamese(op.name),
      kind: op.kind,
      parent_id: parent?.id ?? null,
      hamlet_id: hamletId,
      depth: parent ? parent.depth + 1 : 0,
      valid_from: this.effective,
      valid_to: null,
      created_at: this.now,
      updated_at: this.now,
    });
    if (id === null) return this.issue(index, 'DUPLICATE_CODE', op.code);
    const orgId = ownsOrganisation(op.kind, parent?.org_id) ? id : (parent?.org_id ?? null);
    await setUnitPath(this.db, id, `${parent?.path ?? '/'}${id}/`, orgId);
    this.names.set(ref, id);
    const row = (await findUnitById(this.db, id)) as UnitRow;
    this.touch(row, parent?.code ?? null, true).changes.add('created');
  }

  /**
   * Copies the current period of each unit into `unit_versions` (ending the
   * day before the effective date) before its code, name, parent or path
   * changes; a unit already copied by this plan is not copied twice.
   */
  private async snapshot(units: UnitRow[]): Promise<void> {
    const lastEnds = await currentPeriodStarts(
      this.db,
      units.map((u) => u.id),
    );
    const rows = [];
    for (const u of units) {
      const last = lastEnds.get(u.id);
      // A plan cannot take effect inside a period an earlier plan already closed.
      if (last !== undefined && last > this.resolvedOn) {
        this.issue(null, 'EFFECTIVE_DATE_TOO_EARLY', u.code);
        continue;
      }
      const start = last === undefined ? u.valid_from : dayAfterDate(last);
      const end = u.valid_to !== null && u.valid_to < this.resolvedOn ? u.valid_to : this.resolvedOn;
      if (start > end) continue;
      rows.push({
        unit_id: u.id,
        code: u.code,
        name: u.name,
        parent_id: u.parent_id,
        path: u.path,
        valid_from: start,
        valid_to: end,
        created_at: this.now,
      });
    }
    await insertUnitVersions(this.db, rows);
  }

  private async rename(index: number, unit: UnitRow, name: string, code: string | undefined): Promise<void> {
    if (unit.valid_from >= this.effective) return this.issue(index, 'EFFECTIVE_DATE_TOO_EARLY', unit.code);
    if (code && code !== unit.code) {
      const clash = (await findUnitsWithCodeFrom(this.db, code, this.effective)).filter(
        (u) => u.id !== unit.id,
      );
      if (clash.length > 0) return this.issue(index, 'DUPLICATE_CODE', code);
    }
    const affected = this.touch(unit, await this.parentCode(unit));
    await this.snapshot([unit]);
    await setUnitFields(this.db, unit.id, {
      name,
      name_folded: foldVietnamese(name),
      ...(code ? { code } : {}),
      updated_at: this.now,
    });
    affected.newName = name;
    if (code && code !== unit.code) affected.newCode = code;
    affected.changes.add('renamed');
  }

  /** The unit and its subtree go under `parent`: versions kept, every stored path rewritten by prefix. */
  private async moveUnit(index: number, unit: UnitRow, parent: UnitRow): Promise<boolean> {
    if (!canContain(parent.kind as UnitKind, unit.kind as UnitKind)) {
      this.issue(index, 'INVALID_PARENT', unit.code);
      return false;
    }
    if (parent.path.startsWith(unit.path)) {
      this.issue(index, 'MOVE_INTO_SUBTREE', unit.code);
      return false;
    }
    if (unit.parent_id === parent.id) return true;
    const before = await this.parentCode(unit);
    const affected = this.touch(unit, before);
    await this.snapshot(await subtreeUnits(this.db, unit.path));
    const newPath = `${parent.path}${unit.id}/`;
    this.reindexed(
      await rewritePaths(this.db, unit.path, newPath, parent.depth + 1 - unit.depth, {}, this.preview),
    );
    await setUnitFields(this.db, unit.id, { parent_id: parent.id, updated_at: this.now });
    affected.parentAfter = parent.code;
    affected.changes.add('moved');
    this.touch(parent, await this.parentCode(parent)).changes.add('receives');
    this.countMove('unit', before ?? '', parent.code, 1);
    return true;
  }

  /**
   * Moves several children of `source` under `target` at once: one path
   * rewrite per table for all of them (a merge moves a commune's dozens of
   * hamlets and cells; one rewrite each would scan every table dozens of times).
   */
  private async moveChildren(
    index: number,
    source: UnitRow,
    target: UnitRow,
    children: UnitRow[],
  ): Promise<void> {
    const movable = children.filter((c) => {
      if (canContain(target.kind as UnitKind, c.kind as UnitKind)) return true;
      this.issue(index, 'INVALID_PARENT', c.code);
      return false;
    });
    if (movable.length === 0) return;
    if (target.path.startsWith(source.path)) return this.issue(index, 'MOVE_INTO_SUBTREE', target.code);
    const subtree = await subtreeUnits(this.db, source.path);
    const movingIds = new Set(movable.map((c) => c.id));
    await this.snapshot(subtree.filter((u) => movable.some((c) => u.path.startsWith(c.path))));
    const staying = subtree
      .filter((u) => u.parent_id === source.id && !movingIds.has(u.id))
      .map((u) => u.path);
    this.reindexed(
      await rewritePaths(
        this.db,
        source.path,
        target.path,
        target.depth - source.depth,
        { exact: source.path, under: staying },
        this.preview,
      ),
    );
    await setParents(this.db, [...movingIds], target.id, this.now);
    this.countMove('unit', source.code, target.code, movable.length);
    this.touch(target, await this.parentCode(target)).changes.add('receives');
  }

  /** Ends a unit the day before the effective date, after checking that nothing is left in it. */
  private async end(
    index: number,
    unit: UnitRow,
    successors: UnitRow[],
    kind: 'merge' | 'split' | 'dissolve',
  ): Promise<void> {
    if (this.ended.has(unit.id)) return this.issue(index, 'UNIT_ENDS_TWICE', unit.code);
    if (unit.valid_from >= this.effective) return this.issue(index, 'EFFECTIVE_DATE_TOO_EARLY', unit.code);
    this.stranded.push(...(await strandedIn(this.db, unit, this.effective, index)));
    const affected = this.touch(unit, await this.parentCode(unit));
    await setUnitFields(this.db, unit.id, { valid_to: this.resolvedOn, updated_at: this.now });
    this.ended.add(unit.id);
    affected.ended = true;
    affected.changes.add('ended');
    const decision = this.decisionOf(this.plan.operations[index] as RestructureOperation);
    const distinct = [...new Map(successors.map((s) => [s.id, s])).values()].filter((s) => s.id !== unit.id);
    for (const s of distinct) {
      await insertUnitLink(this.db, {
        predecessor_id: unit.id,
        successor_id: s.id,
        kind,
        effective_date: this.effective,
        decision_number: decision.number,
        decision_date: decision.date,
        decision_issuer: decision.issuer,
        created_at: this.now,
      });
    }
    // An account follows its unit to the (first) successor; see README for why not the parent.
    const successor = distinct[0];
    if (successor) {
      const n = await rescopeAccounts(this.db, unit.id, successor.id, this.now);
      this.accountsRescoped += n;
      this.countMove('account', unit.code, successor.code, n);
    }
  }

  /** Moves members and households (all, or the listed ones) of a cell to another cell of the same organisation. */
  private async moveCellContents(
    index: number,
    from: UnitRow,
    to: UnitRow,
    what: { members: HeldRecord[]; households: HeldRecord[]; petitions: boolean },
  ): Promise<void> {
    if (what.members.length + what.households.length === 0 && !what.petitions) return;
    if (!isCellKind(to.kind as UnitKind)) return this.issue(index, 'NOT_A_CELL', to.code);
    let members = 0;
    for (const m of what.members) {
      if (m.org_id !== to.org_id) {
        this.issue(index, 'CROSS_ORGANISATION', m.code);
        continue;
      }
      await moveMemberToCell(this.db, m, to, this.effective, this.resolvedOn, this.now);
      members++;
    }
    let households = 0;
    for (const h of what.households) {
      if (h.org_id !== to.org_id) {
        this.issue(index, 'CROSS_ORGANISATION', h.code);
        continue;
      }
      await moveHouseholdForRestructure(this.db, h, to, this.effective, this.now);
      this.reindex.add(h.id);
      households++;
    }
    if (what.petitions && from.org_id === to.org_id) {
      const petitions = await openPetitionsOfCell(this.db, from.id, terminalPetitionStates);
      await movePetitions(this.db, petitions, to);
      this.countMove('petition', from.code, to.code, petitions.length);
    }
    this.countMove('member', from.code, to.code, members);
    this.countMove('household', from.code, to.code, households);
    this.touchedCells.add(from.id);
    this.touchedCells.add(to.id);
    this.touch(from, await this.parentCode(from)).changes.add('gives');
    this.touch(to, await this.parentCode(to)).changes.add('receives');
  }

  private async everything(cell: UnitRow) {
    return {
      members: await activeMembersOfCell(this.db, cell.id, this.effective),
      households: await activeHouseholdsOfCell(this.db, cell.id),
      petitions: true,
    };
  }

  private async merge(index: number, op: Extract<RestructureOperation, { op: 'merge' }>): Promise<void> {
    const into = await this.resolve(op.into, index);
    if (!into || !this.usable(into, op.into, index)) return;
    for (const name of op.units) {
      const source = await this.resolve(name, index);
      if (!source || source.id === into.id) continue;
      if (isCellKind(source.kind as UnitKind) !== isCellKind(into.kind as UnitKind)) {
        this.issue(index, 'KIND_MISMATCH', name);
        continue;
      }
      const fresh = async (id: number) => (await findUnitById(this.db, id)) as UnitRow;
      await this.moveChildren(
        index,
        await fresh(source.id),
        await fresh(into.id),
        await activeChildUnits(this.db, source.id, this.effective),
      );
      if (isCellKind(source.kind as UnitKind)) {
        await this.moveCellContents(index, source, into, await this.everything(source));
      }
      await this.end(index, (await findUnitById(this.db, source.id)) as UnitRow, [into], 'merge');
    }
    this.touch(into, await this.parentCode(into)).changes.add('receives');
  }

  private async split(index: number, op: Extract<RestructureOperation, { op: 'split' }>): Promise<void> {
    const source = await this.resolve(op.unit, index);
    if (!source || !this.usable(source, op.unit, index)) return;
    if (op.into.filter((p) => p.rest).length > 1) this.issue(index, 'SPLIT_REST', op.unit);
    const parts: { target: UnitRow; rest: boolean; part: (typeof op.into)[number] }[] = [];
    for (const part of op.into) {
      const target = await this.resolve(part.unit, index);
      if (target && this.usable(target, part.unit, index)) parts.push({ target, rest: !!part.rest, part });
    }
    const seen = new Set<string>();
    const once = (key: string, code: string) => {
      if (seen.has(key)) {
        this.issue(index, 'SPLIT_LISTED_TWICE', code);
        return false;
      }
      seen.add(key);
      return true;
    };
    for (const { target, part } of parts) {
      for (const code of part.children ?? []) {
        if (!once(`u:${code}`, code)) continue;
        const child = await this.resolve(code, index);
        if (!child) continue;
        if (child.parent_id !== source.id) {
          this.issue(index, 'NOT_IN_UNIT', code);
          continue;
        }
        if (target.id !== source.id) await this.moveUnit(index, child, target);
      }
      const members = await this.listed(index, source, part.members ?? [], 'member', once);
      const households = await this.listed(index, source, part.households ?? [], 'household', once);
      if (target.id !== source.id)
        await this.moveCellContents(index, source, target, { members, households, petitions: false });
    }
    const rest = parts.find((p) => p.rest);
    if (rest && rest.target.id !== source.id) {
      await this.moveChildren(
        index,
        (await findUnitById(this.db, source.id)) as UnitRow,
        (await findUnitById(this.db, rest.target.id)) as UnitRow,
        await activeChildUnits(this.db, source.id, this.effective),
      );
      if (isCellKind(source.kind as UnitKind)) {
        await this.moveCellContents(index, source, rest.target, await this.everything(source));
      }
    }
    if (!parts.some((p) => p.target.id === source.id)) {
      const fresh = (await findUnitById(this.db, source.id)) as UnitRow;
      await this.end(
        index,
        fresh,
        parts.map((p) => p.target),
        'split',
      );
    }
  }

  /** Members or households listed for a split part, checked to be in the split cell. */
  private async listed(
    index: number,
    source: UnitRow,
    codes: string[],
    kind: 'member' | 'household',
    once: (key: string, code: string) => boolean,
  ): Promise<HeldRecord[]> {
    if (codes.length === 0) return [];
    const unique = codes.filter((c) => once(`${kind}:${c}`, c));
    const found =
      kind === 'member' ? await membersByCodes(this.db, unique) : await householdsByCodes(this.db, unique);
    const inSource = new Set(
      (kind === 'member'
        ? await activeMembersOfCell(this.db, source.id, this.effective)
        : await activeHouseholdsOfCell(this.db, source.id)
      ).map((r) => r.id),
    );
    const byCode = new Map(found.filter((r) => inSource.has(r.id)).map((r) => [r.code, r]));
    for (const code of unique) {
      if (!byCode.has(code)) {
        const known = found.some((r) => r.code === code);
        this.issue(
          index,
          known ? 'NOT_IN_UNIT' : kind === 'member' ? 'UNKNOWN_MEMBER' : 'UNKNOWN_HOUSEHOLD',
          code,
        );
      }
    }
    return [...byCode.values()];
  }

  private async dissolve(
    index: number,
    op: Extract<RestructureOperation, { op: 'dissolve' }>,
  ): Promise<void> {
    const unit = await this.resolve(op.unit, index);
    if (!unit || !this.usable(unit, op.unit, index)) return;
    const target = async (name: string | undefined) => {
      if (!name) return null;
      const row = await this.resolve(name, index);
      return row && this.usable(row, name, index) ? row : null;
    };
    const childrenTo = await target(op.childrenTo);
    const membersTo = await target(op.membersTo);
    const householdsTo = (await target(op.householdsTo)) ?? membersTo;
    if (childrenTo) {
      await this.moveChildren(
        index,
        (await findUnitById(this.db, unit.id)) as UnitRow,
        (await findUnitById(this.db, childrenTo.id)) as UnitRow,
        await activeChildUnits(this.db, unit.id, this.effective),
      );
    }
    if (isCellKind(unit.kind as UnitKind)) {
      const all = await this.everything(unit);
      if (membersTo)
        await this.moveCellContents(index, unit, membersTo, {
          members: all.members,
          households: [],
          petitions: true,
        });
      if (householdsTo) {
        await this.moveCellContents(index, unit, householdsTo, {
          members: [],
          households: all.households,
          petitions: !membersTo,
        });
      }
    }
    const successors = [childrenTo, membersTo, householdsTo].filter((u): u is UnitRow => u !== null);
    await this.end(index, (await findUnitById(this.db, unit.id)) as UnitRow, successors, 'dissolve');
  }
}
