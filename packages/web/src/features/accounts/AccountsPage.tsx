import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { can, roleLabels, type AccountChange, type LoginLock, type UserSummary } from '@caunoi/domain';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Input,
  List,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { errorToMessage } from '../../api/error-message';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';

const keys = {
  users: ['accounts', 'users'] as const,
  changes: ['accounts', 'changes'] as const,
  locks: ['accounts', 'locks'] as const,
};

/** Accounts in scope with reset / disable / enable, the member rule's flags and (administrators) login locks. */
export default function AccountsPage() {
  const { t, label, language } = useI18n();
  const user = useCurrentUser();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [resetting, setResetting] = useState<UserSummary | null>(null);
  const [newPassword, setNewPassword] = useState('');
  const users = useQuery({
    queryKey: keys.users,
    queryFn: () => api.get<{ items: UserSummary[] }>('/users?limit=200'),
  });
  const changes = useQuery({
    queryKey: keys.changes,
    queryFn: () => api.get<{ items: AccountChange[] }>('/users/account-changes'),
    enabled: can(user.role, 'user.manage'),
  });
  const isAdmin = can(user.role, 'login_lock.manage');
  const locks = useQuery({
    queryKey: keys.locks,
    queryFn: () => api.get<{ items: LoginLock[] }>('/login-locks'),
    enabled: isAdmin,
  });
  const onError = (error: unknown) => void message.error(errorToMessage(error, language));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['accounts'] });
  const setEnabled = useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
      api.post<UserSummary>(`/users/${id}/${enabled ? 'enable' : 'disable'}`),
    onSuccess: refresh,
    onError,
  });
  const reset = useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      api.post<void>(`/users/${id}/password`, { newPassword: password }),
    onSuccess: () => {
      setResetting(null);
      setNewPassword('');
      void message.success(t('accounts.resetDone'));
    },
    onError,
  });
  const resolve = useMutation({
    mutationFn: (id: string) => api.post<void>(`/users/account-changes/${id}/resolve`),
    onSuccess: refresh,
    onError,
  });
  const unlock = useMutation({
    mutationFn: (key: string) => api.post<void>('/login-locks/unlock', { key }),
    onSuccess: refresh,
    onError,
  });

  const describe = (c: AccountChange) =>
    c.kind === 'scope'
      ? t('accounts.change.scope', { unit: c.newScopeUnitName ?? '', date: c.effectiveDate })
      : c.kind === 'disable'
        ? t('accounts.change.disable', { date: c.effectiveDate })
        : t('accounts.change.review', { reason: t(`accounts.reason.${c.reason}`), date: c.effectiveDate });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('accounts.title')}
      </Typography.Title>
      <Alert type="info" showIcon message={t('accounts.rule')} />
      {changes.data && (
        <Card title={t('accounts.changes')}>
          <List
            dataSource={changes.data.items}
            locale={{ emptyText: t('accounts.noChanges') }}
            renderItem={(c) => (
              <List.Item
                actions={
                  c.state === 'flagged'
                    ? [
                        <Popconfirm
                          key="resolve"
                          title={t('accounts.resolveConfirm')}
                          onConfirm={() => resolve.mutate(c.id)}
                        >
                          <Button size="small">{t('accounts.resolve')}</Button>
                        </Popconfirm>,
                      ]
                    : []
                }
              >
                <List.Item.Meta title={`${c.displayName} (${c.username})`} description={describe(c)} />
              </List.Item>
            )}
          />
        </Card>
      )}
      <Table<UserSummary>
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        loading={users.isLoading}
        dataSource={users.data?.items ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t('accounts.username'), dataIndex: 'username' },
          { title: t('accounts.name'), dataIndex: 'displayName' },
          { title: t('accounts.role'), render: (_v, u) => label(roleLabels[u.role]) },
          { title: t('accounts.scope'), dataIndex: 'scopeUnitName' },
          {
            title: t('accounts.state'),
            render: (_v, u) =>
              !u.active ? (
                <Tag color="red">{t('accounts.disabled')}</Tag>
              ) : u.disabledFrom ? (
                <Tag color="orange">{t('accounts.disabledFrom', { date: u.disabledFrom })}</Tag>
              ) : (
                <Tag color="green">{t('accounts.active')}</Tag>
              ),
          },
          {
            title: '',
            render: (_v, u) =>
              u.id === user.id ? null : (
                <Space wrap>
                  <Button size="small" onClick={() => setResetting(u)}>
                    {t('accounts.reset')}
                  </Button>
                  <Popconfirm
                    title={t(u.active ? 'accounts.disableConfirm' : 'accounts.enableConfirm', {
                      username: u.username,
                    })}
                    onConfirm={() => setEnabled.mutate({ id: u.id, enabled: !u.active })}
                  >
                    <Button size="small" danger={u.active} data-testid={`account-toggle-${u.username}`}>
                      {t(u.active ? 'accounts.disable' : 'accounts.enable')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      {isAdmin && (
        <Card title={t('accounts.locks')}>
          <List
            dataSource={locks.data?.items ?? []}
            locale={{ emptyText: t('accounts.noLocks') }}
            renderItem={(l) => (
              <List.Item
                actions={[
                  <Popconfirm
                    key="unlock"
                    title={t('accounts.unlockConfirm')}
                    onConfirm={() => unlock.mutate(l.key)}
                  >
                    <Button size="small">{t('accounts.unlock')}</Button>
                  </Popconfirm>,
                ]}
              >
                <List.Item.Meta
                  title={[l.username, l.address].filter(Boolean).join(' · ')}
                  description={`${t(`accounts.lockKind.${l.kind}`)} · ${t('accounts.lockUntil')} ${new Date(l.lockedUntil).toLocaleTimeString(language === 'vi' ? 'vi-VN' : 'en-GB')}`}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      <Modal
        open={resetting !== null}
        title={resetting ? t('accounts.resetTitle', { username: resetting.username }) : ''}
        okText={resetting ? t('accounts.resetConfirm', { username: resetting.username }) : ''}
        okButtonProps={{ disabled: newPassword.length < 10, loading: reset.isPending }}
        onOk={() => resetting && reset.mutate({ id: resetting.id, password: newPassword })}
        onCancel={() => {
          setResetting(null);
          setNewPassword('');
        }}
      >
        <label htmlFor="reset-password">{t('account.newPassword')}</label>
        <Input.Password
          id="reset-password"
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
        />
      </Modal>
    </Space>
  );
}
