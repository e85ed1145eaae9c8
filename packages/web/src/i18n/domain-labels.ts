import type { CellRole, Language, MemberStatus, RelationToHead, Sex } from '@caunoi/domain';

type Labels<K extends string> = Record<K, Record<Language, string>>;

/** Labels the domain package does not carry (yet): the words of the tracking book. */
export const relationLabels: Labels<RelationToHead> = {
  head: { vi: 'Chủ hộ', en: 'Head' },
  spouse: { vi: 'Vợ/Chồng', en: 'Spouse' },
  child: { vi: 'Con', en: 'Child' },
  parent: { vi: 'Cha/Mẹ', en: 'Parent' },
  grandchild: { vi: 'Cháu', en: 'Grandchild' },
  grandparent: { vi: 'Ông/Bà', en: 'Grandparent' },
  sibling: { vi: 'Anh/Chị/Em', en: 'Sibling' },
  child_in_law: { vi: 'Con dâu/rể', en: 'Child-in-law' },
  other: { vi: 'Khác', en: 'Other' },
};

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
