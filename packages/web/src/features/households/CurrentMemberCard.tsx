import { useState } from 'react';
import { Button, Card, Space, Typography } from 'antd';
import { StopOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { can, todayInVietnam, type Assignment, type Household } from '@caunoi/domain';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { AssignDialog } from '../assignments/AssignDialog';
import { EndAssignmentDialog } from '../assignments/EndAssignmentDialog';
import { useAssignmentHistory } from '../assignments/queries';
import { useCurrentUser } from '../auth/current-user';

/** The assignment in force today, from the household's history (newest first). */
function currentOf(household: Household, history: Assignment[]): Assignment | undefined {
  const today = todayInVietnam();
  return history.find(
    (a) =>
      a.memberId === household.assignedMemberId &&
      a.startDate <= today &&
      (a.endDate === null || a.endDate >= today),
  );
}

export function CurrentMemberCard({ household }: { household: Household }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const history = useAssignmentHistory({ householdId: household.id });
  const [dialog, setDialog] = useState<'assign' | 'end' | null>(null);
  const recent = history.data?.pages[0]?.items ?? [];
  const current = currentOf(household, recent);
  // An assignment that starts after today (a hand-over already agreed).
  const upcoming = recent.find((a) => a.startDate > todayInVietnam());
  const mayAssign = can(user.role, 'assignment.write');
  const hasMember = household.assignedMemberId !== null;

  return (
    <Card size="small" title={t('households.member')} className="section" data-testid="current-member-card">
      <div className="current-member">
        <div>
          {hasMember ? (
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="current-member-name">
              <Link to={`/members/${household.assignedMemberId}`}>{household.assignedMemberName}</Link>
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary" data-testid="current-member-none">
              {t('households.noMember')}
            </Typography.Text>
          )}
          {current ? (
            <div className="muted">
              {t('assign.from')} {formatDate(current.startDate)}
              {current.endDate ? ` · ${t('assign.endsOn', { date: formatDate(current.endDate) })}` : ''}
            </div>
          ) : null}
          {upcoming ? (
            <div data-testid="upcoming-member">
              {t('assign.upcoming', { name: upcoming.memberName, date: formatDate(upcoming.startDate) })}
            </div>
          ) : null}
        </div>
        {mayAssign ? (
          <Space wrap>
            <Button
              type="primary"
              icon={<UserSwitchOutlined />}
              onClick={() => setDialog('assign')}
              data-testid="assign-button"
            >
              {hasMember && current?.endDate == null ? t('assign.transferAction') : t('assign.action')}
            </Button>
            {current && current.endDate === null ? (
              <Button
                danger
                icon={<StopOutlined />}
                onClick={() => setDialog('end')}
                data-testid="end-assignment-button"
              >
                {t('assign.end')}
              </Button>
            ) : null}
          </Space>
        ) : null}
      </div>
      {mayAssign ? (
        <>
          <AssignDialog
            household={household}
            current={current}
            open={dialog === 'assign'}
            onClose={() => setDialog(null)}
          />
          {current ? (
            <EndAssignmentDialog
              assignment={current}
              open={dialog === 'end'}
              onClose={() => setDialog(null)}
            />
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
