/**
 * The end of an address that every address of a list shares ("xã Thạnh Lộc,
 * huyện Giồng Riềng, tỉnh Kiên Giang" on each of a member's households), as
 * comma-separated parts. A list shows it once, or not at all, instead of on
 * every card. Parts compare without regard to case or surrounding spaces. A
 * list of one address, or addresses with nothing in common, share nothing.
 */
export function sharedAddressTail(addresses: readonly string[]): string[] {
  if (addresses.length < 2) return [];
  const split = addresses.map((a) => a.split(',').map((p) => p.trim()));
  const shared: string[] = [];
  for (let i = 1; ; i++) {
    const part = split[0]![split[0]!.length - i];
    if (part === undefined || part === '') break;
    const same = split.every((parts) => {
      // Each address keeps at least its first part: a tail never swallows a whole address.
      if (parts.length - i < 1) return false;
      return parts[parts.length - i]!.toLocaleLowerCase('vi') === part.toLocaleLowerCase('vi');
    });
    if (!same) break;
    shared.unshift(part);
  }
  return shared;
}

/** The address without the shared tail (`sharedAddressTail`), as it reads on one card of the list. */
export function withoutAddressTail(address: string, tail: readonly string[]): string {
  if (tail.length === 0) return address;
  const parts = address.split(',').map((p) => p.trim());
  return parts.slice(0, Math.max(1, parts.length - tail.length)).join(', ');
}
