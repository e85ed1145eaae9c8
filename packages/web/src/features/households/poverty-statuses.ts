import { povertyStatus, type PovertyStatus } from '@caunoi/domain';

/** In the order of the official lists: poor, near-poor, average living standard, not classified. */
export const povertyStatuses: readonly PovertyStatus[] = povertyStatus.options;

export function isPovertyStatus(value: string | null): value is PovertyStatus {
  return value !== null && (povertyStatuses as readonly string[]).includes(value);
}
