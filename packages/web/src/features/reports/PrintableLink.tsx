import { Link } from 'react-router';
import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { queryString } from '../../api/client';
import { useI18n } from '../../i18n/i18n-context';
import type { FigureReportKind } from './figure-report-queries';

/** The button from a figure page to its printable report, with the page's own unit and period. */
export function PrintableLink({
  kind,
  params,
}: {
  kind: FigureReportKind;
  params: Record<string, string | number | undefined>;
}) {
  const { t } = useI18n();
  return (
    <Link to={`/reports/figures/${kind}${queryString(params)}`}>
      <Button icon={<PrinterOutlined />} data-testid="open-printable">
        {t('report.printable')}
      </Button>
    </Link>
  );
}
