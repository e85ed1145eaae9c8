import { describe, expect, it } from 'vitest';
import { excellentRunText } from '../awards/award.schema.js';
import { runEndingAt, tallyResults, type ResultLevel } from './unit-result.schema.js';

describe('yearly results', () => {
  it('counts excellent years running back from the last year', () => {
    const byYear = new Map<number, ResultLevel>([
      [2017, 'excellent'],
      [2018, 'good'],
      [2019, 'excellent'],
      [2020, 'excellent'],
      [2021, 'excellent'],
      [2022, 'excellent'],
    ]);
    expect(runEndingAt(byYear, 2022)).toBe(4);
    expect(runEndingAt(byYear, 2017)).toBe(1);
    expect(runEndingAt(byYear, 2018)).toBe(0);
    expect(runEndingAt(byYear, 2023)).toBe(0);
    expect(runEndingAt(byYear, 2018, 'good')).toBe(1);
  });

  it('tallies "x/y hoàn thành xuất sắc", unrated units included in y', () => {
    expect(tallyResults(['excellent', 'excellent', 'good', null, 'not_completed'])).toEqual({
      total: 5,
      excellent: 2,
      good: 1,
      completed: 0,
      notCompleted: 1,
      unrated: 1,
    });
  });

  it('writes the basis of a proposal the way reports do', () => {
    expect(excellentRunText(5, 2018, 2022)).toBe('Hoàn thành xuất sắc nhiệm vụ 05 năm liền (2018–2022)');
  });
});
