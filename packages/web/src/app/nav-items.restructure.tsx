import { NodeIndexOutlined } from '@ant-design/icons';
import type { SessionUser } from '@caunoi/domain';
import type { NavItem } from './nav-items';

/** Restructuring changes the whole tree, so only administrators see it (the server checks the same). */
export function restructureNavItems(user: SessionUser): NavItem[] {
  if (user.role !== 'admin') return [];
  return [
    {
      key: 'restructure',
      path: '/restructure',
      label: 'nav.restructure',
      icon: <NodeIndexOutlined />,
      match: (p) => p.startsWith('/restructure'),
    },
  ];
}
