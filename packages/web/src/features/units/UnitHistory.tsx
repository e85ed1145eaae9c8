import { Card, Col, Row } from 'antd';
import { Link } from 'react-router';
import type { UnitHistory as History, UnitLink } from '@caunoi/domain';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { UnitKindTag } from './UnitKindTag';

function Links({ links, testId }: { links: readonly UnitLink[]; testId: string }) {
  const { t } = useI18n();
  return (
    <ul className="record-list" data-testid={testId}>
      {links.map((l) => (
        <li key={`${l.unit.id}-${l.effectiveDate}`}>
          <Link to={`/units/${l.unit.id}`}>
            <div className="record-list-head">
              <span className="record-list-title">{l.unit.name}</span>
              <UnitKindTag kind={l.unit.kind} />
            </div>
            <div className="record-list-line muted">
              {t('unitHistory.linkLine', {
                kind: t(`unitHistory.link.${l.kind}`),
                date: formatDate(l.effectiveDate),
              })}
              {', '}
              {t('unitHistory.decision', {
                number: l.decision.number,
                date: formatDate(l.decision.date),
                issuer: l.decision.issuer,
              })}
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * Where a unit comes from and where it went: its names over time and the
 * units it was merged or split from or into, with the decision and date.
 * Nothing shows for a unit that never changed.
 */
export function UnitHistory({ history }: { history: History | undefined }) {
  const { t } = useI18n();
  if (!history) return null;
  const { versions, predecessors, successors } = history;
  if (versions.length <= 1 && predecessors.length === 0 && successors.length === 0) return null;
  return (
    <Card size="small" className="section" title={t('unitHistory.title')} data-testid="unit-history">
      <Row gutter={[16, 8]}>
        {versions.length > 1 ? (
          <Col xs={24} md={8}>
            <h4>{t('unitHistory.names')}</h4>
            <ul data-testid="unit-history-names">
              {versions.map((v) => (
                <li key={v.validFrom}>
                  <strong>{v.name}</strong> <span className="muted">({v.code})</span>
                  <div className="muted">
                    {v.validTo
                      ? t('unitHistory.period', { from: formatDate(v.validFrom), to: formatDate(v.validTo) })
                      : t('unitHistory.periodOpen', { from: formatDate(v.validFrom) })}
                  </div>
                </li>
              ))}
            </ul>
          </Col>
        ) : null}
        {predecessors.length > 0 ? (
          <Col xs={24} md={8}>
            <h4>{t('unitHistory.predecessors')}</h4>
            <Links links={predecessors} testId="unit-predecessors" />
          </Col>
        ) : null}
        {successors.length > 0 ? (
          <Col xs={24} md={8}>
            <h4>{t('unitHistory.successors')}</h4>
            <Links links={successors} testId="unit-successors" />
          </Col>
        ) : null}
      </Row>
    </Card>
  );
}
