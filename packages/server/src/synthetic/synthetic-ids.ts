/**
 * Ids of the synthetic province: deterministic (the same seed gives the same
 * ids on every machine) and increasing within each kind, so a million
 * inserts append to the primary-key b-trees instead of splitting pages all
 * over them. Shaped as UUID version 7 with a timestamp field far beyond any
 * real clock (0xF… ms, year 10,000+), so they never meet an id made by the app.
 */
export const syntheticKinds = ['member', 'member_cell', 'household', 'person', 'assignment'] as const;
export type SyntheticKind = (typeof syntheticKinds)[number];

const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');

export function syntheticId(kind: SyntheticKind, n: number, salt: number): string {
  const k = syntheticKinds.indexOf(kind) + 1;
  // 48-bit field: 0xF, the kind (one hex digit), then n in 40 bits.
  const high = 0xf0 + k; // first byte
  const time = hex(high, 2) + hex(Math.floor(n / 2 ** 32), 2) + hex(n >>> 0, 8);
  const randA = hex(salt & 0xfff, 3);
  const randB = hex(0x8000 | ((salt >>> 12) & 0x3fff), 4) + hex(salt >>> 0, 8) + hex(k, 4);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${randA}-${randB.slice(0, 4)}-${randB.slice(4)}`;
}
