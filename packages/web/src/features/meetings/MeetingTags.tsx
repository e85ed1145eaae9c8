import { Tag } from 'antd';
import {
  attendanceStatusLabels,
  meetingKindLabels,
  type AttendanceStatus,
  type MeetingKind,
} from '@caunoi/domain';
import { useI18n } from '../../i18n/i18n-context';

export function MeetingKindTag({ kind }: { kind: MeetingKind }) {
  const { label } = useI18n();
  return <Tag color={kind === 'regular' ? 'blue' : 'purple'}>{label(meetingKindLabels[kind])}</Tag>;
}

const statusColor: Record<AttendanceStatus, string> = { present: 'green', excused: 'gold', absent: 'red' };

export function AttendanceTag({ status }: { status: AttendanceStatus }) {
  const { label } = useI18n();
  return <Tag color={statusColor[status]}>{label(attendanceStatusLabels[status])}</Tag>;
}

/** `2026-11` → `11/2026`. */
export function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return `${m}/${year}`;
}

/** `2026-Q4` → `4/2026`. */
export function quarterLabel(quarter: string): string {
  const [year, q] = quarter.split('-Q');
  return `${q}/${year}`;
}
