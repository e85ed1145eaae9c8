import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDebounced } from '../../components/use-debounced';
import { isPovertyStatus } from './poverty-statuses';
import type { HouseholdFilters } from './queries';

const flag = (value: string | null) => (value === 'true' || value === 'false' ? value : undefined);

/**
 * Filters live in the address (`/households?unitId=…&povertyStatus=poor`), so a
 * figure on a unit page links straight to its records and Back keeps the list.
 * The search text is debounced before it reaches the address and the server.
 */
export function useHouseholdFilters() {
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebounced(text.trim());

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

  useEffect(() => {
    if ((params.get('q') ?? '') !== q) update({ q });
  }, [q, params, update]);

  const unitParam = params.get('unitId');
  const status = params.get('povertyStatus');
  const filters: HouseholdFilters = {
    unitId: unitParam && /^\d+$/.test(unitParam) ? Number(unitParam) : undefined,
    q: q || undefined,
    povertyStatus: isPovertyStatus(status) ? status : undefined,
    needsHelp: flag(params.get('needsHelp')),
    assigned: flag(params.get('assigned')),
  };
  return { filters, text, setText, update };
}
