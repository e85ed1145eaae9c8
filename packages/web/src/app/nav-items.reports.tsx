import { AreaChartOutlined, FileTextOutlined } from '@ant-design/icons';
import type { SessionUser } from '@caunoi/domain';
import type { NavItem } from './nav-items';

/** Dashboards and reports: a unit's figures, for the cell and above (members follow households, not figures). */
export function reportsNavItems(user: SessionUser): NavItem[] {
  if (user.role === 'member') return [];
  return [
    {
      key: 'dashboard',
      path: '/dashboard',
      label: 'nav.dashboard',
      icon: <AreaChartOutlined />,
      match: (p) => p.startsWith('/dashboard') || p.startsWith('/reports/dashboard'),
    },
    {
      key: 'model-report',
      path: '/reports/model',
      label: 'nav.modelReport',
      icon: <FileTextOutlined />,
      match: (p) => p.startsWith('/reports/model'),
    },
  ];
}
