import type { Kysely } from 'kysely';
import {
  todayInVietnam,
  type AffectedUnit,
  type RestructureFigures,
  type RestructurePlan,
  type RestructureResult,
  type UnitCounts,
} from '@caunoi/domain';
import { inScope, type Actor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.repository.js';
import { unitCounts } from '../coverage/cell-figures.js';
import { refreshCellCoverage } from '../coverage/coverage-rollups.js';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { resumeSearchIndex } from '../households/household-search-index.js';
import { findCurrentUnitByCode, findUnitById } from '../units/units.repository.js';
import { PlanRun } from './plan-run.js';

/** Thrown inside the transaction to roll back a preview or a refused plan, carrying its result out. */
class Rollback extends Error {
  constructor(readonly result: RestructureResult) {
    super('rollback');
  }
}

const toFigures = (c: UnitCounts): RestructureFigures => ({
  members: c.members,
  households: c.households,
  poor: c.poor,
  nearPoor: c.nearPoor,
  assignments: c.householdsAssigned,
});

/** Every unit code a plan names (existing units; refs of created units resolve to nothing yet). */
function namedCodes(plan: RestructurePlan): string[] {
  const names = new Set<string>();
  for (const op of plan.operations) {
    if (op.op === 'create') {
      if (op.parent) names.add(op.parent);
    } else if (op.op === 'merge') {
      [...op.units, op.into].forEach((n) => names.add(n));
    } else if (op.op === 'split') {
      names.add(op.unit);
      op.into.forEach((p) => names.add(p.unit));
    } else if (op.op === 'dissolve') {
      [op.unit, op.childrenTo, op.membersTo, op.householdsTo].forEach((n) => n && names.add(n));
    } else if (op.op === 'move') {
      names.add(op.unit);
      names.add(op.parent);
    } else {
      names.add(op.unit);
    }
  }
  return [...names];
}

/**
 * Previews (`dryRun`) or applies a restructuring plan, all or nothing, in one
 * transaction: the same code runs both ways and a preview is rolled back. A
 * plan with issues or anything stranded is never written; applying it
 * answers 409 with the lists (codes only). Administrators only.
 */
export async function applyRestructurePlan(
  db: Kysely<DB>,
  actor: Actor,
  plan: RestructurePlan,
  options: { dryRun: boolean },
): Promise<RestructureResult> {
  if (actor.role !== 'admin') throw new AppError('FORBIDDEN');
  let result: RestructureResult;
  try {
    result = await db.transaction().execute(async (trx) => {
      const run = new PlanRun(trx, plan, (path) => inScope(actor, path), options.dryRun);
      // Today's figures of each unit the plan names, before any write and after all of them: both
      // from the rollups (a few rows per unit), so a preview stays fast at a province's scale.
      const today = todayInVietnam();
      const before = new Map<number, RestructureFigures>();
      for (const code of namedCodes(plan)) {
        const unit = await findCurrentUnitByCode(trx, code, run.resolvedOn);
        if (!unit || before.has(unit.id) || !inScope(actor, unit.path)) continue;
        before.set(unit.id, toFigures(await unitCounts(trx, unit.path, today)));
      }
      await run.run();
      await refreshCellCoverage(trx, [...run.touchedCells]);
      const units: AffectedUnit[] = [];
      // The units the plan names or creates; units moved along with them are counted in `moves`.
      for (const a of run.affected.values()) {
        if (!a.created && !before.has(a.id)) continue;
        const row = await findUnitById(trx, a.id);
        const beforeFigures = a.created || !row ? null : (before.get(a.id) ?? null);
        units.push({
          id: a.created && options.dryRun ? null : a.id,
          code: a.code,
          name: a.name,
          kind: a.kind as AffectedUnit['kind'],
          newName: a.newName,
          newCode: a.newCode,
          parentBefore: a.parentBefore,
          parentAfter: a.parentAfter,
          changes: [...a.changes],
          before: beforeFigures,
          after: a.ended || !row ? null : toFigures(await unitCounts(trx, row.path, today)),
        });
      }
      const out: RestructureResult = {
        dryRun: options.dryRun,
        applied: false,
        effectiveDate: plan.effectiveDate,
        resolvedOn: run.resolvedOn,
        issues: run.issues,
        stranded: run.stranded,
        units,
        moves: run.moveList(),
        accountsRescoped: run.accountsRescoped,
      };
      if (options.dryRun || out.issues.length > 0 || out.stranded.length > 0) throw new Rollback(out);
      // Skipped by a preview, which is rolled back: the moved households' path words, in one pass.
      await resumeSearchIndex(trx, { householdIds: [...run.reindex], pathsOnly: true });
      await recordAudit(trx, actor, {
        action: 'update',
        entity: 'restructure',
        entityId: null,
        changes: {
          title: plan.title,
          effectiveDate: plan.effectiveDate,
          decision: plan.decision,
          operations: plan.operations.map((o) => o.op),
          units: units.map((u) => ({ id: u.id, code: u.code, changes: u.changes })),
          moves: out.moves,
          accountsRescoped: out.accountsRescoped,
        },
      });
      return { ...out, applied: true };
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    result = error.result;
  }
  if (!options.dryRun && !result.applied) {
    throw new AppError(result.issues.length > 0 ? 'RESTRUCTURE_PLAN_INVALID' : 'UNIT_WOULD_STRAND', {
      issues: result.issues.slice(0, 200),
      stranded: result.stranded.slice(0, 200),
    });
  }
  return result;
}
