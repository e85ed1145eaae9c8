import { z } from 'zod';
import { isoDate } from '../common/dates.js';
import { resultLevel } from '../results/unit-result.schema.js';

/** The commune's mass organisations (đoàn thể), under the Fatherland Front since 2025. */
export const massOrgTypes = [
  'fatherland_front',
  'womens_union',
  'farmers_association',
  'veterans_association',
  'youth_union',
] as const;
export const massOrgType = z.enum(massOrgTypes);
export type MassOrgType = z.infer<typeof massOrgType>;

export const massOrgTypeLabels: Record<MassOrgType, { vi: string; en: string }> = {
  fatherland_front: { vi: 'Mặt trận Tổ quốc', en: 'Fatherland Front' },
  womens_union: { vi: 'Hội Liên hiệp Phụ nữ', en: "Women's Union" },
  farmers_association: { vi: 'Hội Nông dân', en: "Farmers' Association" },
  veterans_association: { vi: 'Hội Cựu chiến binh', en: "Veterans' Association" },
  youth_union: { vi: 'Đoàn Thanh niên', en: 'Youth Union' },
};

export const createMassOrgInput = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9._-]+$/),
  name: z.string().trim().min(2).max(200),
  orgType: massOrgType,
  /** The commune committee that leads it. */
  parentId: z.number().int().positive(),
  validFrom: isoDate,
});
export type CreateMassOrgInput = z.infer<typeof createMassOrgInput>;

export const massOrg = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  orgType: massOrgType.nullable(),
  parentId: z.number().int().nullable(),
  parentName: z.string().nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  result: z.object({ year: z.number().int(), level: resultLevel, note: z.string().nullable() }).nullable(),
});
export type MassOrg = z.infer<typeof massOrg>;

export const massOrgListQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type MassOrgListQuery = z.infer<typeof massOrgListQuery>;

export const resultTally = z.object({
  total: z.number().int(),
  excellent: z.number().int(),
  good: z.number().int(),
  completed: z.number().int(),
  notCompleted: z.number().int(),
  unrated: z.number().int(),
});

export const massOrgList = z.object({
  year: z.number().int(),
  items: z.array(massOrg),
  /** "05/05 đoàn thể hoàn thành xuất sắc nhiệm vụ": excellent of total. */
  summary: resultTally,
});
export type MassOrgList = z.infer<typeof massOrgList>;
