import { AuditOutlined, CarryOutOutlined, RiseOutlined, ScheduleOutlined } from '@ant-design/icons';
import type { SessionUser } from '@caunoi/domain';
import type { NavItem } from './nav-items';

/** Field work: the member's worklist first of all; visit coverage for the cell and above. */
export function fieldWorkNavItems(user: SessionUser): NavItem[] {
  const worklist: NavItem = {
    key: 'worklist',
    path: '/worklist',
    label: 'nav.worklist',
    icon: <CarryOutOutlined />,
    match: (p) => p.startsWith('/worklist'),
  };
  if (user.role === 'member') return [worklist];
  // A secretary is a member too, with households of their own to visit.
  const ownWork = user.role === 'cell_secretary' && user.memberId !== null;
  return [
    ...(ownWork ? [worklist] : []),
    {
      key: 'visits',
      path: '/visits',
      label: 'nav.visits',
      icon: <ScheduleOutlined />,
      match: (p) => p.startsWith('/visits') || (!ownWork && p.startsWith('/worklist')),
    },
    {
      key: 'help-outcomes',
      path: '/help-plans',
      label: 'nav.helpOutcomes',
      icon: <RiseOutlined />,
      match: (p) => p.startsWith('/help-plans'),
    },
    {
      key: 'poverty-review',
      path: '/poverty/review',
      label: 'nav.povertyReview',
      icon: <AuditOutlined />,
      match: (p) => p.startsWith('/poverty'),
    },
  ];
}
