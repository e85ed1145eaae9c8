import { TeamOutlined, UserOutlined } from '@ant-design/icons';
import { can, type SessionUser } from '@caunoi/domain';
import type { NavItem } from './nav-items';

/** The own account for everyone; the accounts page for roles that create or manage accounts. */
export function accountNavItems(user: SessionUser): NavItem[] {
  const items: NavItem[] = [];
  if (can(user.role, 'user.write') || can(user.role, 'user.manage'))
    items.push({
      key: 'accounts',
      path: '/accounts',
      label: 'nav.accounts',
      icon: <TeamOutlined />,
      match: (p) => p.startsWith('/accounts'),
    });
  items.push({
    key: 'my-account',
    path: '/account',
    label: 'nav.myAccount',
    icon: <UserOutlined />,
    match: (p) => p === '/account',
  });
  return items;
}
