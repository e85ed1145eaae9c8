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
const CoveragePage = lazy(() => import('../features/assignments/CoveragePage'));
const ProposalFormPage = lazy(() => import('../features/assignments/ProposalFormPage'));
const ProposalPage = lazy(() => import('../features/assignments/ProposalPage'));
const NewHouseholdPage = lazy(() => import('../features/households/NewHouseholdPage'));
const PopulationChangesPage = lazy(() => import('../features/households/PopulationChangesPage'));
const PetitionsPage = lazy(() => import('../features/petitions/PetitionsPage'));
const PetitionPage = lazy(() => import('../features/petitions/PetitionPage'));
const PetitionFiguresPage = lazy(() => import('../features/petitions/PetitionFiguresPage'));
const MeetingsPage = lazy(() => import('../features/meetings/MeetingsPage'));
const MeetingPage = lazy(() => import('../features/meetings/MeetingPage'));
const MeetingFormPage = lazy(() => import('../features/meetings/MeetingFormPage'));
const OversightPage = lazy(() => import('../features/oversight/OversightPage'));
const AwardsPage = lazy(() => import('../features/awards/AwardsPage'));
const MassOrgsPage = lazy(() => import('../features/mass-orgs/MassOrgsPage'));
const MemberReportPage = lazy(() => import('../features/monthly/MemberReportPage'));
const CellReportPage = lazy(() => import('../features/monthly/CellReportPage'));
const CellReportPrintPage = lazy(() => import('../features/monthly/CellReportPrintPage'));
const MonthlyReviewPage = lazy(() => import('../features/monthly/ReviewPage'));
const SupervisionPage = lazy(() => import('../features/monthly/SupervisionPage'));
const RatingsPage = lazy(() => import('../features/ratings/RatingsPage'));
const TargetsPage = lazy(() => import('../features/yearly/TargetsPage'));
const FourGoodPage = lazy(() => import('../features/yearly/FourGoodPage'));
const WorklistPage = lazy(() => import('../features/worklist/WorklistPage'));
const VisitCoveragePage = lazy(() => import('../features/visits/VisitCoveragePage'));
const HelpOutcomesPage = lazy(() => import('../features/help-plans/HelpOutcomesPage'));
const PovertyReviewPage = lazy(() => import('../features/poverty/PovertyReviewPage'));
const ImportPage = lazy(() => import('../features/import/ImportPage'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
const ModelReportPage = lazy(() => import('../features/reports/ModelReportPage'));
const DashboardReportPage = lazy(() => import('../features/reports/DashboardReportPage'));
const FigureReportPage = lazy(() => import('../features/reports/FigureReportPage'));
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
          { path: 'households/new', element: <NewHouseholdPage /> },
          { path: 'households/:id', element: <HouseholdPage /> },
          { path: 'coverage', element: <CoveragePage /> },
          { path: 'assignments/proposals/new', element: <ProposalFormPage /> },
          { path: 'assignments/proposals/:id', element: <ProposalPage /> },
          { path: 'household-changes', element: <PopulationChangesPage /> },
          { path: 'petitions', element: <PetitionsPage /> },
          { path: 'petitions/figures', element: <PetitionFiguresPage /> },
          { path: 'petitions/:id', element: <PetitionPage /> },
          { path: 'meetings', element: <MeetingsPage /> },
          { path: 'meetings/new', element: <MeetingFormPage /> },
          { path: 'meetings/:id', element: <MeetingPage /> },
          { path: 'meetings/:id/edit', element: <MeetingFormPage /> },
          { path: 'oversight', element: <OversightPage /> },
          { path: 'awards', element: <AwardsPage /> },
          { path: 'mass-organisations', element: <MassOrgsPage /> },
          { path: 'monthly-report', element: <MemberReportPage /> },
          { path: 'cell-report', element: <CellReportPage /> },
          { path: 'cell-report/print', element: <CellReportPrintPage /> },
          { path: 'monthly-review', element: <MonthlyReviewPage /> },
          { path: 'supervision', element: <SupervisionPage /> },
          { path: 'ratings', element: <RatingsPage /> },
          { path: 'targets', element: <TargetsPage /> },
          { path: 'four-good', element: <FourGoodPage /> },
          { path: 'worklist', element: <WorklistPage /> },
          { path: 'visits', element: <VisitCoveragePage /> },
          { path: 'help-plans', element: <HelpOutcomesPage /> },
          { path: 'poverty/review', element: <PovertyReviewPage /> },
          { path: 'import', element: <ImportPage /> },
          { path: 'dashboard', element: <DashboardPage /> },
          { path: 'reports/model', element: <ModelReportPage /> },
          { path: 'reports/dashboard', element: <DashboardReportPage /> },
          { path: 'reports/figures/:kind', element: <FigureReportPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
