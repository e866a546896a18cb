import { Button, Result, Spin } from 'antd';
import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Navigate, Route, Routes, useNavigate } from 'react-router';
import { apolloClient } from './apollo';
import { session } from './auth/session';
import { useSession } from './auth/useSession';
import { AppLayout } from './components/AppLayout';
import { RequireRole } from './components/RequireRole';
import LoginPage from './pages/LoginPage';
import type { Role } from './gql/graphql';
import { ALL_ROLES, COMMITTEE, FIRM, homeOf, SPACE } from './roles';

// Each page is its own chunk: the sign-in page loads none of them.
const CockpitPage = lazy(() => import('./pages/cockpit/CockpitPage'));
const FirmProfilePage = lazy(() => import('./pages/firm/FirmProfilePage'));
const ReportsPage = lazy(() => import('./pages/reports/ReportsPage'));
const ReportFormPage = lazy(() => import('./pages/reports/ReportFormPage'));
const BenefitsPage = lazy(() => import('./pages/benefits/BenefitsPage'));
const ServiceRequestsPage = lazy(() => import('./pages/service/ServiceRequestsPage'));
const AssignedRequestsPage = lazy(() => import('./pages/provider/AssignedRequestsPage'));
const TenantsPage = lazy(() => import('./pages/tenants/TenantsPage'));
const TenantPage = lazy(() => import('./pages/tenants/TenantPage'));
const SpacePage = lazy(() => import('./pages/space/SpacePage'));
const SpaceApplicationsPage = lazy(() => import('./pages/space/SpaceApplicationsPage'));
const ReviewPage = lazy(() => import('./pages/review/ReviewPage'));
const PoliciesPage = lazy(() => import('./pages/policies/PoliciesPage'));
const DeskBoardPage = lazy(() => import('./pages/desk/DeskBoardPage'));
const TargetsPage = lazy(() => import('./pages/admin/TargetsPage'));
const UsersPage = lazy(() => import('./pages/admin/UsersPage'));
const AuditPage = lazy(() => import('./pages/admin/AuditPage'));
const AccountPage = lazy(() => import('./pages/account/AccountPage'));
const CommitteeBillsPage = lazy(() => import('./pages/bills/CommitteeBillsPage'));
const FirmBillsPage = lazy(() => import('./pages/bills/FirmBillsPage'));
const BillPage = lazy(() => import('./pages/bills/BillPage'));
const TorchStatisticsPage = lazy(() => import('./pages/statistics/TorchStatisticsPage'));
const AnnualReportsPage = lazy(() => import('./pages/annual/AnnualReportsPage'));
const AnnualReportFormPage = lazy(() => import('./pages/annual/AnnualReportFormPage'));
const NotificationsPage = lazy(() => import('./pages/notifications/NotificationsPage'));
const WebhooksPage = lazy(() => import('./pages/webhooks/WebhooksPage'));

function Home() {
  const state = useSession();
  if (state.status === 'restoring') return null;
  if (state.status === 'signedOut') return <Navigate to="/login" replace />;
  return <Navigate to={homeOf(state.user.role)} replace />;
}

/** One address, a page per role: a firm's own, or the committee's workspace. */
function ByRole({ pages }: { pages: Partial<Record<Role, ComponentType>> }) {
  const state = useSession();
  const Page = state.status === 'signedIn' ? pages[state.user.role] : undefined;
  return Page ? <Page /> : null;
}

const REPORTS = {
  TENANT_ADMIN: ReportsPage,
  TENANT_REPORTER: ReportsPage,
  ADMIN: ReviewPage,
  ANALYST: ReviewPage,
};
const BENEFITS = { TENANT_ADMIN: BenefitsPage, ADMIN: PoliciesPage, POLICY_OFFICER: PoliciesPage };
const SERVICE_DESK = {
  TENANT_ADMIN: ServiceRequestsPage,
  SERVICE_PROVIDER: AssignedRequestsPage,
  ADMIN: DeskBoardPage,
  SERVICE_DESK: DeskBoardPage,
};
const BILLS = {
  ADMIN: CommitteeBillsPage,
  SPACE_MANAGER: CommitteeBillsPage,
  TENANT_ADMIN: FirmBillsPage,
};
const ADMIN_ONLY: readonly Role[] = ['ADMIN'];
const TORCH: readonly Role[] = ['ADMIN', 'ANALYST'];
const rolesOf = (pages: object) => Object.keys(pages) as Role[];

function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('notFound.title')}
      extra={
        <Link to="/">
          <Button type="primary">{t('notFound.back')}</Button>
        </Link>
      }
    />
  );
}

