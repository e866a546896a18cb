import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Form, Input, Modal, Popconfirm, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../auth/useSession';
import { ErrorNotice, explain } from '../../components/ErrorNotice';
import { graphql } from '../../gql';
import type { BenefitsApplicationsQuery, BenefitsEligiblePoliciesQuery } from '../../gql/graphql';
import { problemsByField } from '../../lib/api-errors';
import {
  amountInput,
  amountProblem,
  applyBlock,
  BENEFIT_TONES,
  capLeft,
  grantedToFirm,
  mayWithdraw,
  reliefLeft,
  showsRelieved,
} from '../../lib/benefits';
import { todayInShanghai } from '../../lib/dates';
import { formatYuan } from '../../lib/numbers';
import { reliefText } from '../policies/relief';
import { StatusTag, When, Yuan } from '../service/parts';
import { attemptContext } from '../../lib/idempotency';

const ELIGIBLE = graphql(`
  query BenefitsEligiblePolicies($tenantId: ID!, $asOf: Date) {
    eligiblePolicies(tenantId: $tenantId, asOf: $asOf) {
      id
      code
      title
      kind
      basis
      budget
      granted
      remaining
      maxAmountPerTenant
      validFrom
      validTo
      rentRelief {
        ...BenefitsRentRelief
      }
    }
  }

  fragment BenefitsRentRelief on RentRelief {
    steps {
      fromMonth
      toMonth
      share
    }
    maxRatePerSqm
    maxArea
  }
`);

const APPLICATIONS = graphql(`
  query BenefitsApplications($tenantId: ID) {
    benefitApplications(tenantId: $tenantId) {
      id
      status
      requestedAmount
      grantedAmount
      relieved
      justification
      note
      submittedAt
      decidedAt
      disbursedAt
      withdrawnAt
      policy {
        id
        code
        title
        rentRelief {
          ...BenefitsRentRelief
        }
      }
    }
  }
`);

const APPLY = graphql(`
  mutation BenefitsApply($input: ApplyForBenefitInput!) {
    applyForBenefit(input: $input) {
      id
      status
      requestedAmount
      submittedAt
    }
  }
`);

const WITHDRAW = graphql(`
  mutation BenefitsWithdraw($id: ID!) {
    withdrawBenefitApplication(id: $id) {
      id
      status
      withdrawnAt
    }
  }
`);

type Policy = BenefitsEligiblePoliciesQuery['eligiblePolicies'][number];
type Application = BenefitsApplicationsQuery['benefitApplications'][number];

interface ApplyValues {
  requestedAmount: string;
  justification: string;
}

const APPLY_FIELDS = ['requestedAmount', 'justification'];

function ApplyModal({
  policy,
  tenantId,
  left,
  onClose,
}: {
  policy: Policy | null;
  tenantId: string;
  left: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('services');
  const { message } = App.useApp();
  const [form] = Form.useForm<ApplyValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const [apply, { loading }] = useMutation(APPLY, {
    refetchQueries: [{ query: APPLICATIONS, variables: { tenantId } }],
    awaitRefetchQueries: true,
  });

  const close = () => {
    setProblem(null);
    form.resetFields();
    onClose();
  };

  const onFinish = async (values: ApplyValues) => {
    if (!policy) return;
    setProblem(null);
    try {
      await apply({
        variables: {
          input: {
            policyId: policy.id,
            tenantId,
            requestedAmount: amountInput(values.requestedAmount),
            justification: values.justification.trim(),
          },
        },
        context: attemptContext(),
      });
      void message.success(t('benefits.form.submitted'));
      close();
    } catch (err) {
      const byField = problemsByField(explain(err).fields);
      const placed = Object.entries(byField).filter(([name]) => APPLY_FIELDS.includes(name));
      form.setFields(
        placed.map(([name, msg]) => ({ name: name as keyof ApplyValues, errors: [msg] })),
      );
      if (placed.length < Object.keys(byField).length || !placed.length) setProblem(err);
    }
  };

  return (
    <Modal
      open={!!policy}
      title={policy ? t('benefits.applyFor', { title: policy.title }) : ''}
      onCancel={close}
      footer={null}
      destroyOnHidden
      rootClassName="svc-modal"
      width={560}
    >
      {policy && (
        <Form<ApplyValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          disabled={loading}
          requiredMark
        >
          <p className="svc-muted">
            {policy.code} · {t(`benefits.kind.${policy.kind}`)} · {policy.basis}
          </p>
          {problem !== null && <ErrorNotice error={problem} />}
          <Form.Item
            label={t('benefits.form.requestedAmount')}
            name="requestedAmount"
            htmlFor="requestedAmount"
            extra={
              left !== null
                ? t('benefits.form.capLeftHint', { amount: formatYuan(left) })
                : undefined
            }
            validateFirst
            rules={[
              { required: true, message: t('benefits.problems.required') },
              {
                validator: (_, value: string | undefined) => {
                  const p = amountProblem(value);
                  return p
                    ? Promise.reject(new Error(t(`benefits.problems.${p}`)))
                    : Promise.resolve();
                },
              },
            ]}
          >
            <Input
              id="requestedAmount"
              name="requestedAmount"
              inputMode="decimal"
              autoComplete="off"
              suffix={t('yuan', { ns: 'common' })}
            />
          </Form.Item>
          <Form.Item
            label={t('benefits.form.justification')}
            name="justification"
            htmlFor="justification"
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('benefits.problems.justificationRequired'),
              },
              { max: 5000, message: t('benefits.problems.justificationLong') },
            ]}
          >
            <Input.TextArea
              id="justification"
              name="justification"
              rows={4}
              placeholder={t('benefits.form.justificationPlaceholder')}
            />
          </Form.Item>
          <div className="svc-actions">
            <Button type="primary" htmlType="submit" loading={loading}>
              {t('benefits.form.submit')}
            </Button>
            <Button onClick={close}>{t('cancel', { ns: 'common' })}</Button>
          </div>
        </Form>
      )}
    </Modal>
  );
}

