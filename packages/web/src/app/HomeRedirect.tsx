import { Navigate } from 'react-router';
import { LoadingState } from '../components/LoadingState';
import { useCurrentUser } from '../features/auth/current-user';
import { useOverseerView } from '../features/oversight/queries';
import { homePath } from './nav-items';

/**
 * Members land on their worklist; a committee member who follows units
 * (cấp ủy viên phụ trách) on those units; everyone else on their scope
 * unit's overview.
 */
export function HomeRedirect() {
  const user = useCurrentUser();
  const overseer = user.role === 'commune_leader' || user.role === 'committee_staff' ? user.memberId : null;
  const view = useOverseerView(overseer);
  if (overseer !== null && view.isPending) return <LoadingState />;
  const oversees = (view.data?.units.length ?? 0) > 0;
  return <Navigate to={oversees ? '/oversight' : homePath(user)} replace />;
}