/** A session that ends (signed out, or no longer able to refresh) returns to /login. */
function SessionWatcher() {
  const navigate = useNavigate();
  useEffect(
    () =>
      session.subscribe((state) => {
        if (state.status === 'signedOut') {
          void apolloClient.clearStore();
          if (state.reason && window.location.pathname !== '/login')
            navigate('/login', { replace: true });
        }
      }),
    [navigate],
  );
  return null;
}

export function App() {
  const state = useSession();
  const { t } = useTranslation();
  if (state.status === 'restoring') {
    return (
      <div className="page-loading" role="status">
        <Spin /> <span>{t('loading')}</span>
      </div>
    );
  }
  return (
    <BrowserRouter>
      <SessionWatcher />
      <Suspense
        fallback={
          <div className="page-loading" role="status">
            <Spin /> <span>{t('loading')}</span>
          </div>
        }
      >
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route element={<AppLayout />}>
            <Route path="/" element={<Home />} />
            <Route
              path="/cockpit"
              element={
                <RequireRole roles={COMMITTEE}>
                  <CockpitPage />
                </RequireRole>
              }
            />
            <Route
              path="/firm"
              element={
                <RequireRole roles={FIRM}>
                  <FirmProfilePage />
                </RequireRole>
              }
            />
            <Route
              path="/reports"
              element={
                <RequireRole roles={rolesOf(REPORTS)}>
                  <ByRole pages={REPORTS} />
                </RequireRole>
              }
            />
            <Route
              path="/reports/new"
              element={
                <RequireRole roles={FIRM}>
                  <ReportFormPage />
                </RequireRole>
              }
            />
            <Route
              path="/benefits"
              element={
                <RequireRole roles={rolesOf(BENEFITS)}>
                  <ByRole pages={BENEFITS} />
                </RequireRole>
              }
            />
            <Route
              path="/service-desk"
              element={
                <RequireRole roles={rolesOf(SERVICE_DESK)}>
                  <ByRole pages={SERVICE_DESK} />
                </RequireRole>
              }
            />
            <Route
              path="/tenants"
              element={
                <RequireRole roles={COMMITTEE}>
                  <TenantsPage />
                </RequireRole>
              }
            />
            <Route
              path="/tenants/:id"
              element={
                <RequireRole roles={COMMITTEE}>
                  <TenantPage />
                </RequireRole>
              }
            />
            <Route
              path="/space"
              element={
                <RequireRole roles={SPACE}>
                  <SpacePage />
                </RequireRole>
              }
            />
            <Route
              path="/space/applications"
              element={
                <RequireRole roles={SPACE}>
                  <SpaceApplicationsPage />
                </RequireRole>
              }
            />
            <Route
              path="/bills"
              element={
                <RequireRole roles={rolesOf(BILLS)}>
                  <ByRole pages={BILLS} />
                </RequireRole>
              }
            />
            <Route
              path="/bills/:id"
              element={
                <RequireRole roles={rolesOf(BILLS)}>
                  <BillPage />
                </RequireRole>
              }
            />
            <Route
              path="/statistics/torch"
              element={
                <RequireRole roles={TORCH}>
                  <TorchStatisticsPage />
                </RequireRole>
              }
            />
            <Route
              path="/annual-reports"
              element={
                <RequireRole roles={FIRM}>
                  <AnnualReportsPage />
                </RequireRole>
              }
            />
            <Route
              path="/annual-reports/new"
              element={
                <RequireRole roles={FIRM}>
                  <AnnualReportFormPage />
                </RequireRole>
              }
            />
            <Route
              path="/targets"
              element={
                <RequireRole roles={ADMIN_ONLY}>
                  <TargetsPage />
                </RequireRole>
              }
            />
            <Route
              path="/users"
              element={
                <RequireRole roles={ADMIN_ONLY}>
                  <UsersPage />
                </RequireRole>
              }
            />
            <Route
              path="/audit"
              element={
                <RequireRole roles={ADMIN_ONLY}>
                  <AuditPage />
                </RequireRole>
              }
            />
            <Route
              path="/webhooks"
              element={
                <RequireRole roles={ADMIN_ONLY}>
                  <WebhooksPage />
                </RequireRole>
              }
            />
            <Route
              path="/notifications"
              element={
                <RequireRole roles={ALL_ROLES}>
                  <NotificationsPage />
                </RequireRole>
              }
            />
            <Route
              path="/account"
              element={
                <RequireRole roles={ALL_ROLES}>
                  <AccountPage />
                </RequireRole>
              }
            />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
