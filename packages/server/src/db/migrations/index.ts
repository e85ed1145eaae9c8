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
import * as accountLifecycle from './20261207010000_account_lifecycle.js';
import * as memberLifecycle from './20261207020000_member_lifecycle.js';
import * as householdLifecycle from './20261207030000_household_lifecycle.js';
import * as unitRestructuring from './20261207040000_unit_restructuring.js';
import * as hardening from './20261207060000_hardening.js';
import * as personalData from './20261207070000_personal_data.js';
import * as pathPrefixIndexes from './20261208010000_path_prefix_indexes.js';
import * as reportSendWindow from './20261208040000_report_send_window.js';
import * as visitKindsCounted from './20261208041000_visit_kinds_counted.js';
import * as householdPractices from './20261208060000_household_practices.js';
import * as donationsAndOfficials from './20261208061000_donations_and_officials.js';
import * as unitNotes from './20261208062000_unit_notes.js';
import * as appliedWrites from './20261209000000_applied_writes.js';
import * as caseloadSyncIndexes from './20261209001000_caseload_sync_indexes.js';

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
  '20261207010000_account_lifecycle': accountLifecycle,
  '20261207020000_member_lifecycle': memberLifecycle,
  '20261207030000_household_lifecycle': householdLifecycle,
  '20261207040000_unit_restructuring': unitRestructuring,
  '20261207060000_hardening': hardening,
  '20261207070000_personal_data': personalData,
  '20261208010000_path_prefix_indexes': pathPrefixIndexes,
  '20261208040000_report_send_window': reportSendWindow,
  '20261208041000_visit_kinds_counted': visitKindsCounted,
  '20261208060000_household_practices': householdPractices,
  '20261208061000_donations_and_officials': donationsAndOfficials,
  '20261208062000_unit_notes': unitNotes,
  '20261209000000_applied_writes': appliedWrites,
  '20261209001000_caseload_sync_indexes': caseloadSyncIndexes,
};
