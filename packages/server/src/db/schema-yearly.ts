/* Row types of the yearly-work tables (migration 20261128161000_yearly_work), listed in DB in schema.ts. */

export interface RatingFrameworkTable {
  id: string;
  code: string;
  name: string;
  source: string | null;
  subject: string;
  valid_from: string;
  valid_to: string | null;
  max_score: number;
  excellent_cap_percent: number | null;
  cap_basis: string;
  created_at: string;
  updated_at: string;
}

export interface RatingFrameworkGroupTable {
  id: string;
  framework_id: string;
  position: number;
  code: string;
  name: string;
  max_points: number;
}

export interface RatingFrameworkItemTable {
  id: string;
  framework_id: string;
  group_id: string;
  position: number;
  code: string;
  text: string;
  max_points: number;
}

export interface RatingFrameworkLevelTable {
  framework_id: string;
  level: string;
  min_score: number;
}

export interface RatingFrameworkTriggerTable {
  id: string;
  framework_id: string;
  position: number;
  code: string;
  text: string;
  forces_level: string;
}

export interface RatingTable {
  id: string;
  org_id: number;
  scope_path: string;
  subject: string;
  subject_key: string;
  unit_id: number;
  member_id: string | null;
  year: number;
  framework_id: string;
  state: string;
  level: string;
  total_tenths: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface RatingStepTable {
  id: string;
  org_id: number;
  rating_id: string;
  step: string;
  /** JSON: item code → points. */
  scores: string;
  /** JSON: trigger codes. */
  triggers: string;
  total_tenths: number;
  level: string;
  level_by_score: string;
  /** JSON: trigger codes that lowered the level. */
  forced_by: string;
  note: string | null;
  actor_id: string | null;
  actor_name: string | null;
  created_at: string;
}

export interface FourGoodCatalogueTable {
  id: string;
  code: string;
  name: string;
  source: string | null;
  valid_from: string;
  valid_to: string | null;
  created_at: string;
}

export interface FourGoodCriterionTable {
  id: string;
  catalogue_id: string;
  position: number;
  code: string;
  text: string;
}

export interface FourGoodRegistrationTable {
  id: string;
  org_id: number;
  scope_path: string;
  unit_id: number;
  year: number;
  catalogue_id: string;
  registered_on: string;
  results: string | null;
  achieved: number | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface HouseholdModelRegistrationTable {
  id: string;
  org_id: number;
  scope_path: string;
  cell_id: number;
  member_id: string | null;
  registered_on: string;
  created_at: string;
}

export interface ResolutionIndicatorTable {
  id: string;
  org_id: number;
  scope_path: string;
  unit_id: number;
  year: number;
  term: string | null;
  position: number;
  name: string;
  measure: string | null;
  comparison: string;
  target_value: number | null;
  actual_value: number | null;
  target_text: string | null;
  actual_text: string | null;
  achieved_manual: number | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface NtmCriteriaSetTable {
  id: string;
  code: string;
  name: string;
  source: string | null;
  valid_from: string;
  valid_to: string | null;
  created_at: string;
}

export interface NtmCriterionTable {
  id: string;
  set_id: string;
  position: number;
  code: string;
  name: string;
}

export interface NtmResultTable {
  org_id: number;
  scope_path: string;
  unit_id: number;
  year: number;
  criterion_id: string;
  achieved: number;
  note: string | null;
  updated_at: string;
}

export interface CulturalUnitTable {
  id: string;
  org_id: number;
  scope_path: string;
  unit_id: number;
  year: number;
  kind: string;
  name: string;
  achieved: number;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface MassMobilisationModelTable {
  id: string;
  org_id: number;
  scope_path: string;
  unit_id: number;
  year: number;
  kind: string;
  title: string;
  holder: string;
  field: string | null;
  created_at: string;
  updated_at: string;
}

export interface YearlyWorkTables {
  rating_frameworks: RatingFrameworkTable;
  rating_framework_groups: RatingFrameworkGroupTable;
  rating_framework_items: RatingFrameworkItemTable;
  rating_framework_levels: RatingFrameworkLevelTable;
  rating_framework_triggers: RatingFrameworkTriggerTable;
  ratings: RatingTable;
  rating_steps: RatingStepTable;
  four_good_catalogues: FourGoodCatalogueTable;
  four_good_criteria: FourGoodCriterionTable;
  four_good_registrations: FourGoodRegistrationTable;
  household_model_registrations: HouseholdModelRegistrationTable;
  resolution_indicators: ResolutionIndicatorTable;
  ntm_criteria_sets: NtmCriteriaSetTable;
  ntm_criteria: NtmCriterionTable;
  ntm_results: NtmResultTable;
  cultural_units: CulturalUnitTable;
  mass_mobilisation_models: MassMobilisationModelTable;
}
