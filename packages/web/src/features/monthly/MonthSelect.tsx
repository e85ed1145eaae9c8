import { Select } from 'antd';
import { todayInVietnam } from '@caunoi/domain';
import { useI18n } from '../../i18n/i18n-context';

/** The current month and the eleven before it ('YYYY-MM'), newest first. */
export function recentMonths(count = 12): string[] {
  const today = todayInVietnam();
  let year = Number(today.slice(0, 4));
  let month = Number(today.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${year}-${String(month).padStart(2, '0')}`);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return out;
}

export const currentMonth = (): string => todayInVietnam().slice(0, 7);

/** "Tháng 11/2026". */
export function monthLabel(month: string): string {
  return `Tháng ${Number(month.slice(5, 7))}/${month.slice(0, 4)}`;
}

export function MonthSelect({ value, onChange }: { value: string; onChange: (month: string) => void }) {
  const { t } = useI18n();
  return (
    <Select
      aria-label={t('monthly.month')}
      value={value}
      onChange={onChange}
      style={{ minWidth: 150 }}
      options={recentMonths().map((m) => ({ value: m, label: monthLabel(m) }))}
      data-testid="month-select"
    />
  );
}
