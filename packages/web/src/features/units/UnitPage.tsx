import { Alert, Breadcrumb, Button } from 'antd';
import { HomeOutlined, TeamOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { errorCodes, isCellKind, type Unit } from '@caunoi/domain';
import { ApiError } from '../../api/api-error';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { ExportHouseholdsButton } from '../import/ExportHouseholdsButton';
import { ChildUnits } from './ChildUnits';
import { CoverageChart } from './CoverageChart';
import { useUnit, useUnitChildren } from './queries';
import { UnitFigures } from './UnitFigures';
import { UnitHistory } from './UnitHistory';
import { MemberLoadChart } from './MemberLoadChart';
import { UnitKindTag } from './UnitKindTag';
import { useChildFigures } from './use-child-figures';

function ChildSection({ parentId, units }: { parentId: number; units: Unit[] }) {
  const { rows } = useChildFigures(parentId, units);
  return (
    <>
      <CoverageChart figures={rows} />
      <ChildUnits figures={rows} />
    </>
  );
}

export default function UnitPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const id = Number(useParams().id);
  const unit = useUnit(Number.isInteger(id) ? id : undefined);
  const hasChildren = (unit.data?.childCount ?? 0) > 0;
  const children = useUnitChildren(id, hasChildren);

  if (!Number.isInteger(id) || id <= 0)
    return <ErrorState error={new ApiError(404, 'UNIT_NOT_FOUND', errorCodes.UNIT_NOT_FOUND.vi)} />;
  if (unit.isPending) return <LoadingState />;
  if (unit.isError) return <ErrorState error={unit.error} onRetry={() => void unit.refetch()} />;
  const u = unit.data;
  const isMember = user.role === 'member';

  return (
    <>
      <Breadcrumb
        className="section"
        items={[
          ...u.ancestors.map((a) => ({ key: a.id, title: <Link to={`/units/${a.id}`}>{a.name}</Link> })),
          { key: u.id, title: u.name },
        ]}
      />
      <PageTitle
        title={<span data-testid="unit-name">{u.name}</span>}
        sub={
          <>
            <UnitKindTag kind={u.kind} />
            <span className="muted">
              {t('units.code')}: {u.code} · {t('units.validFrom')} {formatDate(u.validFrom)}
              {u.validTo ? ` ${t('units.validTo')} ${formatDate(u.validTo)}` : ''}
            </span>
          </>
        }
        extra={
          <>
            <Link to={`/members?unitId=${u.id}`}>
              <Button icon={<TeamOutlined />}>{t('units.viewMembers')}</Button>
            </Link>
            <Link to={`/households?unitId=${u.id}`}>
              <Button icon={<HomeOutlined />}>{t('units.viewHouseholds')}</Button>
            </Link>
            <ExportHouseholdsButton unitId={u.id} />
          </>
        }
      />
      {u.note ? (
        <Alert type="warning" showIcon title={u.note} className="section" data-testid="unit-note" />
      ) : null}
      <UnitHistory history={u.history} />
      {isMember ? (
        <Alert type="info" showIcon title={t('units.memberScopeNote')} className="section" />
      ) : (
        <UnitFigures unitId={u.id} kind={u.kind} counts={u.counts} />
      )}
      {isCellKind(u.kind) && !isMember ? <MemberLoadChart cellId={u.id} /> : null}
      {hasChildren && children.data && !isMember ? (
        <ChildSection parentId={id} units={children.data.items} />
      ) : null}
    </>
  );
}
