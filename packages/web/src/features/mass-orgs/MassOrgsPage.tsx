import { useState } from 'react';
import { Alert, App, Card, Empty, List, Select, Tag } from 'antd';
import {
  can,
  massOrgTypeLabels,
  resultLevelLabels,
  resultLevels,
  todayInVietnam,
  twoDigits,
  type MassOrg,
  type ResultLevel,
} from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { useMassOrgs, useRecordResult } from './queries';

const thisYear = Number(todayInVietnam().slice(0, 4));
const years = Array.from({ length: thisYear - 2014 }, (_, i) => thisYear - i);
const levelColor: Record<ResultLevel, string> = {
  excellent: 'green',
  good: 'blue',
  completed: 'default',
  not_completed: 'red',
};

/** The commune's mass organisations with their yearly result and "x/y hoàn thành xuất sắc". */
export default function MassOrgsPage() {
  const { t, label, language } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [chosenYear, setChosenYear] = useState<number | undefined>(undefined);
  const list = useMassOrgs(chosenYear);
  const record = useRecordResult();
  const canWrite = can(user.role, 'result.write');
  const year = chosenYear ?? list.data?.year;

  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const { summary, items } = list.data;
  // Grouped by commune, in the order the server lists them.
  const groups = new Map<string, MassOrg[]>();
  for (const o of items) groups.set(o.parentName ?? '', [...(groups.get(o.parentName ?? '') ?? []), o]);

  return (
    <>
      <PageTitle
        title={t('massOrgs.title')}
        extra={
          <Select
            aria-label={t('awards.year')}
            value={year}
            onChange={setChosenYear}
            options={years.map((y) => ({ value: y, label: `${t('awards.year')} ${y}` }))}
            style={{ minWidth: 130 }}
          />
        }
      />
      <Alert
        type={summary.total > 0 && summary.excellent === summary.total ? 'success' : 'info'}
        showIcon
        className="section"
        data-testid="mass-org-summary"
        title={t('massOrgs.summary', {
          excellent: twoDigits(summary.excellent),
          total: twoDigits(summary.total),
          year: list.data.year,
        })}
      />
      {record.error ? (
        <Alert type="error" showIcon className="section" title={errorToMessage(record.error, language)} />
      ) : null}
      {items.length === 0 ? <Empty description={t('massOrgs.empty')} /> : null}
      {[...groups].map(([parent, orgs]) => (
        <Card key={parent} size="small" className="section" title={parent}>
          <List
            dataSource={orgs}
            renderItem={(o) => (
              <List.Item
                data-testid="mass-org-row"
                data-unit-id={o.id}
                actions={
                  canWrite
                    ? [
                        <Select<ResultLevel>
                          key="level"
                          size="small"
                          style={{ minWidth: 200 }}
                          aria-label={t('massOrgs.result', { year: list.data.year })}
                          placeholder={t('massOrgs.unrated')}
                          value={o.result?.level}
                          options={resultLevels.map((l) => ({
                            value: l,
                            label: label(resultLevelLabels[l]),
                          }))}
                          onChange={(level) =>
                            record.mutate(
                              { unitId: o.id, year: list.data.year, level },
                              { onSuccess: () => void message.success(t('massOrgs.saved')) },
                            )
                          }
                        />,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={o.name}
                  description={
                    <>
                      {o.orgType ? <Tag>{label(massOrgTypeLabels[o.orgType])}</Tag> : null}
                      {o.result ? (
                        <Tag color={levelColor[o.result.level]}>
                          {label(resultLevelLabels[o.result.level])}
                        </Tag>
                      ) : (
                        <Tag>{t('massOrgs.unrated')}</Tag>
                      )}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      ))}
    </>
  );
}
