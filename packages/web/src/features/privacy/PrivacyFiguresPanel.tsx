import { Card, Col, Row, Statistic } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n-context';
import { usePrivacyFigures } from './queries';

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** The dashboard's personal-data figures for the unit and months shown: requests on time / overdue, breaches. */
export function PrivacyFiguresPanel({
  unitId,
  period,
}: {
  unitId: number;
  period: { from: string; to: string };
}) {
  const { t } = useI18n();
  const figures = usePrivacyFigures(unitId, `${period.from}-01`, lastDayOf(period.to));
  const f = figures.data;
  if (!f) return null;
  return (
    <>
      <h3>
        <Link to="/privacy/requests">{t('privacy.figures')}</Link>
      </h3>
      <Row gutter={[12, 12]} className="section" data-testid="privacy-figures">
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('privacy.figuresOnTime')}
              value={f.requests.answeredOnTime}
              suffix={`/ ${f.requests.answeredOnTime + f.requests.answeredLate}`}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('privacy.figuresOverdue')} value={f.requests.overdue} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('privacy.figuresOpen')} value={f.requests.open} />
          </Card>
        </Col>
        {f.breachesOpen !== null ? (
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic
                title={t('privacy.figuresBreaches')}
                value={f.breachesOpen}
                suffix={`/ ${f.breachesOverdue ?? 0}`}
              />
            </Card>
          </Col>
        ) : null}
      </Row>
    </>
  );
}
