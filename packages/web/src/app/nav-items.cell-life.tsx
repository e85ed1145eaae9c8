import { AuditOutlined, CalendarOutlined, FlagOutlined, TrophyOutlined } from '@ant-design/icons';
import type { SessionUser } from '@caunoi/domain';
import type { NavItem } from './nav-items';

/** Cell life: meetings and overseers for the cell and above; commendations and mass organisations for committees. */
export function cellLifeNavItems(user: SessionUser): NavItem[] {
  const items: NavItem[] = [
    {
      key: 'meetings',
      path: '/meetings',
      label: 'nav.meetings',
      icon: <CalendarOutlined />,
      match: (p) => p.startsWith('/meetings'),
    },
    {
      key: 'oversight',
      path: '/oversight',
      label: 'nav.oversight',
      icon: <AuditOutlined />,
      match: (p) => p.startsWith('/oversight'),
    },
  ];
  if (user.role === 'cell_secretary') return items;
  return [
    ...items,
    {
      key: 'awards',
      path: '/awards',
      label: 'nav.awards',
      icon: <TrophyOutlined />,
      match: (p) => p.startsWith('/awards'),
    },
    {
      key: 'mass-orgs',
      path: '/mass-organisations',
      label: 'nav.massOrgs',
      icon: <FlagOutlined />,
      match: (p) => p.startsWith('/mass-organisations'),
    },
  ];
}
