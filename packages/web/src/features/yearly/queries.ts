import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FourGoodBoard, YearlyFigures, YearlyTargets } from '@caunoi/domain';
import { api, queryString } from '../../api/client';

export const yearlyKeys = {
  all: ['yearly'] as const,
  figures: (unitId: number, year: number) => [...yearlyKeys.all, 'figures', unitId, year] as const,
  targets: (unitId: number, year: number) => [...yearlyKeys.all, 'targets', unitId, year] as const,
  fourGood: (unitId: number, year: number) => [...yearlyKeys.all, 'four-good', unitId, year] as const,
};

export function useYearlyFigures(unitId: number, year: number) {
  return useQuery({
    queryKey: yearlyKeys.figures(unitId, year),
    queryFn: ({ signal }) =>
      api.get<YearlyFigures>(`/yearly/figures${queryString({ unitId, year })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useYearlyTargets(unitId: number, year: number) {
  return useQuery({
    queryKey: yearlyKeys.targets(unitId, year),
    queryFn: ({ signal }) =>
      api.get<YearlyTargets>(`/yearly/targets${queryString({ unitId, year })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useFourGood(unitId: number, year: number) {
  return useQuery({
    queryKey: yearlyKeys.fourGood(unitId, year),
    queryFn: ({ signal }) =>
      api.get<FourGoodBoard>(`/yearly/four-good${queryString({ unitId, year })}`, signal),
    placeholderData: keepPreviousData,
  });
}
