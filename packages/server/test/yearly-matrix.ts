import { z } from 'zod';
import {
  createFourGoodCatalogueInput,
  createRatingFrameworkInput,
  registerHouseholdModelInput,
  saveCulturalUnitInput,
  saveFourGoodInput,
  saveMassMobilisationModelInput,
  saveNtmResultsInput,
  saveResolutionIndicatorInput,
  takeRatingStepInput,
  type Permission,
  type RatingFramework,
  type Role,
} from '@caunoi/domain';
import { v7 as uuidv7 } from 'uuid';
import { systemActor } from '../src/auth/actor.js';
import { listFrameworks } from '../src/ratings/rating-frameworks.repository.js';
import { takeRatingStep } from '../src/ratings/ratings.service.js';
import type { ApiClient } from './api-client.js';
import type { TestApp } from './fixture.js';

/*
 * The yearly-work endpoints (ratings, targets, 4 tốt, models) for the two
 * matrix tests: scope-matrix.test.ts runs every role against `yearlyCases`,
 * malformed-bodies.test.ts fuzzes `yearlyWriteRoutes` and fingerprints
 * `yearlyTables`. GET /api/v1/rating-frameworks holds national catalogues
 * with no scope (every signed-in role reads them), so it is not a case.
 */

interface Target {
  cellId: number;
  communeId: number;
  memberId: string;
  householdId: string;
}

export interface YearlyCase {
  name: string;
  permission: Permission | 'read';
  refusedFor?: Role[];
  run(
    client: ApiClient,
    target: Target,
    t: TestApp,
    seq: number,
  ): Promise<{ statusCode: number; body: string }>;
}

const frameworkCache = new WeakMap<TestApp, RatingFramework[]>();
async function sheet(t: TestApp, subject: string): Promise<Record<string, number>> {
  let frameworks = frameworkCache.get(t);
  if (!frameworks) {
    frameworks = await listFrameworks(t.database.db, { validOn: '2030-12-31' });
    frameworkCache.set(t, frameworks);
  }
  const f = frameworks.find((x) => x.subject === subject)!;
  return Object.fromEntries(f.groups.flatMap((g) => g.items.map((i) => [i.code, i.maxPoints * 0.8])));
}

/**
 * A fresh year per call, so each case starts its own rating (frameworks are
 * open-ended from 2025). Counted here rather than from the matrix's `seq`:
 * `seq % 70` made two calls meet on one year whenever cases were added elsewhere.
 */
let ratingCalls = 0;
const yearOf = (_seq: number) => 2030 + (ratingCalls++ % 70);

/** Takes the earlier steps as the system, so the case's client takes exactly the step under test. */
async function stepsBefore(t: TestApp, body: Record<string, unknown>, steps: ('self_assess' | 'propose')[]) {
  for (const step of steps) {
    await takeRatingStep(t.database.db, systemActor(), takeRatingStepInput.parse({ ...body, step }));
  }
}

export const yearlyCases: YearlyCase[] = [
  {
    name: 'GET ratings board of a cell',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/ratings?unitId=${x.cellId}&year=2025`),
  },
  {
    name: 'GET ratings board of a cell as .xlsx',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/ratings.xlsx?unitId=${x.cellId}&year=2025`),
  },
  {
    name: 'POST rating step: self-assessment of a member',
    permission: 'rating.self_assess',
    run: async (c, x, t, seq) =>
      c.post('/api/v1/ratings/steps', {
        subject: 'member',
        memberId: x.memberId,
        year: yearOf(seq),
        step: 'self_assess',
        scores: await sheet(t, 'member'),
      }),
  },
  {
    name: 'POST rating step: proposal for a cell',
    permission: 'rating.propose',
    // The commune proposes for its cells: a cell secretary may propose only for members.
    refusedFor: ['cell_secretary'],
    run: async (c, x, t, seq) => {
      const body = { subject: 'cell', unitId: x.cellId, year: yearOf(seq), scores: await sheet(t, 'cell') };
      await stepsBefore(t, body, ['self_assess']);
      return c.post('/api/v1/ratings/steps', { ...body, step: 'propose' });
    },
  },
  {
    name: 'POST rating step: decision for a member',
    permission: 'rating.decide',
    run: async (c, x, t, seq) => {
      const body = {
        subject: 'member',
        memberId: x.memberId,
        year: yearOf(seq),
        scores: await sheet(t, 'member'),
      };
      await stepsBefore(t, body, ['self_assess', 'propose']);
      return c.post('/api/v1/ratings/steps', { ...body, step: 'decide' });
    },
  },
  {
    name: 'GET yearly figures',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/yearly/figures?unitId=${x.cellId}&year=2023`),
  },
  {
    name: 'GET yearly targets',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/yearly/targets?unitId=${x.cellId}&year=2023`),
  },
  {
    name: 'GET yearly targets as .xlsx',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/yearly/targets.xlsx?unitId=${x.cellId}&year=2023`),
  },
  {
    name: "GET a cell's household model",
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/yearly/household-model?cellId=${x.cellId}&year=2023`),
  },
  {
    name: 'GET 4 tốt board',
    permission: 'read',
    run: (c, x) => c.get(`/api/v1/yearly/four-good?unitId=${x.cellId}&year=2023`),
  },
  {
    name: 'PUT resolution indicator',
    permission: 'target.write',
    run: (c, x) =>
      c.send('PUT', '/api/v1/yearly/indicators', {
        id: uuidv7(),
        unitId: x.communeId,
        year: 2025,
        name: 'Chỉ tiêu kiểm thử',
        targetValue: 10,
        actualValue: 12,
      }),
  },
  {
    name: 'PUT new-rural criteria',
    permission: 'target.write',
    run: (c, x) =>
      c.send('PUT', '/api/v1/yearly/ntm-results', {
        unitId: x.communeId,
        year: 2025,
        results: [{ code: 'TC01', achieved: true }],
      }),
  },
  {
    name: 'PUT cultural hamlet',
    permission: 'target.write',
    run: (c, x) =>
      c.send('PUT', '/api/v1/yearly/cultural-units', {
        id: uuidv7(),
        unitId: x.communeId,
        year: 2025,
        kind: 'hamlet',
        name: 'Ấp kiểm thử',
        achieved: true,
      }),
  },
  {
    name: 'PUT dân vận khéo model',
    permission: 'movement.write',
    run: (c, x) =>
      c.send('PUT', '/api/v1/yearly/models', {
        id: uuidv7(),
        unitId: x.cellId,
        year: 2025,
        kind: 'collective',
        title: 'Mô hình kiểm thử',
        holder: 'Chi hội kiểm thử',
      }),
  },
  {
    name: 'PUT 4 tốt registration',
    permission: 'movement.write',
    run: (c, x, _t, seq) =>
      c.send('PUT', '/api/v1/yearly/four-good', {
        unitId: x.cellId,
        year: yearOf(seq),
        registeredOn: '2025-01-15',
      }),
  },
  {
    name: 'POST household-model registration',
    permission: 'movement.write',
    run: (c, x) =>
      c.post('/api/v1/yearly/household-model', {
        cellId: x.cellId,
        memberId: x.memberId,
        registeredOn: '2025-01-15',
      }),
  },
];

