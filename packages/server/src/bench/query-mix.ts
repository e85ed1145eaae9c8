import { foldVietnamese, type Role } from '@caunoi/domain';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { createRng, hashSeed, type Rng } from '../demo/prng.js';
import { syntheticId } from '../synthetic/synthetic-ids.js';

/**
 * What people type into the household search, drawn from households of the
 * synthetic province: whole names with and without accents, family and given
 * name, a given name alone, a family name alone, the first letters of each
 * word, another person of the household, a code, an address. Each query is
 * asked by an account whose scope holds the household: a commune leader
 * most often, then a cell secretary, sometimes the province.
 */
export const queryKinds = [
  'full_name_plain',
  'full_name_accented',
  'family_given',
  'given',
  'surname',
  'prefix',
  'person',
  'code',
  'address',
] as const;
export type QueryKind = (typeof queryKinds)[number];

export interface BenchQuery {
  kind: QueryKind;
  q: string;
  scope: 'province' | 'commune' | 'cell';
  actor: Actor;
}

export interface SampledHousehold {
  id: string;
  code: string;
  headName: string;
  address: string;
  cellId: number;
  cellPath: string;
  communeId: number;
  communePath: string;
  people: string[];
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

function actorFor(role: Role, unitId: number, path: string): Actor {
  return { userId: 'bench', role, scopeUnitId: unitId, scopePath: path, memberId: null, ip: null };
}

/** `count` households spread over the whole province, the same ones for the same seed. */
export async function sampleHouseholds(
  db: Kysely<DB>,
  options: { households: number; seed: string; count: number },
): Promise<SampledHousehold[]> {
  const rng = createRng(`${options.seed}/bench-sample`);
  const salt = hashSeed(options.seed);
  const ids = Array.from({ length: options.count }, () =>
    syntheticId('household', rng.int(1, options.households), salt),
  );
  const rows = await db
    .selectFrom('households as h')
    .innerJoin('org_units as cell', 'cell.id', 'h.cell_id')
    .innerJoin('org_units as commune', 'commune.id', 'h.org_id')
    .select([
      'h.id',
      'h.code',
      'h.head_name',
      'h.address',
      'cell.id as cell_id',
      'cell.path as cell_path',
      'commune.id as commune_id',
      'commune.path as commune_path',
    ])
    .where('h.id', 'in', [...new Set(ids)])
    .execute();
  const people = await db
    .selectFrom('household_people')
    .select(['household_id', 'full_name'])
    .where('household_id', 'in', [...new Set(ids)])
    .where('relation', '!=', 'head')
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id,
        code: r.code,
        headName: r.head_name,
        address: r.address,
        cellId: r.cell_id,
        cellPath: r.cell_path,
        communeId: r.commune_id,
        communePath: r.commune_path,
        people: people.filter((p) => p.household_id === id).map((p) => p.full_name),
      },
    ];
  });
}

function queryText(rng: Rng, kind: QueryKind, h: SampledHousehold): string {
  const name = words(h.headName);
  const plain = (text: string) => foldVietnamese(text);
  switch (kind) {
    case 'full_name_plain':
      return plain(h.headName);
    case 'full_name_accented':
      return h.headName;
    case 'family_given':
      return plain(`${name[0]} ${name.at(-1)}`);
    case 'given':
      return plain(name.at(-1)!);
    case 'surname':
      return plain(name[0]!);
    case 'prefix':
      return words(plain(h.headName))
        .map((w, i) => w.slice(0, i === 0 ? 4 : 2))
        .join(' ');
    case 'person':
      return plain(h.people.length > 0 ? rng.pick(h.people) : h.headName);
    case 'code':
      return h.code;
    case 'address':
      // "Tổ 3, ấp Tân Lộc, xã …" → "to 3 ap tan loc"
      return plain(h.address.split(',').slice(0, 2).join(' '));
  }
}

/** The mix, in a shuffled but fixed order. */
export function buildQueryMix(households: SampledHousehold[], count: number, seed: string): BenchQuery[] {
  const rng = createRng(`${seed}/bench-queries`);
  const kindWeights: [QueryKind, number][] = [
    ['full_name_plain', 20],
    ['full_name_accented', 10],
    ['family_given', 15],
    ['given', 10],
    ['surname', 5],
    ['prefix', 10],
    ['person', 10],
    ['code', 15],
    ['address', 5],
  ];
  const total = kindWeights.reduce((sum, [, w]) => sum + w, 0);
  const pickKind = () => {
    let target = rng.next() * total;
    for (const [kind, weight] of kindWeights) {
      target -= weight;
      if (target < 0) return kind;
    }
    return 'code' as const;
  };
  const queries: BenchQuery[] = [];
  for (let i = 0; i < count && households.length > 0; i += 1) {
    const h = households[i % households.length]!;
    const kind = pickKind();
    const roll = rng.next();
    const scope = roll < 0.5 ? 'commune' : roll < 0.75 ? 'cell' : 'province';
    const actor =
      scope === 'province'
        ? actorFor('admin', 1, '/1/')
        : scope === 'commune'
          ? actorFor('commune_leader', h.communeId, h.communePath)
          : actorFor('cell_secretary', h.cellId, h.cellPath);
    queries.push({ kind, q: queryText(rng, kind, h), scope, actor });
  }
  return queries;
}
