import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Card, Col, List, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import { can, formatOf, todayInVietnam, type FourGoodBoard } from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { PageTitle } from '../../components/PageTitle';
import { useIsPhone } from '../../components/use-is-phone';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { FourGoodDialog } from './FourGoodDialog';
import { HouseholdModelDialog } from './HouseholdModelDialog';
import { useFourGood } from './queries';

const thisYear = Number(todayInVietnam().slice(0, 4));
const years = Array.from({ length: thisYear - 2019 }, (_, i) => thisYear - i);
type Row = FourGoodBoard['rows'][number];

/** The "4 tốt" movement of a year: who registered, the result on each criterion, and the household model. */
export default function FourGoodPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unitId = Number(params.get('unit') ?? user.scopeUnitId);
  const year = Number(params.get('year') ?? thisYear - 1);
  const board = useFourGood(unitId, year);
  const [dialog, setDialog] = useState<{ row: Row; mode: 'register' | 'judge' } | null>(null);
  const [modelCell, setModelCell] = useState<number | null>(null);
  const isPhone = useIsPhone();
  // New registrations take the year's version; older ones keep theirs, so the columns are both, once each.
  const criteria = [
    ...(board.data?.catalogue?.criteria ?? []),
    ...(board.data?.rows ?? []).flatMap((r) => r.registration?.criteria ?? []),
  ].filter((c, i, all) => all.findIndex((x) => x.code === c.code) === i);
  const canWrite = can(user.role, 'movement.write');
  const model = board.data?.householdModel;

  /** Registration is the unit's own; the result is recorded from above (the server checks both). */
  const actions = (r: Row) => (
    <Space wrap size={4}>
      {canWrite && board.data?.catalogue && !r.registration ? (
        <Button size="small" type="primary" onClick={() => setDialog({ row: r, mode: 'register' })}>
          {t('fourGood.register')}
        </Button>
      ) : null}
      {canWrite && r.registration && r.unitId !== user.scopeUnitId ? (
        <Button
          size="small"
          onClick={() => setDialog({ row: r, mode: 'judge' })}
          data-testid="four-good-judge"
        >
          {t('fourGood.judge')}
        </Button>
      ) : null}
      {canWrite && r.householdModel ? (
        <Button size="small" onClick={() => setModelCell(r.unitId)} data-testid="household-model-open">
          {t('fourGood.modelOpen')}
        </Button>
      ) : null}
    </Space>
  );
  const overall = (r: Row) =>
    r.registration?.achieved === true ? (
      <Tag color="gold">{t('fourGood.fourGood')}</Tag>
    ) : r.registration?.achieved === false ? (
      <Tag>{t('targets.notAchieved')}</Tag>
    ) : null;
  const modelText = (r: Row) =>
    r.householdModel ? (
      <Space size={4} wrap>
        <Tag color={r.householdModel.registered ? 'green' : undefined}>
          {t(r.householdModel.registered ? 'fourGood.modelRegistered' : 'fourGood.modelNotRegistered')}
        </Tag>
        <span>
          {t('fourGood.modelMembers', {
            registered: r.householdModel.membersRegistered,
            total: r.householdModel.members,
          })}
        </span>
      </Space>
    ) : null;
  const registeredOn = (r: Row) => r.registration?.registeredOn.split('-').reverse().join('/') ?? '—';

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
            value={model ? formatOf(model.cellsWithModel, model.cells) : '…'}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('fourGood.membersRegistered')}
            value={model ? formatOf(model.membersRegistered, model.members) : '…'}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('fourGood.registeredUnits')}
            value={
              board.data
                ? formatOf(board.data.rows.filter((r) => r.registration).length, board.data.rows.length)
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
        {isPhone ? (
          <List<Row>
            loading={board.isPending}
            dataSource={board.data?.rows ?? []}
            pagination={{ pageSize: 30, hideOnSinglePage: true, size: 'small' }}
            renderItem={(r) => (
              <List.Item data-testid="four-good-row">
                <List.Item.Meta
                  title={r.unitName}
                  description={
                    <Space direction="vertical" size={4}>
                      <Space wrap size={4}>
                        <span>
                          {t('fourGood.registeredOn')}: {registeredOn(r)}
                        </span>
                        {overall(r)}
                        {r.registration?.results
                          ? r.registration.criteria.map((c) => (
                              <Tag key={c.code} color={r.registration?.results?.[c.code] ? 'green' : 'red'}>
                                {c.code}
                              </Tag>
                            ))
                          : null}
                      </Space>
                      {modelText(r)}
                      {actions(r)}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        ) : (
          <Table<Row>
            rowKey="unitId"
            size="small"
            loading={board.isPending}
            dataSource={board.data?.rows ?? []}
            pagination={false}
            scroll={{ x: 1150 }}
            onRow={() => ({ 'data-testid': 'four-good-row' }) as object}
            columns={[
              { title: t('targets.unit'), dataIndex: 'unitName', fixed: 'left', width: 180 },
              { title: t('fourGood.registeredOn'), width: 105, render: (_: unknown, r) => registeredOn(r) },
              // The summary first; the criteria after it scroll sideways on a narrow screen.
              { title: t('fourGood.overall'), width: 100, render: (_: unknown, r) => overall(r) },
              { title: t('fourGood.householdModel'), width: 150, render: (_: unknown, r) => modelText(r) },
              ...criteria.map((c) => ({
                title: c.text,
                width: 115,
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
              // The actions stay in view while the criteria scroll sideways.
              { title: '', width: 190, fixed: 'right', render: (_: unknown, r) => actions(r) },
            ]}
          />
        )}
      </Card>
      {dialog ? (
        <FourGoodDialog
          row={dialog.row}
          year={year}
          mode={dialog.mode}
          criteria={dialog.row.registration?.criteria ?? board.data?.catalogue?.criteria ?? []}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {modelCell !== null ? (
        <HouseholdModelDialog cellId={modelCell} year={year} onClose={() => setModelCell(null)} />
      ) : null}
    </>
  );
}
