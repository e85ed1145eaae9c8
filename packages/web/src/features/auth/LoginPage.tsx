import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { errorToMessage } from '../../api/error-message';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useI18n } from '../../i18n/i18n-context';
import { useLogin } from './mutations';
import { bootLoginValues } from '../../app/boot-login';
import { useSession } from './queries';

/**
 * While the member types, the code of the pages that open next is fetched: on
 * a slow line this is most of the wait between "Đăng nhập" and the worklist.
 */
function prefetchHome() {
  void import('../../app/AppLayout');
  void import('../worklist/WorklistPage');
}

interface LoginValues {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { t, language } = useI18n();
  const session = useSession();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  // What was typed into index.html's form before the app arrived (app/boot-login.ts).
  const typed = bootLoginValues();
  useEffect(() => {
    // After the form has painted, so the form itself never waits on these downloads.
    const timer = window.setTimeout(prefetchHome, 0);
    return () => window.clearTimeout(timer);
  }, []);

  if (session.data) return <Navigate to={from ?? '/'} replace />;

  const submit = (values: LoginValues) =>
    login.mutate(values, {
      onSuccess: () => navigate(from && from !== '/login' ? from : '/', { replace: true }),
    });

  return (
    <div className="login-page">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <Card className="login-card">
        <div className="login-brand">
          <img src="/favicon.svg" alt="" width={48} height={48} />
          <div>
            <Typography.Title level={1} style={{ margin: 0, fontSize: 30 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
        </div>
        <Typography.Title level={4}>{t('auth.title')}</Typography.Title>
        {login.error ? (
          <Alert
            type="error"
            showIcon
            title={errorToMessage(login.error, language)}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        ) : null}
        <Form<LoginValues>
          layout="vertical"
          onFinish={submit}
          requiredMark={false}
          disabled={login.isPending}
          initialValues={{ username: typed?.username ?? '', password: typed?.password ?? '' }}
        >
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[
              { required: true, message: t('auth.required', { field: t('auth.username').toLowerCase() }) },
            ]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoCapitalize="none"
              autoFocus={typed?.focus !== 'password'}
              size="large"
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[
              { required: true, message: t('auth.required', { field: t('auth.password').toLowerCase() }) },
            ]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              autoFocus={typed?.focus === 'password'}
              size="large"
              data-testid="login-password"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            loading={login.isPending}
            data-testid="login-submit"
          >
            {t('auth.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
