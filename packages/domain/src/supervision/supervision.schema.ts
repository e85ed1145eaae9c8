import { z } from 'zod';
import { isoDate } from '../common/dates.js';
import { reportMonth } from '../monthly-reports/report-month.js';

type Labels<K extends string> = Record<K, { vi: string; en: string }>;

/** The three contents a cell supervises each month for every member. */
export const supervisionKinds = ['prohibitions', 'degradation', 'example'] as const;
export const supervisionKind = z.enum(supervisionKinds);
export type SupervisionKind = z.infer<typeof supervisionKind>;

export const supervisionKindLabels: Labels<SupervisionKind> = {
  prohibitions: { vi: 'Những điều đảng viên không được làm', en: 'Things members must not do' },
  degradation: {
    vi: 'Biểu hiện suy thoái, "tự diễn biến", "tự chuyển hóa"',
    en: 'Signs of degradation, self-evolution, self-transformation',
  },
  example: { vi: 'Trách nhiệm nêu gương', en: 'Duty to set an example' },
};

export const findingKinds = ['ok', 'concern', 'violation'] as const;
export const findingKind = z.enum(findingKinds);
export type FindingKind = z.infer<typeof findingKind>;

export const findingKindLabels: Labels<FindingKind> = {
  ok: { vi: 'Thực hiện tốt', en: 'Fine' },
  concern: { vi: 'Có biểu hiện cần nhắc nhở', en: 'Concern' },
  violation: { vi: 'Vi phạm', en: 'Violation' },
};

export const supervisionItem = z.object({ id: z.uuid(), code: z.string(), text: z.string() });

/** A version of a checklist; the number of items is data. `orgId` null: the reference version for every commune. */
export const supervisionCatalogue = z.object({
  id: z.uuid(),
  orgId: z.number().int().nullable(),
  kind: supervisionKind,
  code: z.string(),
  name: z.string(),
  source: z.string(),
  note: z.string().nullable(),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  items: z.array(supervisionItem),
});
export type SupervisionCatalogue = z.infer<typeof supervisionCatalogue>;

export const createSupervisionCatalogueInput = z.strictObject({
  id: z.uuid().optional(),
  /** The commune (grassroots organisation) that maintains it. */
  orgId: z.number().int().positive(),
  kind: supervisionKind,
  code: z.string().trim().min(1).max(60),
  name: z.string().trim().min(1).max(300),
  source: z.string().trim().min(1).max(500),
  note: z.string().trim().max(2000).optional(),
  validFrom: isoDate,
  items: z
    .array(
      z.strictObject({ code: z.string().trim().min(1).max(30), text: z.string().trim().min(1).max(1000) }),
    )
    .min(1)
    .max(100),
});
export type CreateSupervisionCatalogueInput = z.infer<typeof createSupervisionCatalogueInput>;

export const supervisionCatalogueQuery = z.strictObject({
  unitId: z.coerce.number().int().positive(),
  onDate: isoDate,
});

export const supervisionFinding = z.object({
  itemId: z.uuid(),
  finding: findingKind,
  note: z.string().trim().max(2000).nullable().optional(),
});
export type SupervisionFinding = z.infer<typeof supervisionFinding>;

export const followUp = z.object({
  what: z.string().trim().min(1).max(1000),
  who: z.string().trim().min(1).max(200),
  dueOn: isoDate.nullable().optional(),
  doneOn: isoDate.nullable().optional(),
});
export type FollowUp = z.infer<typeof followUp>;

