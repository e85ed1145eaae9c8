import { Button, Radio } from 'antd';
import { attendanceStatuses, attendanceStatusLabels, type AttendanceStatus } from '@caunoi/domain';
import { useI18n } from '../../i18n/i18n-context';

export interface AttendanceRow {
  id: string;
  name: string;
  code: string;
}

/**
 * One member per row, three big choices under the name: the secretary ticks
 * the few who are missing on a 360-px phone during the meeting; everybody
 * starts as present.
 */
export function AttendanceList({
  rows,
  value,
  onChange,
  disabled,
}: {
  rows: AttendanceRow[];
  value: Record<string, AttendanceStatus>;
  onChange: (next: Record<string, AttendanceStatus>) => void;
  disabled?: boolean;
}) {
  const { t, label } = useI18n();
  const count = (s: AttendanceStatus) => rows.filter((r) => (value[r.id] ?? 'present') === s).length;
  return (
    <>
      <div className="attendance-head">
        <span data-testid="attendance-summary">
          {t('meetings.attendanceSummary', {
            present: count('present'),
            excused: count('excused'),
            absent: count('absent'),
          })}
        </span>
        <Button
          size="small"
          disabled={disabled}
          onClick={() => onChange(Object.fromEntries(rows.map((r) => [r.id, 'present' as const])))}
        >
          {t('meetings.allPresent')}
        </Button>
      </div>
      <ul className="attendance-list">
        {rows.map((r) => {
          const status = value[r.id] ?? 'present';
          return (
            <li
              key={r.id}
              className="attendance-row"
              data-testid="attendance-row"
              data-member-id={r.id}
              data-status={status}
            >
              <div className="attendance-name">
                {r.name}{' '}
                <span className="muted" style={{ fontSize: 12 }}>
                  {r.code}
                </span>
              </div>
              <Radio.Group
                className="attendance-choice"
                optionType="button"
                buttonStyle="solid"
                disabled={disabled}
                value={status}
                aria-label={r.name}
                onChange={(event) => onChange({ ...value, [r.id]: event.target.value as AttendanceStatus })}
                options={attendanceStatuses.map((s) => ({
                  value: s,
                  label: label(attendanceStatusLabels[s]),
                }))}
              />
            </li>
          );
        })}
      </ul>
    </>
  );
}
