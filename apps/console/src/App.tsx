import { Button, Result, Spin } from 'antd';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Navigate, Route, Routes, useNavigate } from 'react-router';
import { apolloClient } from './apollo';
import { session } from './auth/session';
import { useSession } from './auth/useSession';
import { AppLayout } from './components/AppLayout';
import { RequireRole } from './components/RequireRole';
import LoginPage from './pages/LoginPage';
import { COMMITTEE, FIRM, homeOf } from './roles';

// Each page is its own chunk: the sign-in page loads none of them.
const CockpitPage = lazy(() => import('./pages/cockpit/CockpitPage'));
const FirmProfilePage = lazy(() => import('./pages/firm/FirmProfilePage'));
const ReportsPage = lazy(() => import('./pages/reports/ReportsPage'));
const ReportFormPage = lazy(() => import('./pages/reports/ReportFormPage'));
const BenefitsPage = lazy(() => import('./pages/benefits/BenefitsPage'));
const ServiceRequestsPage = lazy(() => import('./pages/service/ServiceRequestsPage'));
const AssignedRequestsPage = lazy(() => import('./pages/provider/AssignedRequestsPage'));

function Home() {
  const state = useSession();
  if (state.status === 'restoring') return null;
  if (state.status === 'signedOut') return <Navigate to="/login" replace />;
  return <Navigate to={homeOf(state.user.role)} replace />;
}

function ServiceDesk() {
  const state = useSession();
  if (state.status === 'signedIn' && state.user.role === 'SERVICE_PROVIDER')
    return <AssignedRequestsPage />;
  return <ServiceRequestsPage />;
}

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
                <RequireRole roles={FIRM}>
                  <ReportsPage />
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
                <RequireRole roles={['TENANT_ADMIN']}>
                  <BenefitsPage />
                </RequireRole>
              }
            />
            <Route
              path="/service-desk"
              element={
                <RequireRole roles={['TENANT_ADMIN', 'SERVICE_PROVIDER']}>
                  <ServiceDesk />
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
