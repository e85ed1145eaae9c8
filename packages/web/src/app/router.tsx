import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './AppLayout';
import { HomeRedirect } from './HomeRedirect';
import { RequireAuth } from './RequireAuth';

// Pages load when first opened; the login page stays small for a slow phone connection.
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const UnitTreePage = lazy(() => import('../features/units/UnitTreePage'));
const UnitPage = lazy(() => import('../features/units/UnitPage'));
const MembersPage = lazy(() => import('../features/members/MembersPage'));
const MemberPage = lazy(() => import('../features/members/MemberPage'));
const HouseholdsPage = lazy(() => import('../features/households/HouseholdsPage'));
const HouseholdPage = lazy(() => import('../features/households/HouseholdPage'));
const NotFoundPage = lazy(() => import('./NotFoundPage'));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRedirect /> },
          { path: 'units', element: <UnitTreePage /> },
          { path: 'units/:id', element: <UnitPage /> },
          { path: 'members', element: <MembersPage /> },
          { path: 'members/:id', element: <MemberPage /> },
          { path: 'households', element: <HouseholdsPage /> },
          { path: 'households/:id', element: <HouseholdPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
