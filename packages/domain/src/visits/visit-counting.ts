import { z } from 'zod';

/*
 * Which kinds of contact count as the required visit. The model's rule is
 * that the member goes to the household: for poor and near-poor households a
 * commune decides which kinds count (default: only a visit at home); for
 * every other household any contact counts. Pure.
 */

export const contactKinds = ['home_visit', 'phone_call', 'meeting', 'community_activity'] as const;
export type ContactKind = (typeof contactKinds)[number];

/** Only a visit at home counts for poor and near-poor households unless the commune decides otherwise. */
export const defaultPoorVisitKinds: readonly ContactKind[] = ['home_visit'];

/** A commune's choice: at least one kind, each once, a visit at home always among them. */
export const poorVisitKindsSchema = z
  .array(z.enum(contactKinds))
  .min(1)
  .max(contactKinds.length)
  .refine((kinds) => new Set(kinds).size === kinds.length, 'each kind once')
  .refine((kinds) => kinds.includes('home_visit'), 'a visit at home always counts');

/** True for the households held to the commune's kinds: poor and near-poor. */
export function isHeldToHomeVisits(povertyStatus: string): boolean {
  return povertyStatus === 'poor' || povertyStatus === 'near_poor';
}

/** The kinds of contact that count as a visit to this household. */
export function countingVisitKinds(
  povertyStatus: string,
  poorVisitKinds: readonly ContactKind[] = defaultPoorVisitKinds,
): ContactKind[] {
  return isHeldToHomeVisits(povertyStatus)
    ? contactKinds.filter((k) => poorVisitKinds.includes(k))
    : [...contactKinds];
}

/** The household's last visit that counts, from the last date of each kind of contact. */
export function lastCountingVisit(
  povertyStatus: string,
  lastByKind: Partial<Record<ContactKind, string | null>>,
  poorVisitKinds: readonly ContactKind[] = defaultPoorVisitKinds,
): string | null {
  let last: string | null = null;
  for (const kind of countingVisitKinds(povertyStatus, poorVisitKinds)) {
    const date = lastByKind[kind] ?? null;
    if (date !== null && (last === null || date > last)) last = date;
  }
  return last;
}
