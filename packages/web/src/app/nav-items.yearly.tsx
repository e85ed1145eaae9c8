import { FlagOutlined, FundOutlined, StarOutlined } from '@ant-design/icons';
import type { SessionUser } from '@caunoi/domain';
import type { NavItem } from './nav-items';

/** Yearly work: every account rates (a member assesses themself); targets and 4 tốt for the cell and above. */
export function yearlyNavItems(user: SessionUser): NavItem[] {
  const ratings: NavItem = {
    key: 'ratings',
    path: '/ratings',
    label: 'nav.ratings',
    icon: <StarOutlined />,
    match: (p) => p.startsWith('/ratings'),
  };
  if (user.role === 'member') return [ratings];
  return [
    ratings,
    {
      key: 'four-good',
      path: '/four-good',
      label: 'nav.fourGood',
      icon: <FlagOutlined />,
      match: (p) => p.startsWith('/four-good'),
    },
    {
      key: 'targets',
      path: '/targets',
      label: 'nav.targets',
      icon: <FundOutlined />,
      match: (p) => p.startsWith('/targets'),
    },
  ];
}
