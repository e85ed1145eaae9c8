import { UploadOutlined } from '@ant-design/icons';
import { can, type SessionUser } from '@caunoi/domain';
import type { NavItem } from './nav-items';

/** The Excel import, for the roles that may create some kind of record (members never import). */
export function importNavItems(user: SessionUser): NavItem[] {
  const mayImport =
    user.role !== 'member' &&
    (['unit.write', 'member.write', 'household.write', 'assignment.write'] as const).some((p) =>
      can(user.role, p),
    );
  return mayImport
    ? [
        {
          key: 'import',
          path: '/import',
          label: 'nav.import',
          icon: <UploadOutlined />,
          match: (p) => p.startsWith('/import'),
        },
      ]
    : [];
}