interface WriteRoute {
  method: 'POST' | 'PATCH' | 'PUT';
  pattern: string;
  url: (t: TestApp) => string;
  schema: z.ZodType;
  valid: (t: TestApp) => Record<string, unknown>;
}

const fixedId = '0193a000-0000-7000-8000-0000000000aa';

export const yearlyWriteRoutes: WriteRoute[] = [
  {
    method: 'POST',
    pattern: '/api/v1/rating-frameworks',
    url: () => '/api/v1/rating-frameworks',
    schema: createRatingFrameworkInput,
    valid: () => ({
      code: 'QD-X',
      name: 'Khung kiểm thử',
      subject: 'cell',
      validFrom: '2099-01-01',
      maxScore: 100,
      excellentCapPercent: 20,
      groups: [
        { code: 'G', name: 'Nhóm', maxPoints: 100, items: [{ code: 'I', text: 'Tiêu chí', maxPoints: 100 }] },
      ],
      levels: [{ level: 'good', minScore: 0 }],
    }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/ratings/steps',
    url: () => '/api/v1/ratings/steps',
    schema: takeRatingStepInput,
    valid: (t) => ({
      subject: 'member',
      memberId: t.ids.otherThanhAnMemberId,
      year: 2025,
      step: 'self_assess',
      scores: { C1: 8 },
    }),
  },
  {
    method: 'PUT',
    pattern: '/api/v1/yearly/indicators',
    url: () => '/api/v1/yearly/indicators',
    schema: saveResolutionIndicatorInput,
    valid: (t) => ({ id: fixedId, unitId: t.ids.thanhLocId, year: 2025, name: 'Chỉ tiêu', targetValue: 1 }),
  },
  {
    method: 'PUT',
    pattern: '/api/v1/yearly/ntm-results',
    url: () => '/api/v1/yearly/ntm-results',
    schema: saveNtmResultsInput,
    valid: (t) => ({ unitId: t.ids.thanhLocId, year: 2025, results: [{ code: 'TC01', achieved: true }] }),
  },
  {
    method: 'PUT',
    pattern: '/api/v1/yearly/cultural-units',
    url: () => '/api/v1/yearly/cultural-units',
    schema: saveCulturalUnitInput,
    valid: (t) => ({
      id: fixedId,
      unitId: t.ids.thanhLocId,
      year: 2025,
      kind: 'hamlet',
      name: 'Ấp',
      achieved: true,
    }),
  },
  {
    method: 'PUT',
    pattern: '/api/v1/yearly/models',
    url: () => '/api/v1/yearly/models',
    schema: saveMassMobilisationModelInput,
    valid: (t) => ({
      id: fixedId,
      unitId: t.ids.thanhAnCellId,
      year: 2025,
      kind: 'collective',
      title: 'Mô hình',
      holder: 'Chi hội',
    }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/four-good-catalogues',
    url: () => '/api/v1/four-good-catalogues',
    schema: createFourGoodCatalogueInput,
    valid: () => ({
      code: '4T-X',
      name: 'Bộ tiêu chí kiểm thử',
      validFrom: '2099-01-01',
      criteria: [{ code: 'A', text: 'Tiêu chí' }],
    }),
  },
  {
    method: 'PUT',
    pattern: '/api/v1/yearly/four-good',
    url: () => '/api/v1/yearly/four-good',
    schema: saveFourGoodInput,
    valid: (t) => ({ unitId: t.ids.thanhAnCellId, year: 2025, registeredOn: '2025-01-15' }),
  },
  {
    method: 'POST',
    pattern: '/api/v1/yearly/household-model',
    url: () => '/api/v1/yearly/household-model',
    schema: registerHouseholdModelInput,
    valid: (t) => ({ cellId: t.ids.thanhAnCellId, registeredOn: '2025-01-15' }),
  },
];

export const yearlyTables = [
  'rating_frameworks',
  'rating_framework_items',
  'four_good_catalogues',
  'four_good_criteria',
  'ratings',
  'rating_steps',
  'four_good_registrations',
  'household_model_registrations',
  'resolution_indicators',
  'ntm_results',
  'cultural_units',
  'mass_mobilisation_models',
] as const;
