import { App, Alert, Button, Popconfirm, Space } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import {
  can,
  processingRegisterTable,
  reportHeaderOf,
  todayInVietnam,
  type RetentionReport,
} from '@caunoi/domain';
import { useState } from 'react';
import { errorToMessage } from '../../api/error-message';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { ReportDocument } from '../../components/print/ReportDocument';
import { ReportTableView } from '../../components/print/ReportTableView';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { useProcessingRegister, useRetention } from './queries';

/**
 * The register of processing activities as a printable document (the
 * reports' layout), and, for those who keep the data, the retention rule:
 * a preview first, then the anonymisation after a confirmation in words.
 */
export default function ProcessingRegisterPage() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const register = useProcessingRegister();
  const retention = useRetention();
  const [preview, setPreview] = useState<RetentionReport | null>(null);
  const header = reportHeaderOf(user.scopeUnitName, null);
  const mayManage = can(user.role, 'privacy.manage');
  const fail = (error: unknown) => void message.error(errorToMessage(error, language));

  return (
    <>
      <div className="no-print">
        <PageTitle
          title={t('privacy.registerTitle')}
          extra={
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="register-print">
              {t('report.print')}
            </Button>
          }
        />
        {mayManage ? (
          <Space wrap style={{ marginBottom: 12 }}>
            <Button
              onClick={() =>
                retention.mutate(
                  { unitId: user.scopeUnitId, dryRun: true },
                  { onSuccess: setPreview, onError: fail },
                )
              }
              loading={retention.isPending}
              data-testid="retention-preview"
            >
              {t('privacy.retentionDryRun')}
            </Button>
            {preview && preview.households.length > 0 ? (
              <Popconfirm
                title={t('privacy.retentionConfirm', {
                  count: preview.households.length,
                  date: formatDate(preview.cutoff),
                })}
                onConfirm={() =>
                  retention.mutate(
                    { unitId: user.scopeUnitId, dryRun: false },
                    {
                      onSuccess: (done) => {
                        void message.success(t('privacy.retentionDone', { count: done.households.length }));
                        setPreview(null);
                      },
                      onError: fail,
                    },
                  )
                }
              >
                <Button danger data-testid="retention-apply">
                  {t('privacy.retentionApply')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        ) : null}
        {preview ? (
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            message={t('privacy.retentionResult', {
              count: preview.households.length,
              date: formatDate(preview.cutoff),
              people: preview.people,
              history: preview.historyRows,
            })}
            description={preview.households.map((h) => `${h.code} (${formatDate(h.endedOn)})`).join(', ')}
          />
        ) : null}
        {register.isPending ? <LoadingState /> : null}
        {register.isError ? (
          <ErrorState error={register.error} onRetry={() => void register.refetch()} />
        ) : null}
      </div>
      {register.data ? (
        <ReportDocument
          issuer={header.issuer}
          number={`Số: …-${header.numberSuffix}`}
          place={header.place}
          date={todayInVietnam()}
          title="DANH MỤC HOẠT ĐỘNG XỬ LÝ DỮ LIỆU CÁ NHÂN"
          subtitle="Theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định số 356/2025/NĐ-CP"
          signature={{ capacity: header.capacity, title: 'BÍ THƯ' }}
        >
          <ReportTableView table={processingRegisterTable(register.data.items)} />
        </ReportDocument>
      ) : null}
    </>
  );
}
