import { z } from 'zod';
import {
  createAssignmentInput,
  createHolidayInput,
  createHouseholdInput,
  createMemberInput,
  createUnitInput,
  createPetitionInput,
  createUserInput,
  endAssignmentInput,
  loginInput,
  markNotificationsReadInput,
  restructurePlan,
  petitionTransitionInput,
  updateHouseholdInput,
  updateMemberInput,
  updatePetitionSettingsInput,
  updateUnitInput,
} from '@caunoi/domain';
import { assignmentWriteRoutes } from './assignment-matrix.js';
import { cellLifeWriteRoutes } from './cell-life-matrix.js';
import { reportWriteRoutes } from './dashboard-matrix.js';
import { fieldWorkWriteRoutes } from './field-work-matrix.js';
import { householdBookWriteRoutes } from './household-book-matrix.js';
import { householdLifecycleWriteRoutes } from './household-lifecycle-matrix.js';
import { memberLifecycleWriteRoutes } from './member-lifecycle-matrix.js';
import { privacyWriteRoutes } from './privacy-matrix.js';
import { accountWriteRoutes } from './account-matrix.js';
import { importExportWriteRoutes } from './import-export-matrix.js';
import { monthlyWriteRoutes } from './monthly-matrix.js';
import { yearlyWriteRoutes } from './yearly-matrix.js';
import type { TestApp } from './fixture.js';

/** Every write route with a valid body: malformed-bodies.test.ts breaks the bodies, input-bounds.test.ts pushes their fields to the edges. */
export interface WriteRoute {
  method: 'POST' | 'PATCH' | 'PUT';
  /** OpenAPI path, to check that every write route is covered. */
  pattern: string;
  url: (t: TestApp) => string;
  schema: z.ZodType;
  valid: (t: TestApp) => Record<string, unknown>;
}

export const writeRoutes: WriteRoute[] = [
  {
    method: 'POST',
    pattern: '/api/v1/units',
    url: () => '/api/v1/units',
    schema: createUnitInput,
    valid: (t) => ({
      code: 'X1',
      name: 'Chi bộ X',
      kind: 'cell',
      parentId: t.ids.thanhLocId,
      validFrom: '2024-01-01',
    }),
  },
  {
    method: 'PATCH',
    pattern: '/api/v1/units/{id}',
    url: (t) => `/api/v1/units/${t.ids.thanhAnCellId}`,
    schema: updateUnitInput,
    valid: () => ({ version: 1, name: 'Chi bộ ấp Thạnh An mới' }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/members',
    url: () => '/api/v1/members',
    schema: createMemberInput,
    valid: (t) => ({
      code: 'M1',
      fullName: 'Lê Văn Tám',
      cellId: t.ids.thanhAnCellId,
      status: 'official',
      activeFrom: '2020-01-01',
    }),
  },
  {
    method: 'PATCH',
    pattern: '/api/v1/members/{id}',
    url: (t) => `/api/v1/members/${t.ids.otherThanhAnMemberId}`,
    schema: updateMemberInput,
    valid: () => ({ version: 1, phone: '0912345678' }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/households',
    url: () => '/api/v1/households',
    schema: createHouseholdInput,
    valid: (t) => ({ code: 'H1', headName: 'Lê Văn Tám', address: 'Tổ 1', cellId: t.ids.thanhAnCellId }),
  },
  {
    method: 'PATCH',
    pattern: '/api/v1/households/{id}',
    url: (t) => `/api/v1/households/${t.ids.otherThanhAnHouseholdId}`,
    schema: updateHouseholdInput,
    valid: () => ({ version: 1, needsHelp: true }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/assignments',
    url: () => '/api/v1/assignments',
    schema: createAssignmentInput,
    valid: (t) => ({
      memberId: t.ids.otherThanhAnMemberId,
      householdId: t.ids.memberHouseholdId,
      startDate: '2025-01-01',
    }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/assignments/{id}/end',
    url: () => '/api/v1/assignments/00000000-0000-7000-8000-000000000000/end',
    schema: endAssignmentInput,
    valid: () => ({ endDate: '2025-01-01' }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/users',
    url: () => '/api/v1/users',
    schema: createUserInput,
    valid: (t) => ({
      username: 'fuzz.user',
      password: 'mat-khau-dai-du',
      displayName: 'Fuzz',
      role: 'cell_secretary',
      scopeUnitId: t.ids.thanhAnCellId,
    }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/auth/login',
    url: () => '/api/v1/auth/login',
    schema: loginInput,
    valid: () => ({ username: 'admin', password: 'wrong-password' }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/petitions',
    url: () => '/api/v1/petitions',
    schema: createPetitionInput,
    valid: (t) => ({
      householdIds: [t.ids.memberHouseholdId],
      receivedOn: '2025-11-03',
      channel: 'visit',
      category: 'infrastructure',
      title: 'Đường ngập nước',
      content: 'Nội dung',
    }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/petitions/{id}/transitions',
    url: () => '/api/v1/petitions/00000000-0000-7000-8000-000000000000/transitions',
    schema: petitionTransitionInput,
    valid: () => ({ action: 'acknowledge', version: 1 }),
  },
  {
    // Multipart only: every JSON body lacks the file part.
    method: 'POST',
    pattern: '/api/v1/petitions/{id}/attachments',
    url: () => '/api/v1/petitions/00000000-0000-7000-8000-000000000000/attachments',
    schema: z.never(),
    valid: () => ({ file: 'anh.png' }),
  },
  {
    method: 'PATCH',
    pattern: '/api/v1/petition-settings/{unitId}',
    url: (t) => `/api/v1/petition-settings/${t.ids.thanhLocId}`,
    schema: updatePetitionSettingsInput,
    valid: () => ({ answer: { days: 10, unit: 'working' } }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/notifications/read',
    url: () => '/api/v1/notifications/read',
    schema: markNotificationsReadInput,
    valid: () => ({ ids: ['00000000-0000-7000-8000-000000000000'] }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/holidays',
    url: () => '/api/v1/holidays',
    schema: createHolidayInput,
    valid: () => ({ date: '2027-01-01', name: 'Tết Dương lịch', kind: 'holiday' }),
  },
  ...cellLifeWriteRoutes,
  ...assignmentWriteRoutes,
  ...fieldWorkWriteRoutes,
  ...householdBookWriteRoutes,
  ...householdLifecycleWriteRoutes,
  ...importExportWriteRoutes,
  ...yearlyWriteRoutes,
  ...monthlyWriteRoutes,
  ...memberLifecycleWriteRoutes,
  ...reportWriteRoutes,
  ...privacyWriteRoutes,
  ...accountWriteRoutes,
  ...restructureWriteRoutes(),
];

/** A plan that would rename the demo's Thạnh An cell to its own name: valid, and the fuzz breaks it. */
function restructureWriteRoutes(): WriteRoute[] {
  const plan = () => ({
    title: 'Kiểm thử',
    effectiveDate: '2025-07-01',
    decision: { number: '01/QĐ-TEST', date: '2025-06-01', issuer: 'Kiểm thử' },
    operations: [{ op: 'rename', unit: 'KG.GR.TL.CB.THANH-AN', name: 'Chi bộ ấp Thạnh An' }],
  });
  return (['preview', 'apply'] as const).map((step) => ({
    method: 'POST' as const,
    pattern: `/api/v1/restructure/${step}`,
    url: () => `/api/v1/restructure/${step}`,
    schema: restructurePlan,
    valid: plan,
  }));
}
