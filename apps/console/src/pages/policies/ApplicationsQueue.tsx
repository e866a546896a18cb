import { useMutation } from '@apollo/client/react';
import { App, Button, Empty, Pagination, Popconfirm } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { explain } from '../../components/ErrorNotice';
import type {
  BenefitStatus,
  PoliciesApplicationsQuery,
  PoliciesPolicyFieldsFragment,
} from '../../gql/graphql';
import { reliefLeft, showsRelieved } from '../../lib/benefits';
import { todayInShanghai } from '../../lib/dates';
import { formatYuan } from '../../lib/numbers';
import {
  filterQueue,
  grantedToTenant,
  mayDecide,
  mayDisburse,
  QUEUE_ORDER,
  sortQueue,
} from '../../lib/policies';
import { DecisionModal } from './DecisionModal';
import { EligibilityFacts } from './EligibilityFacts';
import { DISBURSE, POLICIES } from './operations';
import { BenefitStatusTag, Money, NativeSelect, When } from './parts';
import { attemptContext } from '../../lib/idempotency';

type Application = PoliciesApplicationsQuery['benefitApplications'][number];
type Policy = PoliciesPolicyFieldsFragment;

const PAGE_SIZE = 10;

function DisburseButton({ application }: { application: Application }) {
  const { t } = useTranslation('policies');
  const { message } = App.useApp();
  const [disburse, { loading }] = useMutation(DISBURSE, {
    refetchQueries: [{ query: POLICIES }],
  });
  const onConfirm = async () => {
    try {
      await disburse({ variables: { id: application.id }, context: attemptContext() });
      void message.success(t('queue.disbursed'));
    } catch (err) {
      const e = explain(err);
      void message.error(e.message ?? t(`errors.${e.code}`, { ns: 'common' }));
    }
  };
  return (
    <Popconfirm
      title={t('queue.disburseConfirm', {
        amount: formatYuan(application.grantedAmount ?? '0'),
        firm: application.tenant.name,
      })}
      okText={t('queue.disburseOk')}
      cancelText={t('cancel', { ns: 'common' })}
      onConfirm={onConfirm}
    >
      <Button loading={loading}>{t('queue.disburse')}</Button>
    </Popconfirm>
  );
}

/**
 * The benefit applications, SUBMITTED first, filtered by status and policy: each with its firm,
 * amounts, justification and the firm's facts against the policy's rule; decide what is
 * submitted, mark disbursed what is approved.
 */
