import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { api } from '../../api/client';
import { errorToMessage } from '../../api/error-message';
import { useI18n } from '../../i18n/i18n-context';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The signed-in user's own account: change the password, sign out the other sessions. */
export default function AccountPage() {
  const { t, language } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const change = useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api.post<void>('/auth/password', input),
    onSuccess: () => {
      form.resetFields();
      void message.success(t('account.passwordChanged'));
    },
    onError: (error) => void message.error(errorToMessage(error, language)),
  });
  const endOthers = useMutation({
    mutationFn: () => api.post<{ ended: number }>('/auth/sessions/end-others'),
    onSuccess: ({ ended }) => void message.success(t('account.endedOthers', { count: ended })),
    onError: (error) => void message.error(errorToMessage(error, language)),
  });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 520 }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('account.title')}
      </Typography.Title>
      <Card title={t('account.changePassword')}>
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) =>
            change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword })
          }
        >
          <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" data-testid="account-current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('account.newPassword')}
            rules={[{ required: true, min: 10, max: 256 }]}
          >
            <Input.Password autoComplete="new-password" data-testid="account-new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('account.confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('account.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="account-confirm-password" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={change.isPending}
            data-testid="account-change-password"
          >
            {t('account.changePassword')}
          </Button>
        </Form>
      </Card>
      <Card>
        <Popconfirm title={t('account.endOthersConfirm')} onConfirm={() => endOthers.mutate()}>
          <Button loading={endOthers.isPending} data-testid="account-end-others">
            {t('account.endOthers')}
          </Button>
        </Popconfirm>
      </Card>
    </Space>
  );
}
