import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Drawer, Space, Table } from 'antd';
import type { DashboardRecord } from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { useDashboardRecords, type Drill, type Period } from './queries';
import { detailText, recordHeads, recordKindOf, recordLink } from './record-columns';

/** The records behind one dashboard figure, fifty at a time (the server records each read). */
export function RecordsDrawer({
  unitId,
  period,
  drill,
  title,
  onClose,
}: {
  unitId: number;
  /** The period asked; undefined: the server's default, as for the figures. */
  period: Period | undefined;
  drill: Drill | null;
  title: string;
  onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [offset, setOffset] = useState(0);
  const records = useDashboardRecords(unitId, period, drill, offset);
  const page = records.data;
  const figure = drill?.figure ?? 'households';
  const kind = recordKindOf[figure];
  const [codeHead, labelHead, unitHead] = recordHeads[kind];
  const linked = (text: string, r: DashboardRecord) => {
    const to = recordLink(r.kind, r.id);
    return to ? <Link to={to}>{text}</Link> : text;
  };
  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      afterOpenChange={(open) => (open ? undefined : setOffset(0))}
      title={title}
      size="large"
    >
      {/* antd's Drawer does not pass data attributes to its panel: the test id sits on the content. */}
      <div data-testid="dashboard-records">
        {records.isError ? (
          <ErrorState error={records.error} onRetry={() => void records.refetch()} />
        ) : (
          <>
            <Table<DashboardRecord>
              size="small"
              rowKey="id"
              loading={records.isFetching}
              dataSource={page?.items ?? []}
              pagination={false}
              columns={[
                {
                  title: t(codeHead),
                  dataIndex: 'code',
                  // On a phone the name and the detail matter; a household keeps its code (the link).
                  ...(kind === 'household' || kind === 'petition' ? {} : { responsive: ['sm' as const] }),
                  render: (code: string, r) =>
                    r.kind === 'petition'
                      ? formatDate(code)
                      : r.kind === 'household'
                        ? linked(code, r)
                        : code,
                },
                {
                  title: t(labelHead),
                  dataIndex: 'label',
                  render: (label: string, r) => (r.kind === 'household' ? label : linked(label, r)),
                },
                { title: t(unitHead), dataIndex: 'cellName', responsive: ['sm'] },
                {
                  title: t('dashboard.detail'),
                  dataIndex: 'detail',
                  render: (d: string | null) => detailText(figure, d, i18n),
                },
              ]}
            />
            <Space style={{ marginTop: 12 }}>
              <Button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - 50))}>
                {t('dashboard.previous')}
              </Button>
              <Button
                disabled={!page || page.nextOffset === null}
                onClick={() => page?.nextOffset != null && setOffset(page.nextOffset)}
                data-testid="dashboard-records-next"
              >
                {t('dashboard.next')}
              </Button>
            </Space>
          </>
        )}
      </div>
    </Drawer>
  );
}
