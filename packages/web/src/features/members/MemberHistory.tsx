import { Button, Card, List, Popconfirm, Timeline } from 'antd';
import {
  leaveKindLabels,
  memberEventKindLabels,
  positionKindLabels,
  todayInVietnam,
  type LeaveKind,
  type MemberDetail,
  type MemberEvent,
  type PositionKind,
} from '@caunoi/domain';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { useEndExemption, useEndPosition } from './lifecycle-mutations';

/** One line of detail for an event: where from and to, why, what happened to the households. */
function EventDetail({ event }: { event: MemberEvent }) {
  const { t, label } = useI18n();
  const d = event.details as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof d.kind === 'string' && d.kind in leaveKindLabels)
    parts.push(label(leaveKindLabels[d.kind as LeaveKind]));
  if (typeof d.position === 'string' && d.position in positionKindLabels)
    parts.push(label(positionKindLabels[d.position as PositionKind]));
  if (typeof d.fromCellName === 'string')
    parts.push(t('memberLifecycle.event.from', { from: d.fromCellName }));
  const to =
    typeof d.toCellName === 'string'
      ? d.toCellName
      : typeof d.toOrganisation === 'string'
        ? d.toOrganisation
        : null;
  if (to) parts.push(t('memberLifecycle.event.to', { to }));
  if (typeof d.reason === 'string') parts.push(d.reason);
  const reference = d.reference as { number?: string; date?: string } | null | undefined;
  if (reference?.number)
    parts.push(`${reference.number}${reference.date ? `, ${formatDate(reference.date)}` : ''}`);
  if (
    typeof d.householdsHandedOver === 'number' &&
    (d.householdsHandedOver > 0 || Number(d.assignmentsEnded) > 0)
  )
    parts.push(
      t('memberLifecycle.event.handover', {
        handed: d.householdsHandedOver,
        ended: Number(d.assignmentsEnded ?? 0),
      }),
    );
  return <div>{parts.join(' · ')}</div>;
}

/** The member's dated changes (events), exemption periods and positions, each period endable by those who may. */
export function MemberHistory({ member, canEdit }: { member: MemberDetail; canEdit: boolean }) {
  const { t, label } = useI18n();
  const endExemption = useEndExemption(member.id);
  const endPosition = useEndPosition(member.id);
  const today = todayInVietnam();
  const endButton = (onEnd: () => void, testId: string) =>
    canEdit ? (
      <Popconfirm
        title={t('memberLifecycle.endPeriodConfirm', { date: formatDate(today) })}
        okText={t('memberLifecycle.endPeriod')}
        cancelText={t('app.cancel')}
        onConfirm={onEnd}
      >
        <Button size="small" data-testid={testId}>
          {t('memberLifecycle.endPeriod')}
        </Button>
      </Popconfirm>
    ) : null;

  return (
    <>
      <Card size="small" title={t('memberLifecycle.history')} className="section" data-testid="member-events">
        {member.events.length === 0 ? (
          <p className="muted">{t('memberLifecycle.noEvents')}</p>
        ) : (
          <Timeline
            items={member.events.map((e) => ({
              key: e.id,
              content: (
                <>
                  <div className="muted history-period">{formatDate(e.effectiveDate)}</div>
                  <strong>{label(memberEventKindLabels[e.kind])}</strong>
                  <EventDetail event={e} />
                </>
              ),
            }))}
          />
        )}
      </Card>
      {member.exemptions.length > 0 ? (
        <Card size="small" title={t('memberLifecycle.exemptions')} className="section">
          <List
            size="small"
            dataSource={member.exemptions}
            renderItem={(x) => (
              <List.Item
                actions={
                  x.endDate === null || x.endDate > today
                    ? [
                        endButton(
                          () => endExemption.mutate({ periodId: x.id, endDate: today }),
                          'exemption-end',
                        ),
                      ]
                    : []
                }
              >
                {formatDate(x.startDate)} – {x.endDate ? formatDate(x.endDate) : t('assign.ongoing')} ·{' '}
                {x.reason}
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      {member.positions.length > 0 ? (
        <Card size="small" title={t('memberLifecycle.positionsHeld')} className="section">
          <List
            size="small"
            dataSource={member.positions}
            renderItem={(p) => (
              <List.Item
                actions={
                  p.endDate === null || p.endDate > today
                    ? [
                        endButton(
                          () => endPosition.mutate({ periodId: p.id, endDate: today }),
                          'position-end',
                        ),
                      ]
                    : []
                }
              >
                <strong>{label(positionKindLabels[p.position])}</strong>
                {p.unitName ? ` ${p.unitName}` : ''}
                {p.concurrentPost
                  ? ` ${t('memberLifecycle.concurrent', { post: p.concurrentPost })}`
                  : ''} · {formatDate(p.startDate)} –{' '}
                {p.endDate ? formatDate(p.endDate) : t('assign.ongoing')}
              </List.Item>
            )}
          />
        </Card>
      ) : null}
    </>
  );
}
