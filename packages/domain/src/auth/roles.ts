import { z } from 'zod';

export const roles = ['admin', 'committee_staff', 'commune_leader', 'cell_secretary', 'member'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

export const roleLabels: Record<Role, { vi: string; en: string }> = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator' },
  committee_staff: { vi: 'Cán bộ Ban Tổ chức / Văn phòng cấp ủy', en: 'Committee staff' },
  commune_leader: { vi: 'Lãnh đạo Đảng ủy xã', en: 'Commune leadership' },
  cell_secretary: { vi: 'Bí thư chi bộ', en: 'Cell secretary' },
  member: { vi: 'Đảng viên', en: 'Party member' },
};

/**
 * What each role may change. Reads are decided by scope alone (a subtree, or
 * for a member the households assigned to them); this table says which writes
 * a role may make inside that scope.
 */
export const permissions = [
  'unit.write',
  'member.write',
  /** A member's transfer, leaving, exemption, official admission and positions: decisions of the committee. */
  'member.lifecycle',
  'household.write',
  'assignment.write',
  'user.write',
  /** Reset a password, disable and re-enable an account in scope, settle the member rule's flags (canManageAccount). */
  'user.manage',
  /** See and lift login locks (throttling); addresses are not scoped, so administrators only. */
  'login_lock.manage',
  'audit.read',
  'meeting.write',
  'oversight.write',
  'result.write',
  'award.write',
  'catalogue.write',
  'petition.write',
  'petition.settings',
  /** Visits to households (field work), and each commune's visit cadence. */
  'visit.write',
  'visit.settings',
  /** Help plans of households and their actions. */
  'help_plan.write',
  /** A household's yearly poverty review sheet (overrides, request for review); a commune's area type. */
  'poverty.write',
  'poverty.settings',
  /** A grassroots organisation's catalogue of household commitments. */
  'commitment.write',
  /** Yearly rating steps (Quy định 366-QĐ/TW); which subject each role may rate is in ratings/rating-steps.ts. */
  'rating.self_assess',
  'rating.propose',
  'rating.decide',
  /** A commune's yearly targets: resolution indicators, new-rural criteria, cultural hamlets and agencies. */
  'target.write',
  /** Movements a cell takes part in: "4 tốt" registration, the household model, dân vận khéo models. */
  'movement.write',
  /** Monthly reports: a member's own, a cell secretary's cell report and the return of members' reports. */
  'monthly_report.write',
  /** Approving or returning a cell's monthly report (the commune). */
  'monthly_report.approve',
  /** A commune's monthly-report rules (from which day of the month reports may be sent). */
  'monthly_report.settings',
  /** Writing records dated in an approved (locked) month; recorded as a change after approval. */
  'report.override',
  /** Monthly supervision of members on the three contents. */
  'supervision.write',
  /** A household's legal basis and consent; data subjects' requests (Law 91/2025/QH15). */
  'privacy.write',
  /** The breach register and the retention job. */
  'privacy.manage',
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  admin: permissions,
  committee_staff: [
    'visit.write',
    'visit.settings',
    'help_plan.write',
    'poverty.write',
    'poverty.settings',
    'unit.write',
    'member.write',
    'member.lifecycle',
    'household.write',
    'assignment.write',
    'user.write',
    'user.manage',
    'audit.read',
    'meeting.write',
    'oversight.write',
    'result.write',
    'award.write',
    'catalogue.write',
    'petition.write',
    'petition.settings',
    'commitment.write',
    'rating.self_assess',
    'rating.propose',
    'rating.decide',
    'target.write',
    'movement.write',
    'monthly_report.write',
    'monthly_report.approve',
    'monthly_report.settings',
    'report.override',
    'supervision.write',
    'privacy.write',
    'privacy.manage',
  ],
  commune_leader: [
    // Records a member's visit on their behalf, above all one in a locked month
    // (the override below): without it the override could never be used on visits.
    'visit.write',
    'member.lifecycle',
    'user.manage',
    'visit.settings',
    'poverty.settings',
    'assignment.write',
    'audit.read',
    'oversight.write',
    'result.write',
    'award.write',
    'petition.write',
    'petition.settings',
    'commitment.write',
    'rating.self_assess',
    'rating.propose',
    'rating.decide',
    'target.write',
    'movement.write',
    'monthly_report.approve',
    'monthly_report.settings',
    'report.override',
    'supervision.write',
    'privacy.write',
    'privacy.manage',
  ],
  cell_secretary: [
    'member.write',
    'household.write',
    'assignment.write',
    'meeting.write',
    'petition.write',
    'visit.write',
    'help_plan.write',
    'poverty.write',
    'rating.self_assess',
    'rating.propose',
    'movement.write',
    'monthly_report.write',
    'supervision.write',
    'privacy.write',
  ],
  member: [
    'household.write',
    'petition.write',
    'visit.write',
    'help_plan.write',
    'poverty.write',
    'rating.self_assess',
    'monthly_report.write',
  ],
};

export function can(r: Role, p: Permission): boolean {
  return grants[r].includes(p);
}

const rank: Record<Role, number> = {
  admin: 4,
  committee_staff: 3,
  commune_leader: 2,
  cell_secretary: 1,
  member: 0,
};

/**
 * Whose account a role may reset, disable or enable (inside its scope): an
 * administrator anyone's, the others only accounts of a lower role, so a
 * commune's leadership can help its cells' secretaries and members but not
 * lock out its peers or the committee above.
 */
export function canManageAccount(manager: Role, target: Role): boolean {
  if (!can(manager, 'user.manage')) return false;
  return manager === 'admin' || rank[target] < rank[manager];
}

/** Roles an account may hand out: never one above its own. */
export function canGrantRole(granter: Role, granted: Role): boolean {
  if (granter === 'admin') return true;
  if (granter === 'committee_staff') return granted !== 'admin';
  return false;
}
