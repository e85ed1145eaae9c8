import { describe, expect, it } from 'vitest';
import { cataloguesValidOn } from './supervision.schema.js';

const c = (
  id: string,
  orgId: number | null,
  kind: 'prohibitions' | 'degradation' | 'example',
  validFrom: string,
  validTo: string | null,
) => ({
  id,
  orgId,
  kind,
  validFrom,
  validTo,
});

describe('supervision catalogue versions', () => {
  const all = [
    c('ref-old', null, 'prohibitions', '2012-01-01', '2021-10-24'),
    c('ref-37', null, 'prohibitions', '2021-10-25', null),
    c('ref-deg', null, 'degradation', '2016-10-30', null),
    c('own-deg', 7, 'degradation', '2024-01-01', '2024-12-31'),
  ];

  it('uses the version valid on the date', () => {
    expect(cataloguesValidOn(all, 7, '2020-05-31').map((x) => x.id)).toEqual(['ref-old', 'ref-deg']);
    expect(cataloguesValidOn(all, 7, '2021-10-31').map((x) => x.id)).toEqual(['ref-37', 'ref-deg']);
  });

  it("prefers the commune's own version while it is valid", () => {
    expect(cataloguesValidOn(all, 7, '2024-03-31').map((x) => x.id)).toEqual(['ref-37', 'own-deg']);
    expect(cataloguesValidOn(all, 8, '2024-03-31').map((x) => x.id)).toEqual(['ref-37', 'ref-deg']);
    expect(cataloguesValidOn(all, 7, '2025-01-31').map((x) => x.id)).toEqual(['ref-37', 'ref-deg']);
  });
});
