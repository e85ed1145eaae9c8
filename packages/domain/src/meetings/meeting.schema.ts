import { z } from 'zod';
import { fileAttachment } from '../common/attachment.schema.js';
import { isoDate } from '../common/dates.js';
import { scoringSheet } from './scoring-sheet.schema.js';

export const meetingKinds = ['regular', 'thematic'] as const;
export const meetingKind = z.enum(meetingKinds);
export type MeetingKind = z.infer<typeof meetingKind>;

export const attendanceStatuses = ['present', 'excused', 'absent'] as const;
export const attendanceStatus = z.enum(attendanceStatuses);
export type AttendanceStatus = z.infer<typeof attendanceStatus>;

export const resolutionStatus = z.enum(['open', 'done']);
export type ResolutionStatus = z.infer<typeof resolutionStatus>;

export const meetingKindLabels: Record<MeetingKind, { vi: string; en: string }> = {
  regular: { vi: 'Sinh hoạt chi bộ thường kỳ', en: 'Regular monthly meeting' },
  thematic: { vi: 'Sinh hoạt chuyên đề', en: 'Thematic meeting' },
};

export const attendanceStatusLabels: Record<AttendanceStatus, { vi: string; en: string }> = {
  present: { vi: 'Có mặt', en: 'Present' },
  excused: { vi: 'Vắng có lý do', en: 'Absent, excused' },
  absent: { vi: 'Vắng không lý do', en: 'Absent, no excuse' },
};

export const resolutionStatusLabels: Record<ResolutionStatus, { vi: string; en: string }> = {
  open: { vi: 'Đang thực hiện', en: 'In progress' },
  done: { vi: 'Đã hoàn thành', en: 'Done' },
};

/** Members absent without excuse this many meetings in a row are flagged to the cell secretary, unless configured. */
export const defaultAbsenceThreshold = 3;

