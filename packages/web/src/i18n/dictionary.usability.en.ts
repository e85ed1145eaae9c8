import type { usabilityVi } from './dictionary.usability.vi';

/** Phone use, navigation and accessibility labels (issue 15), spread into the English dictionary. */
export const usabilityEn: Record<keyof typeof usabilityVi, string> = {
  'dashboard.periodLabel': 'Period (from month – to month)',
  'book.quickVisit': 'Log a visit',
  'book.quickHelpAction': 'Add a help action',
  'book.quickHelpPlan': 'Start a help plan',
  'book.sections': 'Parts of the book',
  'book.sectionGeneral': 'General',
  'book.sectionWork': 'Visits, help, petitions',
  'book.sectionPeople': 'People',
  'book.sectionLiving': 'Living, yearly',
  'book.sectionHistory': 'History',
  'nav.group.mine': 'My work',
  'nav.group.cell': 'Party cell',
  'nav.group.committee': 'Party committee',
  'nav.group.reports': 'Reports and figures',
  'nav.group.admin': 'Administration',
  'import.typedValue': 'Typed "{value}":',
  'petitions.stepDueHelp':
    'Deadline of the step in course: the day by which whoever holds the petition must forward, acknowledge or answer it (working days); once passed, the petition is escalated.',
  'petitions.answerDueHelp':
    'The day the household was promised an answer; it may come after the deadlines of the single steps.',
  'petitions.datesLegend': 'Two dates',
};
