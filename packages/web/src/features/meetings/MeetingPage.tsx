import { Button, Card, Descriptions, Empty, List } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { can, resolutionStatusLabels } from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { AttendanceTag, MeetingKindTag } from './MeetingTags';
import { MinutesAttachments } from './MinutesAttachments';
import { useMeeting } from './queries';
import './meetings.css';

export default function MeetingPage() {
  const { t, label } = useI18n();
  const user = useCurrentUser();
  const { id } = useParams();
  const meeting = useMeeting(id);
  if (meeting.isPending) return <LoadingState />;
  if (meeting.isError)
    return (
      <ErrorState
        error={meeting.error}
        notFoundText={t('meetings.notFound')}
        onRetry={() => void meeting.refetch()}
      />
    );
  const m = meeting.data;
  const points = new Map(m.scores.map((s) => [s.criterionId, s.points]));
  const canEdit = can(user.role, 'meeting.write');

  return (
    <>
      <PageTitle
        title={<span data-testid="meeting-topic">{m.topic}</span>}
        sub={
          <>
            <MeetingKindTag kind={m.kind} />
            <span className="muted">
              {m.cellName} · {formatDate(m.date)}
            </span>
          </>
        }
        extra={
          canEdit ? (
            <Link to={`/meetings/${m.id}/edit`}>
              <Button icon={<EditOutlined />} data-testid="meeting-edit">
                {t('meetings.edit')}
              </Button>
            </Link>
          ) : null
        }
      />
      <Descriptions
        className="section"
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'chair', label: t('meetings.chair'), children: m.chairName ?? '' },
          {
            key: 'attendance',
            label: t('meetings.attendance'),
            children: t('meetings.attendanceSummary', {
              present: m.present,
              excused: m.excused,
              absent: m.absent,
            }),
          },
          {
            key: 'overseer',
            label: t('meetings.overseer'),
            children: m.overseerName ? (
              <>
                {m.overseerName}{' '}
                {m.overseerAttendance ? <AttendanceTag status={m.overseerAttendance} /> : null}
              </>
            ) : (
              t('meetings.overseerNone')
            ),
          },
          {
            key: 'score',
            label: t('meetings.scoreTotal'),
            children:
              m.scoreTotal !== null && m.scoreMax !== null
                ? t('meetings.scoreOf', { total: m.scoreTotal, max: m.scoreMax })
                : '',
          },
        ]}
      />
      <Card size="small" className="section" title={t('meetings.resolutions')}>
        {m.resolutions.length === 0 ? (
          <Empty description={t('meetings.noResolutions')} />
        ) : (
          <List
            dataSource={m.resolutions}
            renderItem={(r) => (
              <List.Item>
                <List.Item.Meta
                  title={r.text}
                  description={[
                    r.followUpName ? `${t('meetings.followUp')}: ${r.followUpName}` : null,
                    r.dueDate ? `${t('meetings.dueDate')}: ${formatDate(r.dueDate)}` : null,
                    label(resolutionStatusLabels[r.status]),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" className="section" title={t('meetings.minutes')}>
        {m.minutes ? <div style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>{m.minutes}</div> : null}
        <MinutesAttachments meetingId={m.id} attachments={m.attachments} canAdd={canEdit} />
      </Card>
      {m.sheet ? (
        <Card size="small" className="section" title={t('meetings.score')}>
          <div className="muted section" style={{ fontSize: 12 }}>
            {t('meetings.sheetSource', { name: m.sheet.name, from: formatDate(m.sheet.validFrom) })}
          </div>
          <List
            size="small"
            dataSource={m.sheet.criteria}
            renderItem={(c) => (
              <List.Item extra={`${points.get(c.id) ?? '–'}/${c.maxPoints}`}>{c.text}</List.Item>
            )}
          />
        </Card>
      ) : null}
      <Card size="small" className="section" title={t('meetings.attendance')}>
        <ul className="attendance-list">
          {m.attendance.map((a) => (
            <li key={a.memberId} className="attendance-row" data-status={a.status}>
              <div className="record-list-head">
                <span>{a.memberName}</span>
                <AttendanceTag status={a.status} />
              </div>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
