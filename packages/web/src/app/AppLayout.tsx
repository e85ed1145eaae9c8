import { Suspense, useState } from 'react';
import { App, Button, Drawer, Layout, Menu } from 'antd';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { LoadingState } from '../components/LoadingState';
import { useIsPhone } from '../components/use-is-phone';
import { useCurrentUser } from '../features/auth/current-user';
import { useLogout } from '../features/auth/mutations';
import { NotificationBell } from '../features/petitions/NotificationBell';
import { useI18n } from '../i18n/i18n-context';
import { OfflineSync } from '../offline/OfflineSync';
import { OutboxNotice } from '../offline/OutboxNotice';
import { useOutbox } from '../offline/use-outbox';
import { navGroups } from './nav-groups';
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
  const { modal } = App.useApp();
  const unsent = useOutbox().filter((w) => w.userId === user.id).length;

  const groups = navGroups(user, navItems(user));
  const items = groups.flatMap((g) => g.items);
  const selected = items.filter((i) => i.match(location.pathname)).map((i) => i.key);
  const menu = (
    <Menu
      mode="inline"
      className="app-menu"
      selectedKeys={selected}
      items={groups.map((group) => ({
        type: 'group' as const,
        key: `group-${group.key}`,
        label: t(group.label),
        children: group.items.map((item) => ({
          key: item.key,
          icon: item.icon,
          label: (
            <Link to={item.path} data-testid={`nav-${item.key}`}>
              {t(item.label)}
            </Link>
          ),
        })),
      }))}
      onClick={() => setDrawerOpen(false)}
      style={{ borderInlineEnd: 'none' }}
    />
  );
  const leave = () =>
    logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });
  // Signing out clears the phone; writes not yet sent would go with it, so that is said first.
  const signOut = () =>
    unsent === 0
      ? leave()
      : modal.confirm({
          title: t('offline.signOutTitle'),
          content: t('offline.signOutUnsent', { n: unsent }),
          okText: t('offline.signOutConfirm'),
          okButtonProps: { danger: true },
          cancelText: t('app.cancel'),
          onOk: leave,
        });
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
      <OfflineSync />
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
          <Layout.Sider width={240} className="app-sider" breakpoint="lg" collapsedWidth={64}>
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content className="app-content">
          <OutboxNotice />
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
