import type { Kysely } from 'kysely';
import type {
  HouseholdPrivacy,
  LegalBasis,
  ProcessingActivity,
  ProcessingPurpose,
  Role,
  UpdateHouseholdPrivacyInput,
} from '@caunoi/domain';
import { requirePermission, type Actor } from '../auth/actor.js';
import { diff, recordAudit } from '../audit/audit.repository.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../db/sql-helpers.js';
import { AppError } from '../errors/app-error.js';
import { loadHouseholdInScope } from '../households/households.service.js';
import {
  findHouseholdPrivacy,
  insertHouseholdPrivacy,
  listProcessingActivities,
  updateHouseholdPrivacy,
} from './privacy.repository.js';

type PrivacyRow = NonNullable<Awaited<ReturnType<typeof findHouseholdPrivacy>>>;

function toPrivacy(householdId: string, r: PrivacyRow | undefined): HouseholdPrivacy {
  if (!r) {
    return {
      householdId,
      legalBasis: null,
      consent: null,
      note: null,
      anonymisedAt: null,
      version: 0,
      updatedAt: null,
    };
  }
  return {
    householdId,
    legalBasis: r.legal_basis as LegalBasis | null,
    consent:
      r.consent_given_by && r.consent_given_on
        ? {
            givenBy: r.consent_given_by,
            givenOn: r.consent_given_on,
            purposes: JSON.parse(r.consent_purposes ?? '[]') as ProcessingPurpose[],
            withdrawnOn: r.consent_withdrawn_on,
          }
        : null,
    note: r.note,
    anonymisedAt: r.anonymised_at,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

/** Version 0 means "nothing recorded yet" (the household's basis was never set). */
export async function getHouseholdPrivacy(
  db: Kysely<DB>,
  actor: Actor,
  householdId: string,
): Promise<HouseholdPrivacy> {
  await loadHouseholdInScope(db, actor, householdId);
  return toPrivacy(householdId, await findHouseholdPrivacy(db, householdId));
}

/**
 * Sets the legal basis and, for consent, who gave it, when and for what.
 * Withdrawal is a date on the record, so the history of consent stays in the
 * audit log; the version guards against two people editing at once.
 */
export async function saveHouseholdPrivacy(
  db: Kysely<DB>,
  actor: Actor,
  householdId: string,
  input: UpdateHouseholdPrivacyInput,
): Promise<HouseholdPrivacy> {
  requirePermission(actor, 'privacy.write');
  const household = await loadHouseholdInScope(db, actor, householdId);
  const now = nowIso();
  const values = {
    legal_basis: input.legalBasis,
    consent_given_by: input.consent?.givenBy ?? null,
    consent_given_on: input.consent?.givenOn ?? null,
    consent_purposes: input.consent ? JSON.stringify(input.consent.purposes) : null,
    consent_withdrawn_on: input.consent?.withdrawnOn ?? null,
    ...(input.note === undefined ? {} : { note: input.note }),
    updated_by: actor.userId,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    const before = await findHouseholdPrivacy(trx, householdId);
    if ((before?.version ?? 0) !== input.version) throw new AppError('VERSION_CONFLICT');
    if (before) {
      if (!(await updateHouseholdPrivacy(trx, householdId, input.version, values))) {
        throw new AppError('VERSION_CONFLICT');
      }
    } else {
      await insertHouseholdPrivacy(trx, {
        household_id: householdId,
        org_id: household.org_id,
        scope_path: household.scope_path,
        note: null,
        anonymised_at: null,
        created_at: now,
        ...values,
      });
    }
    const { updated_at: _u, updated_by: _b, ...recorded } = values;
    await recordAudit(trx, actor, {
      action: before ? 'update' : 'create',
      entity: 'household_privacy',
      entityId: householdId,
      orgId: household.org_id,
      // Who consented is personal data: the audit row keeps it, as it keeps every change.
      changes: before ? diff(before as unknown as Record<string, unknown>, recorded) : recorded,
    });
  });
  return toPrivacy(householdId, await findHouseholdPrivacy(db, householdId));
}

/** The register of processing activities: the same for everyone, readable by every account. */
export async function getProcessingRegister(db: Kysely<DB>): Promise<ProcessingActivity[]> {
  return (await listProcessingActivities(db)).map((r) => ({
    code: r.code,
    name: r.name,
    dataCategories: r.data_categories,
    sensitive: r.sensitive === 1,
    purpose: r.purpose,
    legalBasis: r.legal_basis as LegalBasis,
    roles: JSON.parse(r.roles) as Role[],
    retention: r.retention,
    retentionYears: r.retention_years,
    position: r.position,
  }));
}
