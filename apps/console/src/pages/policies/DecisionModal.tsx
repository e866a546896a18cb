import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, explain } from '../../components/ErrorNotice';
import type { PoliciesApplicationsQuery, PoliciesPolicyFieldsFragment } from '../../gql/graphql';
import { problemsByField } from '../../lib/api-errors';
import { formatYuan } from '../../lib/numbers';
import {
  decideInput,
  decisionDefaults,
  grantedAmountProblem,
  grantRoom,
  noteProblem,
} from '../../lib/policies';
import { APPLICATIONS, DECIDE, POLICIES } from './operations';
import { BudgetBar } from './parts';
import { attemptContext } from '../../lib/idempotency';

type Application = PoliciesApplicationsQuery['benefitApplications'][number];
type Policy = PoliciesPolicyFieldsFragment;

interface DecisionValues {
  approve: boolean;
  grantedAmount: string;
  note: string;
}

const FIELDS: readonly string[] = ['approve', 'grantedAmount', 'note'];

/**
 * Approves an application with a granted amount (the requested one unless lowered, never more)
 * or rejects it with a note. A grant the budget or the firm's cap has no room for is refused by
 * the API as CONFLICT with a sentence saying what is left: it shows in the form, with the room
 * as it is now.
 */
export function DecisionModal({
  application,
  policy,
  tenantGranted,
  onClose,
}: {
  application: Application | null;
  /** The application's policy as the policies list has it now. */
  policy: Policy | undefined;
  /** What the firm has been granted under the policy so far. */
  tenantGranted: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('policies');
  return (
    <Modal
      open={!!application}
      title={t('decide.title', { firm: application?.tenant.name ?? '' })}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={620}
    >
      {/* A form of its own for each application: nothing typed for another stays. */}
      {application && (
        <DecisionForm
          key={application.id}
          application={application}
          policy={policy}
          tenantGranted={tenantGranted}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

function DecisionForm({
  application,
  policy,
  tenantGranted,
  onClose,
}: {
  application: Application;
  policy: Policy | undefined;
  tenantGranted: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('policies');
  const { message } = App.useApp();
  const [form] = Form.useForm<DecisionValues>();
  const approve = Form.useWatch('approve', form) ?? true;
  const [conflict, setConflict] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [decide, { loading, client }] = useMutation(DECIDE, {
    refetchQueries: [{ query: POLICIES }, { query: APPLICATIONS }],
    awaitRefetchQueries: true,
  });

  const close = () => {
    setConflict(null);
    setProblem(null);
    onClose();
  };

  const requested = application.requestedAmount;
  const room = policy ? grantRoom(policy, tenantGranted) : null;

  const onFinish = async (values: DecisionValues) => {
    setConflict(null);
    setProblem(null);
    const input = decideInput(application.id, values);
    try {
      await decide({ variables: { input }, context: attemptContext() });
      void message.success(
        input.approve
          ? t('decide.approved', { amount: formatYuan(input.grantedAmount ?? requested) })
          : t('decide.rejected'),
      );
      close();
    } catch (err) {
      const e = explain(err);
      if (e.code === 'CONFLICT') {
        setConflict(e.message ?? t('errors.CONFLICT', { ns: 'common' }));
        // What is left now, for the hint beside the API's sentence.
        void client.refetchQueries({ include: [POLICIES] });
        return;
      }
      const byField = problemsByField(e.fields);
      const placed = Object.entries(byField).filter(([name]) => FIELDS.includes(name));
      form.setFields(
        placed.map(([name, msg]) => ({ name: name as keyof DecisionValues, errors: [msg] })),
      );
      if (!placed.length || placed.length < Object.keys(byField).length) setProblem(err);
    }
  };

  return (
    <Form<DecisionValues>
      form={form}
      layout="vertical"
      initialValues={decisionDefaults(application)}
      onFinish={onFinish}
      disabled={loading}
      requiredMark
      onValuesChange={() => setConflict(null)}
    >
      <ul className="pol-summary">
        <li>
          {t('decide.policy', {
            title: application.policy.title,
            code: application.policy.code,
          })}
        </li>
        <li>{t('decide.requested', { amount: formatYuan(requested) })}</li>
      </ul>
      {policy && <BudgetBar policy={policy} />}
      {room && (
        <p className="pol-muted" data-room={room.most}>
          {t('decide.room', { left: formatYuan(room.left) })}
          {room.tenantLeft !== null && policy?.maxAmountPerTenant
            ? ` ${t('decide.roomCap', {
                cap: formatYuan(policy.maxAmountPerTenant),
                left: formatYuan(room.tenantLeft),
              })}`
            : ''}
        </p>
      )}
      {conflict !== null && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-conflict=""
          style={{ marginBottom: 16 }}
          title={conflict}
          description={
            room
              ? t('decide.conflictHint', {
                  left: formatYuan(room.left),
                  capPart:
                    room.tenantLeft !== null
                      ? t('decide.conflictCap', { left: formatYuan(room.tenantLeft) })
                      : '',
                })
              : undefined
          }
        />
      )}
      {problem !== null && <ErrorNotice error={problem} />}
      <Form.Item
        label={<span id="approve-label">{t('decide.approve')}</span>}
        name="approve"
        required
      >
        <Radio.Group id="approve" name="approve" aria-labelledby="approve-label">
          <Radio value={true}>{t('decide.approveYes')}</Radio>
          <Radio value={false}>{t('decide.approveNo')}</Radio>
        </Radio.Group>
      </Form.Item>
      {approve && (
        <Form.Item
          label={t('decide.grantedAmount')}
          name="grantedAmount"
          htmlFor="grantedAmount"
          required
          extra={t('decide.grantedHint', { requested: formatYuan(requested) })}
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const p = grantedAmountProblem(value, requested);
                return p
                  ? Promise.reject(
                      new Error(t(`decide.problems.${p}`, { requested: formatYuan(requested) })),
                    )
                  : Promise.resolve();
              },
            },
          ]}
        >
          <Input
            id="grantedAmount"
            name="grantedAmount"
            inputMode="decimal"
            autoComplete="off"
            suffix={t('yuan', { ns: 'common' })}
          />
        </Form.Item>
      )}
      <Form.Item
        label={t('decide.note')}
        name="note"
        htmlFor="note"
        required={!approve}
        dependencies={['approve']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) => {
              const p = noteProblem(value, getFieldValue('approve') !== false);
              if (p === 'required') {
                return Promise.reject(new Error(t('decide.problems.noteRequired')));
              }
              if (p === 'long') return Promise.reject(new Error(t('decide.problems.noteLong')));
              return Promise.resolve();
            },
          }),
        ]}
      >
        <Input.TextArea
          id="note"
          name="note"
          rows={3}
          placeholder={
            approve ? t('decide.notePlaceholderApprove') : t('decide.notePlaceholderReject')
          }
        />
      </Form.Item>
      <div className="pol-actions">
        <Button type="primary" htmlType="submit" loading={loading} danger={!approve}>
          {t('decide.submit')}
        </Button>
        <Button onClick={close}>{t('cancel', { ns: 'common' })}</Button>
      </div>
    </Form>
  );
}
