import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RatingBoard, RatingFramework, RatingSubject } from '@caunoi/domain';
import { api, queryString } from '../../api/client';

export const ratingKeys = {
  all: ['ratings'] as const,
  board: (unitId: number, year: number | undefined, subject: RatingSubject | undefined) =>
    [...ratingKeys.all, 'board', unitId, year, subject] as const,
  frameworks: (year: number) => [...ratingKeys.all, 'frameworks', year] as const,
};

/** The board as a workbook, with the same filter (the server records the export). */
export const ratingsExcelUrl = (unitId: number, year: number, subject: RatingSubject | undefined) =>
  `/api/v1/ratings.xlsx${queryString({ unitId, year, subject })}`;

/** Without a year the server picks one by the one rule and says which (`yearShown`). */
export function useRatingBoard(unitId: number, year: number | undefined, subject: RatingSubject | undefined) {
  return useQuery({
    queryKey: ratingKeys.board(unitId, year, subject),
    queryFn: ({ signal }) =>
      api.get<RatingBoard>(`/ratings${queryString({ unitId, year, subject })}`, signal),
    placeholderData: keepPreviousData,
  });
}

/** The framework versions valid in a year (one per subject). */
export function useFrameworks(year: number) {
  return useQuery({
    queryKey: ratingKeys.frameworks(year),
    queryFn: ({ signal }) =>
      api.get<{ items: RatingFramework[] }>(`/rating-frameworks${queryString({ year })}`, signal),
    staleTime: 10 * 60_000,
  });
}