function WithdrawButton({ application }: { application: Application }) {
  const { t } = useTranslation('services');
  const { message } = App.useApp();
  const [withdraw, { loading }] = useMutation(WITHDRAW);
  const onConfirm = async () => {
    try {
      await withdraw({ variables: { id: application.id }, context: attemptContext() });
      void message.success(t('benefits.withdrawn'));
    } catch (err) {
      const e = explain(err);
      void message.error(e.message ?? t(`errors.${e.code}`, { ns: 'common' }));
    }
  };
  return (
    <Popconfirm
      title={t('benefits.withdrawConfirm')}
      okText={t('benefits.withdrawOk')}
      cancelText={t('cancel', { ns: 'common' })}
      onConfirm={onConfirm}
    >
      <Button size="small" danger loading={loading}>
        {t('benefits.withdraw')}
      </Button>
    </Popconfirm>
  );
}

export default function BenefitsPage() {
  const { t } = useTranslation('services');
  const user = useUser();
  const tenantId = user.tenantId ?? '';
  const today = todayInShanghai();
  const [applying, setApplying] = useState<Policy | null>(null);

  const eligible = useQuery(ELIGIBLE, { variables: { tenantId, asOf: today }, skip: !tenantId });
  const applications = useQuery(APPLICATIONS, { variables: { tenantId }, skip: !tenantId });
  const apps = useMemo(() => applications.data?.benefitApplications ?? [], [applications.data]);
  const leftOf = (p: Policy): string | null =>
    applications.data ? capLeft(p.maxAmountPerTenant, grantedToFirm(apps, p.id)) : null;

  const policyColumns: ColumnsType<Policy> = [
    {
      key: 'title',
      title: t('benefits.columns.title'),
      width: 260,
      render: (_, p) => (
        <>
          <div>{p.title}</div>
          <div className="svc-muted">{p.code}</div>
          {p.rentRelief && (
            <div className="svc-muted">
              {t('relief.label', { ns: 'policies' })}
              <span data-relief="">{reliefText(t, p.rentRelief)}</span>
            </div>
          )}
        </>
      ),
    },
    {
      key: 'kind',
      title: t('benefits.columns.kind'),
      render: (_, p) => t(`benefits.kind.${p.kind}`),
    },
    { key: 'basis', title: t('benefits.columns.basis'), dataIndex: 'basis', width: 240 },
    {
      key: 'remaining',
      title: t('benefits.columns.remaining'),
      align: 'right',
      render: (_, p) => <Yuan value={p.remaining} field="remaining" />,
    },
    {
      key: 'cap',
      title: t('benefits.columns.cap'),
      align: 'right',
      render: (_, p) =>
        p.maxAmountPerTenant ? (
          <Yuan value={p.maxAmountPerTenant} field="maxAmountPerTenant" />
        ) : (
          t('benefits.noCap')
        ),
    },
    {
      key: 'capLeft',
      title: t('benefits.columns.capLeft'),
      align: 'right',
      render: (_, p) => <Yuan value={leftOf(p)} field="capLeft" />,
    },
    {
      key: 'validity',
      title: t('benefits.columns.validity'),
      render: (_, p) => (
        <span className="svc-money">
          {p.validTo
            ? t('benefits.validity', { from: p.validFrom, to: p.validTo })
            : t('benefits.validFrom', { from: p.validFrom })}
        </span>
      ),
    },
    {
      key: 'actions',
      title: t('benefits.columns.actions'),
      render: (_, p) => {
        const block = applyBlock(p.remaining, leftOf(p));
        if (block) return <span className="svc-muted">{t(`benefits.${block}`)}</span>;
        return (
          <Button type="primary" size="small" onClick={() => setApplying(p)}>
            {t('benefits.apply')}
          </Button>
        );
      },
    },
  ];

  const applicationColumns: ColumnsType<Application> = [
    {
      key: 'policy',
      title: t('benefits.appColumns.policy'),
      width: 300,
      render: (_, a) => (
        <>
          <div>{a.policy.title}</div>
          <div className="svc-muted">{a.justification}</div>
        </>
      ),
    },
    {
      key: 'requestedAmount',
      title: t('benefits.appColumns.requestedAmount'),
      align: 'right',
      render: (_, a) => <Yuan value={a.requestedAmount} field="requestedAmount" />,
    },
    {
      key: 'grantedAmount',
      title: t('benefits.appColumns.grantedAmount'),
      align: 'right',
      render: (_, a) => <Yuan value={a.grantedAmount} field="grantedAmount" />,
    },
    {
      key: 'relieved',
      title: t('queue.relieved', { ns: 'policies' }),
      align: 'right',
      render: (_, a) =>
        showsRelieved(a) ? (
          <>
            <Yuan value={a.relieved} field="relieved" />
            <div className="svc-muted">
              {t('queue.relievedLeft', {
                ns: 'policies',
                left: formatYuan(reliefLeft(a.grantedAmount, a.relieved)),
              })}
            </div>
          </>
        ) : (
          <Yuan value={null} field="relieved" />
        ),
    },
    {
      key: 'status',
      title: t('benefits.appColumns.status'),
      render: (_, a) => (
        <StatusTag tone={BENEFIT_TONES[a.status]} value={a.status}>
          {t(`benefits.status.${a.status}`)}
        </StatusTag>
      ),
    },
    {
      key: 'note',
      title: t('benefits.appColumns.note'),
      render: (_, a) => a.note ?? <span className="svc-muted">{t('none')}</span>,
    },
    {
      key: 'submittedAt',
      title: t('benefits.appColumns.submittedAt'),
      render: (_, a) => <When at={a.submittedAt} />,
    },
    {
      key: 'decidedAt',
      title: t('benefits.appColumns.decidedAt'),
      render: (_, a) => <When at={a.decidedAt} />,
    },
    {
      key: 'closedAt',
      title: t('benefits.appColumns.closedAt'),
      render: (_, a) => <When at={a.disbursedAt ?? a.withdrawnAt} />,
    },
    {
      key: 'actions',
      title: t('benefits.appColumns.actions'),
      render: (_, a) => (mayWithdraw(a.status) ? <WithdrawButton application={a} /> : null),
    },
  ];

  return (
    <div className="svc-page">
      <Typography.Title level={1}>{t('benefits.title')}</Typography.Title>

      <section aria-labelledby="eligible-title">
        <h2 id="eligible-title">{t('benefits.eligibleTitle')}</h2>
        <p className="svc-intro">{t('benefits.eligibleIntro', { date: today })}</p>
        {eligible.error && !eligible.data ? (
          <ErrorNotice error={eligible.error} onRetry={() => void eligible.refetch()} />
        ) : (
          <Table<Policy>
            rowKey="id"
            columns={policyColumns}
            dataSource={eligible.data?.eligiblePolicies ?? []}
            loading={eligible.loading && !eligible.data}
            pagination={false}
            scroll={{ x: 1200 }}
            locale={{ emptyText: t('benefits.noEligible') }}
            onRow={(p) => ({ 'data-policy': p.code }) as HTMLAttributes<HTMLElement>}
          />
        )}
      </section>

      <section aria-labelledby="applications-title">
        <h2 id="applications-title">{t('benefits.applicationsTitle')}</h2>
        {applications.error && !applications.data ? (
          <ErrorNotice error={applications.error} onRetry={() => void applications.refetch()} />
        ) : (
          <Table<Application>
            rowKey="id"
            columns={applicationColumns}
            dataSource={apps}
            loading={applications.loading && !applications.data}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 1200 }}
            locale={{ emptyText: t('benefits.noApplications') }}
            onRow={(a) => ({ 'data-application': a.id }) as HTMLAttributes<HTMLElement>}
          />
        )}
      </section>

      <ApplyModal
        policy={applying}
        tenantId={tenantId}
        left={applying ? leftOf(applying) : null}
        onClose={() => setApplying(null)}
      />
    </div>
  );
}
