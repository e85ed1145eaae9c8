import {
  povertyStatusLabels,
  resultLevelLabels,
  type DashboardFigure,
  type DashboardRecordKind,
  type PovertyStatus,
  type ResultLevel,
} from '@caunoi/domain';
import { formatDate } from '../../format/date';
import { formatNumber } from '../../format/number';
import type { MessageKey } from '../../i18n/dictionary.vi';
import type { I18n } from '../../i18n/i18n-context';

/** The kind of record each figure lists (the server answers the same), so the headers show before the rows. */
export const recordKindOf: Record<DashboardFigure, DashboardRecordKind> = {
  households: 'household',
  householdsUnassigned: 'household',
  poor: 'household',
  nearPoor: 'household',
  escapedPoverty: 'household',
  helpedToLoan: 'household',
  advisedOnBusiness: 'household',
  visitsOverdue: 'household',
  visitsDue: 'household',
  petitionsReceived: 'petition',
  petitionsAnsweredOnTime: 'petition',
  petitionsAnsweredLate: 'petition',
  membersAssigned: 'member',
  memberRatings: 'member',
  cellRatings: 'unit',
  householdModelCells: 'unit',
  resolutionIndicators: 'target',
  newRuralCriteria: 'target',
  models: 'model',
};

/** Column heads per kind: the code, the label and the unit the record belongs to. */
export const recordHeads: Record<DashboardRecordKind, [MessageKey, MessageKey, MessageKey]> = {
  household: ['dashboard.code', 'dashboard.head', 'dashboard.cell'],
  petition: ['dashboard.receivedOn', 'dashboard.petitionTitle', 'dashboard.cell'],
  member: ['dashboard.memberCode', 'dashboard.memberName', 'dashboard.cell'],
  unit: ['dashboard.unitCode', 'dashboard.cell', 'dashboard.parentUnit'],
  target: ['dashboard.targetCode', 'dashboard.targetName', 'dashboard.unit'],
  model: ['dashboard.modelHolder', 'dashboard.modelTitle', 'dashboard.unit'],
};

/** The detail of a record as words: the server sends codes, dates and numbers. */
export function detailText(
  figure: DashboardFigure,
  detail: string | null,
  i18n: Pick<I18n, 't' | 'label'>,
): string {
  const { t, label } = i18n;
  switch (figure) {
    case 'households':
    case 'householdsUnassigned':
    case 'escapedPoverty':
      return detail && detail in povertyStatusLabels
        ? label(povertyStatusLabels[detail as PovertyStatus])
        : '';
    case 'helpedToLoan':
    case 'advisedOnBusiness':
      return detail === null || Number(detail) === 0 ? '' : `${formatNumber(Number(detail))} đ`;
    case 'visitsOverdue':
      return detail ? t('dashboard.overdueSince', { date: formatDate(detail) }) : '';
    case 'visitsDue':
      return detail ? t('dashboard.dueBy', { date: formatDate(detail) }) : '';
    case 'petitionsReceived':
    case 'petitionsAnsweredOnTime':
    case 'petitionsAnsweredLate':
      return detail ? t('dashboard.answeredOn', { date: formatDate(detail) }) : t('dashboard.notAnswered');
    case 'membersAssigned':
      return t('dashboard.householdsFollowed', { n: formatNumber(Number(detail ?? 0)) });
    case 'memberRatings':
    case 'cellRatings':
      return detail && detail in resultLevelLabels
        ? label(resultLevelLabels[detail as ResultLevel])
        : t('dashboard.notRated');
    case 'resolutionIndicators':
    case 'newRuralCriteria':
      return t(detail === 'achieved' ? 'dashboard.achieved' : 'dashboard.notAchieved');
    case 'householdModelCells':
      return t(detail === 'registered' ? 'dashboard.registered' : 'dashboard.notRegistered');
    case 'models':
      return t(detail === 'collective' ? 'dashboard.collective' : 'dashboard.individual');
    default:
      return detail ?? '';
  }
}

/** Where a record opens, for the kinds that have a page. */
export function recordLink(kind: DashboardRecordKind, id: string): string | null {
  switch (kind) {
    case 'household':
      return `/households/${id}`;
    case 'petition':
      return `/petitions/${id}`;
    case 'member':
      return `/members/${id}`;
    case 'unit':
      return `/units/${id}`;
    default:
      return null;
  }
}
