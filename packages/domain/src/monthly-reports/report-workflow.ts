import { z } from 'zod';

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

/*
 * The approval workflow of the monthly reports as a transition table, like the
 * petitions' lifecycle. The server changes a report only by a conditional
 * update on (id, version, state) and writes the audit row in the same
 * transaction.
 *
 *   member report: draft ─submit→ submitted ─return→ returned ─submit→ submitted
 *   cell report:   draft ─submit→ submitted ─approve→ approved
 *                                          ─return→ returned ─submit→ submitted
 *
 * Saving the text (`save`) keeps the state: allowed while the author still holds the report.
 */

export const reportStates = ['draft', 'submitted', 'returned', 'approved'] as const;
export const reportState = z.enum(reportStates);
export type ReportState = z.infer<typeof reportState>;

export const reportStateLabels: Labels<ReportState> = {
  draft: { vi: 'Đang soạn', en: 'Draft' },
  submitted: { vi: 'Đã gửi', en: 'Submitted' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
};

/**
 * A member's report as the cell's report lists it: a member who never opened
 * the month's report has no row, which is "not started", not a draft.
 */
export const memberReportStates = ['not_started', ...reportStates] as const;
export const memberReportState = z.enum(memberReportStates);
export type MemberReportState = z.infer<typeof memberReportState>;

export const memberReportStateLabels: Labels<MemberReportState> = {
  not_started: { vi: 'Chưa gửi', en: 'Not started' },
  ...reportStateLabels,
};

export const reportActions = ['save', 'submit', 'return', 'approve'] as const;
export const reportAction = z.enum(reportActions);
export type ReportAction = z.infer<typeof reportAction>;

export type ReportKind = 'member' | 'cell';

/**
 * How the acting person stands to the report, worked out by the server:
 * - author: the member (member report) or the cell's secretary account (cell report);
 * - cell: an account of the member's cell that is not a member account (the secretary);
 * - commune: a commune leader or committee staff account whose scope holds the cell.
 */
export type ReportRelation = 'author' | 'cell' | 'commune';

interface Transition {
  to: ReportState | 'same';
  by: readonly ReportRelation[];
  /** A comment is required (returning a report says why). */
  needsComment?: true;
}

export const reportTransitions: Record<
  ReportKind,
  Record<ReportState, Partial<Record<ReportAction, Transition>>>
> = {
  member: {
    draft: { save: { to: 'same', by: ['author'] }, submit: { to: 'submitted', by: ['author'] } },
    submitted: { return: { to: 'returned', by: ['cell'], needsComment: true } },
    returned: { save: { to: 'same', by: ['author'] }, submit: { to: 'submitted', by: ['author'] } },
    approved: {},
  },
  cell: {
    draft: { save: { to: 'same', by: ['author'] }, submit: { to: 'submitted', by: ['author'] } },
    submitted: {
      approve: { to: 'approved', by: ['commune'] },
      return: { to: 'returned', by: ['commune'], needsComment: true },
    },
    returned: { save: { to: 'same', by: ['author'] }, submit: { to: 'submitted', by: ['author'] } },
    approved: {},
  },
};

/** The state `action` leads to from `state`, or null when the table has no such step. Pure. */
export function nextReportState(
  kind: ReportKind,
  state: ReportState,
  action: ReportAction,
): ReportState | null {
  const t = reportTransitions[kind][state][action];
  if (!t) return null;
  return t.to === 'same' ? state : t.to;
}

/** True when someone standing in any of `relations` may take `action` from `state`. */
export function mayActOnReport(
  kind: ReportKind,
  state: ReportState,
  action: ReportAction,
  relations: readonly ReportRelation[],
): boolean {
  const t = reportTransitions[kind][state][action];
  return t !== undefined && t.by.some((r) => relations.includes(r));
}

/** True when the step needs a comment (a return says why). */
export function actionNeedsComment(kind: ReportKind, state: ReportState, action: ReportAction): boolean {
  return reportTransitions[kind][state][action]?.needsComment === true;
}

/** Actions open to someone standing in `relations`, for the buttons the page shows. */
export function openReportActions(
  kind: ReportKind,
  state: ReportState,
  relations: readonly ReportRelation[],
): ReportAction[] {
  return reportActions.filter((a) => mayActOnReport(kind, state, a, relations));
}
