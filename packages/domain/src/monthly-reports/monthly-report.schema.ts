import { z } from 'zod';
import { noPracticeFigures, practiceFigures } from '../practices/practices.schema.js';
import { reportMonth } from './report-month.js';
import { memberReportState, reportAction, reportState } from './report-workflow.js';
import { reportSendFromDay } from './report-send-window.js';
import { isoDate } from '../common/dates.js';
import { writeId } from '../common/ids.js';

/** Book changes a member made, by kind of event ("biến động") and in all. */
export const bookChangeFigures = z.object({
  /** Changed fields of household books. */
  fields: z.number().int(),
  /** Households whose book changed. */
  households: z.number().int(),
  /** Events (joined, left, deceased…) by kind. */
  events: z.record(z.string(), z.number().int()),
});

/** A member's month, counted from the records. Frozen into the report when it is submitted. */
export const memberMonthFigures = z.object({
  /** Households assigned to the member on the month's last day. */
  households: z.number().int(),
  visits: z.object({
    /** Visits the member made in the month. */
    made: z.number().int(),
    /** Distinct households the member visited. */
    households: z.number().int(),
    /** Households whose visit period ends in the month (their cadence asks for a visit by then). */
    required: z.number().int(),
    /** Of those, the ones visited in that period. */
    requiredDone: z.number().int(),
  }),
  bookChanges: bookChangeFigures,
  helpActions: z.object({
    /** Actions the member owns that were due in the month. */
    planned: z.number().int(),
    /** Actions the member owns completed in the month. */
    done: z.number().int(),
  }),
  petitions: z.object({
    /** Petitions the member took from households in the month. */
    taken: z.number().int(),
    /** Answers the member brought back to households in the month. */
    relayed: z.number().int(),
  }),
  practices: practiceFigures.default(noPracticeFigures),
});
export type MemberMonthFigures = z.infer<typeof memberMonthFigures>;

/** A cell's month, counted from its records. */
export const cellMonthFigures = z.object({
  members: z.number().int(),
  membersReported: z.number().int(),
  households: z.number().int(),
  householdsAssigned: z.number().int(),
  visits: z.object({
    made: z.number().int(),
    households: z.number().int(),
    required: z.number().int(),
    requiredDone: z.number().int(),
  }),
  petitions: z.object({
    received: z.number().int(),
    answered: z.number().int(),
    relayed: z.number().int(),
    closed: z.number().int(),
  }),
  helpActions: z.object({ planned: z.number().int(), done: z.number().int() }),
  bookChanges: bookChangeFigures,
  practices: practiceFigures.default(noPracticeFigures),
});
export type CellMonthFigures = z.infer<typeof cellMonthFigures>;

export const memberReport = z.object({
  /** Null while nothing was saved: the figures are then counted now. */
  id: z.uuid().nullable(),
  memberId: z.uuid(),
  memberName: z.string(),
  cellId: z.number().int(),
  cellName: z.string(),
  month: reportMonth,
  state: reportState,
  text: z.string(),
  /** The comment of the last return, shown to the member. */
  returnComment: z.string().nullable(),
  figures: memberMonthFigures,
  /** When the figures were frozen (submission); null while they are counted live. */
  figuresAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** The first day the month's report may be sent (the commune's send window, `reportSendWindow`). */
  sendOpensOn: isoDate,
  version: z.number().int(),
  /** What the caller may do now. */
  actions: z.array(reportAction),
});
export type MemberReport = z.infer<typeof memberReport>;

export const memberReportQuery = z.strictObject({
  /** Left out by a member account: its own member. */
  memberId: z.uuid().optional(),
  month: reportMonth,
});
export type MemberReportQuery = z.infer<typeof memberReportQuery>;

export const memberReportActionInput = z.strictObject({
  memberId: z.uuid().optional(),
  month: reportMonth,
  action: z.enum(['save', 'submit', 'return']),
  text: z.string().trim().max(8000).optional(),
  comment: z.string().trim().min(1).max(2000).optional(),
  /** The version read (0 when no report was stored yet). */
  version: z.number().int().min(0),
  writeId,
});
export type MemberReportActionInput = z.infer<typeof memberReportActionInput>;

export const memberReportStatus = z.object({
  memberId: z.uuid(),
  memberName: z.string(),
  state: memberReportState,
  submittedAt: z.string().nullable(),
});

/** A write that went through after the month was approved (an account with `report.override`). */
export const lateChange = z.object({
  id: z.uuid(),
  at: z.string(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  recordDate: z.string(),
  actorName: z.string().nullable(),
});
export type LateChange = z.infer<typeof lateChange>;

export const cellReport = z.object({
  id: z.uuid().nullable(),
  cellId: z.number().int(),
  cellName: z.string(),
  communeName: z.string(),
  month: reportMonth,
  state: reportState,
  text: z.string(),
  returnComment: z.string().nullable(),
  figures: cellMonthFigures,
  figuresAt: z.string().nullable(),
  members: z.array(memberReportStatus),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  /** The cell's secretary on the report's date, who signs the printed report; null when the cell has none. */
  signerName: z.string().nullable(),
  /** Changes made after approval: counted and listed on the report. */
  lateChanges: z.array(lateChange),
  /** The first day the month's report may be sent (the commune's send window, `reportSendWindow`). */
  sendOpensOn: isoDate,
  version: z.number().int(),
  actions: z.array(reportAction),
});
export type CellReport = z.infer<typeof cellReport>;

export const cellReportQuery = z.strictObject({
  cellId: z.coerce.number().int().positive(),
  month: reportMonth,
});
export type CellReportQuery = z.infer<typeof cellReportQuery>;

export const cellReportActionInput = z.strictObject({
  cellId: z.number().int().positive(),
  month: reportMonth,
  action: reportAction,
  text: z.string().trim().max(8000).optional(),
  comment: z.string().trim().min(1).max(2000).optional(),
  version: z.number().int().min(0),
});
export type CellReportActionInput = z.infer<typeof cellReportActionInput>;

/** One row of the commune's review list. */
export const cellReportSummary = z.object({
  id: z.uuid().nullable(),
  cellId: z.number().int(),
  cellName: z.string(),
  month: reportMonth,
  state: reportState,
  members: z.number().int(),
  membersReported: z.number().int(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  lateChanges: z.number().int(),
  version: z.number().int(),
});
export type CellReportSummary = z.infer<typeof cellReportSummary>;

export const cellReportListQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  month: reportMonth,
});
export type CellReportListQuery = z.infer<typeof cellReportListQuery>;

/** A commune's monthly-report rules: from which day of a month its reports may be sent. */
export const monthlyReportSettingsView = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  /** False while the commune uses the default (the 25th). */
  custom: z.boolean(),
  sendFromDay: reportSendFromDay,
});
export type MonthlyReportSettingsView = z.infer<typeof monthlyReportSettingsView>;

export const updateMonthlyReportSettingsInput = z.strictObject({
  sendFromDay: reportSendFromDay,
});
export type UpdateMonthlyReportSettingsInput = z.infer<typeof updateMonthlyReportSettingsInput>;
