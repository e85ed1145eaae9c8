import { Navigate } from 'react-router';
import { useCurrentUser } from '../features/auth/current-user';
import { homePath } from './nav-items';

/** Members land on their worklist; everyone else on their scope unit's overview. */
export function HomeRedirect() {
  return <Navigate to={homePath(useCurrentUser())} replace />;
}
