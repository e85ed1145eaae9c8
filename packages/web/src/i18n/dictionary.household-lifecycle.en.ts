import type { householdLifecycleVi } from './dictionary.household-lifecycle.vi';

/** A household's life, spread into the English dictionary. */
export const householdLifecycleEn: Record<keyof typeof householdLifecycleVi, string> = {
  'lifecycle.title': 'Household changes',
  'lifecycle.move': 'Move household',
  'lifecycle.split': 'Split household',
  'lifecycle.merge': 'Merge household',
  'lifecycle.end': 'Household no longer exists',
  'lifecycle.effectiveDate': 'Effective from',
  'lifecycle.reason': 'Reason',
  'lifecycle.targetCell': 'Cell the household moves to',
  'lifecycle.newAddress': 'New address (if it changes)',
  'lifecycle.newCode': 'New household code',
  'lifecycle.people': 'People who form the new household',
  'lifecycle.newHead': 'New head of household',
  'lifecycle.assignTo': 'Member in charge of the new household (optional)',
  'lifecycle.intoCode': 'Code of the household it joins',
  'lifecycle.endKind': 'Case',
  'lifecycle.assignment': 'Member in charge of the household',
  'lifecycle.assignmentEnd': 'End the assignment',
  'lifecycle.assignmentHand': 'Hand to another member',
  'lifecycle.assignmentMember': 'Member taking over (of the organisation of the new cell)',
  'lifecycle.noAssignment': 'No member is in charge of the household now.',
  'lifecycle.confirm': 'Confirm',
  'lifecycle.confirmMove':
    'Household {code} moves to the chosen cell from {date}. If the cell is in another commune, a new book is opened there and this one ends the day before. {assignment} Continue?',
  'lifecycle.confirmSplit':
    '{count} people leave household {code} and form the new household {newCode} from {date}. Both books keep their history. Continue?',
  'lifecycle.confirmMerge':
    'Everyone in household {code} joins household {into} from {date}; {code} ends the day before and can no longer be edited. {assignment} Continue?',
  'lifecycle.confirmEnd':
    'Household {code} no longer exists from {date}: it leaves the lists and figures from that day and still counts on earlier dates. The book can no longer be edited. {assignment} Continue?',
  'lifecycle.willEnd': 'The current assignment ends the day before.',
  'lifecycle.willHand':
    'The current assignment ends the day before and the chosen member takes over from the effective date.',
  'lifecycle.ended': 'Household no longer exists from {date} ({reason}).',
  'lifecycle.movedTo': 'Its book continues in the new commune:',
  'lifecycle.movedFrom': 'Moved in from household',
  'lifecycle.splitFrom': 'Split from household',
  'lifecycle.mergedInto': 'Merged into household',
  'lifecycle.linkedHousehold': 'Linked household',
  'lifecycle.intoNotFound': 'No household with this code in your scope.',
};
