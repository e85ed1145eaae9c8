import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Card, Col, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import { EditOutlined, FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import {
  can,
  culturalUnitKindLabels,
  modelKindLabels,
  todayInVietnam,
  type CulturalUnit,
  type MassMobilisationModel,
  type ResolutionIndicator,
  formatDecimal,
  formatOf,
} from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { PageTitle } from '../../components/PageTitle';
import { YearShownNote } from '../../components/YearShownNote';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { useUnit } from '../units/queries';
import { CulturalUnitDialog } from './CulturalUnitDialog';
import { IndicatorDialog } from './IndicatorDialog';
import { ModelDialog } from './ModelDialog';
import { useSaveNtmResults } from './mutations';
import { targetsExcelUrl, useYearlyFigures, useYearlyTargets } from './queries';

const thisYear = Number(todayInVietnam().slice(0, 4));
const years = Array.from({ length: thisYear - 2019 }, (_, i) => thisYear - i);

function AchievedTag({ achieved }: { achieved: boolean | null }) {
  const { t } = useI18n();
  if (achieved === null) return <Tag>{t('targets.unknown')}</Tag>;
  return achieved ? (
    <Tag color="green">{t('targets.achieved')}</Tag>
  ) : (
    <Tag color="red">{t('targets.notAchieved')}</Tag>
  );
}

const number = (n: number | null, measure: string | null) =>
  n === null ? '' : `${formatDecimal(n)}${measure ? ` ${measure}` : ''}`;

/** A unit's yearly targets: resolution indicators, new-rural criteria, cultural titles and dân vận khéo models. */
export default function TargetsPage() {
  const { t, label, language } = useI18n();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unitId = Number(params.get('unit') ?? user.scopeUnitId);
  const yearParam = params.get('year');
  const askedYear = yearParam && /^\d{4}$/.test(yearParam) ? Number(yearParam) : undefined;
  const unit = useUnit(unitId);
  const targets = useYearlyTargets(unitId, askedYear);
  // No year asked: the server's (this year, else the latest with targets, said in words).
  const shownYear = askedYear ?? targets.data?.year;
  const year = shownYear ?? thisYear;
  const figures = useYearlyFigures(unitId, shownYear);
  const [adding, setAdding] = useState(false);
  const [addingModel, setAddingModel] = useState(false);
  /** The cultural title being recorded: 'new', or the one being corrected. */
  const [cultural, setCultural] = useState<CulturalUnit | 'new' | null>(null);
  const saveNtm = useSaveNtmResults();
  const f = figures.data?.targets;
  const share = (s: { achieved: number; total: number } | undefined) =>
    s ? formatOf(s.achieved, s.total, language) : '…';
  const canAdd = can(user.role, 'target.write') && unit.data?.kind === 'commune_committee';
  // A title recorded under a commune may be corrected from the district too (the server checks scope).
  const canWriteTargets = can(user.role, 'target.write');
  const canAddModel =
    can(user.role, 'movement.write') &&
    ['commune_committee', 'cell', 'base_cell'].includes(unit.data?.kind ?? '');

  return (
    <>
      <PageTitle
        title={t('targets.title')}
        sub={unit.data?.name ?? null}
        extra={
          <Space wrap>
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
              data-testid="targets-year"
            />
            <a href={targetsExcelUrl(unitId, year)} download data-testid="targets-excel">
              <Button icon={<FileExcelOutlined />}>{t('targets.export')}</Button>
            </a>
            {canAdd ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('targets.newIndicator')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <YearShownNote shown={targets.data?.yearShown} />
      {figures.isError ? <ErrorState error={figures.error} /> : null}
      <Row gutter={[12, 12]} className="section" data-testid="target-figures">
        <Col xs={12} md={8} lg={4}>
          <Statistic title={t('targets.indicators')} value={share(f?.resolutionIndicators)} />
        </Col>
        <Col xs={12} md={8} lg={4}>
          <Statistic title={t('targets.ntm')} value={share(f?.newRuralCriteria)} />
        </Col>
        <Col xs={12} md={8} lg={4}>
          <Statistic title={t('targets.hamlets')} value={share(f?.culturalHamlets)} />
        </Col>
        <Col xs={12} md={8} lg={4}>
          <Statistic title={t('targets.agencies')} value={share(f?.culturalAgencies)} />
        </Col>
        <Col xs={12} md={8} lg={4}>
          <Statistic title={t('targets.families')} value={share(f?.culturalFamilies)} />
        </Col>
        <Col xs={12} md={8} lg={4}>
          <Statistic title={t('targets.models')} value={figures.data ? figures.data.models.total : '…'} />
          {figures.data ? (
            <div className="muted" style={{ fontSize: 12 }}>
              {t('targets.modelSplit', {
                collectives: figures.data.models.collectives,
                individuals: figures.data.models.individuals,
              })}
            </div>
          ) : null}
        </Col>
      </Row>
      <Card size="small" className="section" title={t('targets.indicators')}>
        <Table<ResolutionIndicator>
          rowKey="id"
          size="small"
          loading={targets.isPending}
          dataSource={targets.data?.indicators ?? []}
          pagination={false}
          scroll={{ x: 700 }}
          locale={{ emptyText: t('targets.empty') }}
          onRow={() => ({ 'data-testid': 'indicator-row' }) as object}
          columns={[
            { title: '#', dataIndex: 'position', width: 50 },
            { title: t('targets.indicator'), dataIndex: 'name' },
            {
              title: t('targets.target'),
              width: 170,
              render: (_: unknown, i) =>
                i.targetText ??
                `${i.comparison === 'at_most' ? '≤' : '≥'} ${number(i.targetValue, i.measure)}`,
            },
            {
              title: t('targets.actual'),
              width: 150,
              render: (_: unknown, i) => i.actualText ?? number(i.actualValue, i.measure),
            },
            { title: '', width: 130, render: (_: unknown, i) => <AchievedTag achieved={i.achieved} /> },
          ]}
        />
      </Card>
      {(targets.data?.ntm ?? []).map((n) => (
        <Card
          key={n.unitId}
          size="small"
          className="section"
          title={`${t('targets.ntm')} — ${n.unitName}`}
          extra={<span className="muted">{n.source}</span>}
        >
          <Space wrap>
            {n.criteria.map((c) => (
              <Tag
                key={c.code}
                color={c.achieved === null ? undefined : c.achieved ? 'green' : 'red'}
                data-testid="ntm-criterion"
                // A committee account ticks a criterion on or off with a click.
                style={can(user.role, 'target.write') ? { cursor: 'pointer' } : undefined}
                onClick={
                  can(user.role, 'target.write')
                    ? () =>
                        saveNtm.mutate({
                          unitId: n.unitId,
                          year,
                          results: [{ code: c.code, achieved: c.achieved !== true }],
                        })
                    : undefined
                }
              >
                {c.code.replace('TC', '')}. {c.name}
              </Tag>
            ))}
          </Space>
        </Card>
      ))}
      <Card
        size="small"
        className="section"
        title={t('targets.cultural')}
        extra={
          canAdd ? (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setCultural('new')}
              data-testid="cultural-new"
            >
              {t('targets.newCultural')}
            </Button>
          ) : null
        }
      >
        <Table<CulturalUnit>
          rowKey="id"
          size="small"
          dataSource={targets.data?.culturalUnits ?? []}
          pagination={false}
          scroll={{ x: 560 }}
          locale={{ emptyText: t('targets.empty') }}
          onRow={() => ({ 'data-testid': 'cultural-row' }) as object}
          columns={[
            {
              title: t('targets.kind'),
              width: 240,
              render: (_: unknown, c) => label(culturalUnitKindLabels[c.kind]),
            },
            { title: t('targets.name'), dataIndex: 'name' },
            { title: '', width: 110, render: (_: unknown, c) => <AchievedTag achieved={c.achieved} /> },
            ...(canWriteTargets
              ? [
                  {
                    title: '',
                    width: 60,
                    render: (_: unknown, c: CulturalUnit) => (
                      <Button
                        size="small"
                        type="text"
                        icon={<EditOutlined />}
                        aria-label={t('targets.edit')}
                        onClick={() => setCultural(c)}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card
        size="small"
        className="section"
        title={t('targets.models')}
        extra={
          canAddModel ? (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setAddingModel(true)}>
              {t('targets.newModel')}
            </Button>
          ) : null
        }
      >
        <Table<MassMobilisationModel>
          rowKey="id"
          size="small"
          dataSource={targets.data?.models ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 700 }}
          locale={{ emptyText: t('targets.empty') }}
          onRow={() => ({ 'data-testid': 'model-row' }) as object}
          columns={[
            { title: t('targets.modelTitle'), dataIndex: 'title' },
            { title: t('targets.holder'), dataIndex: 'holder' },
            {
              title: t('targets.kind'),
              width: 110,
              render: (_: unknown, m) => <Tag>{label(modelKindLabels[m.kind])}</Tag>,
            },
            { title: t('targets.field'), dataIndex: 'field', width: 200 },
            { title: t('targets.unit'), dataIndex: 'unitName', width: 200 },
          ]}
        />
      </Card>
      {adding ? <IndicatorDialog unitId={unitId} year={year} onClose={() => setAdding(false)} /> : null}
      {cultural ? (
        <CulturalUnitDialog
          unitId={unitId}
          year={year}
          existing={cultural === 'new' ? null : cultural}
          onClose={() => setCultural(null)}
        />
      ) : null}
      {addingModel ? <ModelDialog unitId={unitId} year={year} onClose={() => setAddingModel(false)} /> : null}
    </>
  );
}
