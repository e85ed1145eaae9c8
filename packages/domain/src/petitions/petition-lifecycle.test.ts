import { describe, expect, it } from 'vitest';
import {
  allowedPetitionActions,
  isTerminalPetitionState,
  mayAct,
  nextState,
  petitionActions,
  petitionStates,
  stepOf,
  type PetitionAction,
  type PetitionRelation,
  type PetitionState,
} from './petition-lifecycle.js';

/**
 * The whole table written out again, independently of the code: every legal
 * step with who may take it. Every (state, action) pair not listed must be refused.
 */
const legal: [PetitionState, PetitionAction, PetitionState, PetitionRelation[]][] = [
  ['received', 'forward', 'forwarded', ['taker', 'cell']],
  ['received', 'withdraw', 'withdrawn', ['taker', 'cell']],
  ['received', 'merge', 'merged', ['holder', 'cell']],
  ['received', 'escalate', 'forwarded', ['system']],
  ['forwarded', 'forward', 'forwarded', ['holder']],
  ['forwarded', 'acknowledge', 'acknowledged', ['holder']],
  ['forwarded', 'withdraw', 'withdrawn', ['taker', 'cell']],
  ['forwarded', 'merge', 'merged', ['holder', 'cell']],
  ['forwarded', 'escalate', 'forwarded', ['system']],
  ['acknowledged', 'forward', 'forwarded', ['holder']],
  ['acknowledged', 'answer', 'answered', ['holder']],
  ['acknowledged', 'withdraw', 'withdrawn', ['taker', 'cell']],
  ['acknowledged', 'merge', 'merged', ['holder', 'cell']],
  ['acknowledged', 'escalate', 'acknowledged', ['system']],
  ['answered', 'relay', 'relayed', ['taker', 'cell']],
  ['answered', 'escalate', 'answered', ['system']],
  ['relayed', 'close', 'closed', ['taker', 'cell']],
  ['relayed', 'reopen', 'reopened', ['taker', 'cell']],
  ['reopened', 'acknowledge', 'acknowledged', ['holder']],
  ['reopened', 'forward', 'forwarded', ['holder']],
  ['reopened', 'withdraw', 'withdrawn', ['taker', 'cell']],
  ['reopened', 'merge', 'merged', ['holder', 'cell']],
  ['reopened', 'escalate', 'reopened', ['system']],
];

const relations: PetitionRelation[] = ['taker', 'cell', 'holder', 'system'];

describe('petition lifecycle', () => {
  const key = (s: PetitionState, a: PetitionAction) => `${s}:${a}`;
  const legalByKey = new Map(legal.map(([s, a, to, by]) => [key(s, a), { to, by }]));

  for (const state of petitionStates) {
    for (const action of petitionActions) {
      const expected = legalByKey.get(key(state, action));
      if (expected) {
        it(`${state} --${action}--> ${expected.to}, by ${expected.by.join(' or ')}`, () => {
          expect(nextState(state, action)).toBe(expected.to);
          for (const r of relations) expect(mayAct(state, action, [r]), r).toBe(expected.by.includes(r));
        });
      } else {
        it(`${state} --${action}--> refused`, () => {
          expect(nextState(state, action)).toBeNull();
          expect(mayAct(state, action, relations)).toBe(false);
        });
      }
    }
  }

  it('has no way out of closed, withdrawn or merged', () => {
    for (const state of ['closed', 'withdrawn', 'merged'] as const) {
      expect(isTerminalPetitionState(state)).toBe(true);
      expect(allowedPetitionActions(state, relations)).toEqual([]);
    }
    expect(isTerminalPetitionState('relayed')).toBe(false);
  });

  it('never offers the deadline job step to a person', () => {
    for (const state of petitionStates) {
      expect(allowedPetitionActions(state, relations)).not.toContain('escalate');
    }
  });

  it('lets the member who took it pass it on and bring the answer back, not answer it', () => {
    expect(allowedPetitionActions('received', ['taker'])).toEqual(['forward', 'withdraw']);
    expect(allowedPetitionActions('acknowledged', ['taker'])).toEqual(['withdraw']);
    expect(allowedPetitionActions('answered', ['taker'])).toEqual(['relay']);
    expect(allowedPetitionActions('relayed', ['taker'])).toEqual(['close', 'reopen']);
  });

  it('lets the holding unit acknowledge, answer and forward onwards', () => {
    expect(allowedPetitionActions('forwarded', ['holder'])).toEqual(['forward', 'acknowledge', 'merge']);
    expect(allowedPetitionActions('acknowledged', ['holder'])).toEqual(['forward', 'answer', 'merge']);
  });

  it('has a deadline on every step where someone is waited on', () => {
    expect(stepOf('received')).toBe('forward');
    expect(stepOf('forwarded')).toBe('acknowledge');
    expect(stepOf('reopened')).toBe('acknowledge');
    expect(stepOf('acknowledged')).toBe('answer');
    expect(stepOf('answered')).toBe('relay');
    for (const state of ['relayed', 'closed', 'withdrawn', 'merged'] as const)
      expect(stepOf(state)).toBeNull();
  });

  it('escalates only steps with a deadline', () => {
    for (const state of petitionStates) {
      expect(nextState(state, 'escalate') !== null, state).toBe(stepOf(state) !== null);
    }
  });
});