export function ApplicationsQueue({
  applications,
  policies,
  mayWrite,
}: {
  applications: readonly Application[];
  policies: readonly Policy[];
  mayWrite: boolean;
}) {
  const { t } = useTranslation('policies');
  const [status, setStatus] = useState<BenefitStatus | ''>('');
  const [policyId, setPolicyId] = useState('');
  const [page, setPage] = useState(1);
  const [deciding, setDeciding] = useState<Application | null>(null);
  const today = todayInShanghai();
  const policyById = useMemo(() => new Map(policies.map((p) => [p.id, p])), [policies]);

  const shown = useMemo(
    () => sortQueue(filterQueue(applications, { status, policyId })),
    [applications, status, policyId],
  );
  const submitted = shown.filter((a) => a.status === 'SUBMITTED').length;
  const pageItems = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title">{t('queue.heading')}</h2>
      <div className="pol-toolbar">
        <div className="pol-filters">
          <div>
            <label htmlFor="status">{t('queue.status')}</label>
            <NativeSelect
              id="status"
              name="status"
              value={status}
              onChange={(e) => {
                setStatus(e.target.value as BenefitStatus | '');
                setPage(1);
              }}
              placeholder={t('queue.allStatuses')}
              placeholderSelectable
              options={QUEUE_ORDER.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            />
          </div>
          <div>
            <label htmlFor="policyId">{t('queue.policyId')}</label>
            <NativeSelect
              id="policyId"
              name="policyId"
              value={policyId}
              onChange={(e) => {
                setPolicyId(e.target.value);
                setPage(1);
              }}
              placeholder={t('queue.allPolicies')}
              placeholderSelectable
              options={policies.map((p) => ({ value: p.id, label: `${p.title}（${p.code}）` }))}
            />
          </div>
        </div>
        <p className="pol-muted" role="status">
          {t('queue.count', { count: shown.length, submitted })}
        </p>
      </div>

      {shown.length === 0 ? (
        <Empty description={t('queue.empty')} />
      ) : (
        <ol className="pol-queue">
          {pageItems.map((a) => {
            const policy = policyById.get(a.policy.id);
            return (
              <li
                key={a.id}
                className="pol-card"
                data-application={a.id}
                data-status={a.status}
                data-policy={a.policy.code}
              >
                <div>
                  <div className="pol-card-head">
                    <h3>{a.tenant.name}</h3>
                    <BenefitStatusTag status={a.status} />
                  </div>
                  <dl className="pol-fields">
                    <dt>{t('queue.policy')}</dt>
                    <dd>
                      {a.policy.title} <span className="pol-muted">{a.policy.code}</span>
                    </dd>
                    <dt>{t('queue.requestedAmount')}</dt>
                    <dd>
                      <Money value={a.requestedAmount} field="requestedAmount" />
                    </dd>
                    {a.grantedAmount && (
                      <>
                        <dt>{t('queue.grantedAmount')}</dt>
                        <dd>
                          <Money value={a.grantedAmount} field="grantedAmount" />
                        </dd>
                      </>
                    )}
                    {showsRelieved({
                      status: a.status,
                      policy: { rentRelief: policy?.rentRelief },
                    }) && (
                      <>
                        <dt>{t('queue.relieved')}</dt>
                        <dd>
                          <Money value={a.relieved} field="relieved" />{' '}
                          <span className="pol-muted">
                            {t('queue.relievedLeft', {
                              left: formatYuan(reliefLeft(a.grantedAmount, a.relieved)),
                            })}
                          </span>
                        </dd>
                      </>
                    )}
                    <dt>{t('queue.justification')}</dt>
                    <dd className="pol-justification">{a.justification}</dd>
                    {a.note && (
                      <>
                        <dt>{t('queue.note')}</dt>
                        <dd className="pol-justification" data-field="note">
                          {a.note}
                        </dd>
                      </>
                    )}
                    <dt>{t('queue.submittedAt')}</dt>
                    <dd>
                      <When at={a.submittedAt} />
                    </dd>
                    {a.decidedAt && (
                      <>
                        <dt>{t('queue.decidedAt')}</dt>
                        <dd>
                          <When at={a.decidedAt} />
                        </dd>
                      </>
                    )}
                    {a.disbursedAt && (
                      <>
                        <dt>{t('queue.disbursedAt')}</dt>
                        <dd>
                          <When at={a.disbursedAt} />
                        </dd>
                      </>
                    )}
                    {a.withdrawnAt && (
                      <>
                        <dt>{t('queue.withdrawnAt')}</dt>
                        <dd>
                          <When at={a.withdrawnAt} />
                        </dd>
                      </>
                    )}
                  </dl>
                  {mayWrite && (mayDecide(a.status) || mayDisburse(a.status)) && (
                    <div className="pol-actions">
                      {mayDecide(a.status) && (
                        <Button
                          type="primary"
                          onClick={() => setDeciding(a)}
                          aria-label={t('queue.decideLabel', { firm: a.tenant.name })}
                        >
                          {t('queue.decide')}
                        </Button>
                      )}
                      {mayDisburse(a.status) && <DisburseButton application={a} />}
                    </div>
                  )}
                </div>
                <EligibilityFacts
                  tenant={a.tenant}
                  rule={policy?.eligibility ?? null}
                  asOf={today}
                />
              </li>
            );
          })}
        </ol>
      )}
      {shown.length > PAGE_SIZE && (
        <Pagination
          style={{ marginTop: 12 }}
          current={page}
          pageSize={PAGE_SIZE}
          total={shown.length}
          onChange={setPage}
          showSizeChanger={false}
        />
      )}

      <DecisionModal
        application={deciding}
        policy={deciding ? policyById.get(deciding.policy.id) : undefined}
        tenantGranted={
          deciding ? grantedToTenant(applications, deciding.policy.id, deciding.tenant.id) : '0'
        }
        onClose={() => setDeciding(null)}
      />
    </section>
  );
}