export const meetingSummary = z.object({
  id: z.uuid(),
  cellId: z.number().int(),
  cellName: z.string(),
  kind: meetingKind,
  date: isoDate,
  topic: z.string(),
  chairMemberId: z.uuid().nullable(),
  chairName: z.string().nullable(),
  overseerMemberId: z.uuid().nullable(),
  overseerName: z.string().nullable(),
  overseerAttendance: attendanceStatus.nullable(),
  present: z.number().int(),
  excused: z.number().int(),
  absent: z.number().int(),
  /** Members on the attendance list: present + excused + absent. */
  expected: z.number().int(),
  resolutionCount: z.number().int(),
  scoreTotal: z.number().int().nullable(),
  scoreMax: z.number().int().nullable(),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

export const meetingAttendance = z.object({
  memberId: z.uuid(),
  memberName: z.string(),
  memberCode: z.string(),
  status: attendanceStatus,
  note: z.string().nullable(),
});
export type MeetingAttendance = z.infer<typeof meetingAttendance>;

export const meetingResolution = z.object({
  id: z.uuid(),
  text: z.string(),
  followUpMemberId: z.uuid().nullable(),
  followUpName: z.string().nullable(),
  dueDate: isoDate.nullable(),
  status: resolutionStatus,
});
export type MeetingResolution = z.infer<typeof meetingResolution>;

/** The signed minutes, scanned or photographed: a few pages are enough. */
export const maxAttachmentsPerMeeting = 10;

export const meetingDetail = meetingSummary.extend({
  minutes: z.string().nullable(),
  attachments: z.array(fileAttachment),
  attendance: z.array(meetingAttendance),
  resolutions: z.array(meetingResolution),
  sheet: scoringSheet.nullable(),
  scores: z.array(z.object({ criterionId: z.uuid(), points: z.number().int() })),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

export const attendanceInput = z.strictObject({
  memberId: z.uuid(),
  status: attendanceStatus,
  note: z.string().trim().max(200).nullable().optional(),
});
export type AttendanceInput = z.infer<typeof attendanceInput>;

export const resolutionInput = z.strictObject({
  id: z.uuid().optional(),
  text: z.string().trim().min(2).max(1000),
  followUpMemberId: z.uuid().nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  status: resolutionStatus.default('open'),
});
export type ResolutionInput = z.infer<typeof resolutionInput>;

export const scoreInput = z.strictObject({
  criterionId: z.uuid(),
  points: z.number().int().min(0).max(100),
});
export type ScoreInput = z.infer<typeof scoreInput>;

const meetingFields = {
  kind: meetingKind,
  date: isoDate,
  topic: z.string().trim().min(2).max(300),
  chairMemberId: z.uuid().nullable().optional(),
  overseerMemberId: z.uuid().nullable().optional(),
  overseerAttendance: attendanceStatus.nullable().optional(),
  attendance: z.array(attendanceInput).max(300),
  resolutions: z.array(resolutionInput).max(30),
  /** Minutes (biên bản) as text; the signed copy is uploaded as an attachment. */
  minutes: z.string().trim().max(20_000).nullable().optional(),
  scores: z.array(scoreInput).max(50),
};

export const createMeetingInput = z.strictObject({
  /** Client-made UUIDv7: a retried submission from a phone stores the meeting once. */
  id: z.uuid().optional(),
  cellId: z.number().int().positive(),
  ...meetingFields,
  resolutions: meetingFields.resolutions.default([]),
  scores: meetingFields.scores.default([]),
});
export type CreateMeetingInput = z.infer<typeof createMeetingInput>;

export const updateMeetingInput = z.strictObject({
  version: z.number().int().min(1),
  kind: meetingFields.kind.optional(),
  date: meetingFields.date.optional(),
  topic: meetingFields.topic.optional(),
  chairMemberId: meetingFields.chairMemberId,
  overseerMemberId: meetingFields.overseerMemberId,
  overseerAttendance: meetingFields.overseerAttendance,
  attendance: meetingFields.attendance.optional(),
  resolutions: meetingFields.resolutions.optional(),
  minutes: meetingFields.minutes,
  scores: meetingFields.scores.optional(),
});
export type UpdateMeetingInput = z.infer<typeof updateMeetingInput>;

export const meetingListQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  kind: meetingKind.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type MeetingListQuery = z.infer<typeof meetingListQuery>;

export const meetingFlagsQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  /** The day the flags are computed for; today in Vietnam without it. */
  asOf: isoDate.optional(),
  /** How many months back (the month of asOf included) to look. */
  months: z.coerce.number().int().min(1).max(24).default(12),
  absenceThreshold: z.coerce.number().int().min(1).max(12).default(defaultAbsenceThreshold),
});
export type MeetingFlagsQuery = z.infer<typeof meetingFlagsQuery>;

export const absenceFlag = z.object({
  memberId: z.uuid(),
  memberName: z.string(),
  /** Meetings in a row, the latest included, missed without excuse. */
  streak: z.number().int(),
  since: isoDate,
});
export type AbsenceFlag = z.infer<typeof absenceFlag>;

export const cellMeetingFlags = z.object({
  cellId: z.number().int(),
  cellName: z.string(),
  lastRegularDate: isoDate.nullable(),
  /** Months (`YYYY-MM`) that ended without the regular meeting. */
  missingMonths: z.array(z.string()),
  /** The month of asOf: not overdue before it ends, but still to do. */
  currentMonth: z.string(),
  currentMonthHeld: z.boolean(),
  /** Quarters (`YYYY-Qn`) that ended without a thematic meeting. */
  missingThematicQuarters: z.array(z.string()),
  absentees: z.array(absenceFlag),
});
export type CellMeetingFlags = z.infer<typeof cellMeetingFlags>;

export const meetingFlags = z.object({
  asOf: isoDate,
  absenceThreshold: z.number().int(),
  cells: z.array(cellMeetingFlags),
});
export type MeetingFlags = z.infer<typeof meetingFlags>;
