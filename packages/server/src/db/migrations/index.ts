import type { Migration } from 'kysely';
import * as core from './20261128000100_core.js';
import * as petitions from './20261128010000_petitions.js';
import * as meetings from './20261128020000_meetings.js';
import * as trackingBook from './20261128100000_tracking_book.js';
import * as assignmentsAtScale from './20261128120000_assignments_at_scale.js';
import * as visits from './20261128130000_visits.js';
import * as helpPlans from './20261128131000_help_plans.js';
import * as povertyReviews from './20261128132000_poverty_reviews.js';
import * as householdSearch from './20261128150000_household_search.js';
import * as householdSearchKeys from './20261128150100_household_search_keys.js';
import * as householdBookIndexes from './20261128150200_household_book_indexes.js';
import * as monthlyWork from './20261128160000_monthly_work.js';
import * as yearlyWork from './20261128161000_yearly_work.js';

/**
 * Every migration, by timestamped name. Listed statically (not read from the
 * file system) so the same list runs under tsx, in tests and in a bundle; a
 * test checks that the names sort in the order they are listed.
 */
export const migrations: Record<string, Migration> = {
  '20261128000100_core': core,
  '20261128010000_petitions': petitions,
  '20261128020000_meetings': meetings,
  '20261128100000_tracking_book': trackingBook,
  '20261128120000_assignments_at_scale': assignmentsAtScale,
  '20261128130000_visits': visits,
  '20261128131000_help_plans': helpPlans,
  '20261128132000_poverty_reviews': povertyReviews,
  '20261128150000_household_search': householdSearch,
  '20261128150100_household_search_keys': householdSearchKeys,
  '20261128150200_household_book_indexes': householdBookIndexes,
  '20261128160000_monthly_work': monthlyWork,
  '20261128161000_yearly_work': yearlyWork,
};
