const integer = new Intl.NumberFormat('vi-VN');
const percent = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });

/** 1234 → "1.234", the Vietnamese way, whatever the UI language. */
export function formatNumber(value: number): string {
  return integer.format(value);
}

/** Share of a whole as "87,5 %"; an empty whole shows a dash. */
export function formatShare(part: number, whole: number): string {
  return whole > 0 ? percent.format(part / whole) : '–';
}
