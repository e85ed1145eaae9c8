import { Tag } from 'antd';
import type { Member } from '@caunoi/domain';
import { cellRoleLabels, memberStatusLabels } from '@caunoi/domain';
import { useI18n } from '../../i18n/i18n-context';

export function MemberStatusTag({ status }: { status: Member['status'] }) {
  const { label } = useI18n();
  return <Tag color={status === 'official' ? 'green' : 'gold'}>{label(memberStatusLabels[status])}</Tag>;
}

export function MemberRoleTag({ role }: { role: Member['role'] }) {
  const { label } = useI18n();
  if (role === 'member') return <span>{label(cellRoleLabels.member)}</span>;
  return <Tag color="red">{label(cellRoleLabels[role])}</Tag>;
}

export function ExemptTag({ exempt }: { exempt: boolean }) {
  const { t } = useI18n();
  return exempt ? <Tag>{t('members.exempt')}</Tag> : null;
}
