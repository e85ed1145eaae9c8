import { can, type Permission, type Role } from '@caunoi/domain';
import { AppError } from '../errors/app-error.js';

/**
 * Who is asking. Every service function takes one; scope checks read it and
 * never trust the client for it.
 */
export interface Actor {
  userId: string;
  role: Role;
  scopeUnitId: number;
  /** Path of the scope unit, e.g. `/1/2/`: everything under it is in scope. */
  scopePath: string;
  /** Set for accounts linked to a party member. */
  memberId: string | null;
  ip: string | null;
}

/** The seed and the CLI act as the system: full scope, recorded as such in the audit log. */
export function systemActor(rootPath = '/'): Actor {
  return { userId: 'system', role: 'admin', scopeUnitId: 0, scopePath: rootPath, memberId: null, ip: null };
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new AppError('FORBIDDEN');
}

/** True when the unit at `path` lies in the actor's subtree. */
export function inScope(actor: Actor, path: string): boolean {
  return path.startsWith(actor.scopePath);
}

/** Members reach only the households assigned to them; the other roles reach their subtree. */
export function isMemberOnly(actor: Actor): boolean {
  return actor.role === 'member';
}
