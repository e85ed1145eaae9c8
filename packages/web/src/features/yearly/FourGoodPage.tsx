import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import { can, todayInVietnam, type FourGoodBoard } from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { ErrorState } from '../../components/ErrorState';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { useSaveFourGood } from './mutations';
import { useFourGood } from './queries';

const thisYear = Number(todayInVietnam().slice(0, 4));
const years = Array.from({ length: thisYear - 2019 }, (_, i) => thisYear - i);
type Row = FourGoodBoard['rows'][number];

/** The "4 tốt" movement of a year: who registered, the result on each criterion, and the household model. */
export default function FourGoodPage() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unitId = Number(params.get('unit') ?? user.scopeUnitId);
  const year = Number(params.get('year') ?? thisYear - 1);
  const board = useFourGood(unitId, year);
  const save = useSaveFourGood();
  const [judging, setJudging] = useState<Row | null>(null);
  const [ticked, setTicked] = useState<string[]>([]);
  const criteria = board.data?.catalogue?.criteria ?? [];
  const canWrite = can(user.role, 'movement.write');
  const onError = (error: unknown) => void message.error(errorToMessage(error, language));
  const register = (r: Row) =>
    save.mutate(
      { unitId: r.unitId, year, registeredOn: todayInVietnam() },
      { onSuccess: () => void message.success(t('fourGood.registered')), onError },
    );
  const model = board.data?.householdModel;

  return (
    <>
      <PageTitle
        title={t('fourGood.title')}
        sub={board.data?.catalogue?.name ?? null}
        extra={
          <Select
            aria-label={t('ratings.year')}
            value={year}
            onChange={(y) => {
              const next = new URLSearchParams(params);
              next.set('year', String(y));
              setParams(next);
            }}
            options={years.map((y) => ({ value: y, label: `${t('ratings.year')} ${y}` }))}
            style={{ minWidth: 120 }}
          />
        }
      />
      {board.isError ? <ErrorState error={board.error} /> : null}
      <Row gutter={[12, 12]} className="section" data-testid="household-model">
        <Col xs={12} md={6}>
          <Statistic
            title={t('fourGood.cellsWithModel')}
            value={model ? `${model.cellsWithModel}/${model.cells}` : '…'}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('fourGood.membersRegistered')}
            value={model ? `${model.membersRegistered}/${model.members}` : '…'}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('fourGood.registeredUnits')}
            value={
              board.data
                ? `${board.data.rows.filter((r) => r.registration).length}/${board.data.rows.length}`
                : '…'
            }
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('fourGood.achievedUnits')}
            value={board.data ? board.data.rows.filter((r) => r.registration?.achieved).length : '…'}
          />
        </Col>
      </Row>
      {board.data && !board.data.catalogue ? (
        <Alert type="info" showIcon className="section" message={t('fourGood.noCatalogue')} />
      ) : null}
      <Card size="small" className="section">
        <Table<Row>
          rowKey="unitId"
          size="small"
          loading={board.isPending}
          dataSource={board.data?.rows ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          onRow={() => ({ 'data-testid': 'four-good-row' }) as object}
          columns={[
            { title: t('targets.unit'), dataIndex: 'unitName' },
            {
              title: t('fourGood.registeredOn'),
              width: 130,
              render: (_: unknown, r) => r.registration?.registeredOn.split('-').reverse().join('/') ?? '—',
            },
            ...criteria.map((c) => ({
              title: c.text,
              width: 140,
              render: (_: unknown, r: Row) => {
                const v = r.registration?.results?.[c.code];
                return v === undefined ? (
                  ''
                ) : v ? (
                  <Tag color="green">{t('targets.achieved')}</Tag>
                ) : (
                  <Tag color="red">{t('targets.notAchieved')}</Tag>
                );
              },
            })),
            {
              title: t('fourGood.overall'),
              width: 120,
              render: (_: unknown, r) =>
                r.registration?.achieved === true ? (
                  <Tag color="gold">{t('fourGood.fourGood')}</Tag>
                ) : r.registration?.achieved === false ? (
                  <Tag>{t('targets.notAchieved')}</Tag>
                ) : null,
            },
            {
              title: '',
              width: 150,
              render: (_: unknown, r) => (
                <Space>
                  {canWrite && !r.registration ? (
                    <Button size="small" onClick={() => register(r)} loading={save.isPending}>
                      {t('fourGood.register')}
                    </Button>
                  ) : null}
                  {canWrite && r.registration && r.unitId !== user.scopeUnitId ? (
                    <Button
                      size="small"
                      onClick={() => {
                        setTicked(
                          Object.entries(r.registration?.results ?? {}).flatMap(([k, v]) => (v ? [k] : [])),
                        );
                        setJudging(r);
                      }}
                    >
                      {t('fourGood.judge')}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {judging?.registration ? (
        <Modal
          open
          title={`${t('fourGood.judge')} · ${judging.unitName} · ${year}`}
          okButtonProps={{ loading: save.isPending }}
          onCancel={() => setJudging(null)}
          onOk={() =>
            save.mutate(
              {
                unitId: judging.unitId,
                year,
                registeredOn: judging.registration!.registeredOn,
                results: Object.fromEntries(criteria.map((c) => [c.code, ticked.includes(c.code)])),
              },
              { onSuccess: () => setJudging(null), onError },
            )
          }
          destroyOnHidden
        >
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column' }}
            value={ticked}
            onChange={(v) => setTicked(v as string[])}
            options={criteria.map((c) => ({ value: c.code, label: c.text }))}
          />
        </Modal>
      ) : null}
    </>
  );
}
