import { formatNumber } from '../../format/number';
import { useI18n } from '../../i18n/i18n-context';

/** Shows book values the same way everywhere: "Chưa ghi nhận" for what is not recorded yet. */
export function useBookDisplay() {
  const { t, label } = useI18n();
  const missing = t('book.notRecorded');
  return {
    missing,
    yesNo: (value: boolean | null) => (value === null ? missing : value ? t('book.yes') : t('book.no')),
    text: (value: string | null) => (value === null || value === '' ? missing : value),
    money: (value: number | null) =>
      value === null ? missing : t('book.vnd', { amount: formatNumber(value) }),
    area: (value: number | null) => (value === null ? missing : `${formatNumber(value)} m²`),
    pick: <K extends string>(labels: Record<K, { vi: string; en: string }>, key: K | null) =>
      key === null ? missing : label(labels[key]),
  };
}
