import type { HTMLAttributes } from 'react';
import { Table, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { MeetingSummary } from '@caunoi/domain';
import { RecordList } from '../../components/RecordList';
import { useIsPhone } from '../../components/use-is-phone';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { MeetingKindTag } from './MeetingTags';

function Attendance({ m }: { m: MeetingSummary }) {
  const { t } = useI18n();
  return (
    <span data-testid="meeting-attendance">
      {t('meetings.attendanceCount', { present: m.present, expected: m.expected })}
    </span>
  );
}

/** Meetings as cards on a phone, a table on a desktop; each opens the meeting. */
export function MeetingList({
  meetings,
  loading,
  showCell,
}: {
  meetings: MeetingSummary[];
  loading: boolean;
  showCell: boolean;
}) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const score = (m: MeetingSummary) =>
    m.scoreTotal !== null && m.scoreMax !== null
      ? t('meetings.scoreOf', { total: m.scoreTotal, max: m.scoreMax })
      : '';

  if (isPhone) {
    return (
      <RecordList
        loading={loading}
        empty={t('meetings.empty')}
        items={meetings.map((m) => ({
          key: m.id,
          href: `/meetings/${m.id}`,
          title: m.topic,
          extra: <MeetingKindTag kind={m.kind} />,
          lines: [
            <>
              {formatDate(m.date)}
              {showCell ? ` · ${m.cellName}` : ''}
            </>,
            <>
              <Attendance m={m} />
              {score(m) ? ` · ${score(m)}` : ''}
            </>,
          ],
          testId: 'meeting-row',
          attributes: { 'data-meeting-id': m.id },
        }))}
      />
    );
  }

  const columns: TableColumnsType<MeetingSummary> = [
    { title: t('meetings.date'), dataIndex: 'date', width: 120, render: (d: string) => formatDate(d) },
    {
      title: t('meetings.topic'),
      dataIndex: 'topic',
      render: (topic: string, m) => <Link to={`/meetings/${m.id}`}>{topic}</Link>,
    },
    {
      title: t('meetings.kind'),
      dataIndex: 'kind',
      width: 200,
      render: (_: unknown, m) => <MeetingKindTag kind={m.kind} />,
    },
    ...(showCell ? [{ title: t('meetings.cell'), dataIndex: 'cellName' }] : []),
    {
      title: t('meetings.attendance'),
      key: 'attendance',
      width: 140,
      render: (_: unknown, m) => <Attendance m={m} />,
    },
    { title: t('meetings.scoreTotal'), key: 'score', width: 120, render: (_: unknown, m) => score(m) },
  ];
  return (
    <Table<MeetingSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={meetings}
      loading={loading}
      pagination={false}
      scroll={{ x: 800 }}
      locale={{ emptyText: t('meetings.empty') }}
      rowClassName="clickable-row"
      onRow={(m) =>
        ({
          'data-testid': 'meeting-row',
          'data-meeting-id': m.id,
          onClick: (event) =>
            !(event.target as HTMLElement).closest('a') && void navigate(`/meetings/${m.id}`),
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
