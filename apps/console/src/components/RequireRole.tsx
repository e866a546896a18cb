import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../auth/useSession';
import type { Role } from '../gql/graphql';

/** A page only some roles may open; others are told so, and the signed out go to /login. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const state = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (state.status === 'restoring') return null;
  if (state.status === 'signedOut') {
    // Signing out on purpose starts afresh; an expired session comes back to where it was.
    if (state.reason === 'signedOut') return <Navigate to="/login" replace />;
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (!roles.includes(state.user.role))
    return <Result status="403" title="403" subTitle={t('forbidden')} />;
  return <>{children}</>;
}
