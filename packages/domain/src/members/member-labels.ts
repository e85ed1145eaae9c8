import type { CellRole, MemberStatus, Sex } from './member.schema.js';

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

export const memberStatusLabels: Labels<MemberStatus> = {
  official: { vi: 'Chính thức', en: 'Full member' },
  probationary: { vi: 'Dự bị', en: 'Probationary' },
};

export const cellRoleLabels: Labels<CellRole> = {
  secretary: { vi: 'Bí thư', en: 'Secretary' },
  deputy: { vi: 'Phó Bí thư', en: 'Deputy secretary' },
  member: { vi: 'Đảng viên', en: 'Member' },
};

export const sexLabels: Labels<Sex> = {
  male: { vi: 'Nam', en: 'Male' },
  female: { vi: 'Nữ', en: 'Female' },
};
