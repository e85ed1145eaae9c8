import { Card, List, Tag } from 'antd';
import { Link } from 'react-router';
import type { OverseenUnit } from '@caunoi/domain';
import { formatDate } from '../../format/date';
import { formatNumber } from '../../format/number';
import { useI18n } from '../../i18n/i18n-context';
import { MeetingKindTag } from '../meetings/MeetingTags';
import { UnitKindTag } from '../units/UnitKindTag';

/** One unit an overseer follows: coverage, latest meetings, what is overdue. */
export function OverseenUnitCard({ unit }: { unit: OverseenUnit }) {
  const { t, language } = useI18n();
  const c = unit.coverage;
  return (
    <Card
      size="small"
      className="overseen-unit"
      data-testid="overseen-unit"
      data-unit-id={unit.unitId}
      title={
        <Link to={`/units/${unit.unitId}`} style={{ whiteSpace: 'normal' }}>
          {unit.unitName}
        </Link>
      }
      extra={<UnitKindTag kind={unit.unitKind} />}
    >
      <div className="muted section" style={{ fontSize: 13 }}>
        {t('oversight.period', { from: formatDate(unit.startDate) })} ·{' '}
        {t('oversight.coverage', {
          assigned: formatNumber(c.householdsAssigned),
          households: formatNumber(c.households),
          members: formatNumber(c.members),
          membersAssigned: formatNumber(c.membersAssigned),
        })}
      </div>
      <div className="section">
        <strong>{t('oversight.overdue')}: </strong>
        {unit.overdue.length === 0 ? (
          <span className="muted">{t('oversight.nothingOverdue')}</span>
        ) : (
          unit.overdue.map((o, i) => (
            <Tag color="red" key={`${o.code}-${i}`} style={{ whiteSpace: 'normal', marginBottom: 4 }}>
              {language === 'vi' ? o.vi : o.en}
            </Tag>
          ))
        )}
      </div>
      {unit.recentMeetings.length > 0 ? (
        <List
          size="small"
          header={<strong>{t('oversight.recentMeetings')}</strong>}
          dataSource={unit.recentMeetings}
          renderItem={(m) => (
            <List.Item>
              <Link to={`/meetings/${m.id}`}>
                {formatDate(m.date)} · {m.topic}
              </Link>{' '}
              <MeetingKindTag kind={m.kind} />{' '}
              <span className="muted">
                {t('meetings.attendanceCount', { present: m.present, expected: m.expected })}
              </span>
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
