import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FourGoodBoard, HouseholdModelCell, YearlyFigures, YearlyTargets } from '@caunoi/domain';
import { api, queryString } from '../../api/client';

export const yearlyKeys = {
  all: ['yearly'] as const,
  figures: (unitId: number, year: number | undefined) =>
    [...yearlyKeys.all, 'figures', unitId, year] as const,
  targets: (unitId: number, year: number | undefined) =>
    [...yearlyKeys.all, 'targets', unitId, year] as const,
  fourGood: (unitId: number, year: number) => [...yearlyKeys.all, 'four-good', unitId, year] as const,
  householdModel: (cellId: number, year: number) =>
    [...yearlyKeys.all, 'household-model', cellId, year] as const,
};

/** The year's targets as a workbook (the server records the export). */
export const targetsExcelUrl = (unitId: number, year: number) =>
  `/api/v1/yearly/targets.xlsx${queryString({ unitId, year })}`;

/** Waits while `year` is undefined (a page whose year the server is still choosing). */
export function useYearlyFigures(unitId: number, year: number | undefined) {
  return useQuery({
    queryKey: yearlyKeys.figures(unitId, year),
    queryFn: ({ signal }) =>
      api.get<YearlyFigures>(`/yearly/figures${queryString({ unitId, year })}`, signal),
    enabled: year !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** Without a year the server picks one by the one rule and says which (`yearShown`). */
export function useYearlyTargets(unitId: number, year: number | undefined) {
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

export function useHouseholdModelCell(cellId: number, year: number) {
  return useQuery({
    queryKey: yearlyKeys.householdModel(cellId, year),
    queryFn: ({ signal }) =>
      api.get<HouseholdModelCell>(`/yearly/household-model${queryString({ cellId, year })}`, signal),
  });
}
