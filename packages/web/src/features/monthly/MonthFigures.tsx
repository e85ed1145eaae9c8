import { Descriptions, Tag } from 'antd';
import {
  changeEvent,
  changeEventLabels,
  formatCount,
  formatOf,
  movementLabels,
  movements,
  type CellMonthFigures,
  type MemberMonthFigures,
  type MemberReportState,
} from '@caunoi/domain';
import { formatInstantDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';

const stateColor: Record<MemberReportState, string> = {
  not_started: 'default',
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  approved: 'green',
};

export function ReportStateTag({ state }: { state: MemberReportState }) {
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
      {note ? (
        <div className="muted" style={{ fontSize: 12 }}>
          {note}
        </div>
      ) : null}
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
          value={formatOf(figures.visits.requiredDone, figures.visits.required)}
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
        <Tile
          value={String(figures.practices.nonCompliant)}
          label={t('monthly.tile.nonCompliant')}
          note={t('monthly.tile.persuaded', {
            count: figures.practices.persuasions,
            complied: figures.practices.complied,
          })}
        />
        {movements.map((m) => (
          <Tile
            key={m}
            value={String(figures.practices.mobilised[m] ?? 0)}
            label={t('monthly.tile.mobilised', { movement: label(movementLabels[m]) })}
          />
        ))}
        <Tile
          value={String(figures.practices.selfManagedMeetings)}
          label={t('monthly.tile.selfManagedMeetings')}
          testId="figure-self-managed"
        />
      </div>
      {events.length > 0 ? (
        <div style={{ color: '#555', marginTop: 8 }} data-testid="figure-events">
          {t('monthly.tile.events', { list: events.join('; ') })}
        </div>
      ) : null}
    </div>
  );
}

/**
 * The cell's figures as label/value rows, one figure to a row (a part of a
 * whole reads "done/due"), in the order and words of the printed report (domain `cellReportTables`).
 */
export function cellFigureRows(
  figures: CellMonthFigures,
  { t, language, label }: Pick<ReturnType<typeof useI18n>, 't' | 'language' | 'label'>,
): { label: string; value: string }[] {
  const n = (value: number) => formatCount(value, language);
  const of = (part: number, whole: number) => formatOf(part, whole, language);
  return [
    { label: t('monthly.cellRow.membersReported'), value: of(figures.membersReported, figures.members) },
    {
      label: t('monthly.cellRow.householdsAssigned'),
      value: of(figures.householdsAssigned, figures.households),
    },
    { label: t('monthly.visitsMade'), value: n(figures.visits.made) },
    { label: t('monthly.visitsHouseholds'), value: n(figures.visits.households) },
    {
      label: t('monthly.cellRow.dueVisited'),
      value: of(figures.visits.requiredDone, figures.visits.required),
    },
    { label: t('monthly.cellRow.bookFields'), value: n(figures.bookChanges.fields) },
    { label: t('monthly.cellRow.bookHouseholds'), value: n(figures.bookChanges.households) },
    {
      label: t('monthly.cellRow.helpDone'),
      value: of(figures.helpActions.done, figures.helpActions.planned),
    },
    { label: t('monthly.cellRow.petitionsReceived'), value: n(figures.petitions.received) },
    { label: t('monthly.cellRow.petitionsAnswered'), value: n(figures.petitions.answered) },
    { label: t('monthly.cellRow.petitionsRelayed'), value: n(figures.petitions.relayed) },
    { label: t('monthly.cellRow.petitionsClosed'), value: n(figures.petitions.closed) },
    { label: t('monthly.practices.nonCompliant'), value: n(figures.practices.nonCompliant) },
    { label: t('monthly.practices.persuasions'), value: n(figures.practices.persuasions) },
    { label: t('monthly.practices.complied'), value: n(figures.practices.complied) },
    ...movements.map((m) => ({
      label: t('monthly.tile.mobilised', { movement: label(movementLabels[m]) }),
      value: n(figures.practices.mobilised[m] ?? 0),
    })),
    { label: t('monthly.tile.selfManagedMeetings'), value: n(figures.practices.selfManagedMeetings) },
  ];
}

export function CellFigures({ figures }: { figures: CellMonthFigures }) {
  const i18n = useI18n();
  return (
    <Descriptions column={1} size="small" bordered data-testid="cell-figures">
      {cellFigureRows(figures, i18n).map((row) => (
        <Descriptions.Item key={row.label} label={row.label}>
          {row.value}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
