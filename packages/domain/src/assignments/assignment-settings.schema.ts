import { z } from 'zod';
import { isoDate } from '../common/dates.js';
import { povertyStatus } from '../households/household.schema.js';

/**
 * A commune's norm of households per member. Alerts flag members outside it;
 * proposals start from it. Communes that set nothing get these defaults.
 */
export const defaultAssignmentBounds = { minPerMember: 5, maxPerMember: 20 } as const;

export const assignmentSettings = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  /** False while the commune uses the defaults. */
  custom: z.boolean(),
  minPerMember: z.number().int(),
  maxPerMember: z.number().int(),
});
export type AssignmentSettings = z.infer<typeof assignmentSettings>;

export const updateAssignmentSettingsInput = z
  .strictObject({
    minPerMember: z.number().int().min(0).max(500).optional(),
    maxPerMember: z.number().int().min(1).max(500).optional(),
  })
  .refine((v) => v.minPerMember !== undefined || v.maxPerMember !== undefined, {
    message: 'nothing to change',
  });
export type UpdateAssignmentSettingsInput = z.infer<typeof updateAssignmentSettingsInput>;

export const assignmentAlertsQuery = z.strictObject({
  unitId: z.coerce.number().int().positive(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AssignmentAlertsQuery = z.infer<typeof assignmentAlertsQuery>;

const memberAlert = z.object({
  memberId: z.uuid(),
  code: z.string(),
  fullName: z.string(),
  cellId: z.number().int(),
  cellName: z.string(),
  households: z.number().int(),
  /** The commune's maximum (above) or minimum (below) the member is measured against. */
  bound: z.number().int(),
});

/** Today's gaps: households nobody follows, members carrying too many or too few. */
export const assignmentAlerts = z.object({
  date: isoDate,
  unassigned: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({
        householdId: z.uuid(),
        code: z.string(),
        headName: z.string(),
        cellId: z.number().int(),
        cellName: z.string(),
        povertyStatus,
        needsHelp: z.boolean(),
      }),
    ),
  }),
  aboveMax: z.object({ total: z.number().int(), items: z.array(memberAlert) }),
  belowMin: z.object({ total: z.number().int(), items: z.array(memberAlert) }),
});
export type AssignmentAlerts = z.infer<typeof assignmentAlerts>;
