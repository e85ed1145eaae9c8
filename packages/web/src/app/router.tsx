import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
// Not lazy: it must show when a page's code cannot be fetched (offline).
import { RouteErrorPage } from './RouteErrorPage';
import { RequireAuth } from './RequireAuth';

// Pages load when first opened; the login page stays small for a slow phone connection.
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
// The signed-in shell (menu, drawer, bell, icons) is a chunk of its own: the login page never waits for it.
const AppLayout = lazy(() => import('./AppLayout').then((m) => ({ default: m.AppLayout })));
const HomeRedirect = lazy(() => import('./HomeRedirect').then((m) => ({ default: m.HomeRedirect })));
const UnitTreePage = lazy(() => import('../features/units/UnitTreePage'));
const UnitPage = lazy(() => import('../features/units/UnitPage'));
const MembersPage = lazy(() => import('../features/members/MembersPage'));
const MemberPage = lazy(() => import('../features/members/MemberPage'));
const MemberLifecyclePage = lazy(() => import('../features/members/MemberLifecyclePage'));
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
const OutboxPage = lazy(() => import('../offline/OutboxPage'));
const VisitCoveragePage = lazy(() => import('../features/visits/VisitCoveragePage'));
const HelpOutcomesPage = lazy(() => import('../features/help-plans/HelpOutcomesPage'));
const PovertyReviewPage = lazy(() => import('../features/poverty/PovertyReviewPage'));
const ImportPage = lazy(() => import('../features/import/ImportPage'));
const AccountPage = lazy(() => import('../features/accounts/AccountPage'));
const AccountsPage = lazy(() => import('../features/accounts/AccountsPage'));
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage'));
const ModelReportPage = lazy(() => import('../features/reports/ModelReportPage'));
const DashboardReportPage = lazy(() => import('../features/reports/DashboardReportPage'));
const FigureReportPage = lazy(() => import('../features/reports/FigureReportPage'));
const SubjectRequestsPage = lazy(() => import('../features/privacy/SubjectRequestsPage'));
const BreachesPage = lazy(() => import('../features/privacy/BreachesPage'));
const ProcessingRegisterPage = lazy(() => import('../features/privacy/ProcessingRegisterPage'));
const RestructurePage = lazy(() => import('../features/restructure/RestructurePage'));
const NotFoundPage = lazy(() => import('./NotFoundPage'));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
  {
    element: <RequireAuth />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <AppLayout />,
        children: [
          {
            // A page that fails shows the error inside the app's frame, menu still there.
            errorElement: <RouteErrorPage />,
            children: [
              { index: true, element: <HomeRedirect /> },
              { path: 'units', element: <UnitTreePage /> },
              { path: 'units/:id', element: <UnitPage /> },
              { path: 'members', element: <MembersPage /> },
              { path: 'members/:id', element: <MemberPage /> },
              { path: 'members/:id/transfer', element: <MemberLifecyclePage mode="transfer" /> },
              { path: 'members/:id/leave', element: <MemberLifecyclePage mode="leave" /> },
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
              { path: 'outbox', element: <OutboxPage /> },
              { path: 'visits', element: <VisitCoveragePage /> },
              { path: 'help-plans', element: <HelpOutcomesPage /> },
              { path: 'poverty/review', element: <PovertyReviewPage /> },
              { path: 'import', element: <ImportPage /> },
              { path: 'account', element: <AccountPage /> },
              { path: 'accounts', element: <AccountsPage /> },
              { path: 'dashboard', element: <DashboardPage /> },
              { path: 'reports/model', element: <ModelReportPage /> },
              { path: 'reports/dashboard', element: <DashboardReportPage /> },
              { path: 'reports/figures/:kind', element: <FigureReportPage /> },
              { path: 'privacy/requests', element: <SubjectRequestsPage /> },
              { path: 'privacy/breaches', element: <BreachesPage /> },
              { path: 'privacy/register', element: <ProcessingRegisterPage /> },
              { path: 'restructure', element: <RestructurePage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
