import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { petitionStateLabels, type PetitionState } from '@caunoi/domain';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';

const colors: Record<PetitionState, string> = {
  received: 'blue',
  forwarded: 'geekblue',
  acknowledged: 'purple',
  answered: 'cyan',
  relayed: 'gold',
  closed: 'green',
  reopened: 'volcano',
  withdrawn: 'default',
  merged: 'default',
};

export function PetitionStateTag({ state }: { state: PetitionState }) {
  const { label } = useI18n();
  return (
    <Tag color={colors[state]} data-testid="petition-state" data-state={state}>
      {label(petitionStateLabels[state])}
    </Tag>
  );
}

/**
 * The due date of the step in course, red once it has passed; it is not the
 * date promised to the household (answerDueOn), so it says "bước này" and
 * explains itself on hover.
 */
export function DueTag({ due, overdue }: { due: string | null; overdue: boolean }) {
  const { t } = useI18n();
  if (!due) return null;
  return (
    <Tooltip title={t('petitions.stepDueHelp')}>
      <Tag color={overdue ? 'red' : undefined} icon={<ClockCircleOutlined />} data-testid="petition-due">
        {overdue
          ? t('petitions.overdueSince', { date: formatDate(due) })
          : t('petitions.dueOn', { date: formatDate(due) })}
      </Tag>
    </Tooltip>
  );
}
