import type { RelationToHead } from './household.schema.js';

/** The words of the tracking book for a person's relation to the head of the household. */
export const relationLabels: Record<RelationToHead, { vi: string; en: string }> = {
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
