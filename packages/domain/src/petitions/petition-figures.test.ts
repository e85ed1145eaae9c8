import { describe, expect, it } from 'vitest';
import { median, summarisePetitions, type PetitionFigureInput } from './petition-figures.js';

const base: PetitionFigureInput = {
  state: 'received',
  receivedOn: '2025-11-03',
  answeredOn: null,
  answerDueOn: '2025-11-24',
  relayedOn: null,
  satisfied: null,
  stepDueOn: '2025-11-06',
};

describe('petition figures', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 4])).toBe(4);
    expect(median([10, 2, 4, 8])).toBe(6);
  });

  it('counts answered, on time, overdue now, relayed and satisfied', () => {
    const rows: PetitionFigureInput[] = [
      // Answered in 10 days, on time, relayed, satisfied.
      {
        ...base,
        state: 'closed',
        answeredOn: '2025-11-13',
        relayedOn: '2025-11-14',
        satisfied: true,
        stepDueOn: null,
      },
      // Answered late (after the promised date), relayed, appealed.
      {
        ...base,
        state: 'reopened',
        answeredOn: '2025-11-28',
        relayedOn: '2025-11-29',
        satisfied: false,
        stepDueOn: '2025-12-03',
      },
      // Answered on the promised day, not yet relayed, relay overdue.
      { ...base, state: 'answered', answeredOn: '2025-11-24', stepDueOn: '2025-11-27' },
      // Still waiting to be forwarded, overdue.
      { ...base },
      // Forwarded, not yet due.
      { ...base, state: 'forwarded', stepDueOn: '2025-12-02' },
      // Withdrawn: an old due date does not make it overdue.
      { ...base, state: 'withdrawn' },
    ];
    expect(summarisePetitions(rows, '2025-12-01')).toEqual({
      received: 6,
      answered: 3,
      answeredOnTime: 2,
      overdueNow: 2,
      medianDaysToAnswer: 21,
      relayed: 2,
      satisfied: 1,
      dissatisfied: 1,
      satisfiedShare: 0.5,
    });
  });

  it('has no median and no share without answers', () => {
    const figures = summarisePetitions([base], '2025-11-04');
    expect(figures.medianDaysToAnswer).toBeNull();
    expect(figures.satisfiedShare).toBeNull();
    expect(figures.overdueNow).toBe(0);
  });
});
