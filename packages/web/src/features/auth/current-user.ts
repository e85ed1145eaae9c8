import { createContext, useContext } from 'react';
import type { SessionUser } from '@caunoi/domain';

export const CurrentUserContext = createContext<SessionUser | null>(null);

/** The signed-in account; only pages behind RequireAuth call it. */
export function useCurrentUser(): SessionUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser outside RequireAuth');
  return user;
}
