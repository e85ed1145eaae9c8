import type { ReactNode } from 'react';
import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import type { UnitCounts, UnitKind } from '@caunoi/domain';
import { isCellKind, needsHelpDefinition } from '@caunoi/domain';
import { formatNumber, formatShare } from '../../format/number';
import type { MessageKey } from '../../i18n/dictionary.vi';
import { useI18n } from '../../i18n/i18n-context';

interface Figure {
  key: keyof UnitCounts;
  title: MessageKey;
  /** The records behind the figure (DESIGN.md §5: every figure opens to its records). */
  href?: string;
  suffix?: ReactNode;
  color?: string;
}

export function UnitFigures({
  unitId,
  kind,
  counts,
}: {
  unitId: number;
  kind: UnitKind;
  counts: UnitCounts;
}) {
  const { t, label } = useI18n();
  const households = `/households?unitId=${unitId}`;
  const figures: Figure[] = [
    ...(isCellKind(kind) ? [] : [{ key: 'cells', title: 'units.cells' } as Figure]),
    { key: 'members', title: 'units.members', href: `/members?unitId=${unitId}` },
    {
      key: 'membersAssigned',
      title: 'units.membersAssigned',
      suffix: <small className="muted"> ({formatShare(counts.membersAssigned, counts.members)})</small>,
    },
    { key: 'households', title: 'units.households', href: households },
    {
      key: 'householdsAssigned',
      title: 'units.householdsAssigned',
      href: `${households}&assigned=true`,
      suffix: <small className="muted"> ({formatShare(counts.householdsAssigned, counts.households)})</small>,
    },
    { key: 'poor', title: 'units.poor', href: `${households}&povertyStatus=poor`, color: '#cf1322' },
    {
      key: 'nearPoor',
      title: 'units.nearPoor',
      href: `${households}&povertyStatus=near_poor`,
      color: '#d46b08',
    },
    {
      key: 'needsHelp',
      title: 'units.needsHelp',
      href: `${households}&needsHelp=true`,
      color: '#1d39c4',
    },
  ];
  return (
    <Row gutter={[12, 12]} className="section">
      {figures.map((figure) => {
        const statistic = (
          <Statistic
            title={t(figure.title)}
            value={counts[figure.key]}
            formatter={(value) => formatNumber(Number(value))}
            suffix={figure.suffix}
            styles={figure.color ? { content: { color: figure.color } } : undefined}
          />
        );
        return (
          <Col key={figure.key} xs={12} sm={8} lg={6}>
            <Card
              size="small"
              className="stat-card"
              data-testid={`figure-${figure.key}`}
              hoverable={Boolean(figure.href)}
            >
              {figure.href ? <Link to={figure.href}>{statistic}</Link> : statistic}
            </Card>
          </Col>
        );
      })}
      {/* What "needing help" counts: each household once (the paper report's kinds overlap). */}
      <Col span={24}>
        <small className="muted" data-testid="needs-help-definition">
          {label(needsHelpDefinition)}
        </small>
      </Col>
    </Row>
  );
}
