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

/** "11/2026", inside a sentence ("báo cáo tháng 11/2026"). */
export function monthNumber(month: string): string {
  return `${Number(month.slice(5, 7))}/${month.slice(0, 4)}`;
}

/** "Tháng 11/2026"; in English "November 2026". */
export function monthLabel(month: string, language: 'vi' | 'en' = 'vi'): string {
  if (language === 'en') {
    const date = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));
    return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  return `Tháng ${Number(month.slice(5, 7))}/${month.slice(0, 4)}`;
}

export function MonthSelect({ value, onChange }: { value: string; onChange: (month: string) => void }) {
  const { t, language } = useI18n();
  return (
    <Select
      aria-label={t('monthly.month')}
      value={value}
      onChange={onChange}
      style={{ minWidth: 150 }}
      options={recentMonths().map((m) => ({ value: m, label: monthLabel(m, language) }))}
      data-testid="month-select"
    />
  );
}
