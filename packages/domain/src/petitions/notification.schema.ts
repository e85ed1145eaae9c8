import { z } from 'zod';

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

export const notificationKinds = ['forwarded', 'escalated', 'answered', 'reopened', 'closed'] as const;
export const notificationKind = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof notificationKind>;

export const notificationKindLabels: Labels<NotificationKind> = {
  forwarded: { vi: 'Kiến nghị được chuyển đến', en: 'Petition forwarded to you' },
  escalated: { vi: 'Kiến nghị quá hạn, chuyển lên cấp trên', en: 'Overdue petition escalated' },
  answered: { vi: 'Kiến nghị đã được trả lời, cần phản hồi cho hộ', en: 'Petition answered: relay it' },
  reopened: { vi: 'Hộ đề nghị xem xét lại', en: 'The household appealed' },
  closed: { vi: 'Hộ hài lòng, kiến nghị đã đóng', en: 'Household satisfied, petition closed' },
};

export const notification = z.object({
  id: z.uuid(),
  kind: notificationKind,
  petitionId: z.uuid(),
  petitionTitle: z.string(),
  /** The unit the notice is about (where the petition went), when there is one. */
  unitName: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notification>;

export const notificationListQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export const notificationSummary = z.object({
  unread: z.number().int(),
  /** Open petitions whose current step waits on the signed-in account. */
  waiting: z.number().int(),
  /** Of those, the ones past their due date. */
  waitingOverdue: z.number().int(),
});
export type NotificationSummary = z.infer<typeof notificationSummary>;

/** Marks these notifications read, or all of the account's when `ids` is left out. */
export const markNotificationsReadInput = z.strictObject({
  ids: z.array(z.uuid()).min(1).max(200).optional(),
});
export type MarkNotificationsReadInput = z.infer<typeof markNotificationsReadInput>;
