import { Alert, Button, Card, InputNumber, Space, Tag } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { CellMeetingFlags, MeetingFlags } from '@caunoi/domain';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { monthLabel, quarterLabel } from './MeetingTags';

function hasIssues(c: CellMeetingFlags): boolean {
  return c.missingMonths.length > 0 || c.missingThematicQuarters.length > 0 || c.absentees.length > 0;
}

function CellFlags({
  cell,
  showName,
  canRecord,
  threshold,
}: {
  cell: CellMeetingFlags;
  showName: boolean;
  canRecord: boolean;
  threshold: number;
}) {
  const { t } = useI18n();
  return (
    <div className="meeting-flag-cell" data-testid="meeting-flag-cell" data-cell-id={cell.cellId}>
      {showName ? <div style={{ fontWeight: 600 }}>{cell.cellName}</div> : null}
      <Space wrap size={[4, 4]}>
        <Tag color={cell.currentMonthHeld ? 'green' : 'gold'}>
          {t(cell.currentMonthHeld ? 'meetings.currentHeld' : 'meetings.currentDue', {
            month: monthLabel(cell.currentMonth),
          })}
        </Tag>
        {cell.missingMonths.map((m) => (
          <Tag color="red" key={m} icon={<WarningOutlined />}>
            {t('meetings.missingMonth', { month: monthLabel(m) })}
          </Tag>
        ))}
        {cell.missingThematicQuarters.map((q) => (
          <Tag color="orange" key={q}>
            {t('meetings.missingQuarter', { quarter: quarterLabel(q) })}
          </Tag>
        ))}
        {canRecord && !cell.currentMonthHeld ? (
          <Link to={`/meetings/new?cellId=${cell.cellId}`}>
            <Button size="small" type="link">
              {t('meetings.recordFor')}
            </Button>
          </Link>
        ) : null}
      </Space>
      {cell.absentees.length > 0 ? (
        <div style={{ marginTop: 6 }} data-testid="meeting-absentees">
          <div className="muted">{t('meetings.absentees', { threshold })}:</div>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {cell.absentees.map((a) => (
              <li key={a.memberId} data-testid="meeting-absentee">
                <Link to={`/members/${a.memberId}`}>{a.memberName}</Link>{' '}
                <span className="muted">
                  {t('meetings.absentStreak', { count: a.streak, date: formatDate(a.since) })}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/**
 * What the cell secretary (and the committee above) must act on: a month
 * without its regular meeting, a quarter without a thematic one, members
 * absent without excuse N times in a row (N adjustable here).
 */
export function MeetingFlagsPanel({
  flags,
  threshold,
  onThreshold,
  canRecord,
}: {
  flags: MeetingFlags;
  threshold: number;
  onThreshold: (n: number) => void;
  canRecord: boolean;
}) {
  const { t } = useI18n();
  const single = flags.cells.length === 1;
  const shown = single ? flags.cells : flags.cells.filter(hasIssues);
  const late = flags.cells.filter((c) => c.missingMonths.length > 0).length;
  return (
    <Card
      className="section meeting-flags"
      size="small"
      title={t('meetings.flags')}
      data-testid="meeting-flags"
      extra={
        <Space size={4}>
          <span className="muted" style={{ fontSize: 12 }}>
            {t('meetings.threshold')}
          </span>
          <InputNumber
            size="small"
            min={1}
            max={12}
            value={threshold}
            onChange={(n) => n && onThreshold(n)}
            style={{ width: 56 }}
            aria-label={t('meetings.threshold')}
          />
        </Space>
      }
    >
      {!single && late > 0 ? (
        <Alert type="warning" showIcon className="section" title={t('meetings.cellsLate', { count: late })} />
      ) : null}
      {shown.length === 0 ? <span className="muted">{t('meetings.noFlags')}</span> : null}
      {shown.map((c) => (
        <CellFlags key={c.cellId} cell={c} showName={!single} canRecord={canRecord} threshold={threshold} />
      ))}
    </Card>
  );
}
