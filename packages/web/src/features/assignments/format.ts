const oneDecimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Households per member as the report writes it: one decimal, Vietnamese style ("14,7"); a dash for none. */
export function formatAverage(value: number | null): string {
  return value === null ? '–' : oneDecimal.format(value);
}

export function formatCount(value: number | null): string {
  return value === null ? '–' : new Intl.NumberFormat('vi-VN').format(value);
}
