const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese collation: "Đ" after "D", tones after the base letter. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * Vietnamese people are sorted by given name (the last word), then by the whole
 * name, as on every paper list the cells keep.
 */
export function compareVietnameseNames(a: string, b: string): number {
  const given = (name: string) => name.trim().split(/\s+/).at(-1) ?? '';
  return collator.compare(given(a), given(b)) || collator.compare(a, b);
}
