import { AlertOutlined, SafetyCertificateOutlined, SolutionOutlined } from '@ant-design/icons';
import { can, type SessionUser } from '@caunoi/domain';
import type { NavItem } from './nav-items';

/** Personal data duties: requests for the cell and above, the breach register for those who manage data, the register for all. */
export function privacyNavItems(user: SessionUser): NavItem[] {
  if (user.role === 'member') return [];
  return [
    {
      key: 'privacy-requests',
      path: '/privacy/requests',
      label: 'nav.privacyRequests',
      icon: <SolutionOutlined />,
      match: (p) => p.startsWith('/privacy/requests'),
    },
    ...(can(user.role, 'privacy.manage')
      ? [
          {
            key: 'privacy-breaches',
            path: '/privacy/breaches',
            label: 'nav.privacyBreaches' as const,
            icon: <AlertOutlined />,
            match: (p: string) => p.startsWith('/privacy/breaches'),
          },
        ]
      : []),
    {
      key: 'privacy-register',
      path: '/privacy/register',
      label: 'nav.privacyRegister',
      icon: <SafetyCertificateOutlined />,
      match: (p) => p.startsWith('/privacy/register'),
    },
  ];
}
