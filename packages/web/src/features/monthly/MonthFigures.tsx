import { Descriptions, Tag } from 'antd';
import {
  changeEvent,
  changeEventLabels,
  type CellMonthFigures,
  type MemberMonthFigures,
  type ReportState,
} from '@caunoi/domain';
import { formatInstantDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';

const stateColor: Record<ReportState, string> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  approved: 'green',
};

export function ReportStateTag({ state }: { state: ReportState }) {
  const { t } = useI18n();
  return (
    <Tag color={stateColor[state]} data-testid="report-state">
      {t(`monthly.state.${state}`)}
    </Tag>
  );
}

export function FiguresNote({ at }: { at: string | null }) {
  const { t } = useI18n();
  return (
    <div style={{ color: '#666', marginBottom: 8 }}>
      {at ? t('monthly.figuresFrozen', { at: formatInstantDate(at) }) : t('monthly.figuresLive')}
    </div>
  );
}

/** One figure on the phone: the number large, what it counts under it. */
function Tile({
  value,
  label,
  note,
  testId,
}: {
  value: string;
  label: string;
  note?: string;
  testId?: string;
}) {
  return (
    <div
      style={{
        border: '1px solid #f0f0f0',
        borderRadius: 8,
        padding: '8px 12px',
        background: '#fafafa',
        minWidth: 0,
      }}
    >
      <div style={{ fontSize: 22, fontWeight: 600, lineHeight: 1.3 }} data-testid={testId}>
        {value}
      </div>
      <div style={{ color: '#555', fontSize: 13, lineHeight: 1.35 }}>{label}</div>
      {note ? <div style={{ color: '#888', fontSize: 12 }}>{note}</div> : null}
    </div>
  );
}

/**
 * A member's month as tiles, two to a row: a phone shows every figure
 * without a table's narrow value column breaking "2 / 0" over two lines.
 */
export function MemberFigures({ figures }: { figures: MemberMonthFigures }) {
  const { t, label } = useI18n();
  const events = Object.entries(figures.bookChanges.events)
    .filter(([, n]) => n > 0)
    .map(([event, n]) => {
      const parsed = changeEvent.safeParse(event);
      return `${parsed.success ? label(changeEventLabels[parsed.data]) : event}: ${n}`;
    });
  return (
    <div data-testid="member-figures">
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))', gap: 8 }}>
        <Tile value={String(figures.households)} label={t('monthly.households')} />
        <Tile value={String(figures.visits.made)} label={t('monthly.visitsMade')} testId="figure-visits" />
        <Tile value={String(figures.visits.households)} label={t('monthly.visitsHouseholds')} />
        <Tile
          value={`${figures.visits.requiredDone}/${figures.visits.required}`}
          label={t('monthly.tile.dueVisited')}
          testId="figure-due-visited"
        />
        <Tile
          value={String(figures.bookChanges.fields)}
          label={t('monthly.tile.bookFields')}
          note={t('monthly.tile.inHouseholds', { count: figures.bookChanges.households })}
        />
        <Tile
          value={String(figures.helpActions.done)}
          label={t('monthly.tile.helpDone')}
          note={t('monthly.tile.helpDue', { count: figures.helpActions.planned })}
        />
        <Tile value={String(figures.petitions.taken)} label={t('monthly.tile.petitionsTaken')} />
        <Tile value={String(figures.petitions.relayed)} label={t('monthly.tile.petitionsRelayed')} />
      </div>
      {events.length > 0 ? (
        <div style={{ color: '#555', marginTop: 8 }} data-testid="figure-events">
          {t('monthly.tile.events', { list: events.join('; ') })}
        </div>
      ) : null}
    </div>
  );
}

/** The cell's figures as label/value rows, shared by the page and the printed report. */
export function cellFigureRows(
  figures: CellMonthFigures,
  t: ReturnType<typeof useI18n>['t'],
): { label: string; value: string }[] {
  return [
    { label: t('monthly.members'), value: `${figures.membersReported} / ${figures.members}` },
    { label: t('monthly.householdsCell'), value: `${figures.householdsAssigned} / ${figures.households}` },
    { label: t('monthly.visitsMade'), value: String(figures.visits.made) },
    { label: t('monthly.visitsHouseholds'), value: String(figures.visits.households) },
    {
      label: t('monthly.visitsRequired'),
      value: `${figures.visits.required} / ${figures.visits.requiredDone}`,
    },
    {
      label: t('monthly.bookChanges'),
      value: `${figures.bookChanges.fields} / ${figures.bookChanges.households}`,
    },
    {
      label: t('monthly.helpActions'),
      value: `${figures.helpActions.planned} / ${figures.helpActions.done}`,
    },
    {
      label: t('monthly.petitions'),
      value: `${figures.petitions.received} / ${figures.petitions.answered} / ${figures.petitions.relayed} / ${figures.petitions.closed}`,
    },
  ];
}

export function CellFigures({ figures }: { figures: CellMonthFigures }) {
  const { t } = useI18n();
  return (
    <Descriptions column={1} size="small" bordered data-testid="cell-figures">
      {cellFigureRows(figures, t).map((row) => (
        <Descriptions.Item key={row.label} label={row.label}>
          {row.value}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
