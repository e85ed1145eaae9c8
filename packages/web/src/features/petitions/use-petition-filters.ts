import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import {
  petitionCategories,
  petitionStates,
  type PetitionCategory,
  type PetitionState,
} from '@caunoi/domain';
import type { PetitionFilters } from './queries';

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;
const count = (value: string | null) => (value && /^\d+$/.test(value) ? Number(value) : undefined);

/** Filters live in the address, so a figure links to its petitions and Back keeps the list. */
export function usePetitionFilters() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (patch: Record<string, string | number | undefined>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const flag = (value: string | null) => (value === 'true' || value === 'false' ? value : undefined);
  const filters: PetitionFilters = {
    unitId: count(params.get('unitId')),
    state: oneOf<PetitionState>(petitionStates, params.get('state')),
    category: oneOf<PetitionCategory>(petitionCategories, params.get('category')),
    overdue: flag(params.get('overdue')),
    open: flag(params.get('open')),
    minAgeDays: count(params.get('minAgeDays')),
    maxAgeDays: count(params.get('maxAgeDays')),
    waiting: params.get('waiting') === 'me' ? 'me' : undefined,
  };
  return { filters, update };
}
