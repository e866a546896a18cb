import { useQuery } from '@apollo/client/react';
import { Alert, Button, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useUser } from '../../auth/useSession';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { PoliciesPolicyFieldsFragment } from '../../gql/graphql';
import { mayManagePolicies, mostGrantedToOneTenant } from '../../lib/policies';
import { ApplicationsQueue } from './ApplicationsQueue';
import { APPLICATIONS, POLICIES } from './operations';
import { PolicyFormModal } from './PolicyFormModal';
import { PolicyTable } from './PolicyTable';

type Policy = PoliciesPolicyFieldsFragment;
type Tab = 'policies' | 'applications';

/**
 * The committee's policies (政策兑现), at /benefits for ADMIN and POLICY_OFFICER: the policies
 * with their budgets, and the applications to decide and disburse. `?tab=applications` opens the
 * queue.
 */
export default function PoliciesPage() {
  const { t } = useTranslation('policies');
  const user = useUser();
  const mayWrite = mayManagePolicies(user.role);
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'applications' ? 'applications' : 'policies';
  const [editing, setEditing] = useState<Policy | null>(null);
  const [creating, setCreating] = useState(false);

  const policies = useQuery(POLICIES);
  const applications = useQuery(APPLICATIONS);
  const policyList = useMemo(() => policies.data?.policies ?? [], [policies.data]);
  const applicationList = useMemo(
    () => applications.data?.benefitApplications ?? [],
    [applications.data],
  );

  const policiesPane = (
    <section aria-labelledby="policies-title">
      <div className="pol-toolbar">
        <h2 id="policies-title">{t('list.heading')}</h2>
        {mayWrite && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('list.create')}
          </Button>
        )}
      </div>
      {policies.error && !policies.data ? (
        <ErrorNotice error={policies.error} onRetry={() => void policies.refetch()} />
      ) : (
        <PolicyTable
          policies={policyList}
          loading={policies.loading && !policies.data}
          onEdit={mayWrite ? setEditing : null}
        />
      )}
    </section>
  );

  const applicationsPane =
    applications.error && !applications.data ? (
      <ErrorNotice error={applications.error} onRetry={() => void applications.refetch()} />
    ) : (
      <ApplicationsQueue applications={applicationList} policies={policyList} mayWrite={mayWrite} />
    );

  const submitted = applicationList.filter((a) => a.status === 'SUBMITTED').length;

  return (
    <div className="pol-page">
      <Typography.Title level={1}>{t('title')}</Typography.Title>
      <p className="pol-intro">{t('intro')}</p>
      {!mayWrite && (
        <Alert type="info" showIcon title={t('readOnly')} style={{ marginBottom: 12 }} />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => {
          const next = new URLSearchParams(params);
          if (key === 'applications') next.set('tab', 'applications');
          else next.delete('tab');
          setParams(next, { replace: true });
        }}
        items={[
          { key: 'policies', label: t('tabs.policies'), children: policiesPane },
          {
            key: 'applications',
            label: submitted ? `${t('tabs.applications')}（${submitted}）` : t('tabs.applications'),
            children: applicationsPane,
          },
        ]}
      />
      {mayWrite && (
        <PolicyFormModal
          open={creating || !!editing}
          policy={editing}
          mostToOneFirm={editing ? mostGrantedToOneTenant(applicationList, editing.id) : '0'}
          onClose={() => {
            setCreating(false);
            setEditing(null);
          }}
        />
      )}
    </div>
  );
}
