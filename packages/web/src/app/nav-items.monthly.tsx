import { AuditOutlined, CheckSquareOutlined, FileDoneOutlined, FileTextOutlined } from '@ant-design/icons';
import type { SessionUser } from '@caunoi/domain';
import type { NavItem } from './nav-items';

/**
 * Monthly work: a member's own report; the cell secretary's cell report and
 * supervision of members; the commune's review of its cells' reports and the
 * supervision summary.
 */
export function monthlyNavItems(user: SessionUser): NavItem[] {
  const own: NavItem = {
    key: 'monthly-report',
    path: '/monthly-report',
    label: 'nav.monthlyReport',
    icon: <FileTextOutlined />,
    match: (p) => p.startsWith('/monthly-report'),
  };
  const supervision: NavItem = {
    key: 'supervision',
    path: '/supervision',
    label: 'nav.supervision',
    icon: <AuditOutlined />,
    match: (p) => p.startsWith('/supervision'),
  };
  if (user.role === 'member') return [own];
  if (user.role === 'cell_secretary') {
    return [
      ...(user.memberId ? [own] : []),
      {
        key: 'cell-report',
        path: '/cell-report',
        label: 'nav.cellReport',
        icon: <FileDoneOutlined />,
        match: (p) => p.startsWith('/cell-report'),
      },
      supervision,
    ];
  }
  return [
    {
      key: 'monthly-review',
      path: '/monthly-review',
      label: 'nav.monthlyReview',
      icon: <CheckSquareOutlined />,
      match: (p) => p.startsWith('/monthly-review') || p.startsWith('/cell-report'),
    },
    supervision,
  ];
}
