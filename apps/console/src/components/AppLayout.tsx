import { Button, Layout, Menu, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { session } from '../auth/session';
import { useSession } from '../auth/useSession';
import type { Role } from '../gql/graphql';
import { useLanguageToggle } from '../locale';
import { COMMITTEE, FIRM, SPACE } from '../roles';
import { NotificationBell } from './NotificationBell';

interface Item {
  path: string;
  label: string;
  roles: readonly Role[];
}

/** The menu follows the role (web-console.md, "Who sees what"). */
const ITEMS: Item[] = [
  { path: '/cockpit', label: 'menu.cockpit', roles: COMMITTEE },
  { path: '/tenants', label: 'menu.tenants', roles: COMMITTEE },
  { path: '/reports', label: 'menu.review', roles: ['ADMIN', 'ANALYST'] },
  { path: '/space', label: 'menu.space', roles: SPACE },
  { path: '/space/applications', label: 'menu.spaceApplications', roles: SPACE },
  { path: '/benefits', label: 'menu.policies', roles: ['ADMIN', 'POLICY_OFFICER'] },
  { path: '/service-desk', label: 'menu.desk', roles: ['ADMIN', 'SERVICE_DESK'] },
  { path: '/bills', label: 'menu.bills', roles: ['ADMIN', 'SPACE_MANAGER'] },
  { path: '/statistics/torch', label: 'menu.torch', roles: ['ADMIN', 'ANALYST'] },
  { path: '/targets', label: 'menu.targets', roles: ['ADMIN'] },
  { path: '/users', label: 'menu.users', roles: ['ADMIN'] },
  { path: '/audit', label: 'menu.audit', roles: ['ADMIN'] },
  { path: '/webhooks', label: 'menu.webhooks', roles: ['ADMIN'] },
  { path: '/firm', label: 'menu.firm', roles: FIRM },
  { path: '/reports', label: 'menu.reports', roles: FIRM },
  { path: '/annual-reports', label: 'menu.annualReports', roles: FIRM },
  { path: '/benefits', label: 'menu.benefits', roles: ['TENANT_ADMIN'] },
  { path: '/bills', label: 'menu.bills', roles: ['TENANT_ADMIN'] },
  { path: '/service-desk', label: 'menu.serviceRequests', roles: ['TENANT_ADMIN'] },
  { path: '/service-desk', label: 'menu.assigned', roles: ['SERVICE_PROVIDER'] },
];

export function menuFor(role: Role): Item[] {
  return ITEMS.filter((i) => i.roles.includes(role));
}

export function AppLayout() {
  const { t } = useTranslation();
  const state = useSession();
  const location = useLocation();
  const toggle = useLanguageToggle();
  if (state.status !== 'signedIn') return <Outlet />;
  const user = state.user;
  const items = menuFor(user.role);
  const selected = items
    .map((i) => i.path)
    .filter((p) => location.pathname === p || location.pathname.startsWith(`${p}/`))
    .sort((a, b) => b.length - a.length)[0];

  return (
    <Layout className="shell">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <Layout.Header className="shell-header">
        <Link to="/" className="shell-brand">
          {t('product')}
        </Link>
        <nav aria-label={t('menuLabel')} className="shell-nav">
          <Menu
            mode="horizontal"
            theme="dark"
            // Every item stays in the page and wraps on a narrow screen: the overflow menu hides
            // focusable links from assistive technology.
            disabledOverflow
            selectedKeys={selected ? [selected] : []}
            items={items.map((i) => ({
              key: i.path,
              label: <Link to={i.path}>{t(i.label)}</Link>,
            }))}
          />
        </nav>
        <Space className="shell-user" size="middle">
          <NotificationBell />
          <Typography.Text className="shell-user-name">
            {user.displayName}
            {user.tenant && !user.displayName.includes(user.tenant.name)
              ? ` · ${user.tenant.name}`
              : ''}{' '}
            · {t(`roles.${user.role}`)}
          </Typography.Text>
          <Link to="/account" className="shell-account">
            {t('menu.account')}
          </Link>
          <Button size="small" onClick={() => void toggle()} lang={t('language.toggleLang')}>
            {t('language.toggle')}
          </Button>
          <Button size="small" onClick={() => void session.signOut()}>
            {t('signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content id="main" className="shell-content" tabIndex={-1}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
