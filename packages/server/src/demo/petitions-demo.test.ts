import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  calendarOf,
  isOverdue,
  isTerminalPetitionState,
  nextState,
  petitionStates,
  type PetitionAction,
} from '@caunoi/domain';
import { generateDemo } from './generate-demo.js';
import { committeeCode, hoaThuan, thanhLoc } from './giong-rieng-spec.js';
import { generatePetitionsDemo } from './petitions-demo.js';

const data = generateDemo();
const today = '2026-12-07';
const calendar = calendarOf([
  { date: '2026-09-01', kind: 'holiday' },
  { date: '2026-09-02', kind: 'holiday' },
]);
const demoMemberCode = data.accounts.find((a) => a.username === 'dangvien.thanhan')!.memberCode!;
const demo = generatePetitionsDemo(data, today, calendar, { demoMemberCode });

describe('petitions demo', () => {
  it('is deterministic', () => {
    expect(generatePetitionsDemo(data, today, calendar, { demoMemberCode })).toEqual(demo);
  });

  it('has about fifty petitions in every state, mostly in Thạnh Lộc', () => {
    const { petitions } = demo;
    expect(petitions.length).toBeGreaterThanOrEqual(40);
    expect(petitions.length).toBeLessThanOrEqual(60);
    const byState = new Map<string, number>();
    for (const p of petitions) byState.set(p.state, (byState.get(p.state) ?? 0) + 1);
    for (const state of petitionStates) expect(byState.get(state) ?? 0, state).toBeGreaterThan(0);
    expect(byState.get('merged')).toBe(1);
    expect(byState.get('withdrawn')).toBe(1);
    const inThanhLoc = petitions.filter((p) => p.orgCode === committeeCode(thanhLoc)).length;
    const inHoaThuan = petitions.filter((p) => p.orgCode === committeeCode(hoaThuan)).length;
    expect(inHoaThuan).toBeGreaterThan(0);
    expect(inThanhLoc).toBeGreaterThan(inHoaThuan * 4);
    expect(petitions.filter((p) => p.memberCode === demoMemberCode).length).toBeGreaterThan(0);
    expect(new Set(petitions.map((p) => p.category)).size).toBeGreaterThanOrEqual(8);
  });

  it('has some overdue now and some escalated by the job', () => {
    const open = demo.petitions.filter((p) => !isTerminalPetitionState(p.state));
    expect(open.filter((p) => isOverdue(p.stepDueOn, today)).length).toBeGreaterThanOrEqual(2);
    const escalated = demo.petitions.filter((p) => p.escalations > 0);
    expect(escalated.length).toBeGreaterThanOrEqual(3);
    for (const p of escalated) {
      const steps = p.steps.filter((st) => st.action === 'escalate');
      expect(steps).toHaveLength(p.escalations);
      for (const st of steps) expect(st.actor).toEqual({ username: null, memberCode: null, name: null });
    }
  });

  it('plays every petition through the transition table, in date order, before today', () => {
    for (const p of demo.petitions) {
      const [created, ...rest] = p.steps;
      expect(created!.action).toBe('create');
      expect(created!.date).toBe(p.receivedOn);
      let state = created!.toState;
      let due = created!.dueOn;
      let previous = created!.at;
      for (const st of rest) {
        expect(st.at > previous, `${p.code} ${st.action}`).toBe(true);
        expect(st.date < today).toBe(true);
        previous = st.at;
        expect(st.fromState).toBe(state);
        if (st.action === 'merge' && st.fromState === st.toState) continue; // the kept side of a merge
        expect(nextState(state, st.action as PetitionAction), `${p.code} ${state} ${st.action}`).toBe(
          st.toState,
        );
        // The job escalates only a step past its due date.
        if (st.action === 'escalate') expect(isOverdue(due, st.date)).toBe(true);
        state = st.toState;
        due = st.dueOn;
      }
      expect(state).toBe(p.state);
      expect(p.stepDueOn).toBe(due);
      if (p.answeredOn) expect(p.answeredOn >= p.receivedOn).toBe(true);
      if (p.relayedOn) expect(p.relayedOn >= p.answeredOn!).toBe(true);
      if (p.state === 'closed') expect(p.satisfied).toBe(true);
      if (p.state === 'merged') {
        const kept = demo.petitions.find((q) => q.code === p.mergedIntoCode)!;
        expect(kept.householdCodes).toEqual(expect.arrayContaining(p.householdCodes));
        expect(isTerminalPetitionState(kept.state)).toBe(false);
      }
    }
  });

  it('plays out on any seed day of the year, holidays included', () => {
    const tet = calendarOf(
      ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-04-30', '2026-05-01'].map(
        (date) => ({ date, kind: 'holiday' as const }),
      ),
    );
    for (let day = 0; day < 365; day += 5) {
      const seedDay = addCalendarDays('2026-01-01', day);
      const { petitions } = generatePetitionsDemo(data, seedDay, tet, { demoMemberCode });
      expect(petitions.length).toBeGreaterThanOrEqual(40);
      for (const p of petitions) {
        for (const st of p.steps) expect(st.date < seedDay, `${seedDay} ${p.code}`).toBe(true);
        for (const st of p.steps.filter((x) => x.action === 'escalate'))
          expect(st.late && st.dueOn !== null).toBe(true);
      }
    }
  });

  it('notifies as the service does: an answer tells the member, an escalation both levels', () => {
    for (const p of demo.petitions) {
      const answers = p.steps.filter((st) => st.action === 'answer').length;
      expect(p.notifications.filter((n) => n.kind === 'answered')).toHaveLength(answers);
      for (const n of p.notifications.filter((x) => x.kind === 'answered'))
        expect(n.memberCodes).toEqual([p.memberCode]);
      const escalations = p.notifications.filter((n) => n.kind === 'escalated');
      expect(escalations).toHaveLength(p.escalations);
    }
  });
});
