import { Tag, Typography } from 'antd';
import { roleLabels, type SessionUser } from '@caunoi/domain';
import { useI18n } from '../i18n/i18n-context';

/** Who is signed in, in what role, over which unit. */
export function UserBadge({ user, stacked = false }: { user: SessionUser; stacked?: boolean }) {
  const { label, t } = useI18n();
  return (
    <div className={stacked ? 'user-badge user-badge-stacked' : 'user-badge'} data-testid="user-badge">
      <Typography.Text strong className="user-badge-name" data-testid="user-name">
        {user.displayName}
      </Typography.Text>
      <Tag color="red" className="user-badge-role">
        {label(roleLabels[user.role])}
      </Tag>
      <Typography.Text type="secondary" className="user-badge-scope" title={t('auth.scope')}>
        {user.scopeUnitName}
      </Typography.Text>
    </div>
  );
}
