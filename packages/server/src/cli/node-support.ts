import { todayInVietnam } from '@caunoi/domain';

/**
 * End of life of the Node.js release lines (nodejs.org release schedule):
 * past it a line gets no security fixes. The documented runtime is Node 24
 * (LTS); an older line still runs, with a warning, so the README's two
 * commands keep working on a machine that has only Node 20.
 */
const endOfLife: Record<number, string> = {
  18: '2025-04-30',
  20: '2026-04-30',
  22: '2027-04-30',
  24: '2028-04-30',
};

/** A one-line warning when this Node.js line is past its end of life on `today`; undefined otherwise. */
export function nodeEndOfLifeWarning(version: string, today: string): string | undefined {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  const end = endOfLife[major];
  if (end === undefined && major < 24)
    return `Cảnh báo / warning: Node.js ${version} is not supported; use Node.js 24 (LTS).`;
  if (end === undefined || today <= end) return undefined;
  return (
    `Cảnh báo / warning: Node.js ${version} đã hết hạn hỗ trợ ngày ${end} (end of life, no security fixes); ` +
    'hãy dùng / use Node.js 24 (LTS).'
  );
}

export function warnIfNodePastEndOfLife(): void {
  const warning = nodeEndOfLifeWarning(process.version, todayInVietnam());
  if (warning) console.error(warning);
}