export const supervisionRecord = z.object({
  id: z.uuid(),
  memberId: z.uuid(),
  month: reportMonth,
  catalogueIds: z.array(z.uuid()),
  findings: z.array(supervisionFinding),
  followUps: z.array(followUp),
  /** Items found a concern or a violation. */
  issues: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type SupervisionRecord = z.infer<typeof supervisionRecord>;

export const saveSupervisionInput = z.strictObject({
  memberId: z.uuid(),
  month: reportMonth,
  findings: z.array(supervisionFinding.strict()).max(300),
  followUps: z.array(followUp.strict()).max(50),
  /** The version read (0 for a new record). */
  version: z.number().int().min(0),
});
export type SaveSupervisionInput = z.infer<typeof saveSupervisionInput>;

export const cellSupervisionQuery = z.strictObject({
  cellId: z.coerce.number().int().positive(),
  month: reportMonth,
});

/** A cell's supervision sheet for a month: the catalogues valid on its last day and each member's record. */
export const cellSupervision = z.object({
  cellId: z.number().int(),
  cellName: z.string(),
  month: reportMonth,
  catalogues: z.array(supervisionCatalogue),
  members: z.array(
    z.object({ memberId: z.uuid(), memberName: z.string(), record: supervisionRecord.nullable() }),
  ),
});
export type CellSupervision = z.infer<typeof cellSupervision>;

export const supervisionSummaryQuery = z.strictObject({
  unitId: z.coerce.number().int().positive().optional(),
  month: reportMonth,
});

export const supervisionSummaryRow = z.object({
  cellId: z.number().int(),
  cellName: z.string(),
  members: z.number().int(),
  supervised: z.number().int(),
  withFindings: z.number().int(),
  openFollowUps: z.number().int(),
});
export type SupervisionSummaryRow = z.infer<typeof supervisionSummaryRow>;

/**
 * The catalogue of each kind to use on `onDate`: the commune's own version
 * valid then, else the reference version valid then. Pure.
 */
export function cataloguesValidOn<
  T extends { orgId: number | null; kind: SupervisionKind; validFrom: string; validTo: string | null },
>(catalogues: readonly T[], orgId: number, onDate: string): T[] {
  const chosen: T[] = [];
  for (const kind of supervisionKinds) {
    const valid = catalogues.filter(
      (c) => c.kind === kind && c.validFrom <= onDate && (c.validTo === null || c.validTo >= onDate),
    );
    const own = valid.filter((c) => c.orgId === orgId);
    const pick = (own.length > 0 ? own : valid.filter((c) => c.orgId === null)).sort((a, b) =>
      b.validFrom.localeCompare(a.validFrom),
    )[0];
    if (pick) chosen.push(pick);
  }
  return chosen;
}

/**
 * Beside party members, the report's monthly supervision covers the
 * commune's cadres, civil servants and public employees (cán bộ, công chức,
 * viên chức), who need not be members: each is a subject of its own kind.
 */
export const officialKinds = ['cadre', 'civil_servant', 'public_employee'] as const;
export const officialKind = z.enum(officialKinds);
export type OfficialKind = z.infer<typeof officialKind>;

export const officialKindLabels: Labels<OfficialKind> = {
  cadre: { vi: 'Cán bộ', en: 'Cadre' },
  civil_servant: { vi: 'Công chức', en: 'Civil servant' },
  public_employee: { vi: 'Viên chức', en: 'Public employee' },
};

export const officialSupervisionRecord = z.object({
  id: z.uuid(),
  unitId: z.number().int(),
  subjectKind: officialKind,
  subjectName: z.string(),
  subjectPosition: z.string(),
  month: reportMonth,
  catalogueIds: z.array(z.uuid()),
  findings: z.array(supervisionFinding),
  followUps: z.array(followUp),
  issues: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type OfficialSupervisionRecord = z.infer<typeof officialSupervisionRecord>;

export const saveOfficialSupervisionInput = z.strictObject({
  /** Made by the client for a new record; with `version` 0 it creates, else it updates that record. */
  id: z.uuid(),
  /** The commune or cell that supervises. */
  unitId: z.number().int().positive(),
  subjectKind: officialKind,
  subjectName: z.string().trim().min(2).max(200),
  subjectPosition: z.string().trim().min(2).max(200),
  month: reportMonth,
  findings: z.array(supervisionFinding.strict()).max(300),
  followUps: z.array(followUp.strict()).max(50),
  version: z.number().int().min(0),
});
export type SaveOfficialSupervisionInput = z.infer<typeof saveOfficialSupervisionInput>;

export const officialSupervisionQuery = z.strictObject({
  unitId: z.coerce.number().int().positive(),
  month: reportMonth,
});

/** A unit's supervision of its officials for a month: the valid checklists and the records. */
export const officialSupervision = z.object({
  unitId: z.number().int(),
  month: reportMonth,
  catalogues: z.array(supervisionCatalogue),
  records: z.array(officialSupervisionRecord),
});
export type OfficialSupervision = z.infer<typeof officialSupervision>;
