import { can, type Permission, type SessionUser } from '@caunoi/domain';
import type { MessageKey } from '../i18n/dictionary.vi';
import type { NavItem } from './nav-items';

export type NavGroupKey = 'mine' | 'unit' | 'reports' | 'admin';

export interface NavGroup {
  key: NavGroupKey;
  label: MessageKey;
  items: NavItem[];
}

/** Where each page belongs, by the work it serves (issue 15: 24 items in one list on a phone). */
const groupOf: Record<string, NavGroupKey> = {
  worklist: 'mine',
  'monthly-report': 'mine',
  ratings: 'mine',
  'my-account': 'mine',
  overview: 'unit',
  members: 'unit',
  households: 'unit',
  coverage: 'unit',
  visits: 'unit',
  petitions: 'unit',
  meetings: 'unit',
  oversight: 'unit',
  'cell-report': 'unit',
  'monthly-review': 'unit',
  supervision: 'unit',
  'four-good': 'unit',
  targets: 'unit',
  awards: 'unit',
  'mass-orgs': 'unit',
  tree: 'unit',
  dashboard: 'reports',
  'model-report': 'reports',
  'petition-figures': 'reports',
  'help-outcomes': 'reports',
  'poverty-review': 'reports',
  'household-changes': 'reports',
  import: 'admin',
  'privacy-requests': 'admin',
  'privacy-breaches': 'admin',
  'privacy-register': 'admin',
  restructure: 'admin',
  accounts: 'admin',
};

/**
 * Pages a role may open but does not use in its work: a cell secretary runs
 * one cell (no tree of units, no district report, no commune's register of
 * processing activities, no petition statistics of the commune).
 */
const notUsedBy: Partial<Record<SessionUser['role'], readonly string[]>> = {
  cell_secretary: ['tree', 'model-report', 'petition-figures', 'privacy-register'],
};

/** Pages that serve a write: a role without the permission (domain can()) has no work there. */
const workOf: Partial<Record<string, Permission>> = {
  targets: 'target.write',
  oversight: 'oversight.write',
  awards: 'award.write',
  'privacy-breaches': 'privacy.manage',
};

const order: NavGroupKey[] = ['mine', 'unit', 'reports', 'admin'];

/**
 * The role's pages in groups of its work: "Việc của tôi" (what the person
 * does themselves), the cell or the party committee they run, reports and
 * figures, administration. A member's app is "Việc của tôi" alone.
 */
export function navGroups(user: SessionUser, items: readonly NavItem[]): NavGroup[] {
  const hidden = notUsedBy[user.role] ?? [];
  const shown = items.filter((i) => {
    const needs = workOf[i.key];
    return !hidden.includes(i.key) && (needs === undefined || can(user.role, needs));
  });
  if (user.role === 'member') return [{ key: 'mine', label: 'nav.group.mine', items: shown }];
  const unitLabel: MessageKey = user.role === 'cell_secretary' ? 'nav.group.cell' : 'nav.group.committee';
  const labels: Record<NavGroupKey, MessageKey> = {
    mine: 'nav.group.mine',
    unit: unitLabel,
    reports: 'nav.group.reports',
    admin: 'nav.group.admin',
  };
  return order
    .map((key) => ({
      key,
      label: labels[key],
      items: shown.filter((i) => (groupOf[i.key] ?? 'admin') === key),
    }))
    .filter((g) => g.items.length > 0);
}
