import { Suspense, useState } from 'react';
import { Button, Drawer, Layout, Menu } from 'antd';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { LoadingState } from '../components/LoadingState';
import { useIsPhone } from '../components/use-is-phone';
import { useCurrentUser } from '../features/auth/current-user';
import { useLogout } from '../features/auth/mutations';
import { NotificationBell } from '../features/petitions/NotificationBell';
import { useI18n } from '../i18n/i18n-context';
import { homePath, navItems } from './nav-items';
import { UserBadge } from './UserBadge';

/**
 * Header with the account and language; navigation in a side bar on a desktop
 * and in a drawer on a phone, so a 360-px screen never scrolls sideways.
 */
export function AppLayout() {
  const user = useCurrentUser();
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const [drawerOpen, setDrawerOpen] = useState(false);

  const items = navItems(user);
  const selected = items.filter((i) => i.match(location.pathname)).map((i) => i.key);
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected}
      items={items.map((item) => ({
        key: item.key,
        icon: item.icon,
        label: (
          <Link to={item.path} data-testid={`nav-${item.key}`}>
            {t(item.label)}
          </Link>
        ),
      }))}
      onClick={() => setDrawerOpen(false)}
      style={{ borderInlineEnd: 'none' }}
    />
  );
  const signOut = () =>
    logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });
  const logoutButton = (
    <Button
      icon={<LogoutOutlined />}
      onClick={signOut}
      loading={logout.isPending}
      data-testid="logout-button"
      block={isPhone}
    >
      {t('auth.logout')}
    </Button>
  );

  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        {isPhone ? (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('app.menu')}
            onClick={() => setDrawerOpen(true)}
            data-testid="nav-toggle"
          />
        ) : null}
        <Link to={homePath(user)} className="app-brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>{t('app.name')}</span>
        </Link>
        <div className="app-header-spacer" />
        <NotificationBell />
        {isPhone ? null : <UserBadge user={user} />}
        <LanguageSwitch size={isPhone ? 'small' : 'middle'} />
        {isPhone ? null : logoutButton}
      </Layout.Header>
      <Layout hasSider={!isPhone}>
        {isPhone ? (
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            size={280}
            title={t('app.name')}
            styles={{ body: { padding: 0 } }}
          >
            <div className="drawer-user">
              <UserBadge user={user} stacked />
            </div>
            {menu}
            <div className="drawer-footer">{logoutButton}</div>
          </Drawer>
        ) : (
          <Layout.Sider width={220} className="app-sider" breakpoint="lg" collapsedWidth={64}>
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content className="app-content">
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
