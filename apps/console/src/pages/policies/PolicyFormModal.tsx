import { useMutation } from '@apollo/client/react';
import { App, Button, Form, Input, Modal } from 'antd';
import type { FormInstance, Rule } from 'antd/es/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, explain } from '../../components/ErrorNotice';
import type { PoliciesPolicyFieldsFragment } from '../../gql/graphql';
import { problemsByField } from '../../lib/api-errors';
import { todayInShanghai } from '../../lib/dates';
import { formatYuan } from '../../lib/numbers';
import {
  CERTIFICATION_KINDS,
  changesAnything,
  createPolicyInput,
  emptyPolicyForm,
  INDUSTRY_CHAINS,
  POLICY_KINDS,
  policyFormOf,
  placeReliefErrors,
  policyFormProblems,
  type PolicyFormValues,
  reliefOn,
  updatePolicyInput,
  ZONE_KINDS,
} from '../../lib/policies';
import { CREATE_POLICY, POLICIES, UPDATE_POLICY } from './operations';
import { NativeSelect } from './parts';
import { RentReliefFields, RentReliefView, revalidate, type StepPath } from './RentReliefFields';
import { CheckList } from '../../components/CheckList';
import { attemptContext } from '../../lib/idempotency';

type Policy = PoliciesPolicyFieldsFragment;

const FIELDS: readonly (keyof PolicyFormValues)[] = [
  'code',
  'title',
  'kind',
  'basis',
  'budget',
  'maxAmountPerTenant',
  'validFrom',
  'validTo',
  'zoneKinds',
  'requiredCertifications',
  'industryChains',
  'minMonthsResident',
  'rentRelief',
  'maxRatePerSqm',
  'maxArea',
];

/** The rule's fields the API names for a step or the list of steps (placeReliefErrors). */
const RELIEF_LIST_FIELDS = ['steps', 'fromMonth', 'toMonth', 'share'];

/**
 * Creates a policy, or corrects one (updatePolicy: only what changed is sent). Code, kind and
 * the start date are fixed once created: updatePolicy does not take them.
 */
export function PolicyFormModal({
  open,
  policy,
  mostToOneFirm,
  onClose,
}: {
  open: boolean;
  /** The policy edited, or null to create one. */
  policy: Policy | null;
  /** The most one firm has been granted under the policy edited: the floor of its cap. */
  mostToOneFirm: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('policies');
  return (
    <Modal
      open={open}
      title={policy ? t('form.editTitle', { title: policy.title }) : t('form.createTitle')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={760}
    >
      {/* A form of its own each time the dialog opens: nothing typed before stays. */}
      <PolicyForm
        key={policy?.id ?? 'new'}
        policy={policy}
        mostToOneFirm={mostToOneFirm}
        onClose={onClose}
      />
    </Modal>
  );
}

function PolicyForm({
  policy,
  mostToOneFirm,
  onClose,
}: {
  policy: Policy | null;
  mostToOneFirm: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('policies');
  const { message } = App.useApp();
  const [form] = Form.useForm<PolicyFormValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const [listErrors, setListErrors] = useState<string[]>([]);
  const kind = Form.useWatch('kind', form);
  const refetch = { refetchQueries: [{ query: POLICIES }], awaitRefetchQueries: true };
  const [create, creating] = useMutation(CREATE_POLICY, refetch);
  const [update, updating] = useMutation(UPDATE_POLICY, refetch);
  const busy = creating.loading || updating.loading;
  const edit = policy
    ? {
        hadCap: !!policy.maxAmountPerTenant,
        hadValidTo: !!policy.validTo,
        validFrom: policy.validFrom,
      }
    : undefined;

  const close = () => {
    setProblem(null);
    onClose();
  };

  const check =
    (name: keyof PolicyFormValues) =>
    (f: FormInstance<PolicyFormValues>): Rule => ({
      validator: () => {
        const p = policyFormProblems(f.getFieldsValue(true) as PolicyFormValues, edit)[name];
        return p ? Promise.reject(new Error(t(`form.problems.${p}`))) : Promise.resolve();
      },
    });

  const onFinish = async () => {
    const values = form.getFieldsValue(true) as PolicyFormValues;
    setProblem(null);
    setListErrors([]);
    try {
      if (policy) {
        const input = updatePolicyInput(policy, values);
        if (!changesAnything(input)) {
          void message.info(t('form.unchanged'));
          close();
          return;
        }
        const res = await update({ variables: { input }, context: attemptContext() });
        void message.success(
          t('form.saved', { title: res.data?.updatePolicy.title ?? policy.title }),
        );
      } else {
        const input = createPolicyInput(values);
        const res = await create({ variables: { input }, context: attemptContext() });
        void message.success(
          t('form.created', { title: res.data?.createPolicy.title ?? input.title }),
        );
      }
      close();
    } catch (err) {
      const fields = explain(err).fields;
      const byField = problemsByField(fields);
      const placed = Object.entries(byField).filter(([name]) =>
        FIELDS.includes(name as keyof PolicyFormValues),
      );
      // The rule's refusals: by the step's field, or by the list when no step is named.
      const relief =
        !policy && reliefOn(values)
          ? placeReliefErrors(fields, values.steps.length)
          : { byStep: [], list: [] };
      const reliefPlaced = Object.keys(byField).filter(
        (name) => !policy && reliefOn(values) && RELIEF_LIST_FIELDS.includes(name),
      );
      form.setFields([
        ...placed.map(([name, msg]) => ({ name: name as keyof PolicyFormValues, errors: [msg] })),
        ...relief.byStep.map((e) => ({
          name: ['steps', e.index, e.field] as StepPath,
          errors: [e.message],
        })),
      ]);
      setListErrors(
        relief.list.map((e) =>
          e.field === 'steps'
            ? e.message
            : t('form.fieldError', { field: t(`form.${e.field}`), message: e.message }),
        ),
      );
      const shown = placed.length + reliefPlaced.length;
      if (!shown || shown < Object.keys(byField).length) setProblem(err);
    }
  };

  const yuan = t('yuan', { ns: 'common' });
  const initial = policy ? policyFormOf(policy) : emptyPolicyForm(todayInShanghai());

  return (
    <Form<PolicyFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={onFinish}
      onValuesChange={(changed: Partial<PolicyFormValues>) => {
        if ('steps' in changed) {
          setListErrors([]);
          void revalidate(form);
        }
      }}
      disabled={busy}
      requiredMark
    >
      {problem !== null && <ErrorNotice error={problem} />}
      <div className="pol-form-grid">
        <Form.Item
          label={t('form.code')}
          name="code"
          htmlFor="code"
          required={!policy}
          extra={policy ? t('form.fixedHint') : t('form.codeHint')}
          rules={[check('code')(form)]}
        >
          <Input id="code" name="code" autoComplete="off" disabled={!!policy} />
        </Form.Item>
        <Form.Item
          label={t('form.kind')}
          name="kind"
          htmlFor="kind"
          required={!policy}
          extra={policy ? t('form.fixedHint') : undefined}
          rules={[check('kind')(form)]}
        >
          <NativeSelect
            id="kind"
            name="kind"
            disabled={!!policy || busy}
            placeholder={t('form.kindPlaceholder')}
            options={POLICY_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          />
        </Form.Item>
      </div>
      <Form.Item
        label={t('form.title')}
        name="title"
        htmlFor="title"
        required
        rules={[check('title')(form), { max: 200 }]}
      >
        <Input id="title" name="title" autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t('form.basis')}
        name="basis"
        htmlFor="basis"
        required
        rules={[check('basis')(form), { max: 500 }]}
      >
        <Input id="basis" name="basis" placeholder={t('form.basisPlaceholder')} />
      </Form.Item>
      <div className="pol-form-grid">
        <Form.Item
          label={t('form.budget')}
          name="budget"
          htmlFor="budget"
          required
          extra={policy ? t('form.budgetHint', { granted: formatYuan(policy.granted) }) : undefined}
          rules={[check('budget')(form)]}
        >
          <Input id="budget" name="budget" inputMode="decimal" autoComplete="off" suffix={yuan} />
        </Form.Item>
        <Form.Item
          label={t('form.maxAmountPerTenant')}
          name="maxAmountPerTenant"
          htmlFor="maxAmountPerTenant"
          extra={
            policy ? t('form.capEditHint', { most: formatYuan(mostToOneFirm) }) : t('form.capHint')
          }
          rules={[check('maxAmountPerTenant')(form)]}
        >
          <Input
            id="maxAmountPerTenant"
            name="maxAmountPerTenant"
            inputMode="decimal"
            autoComplete="off"
            suffix={yuan}
          />
        </Form.Item>
        <Form.Item
          label={t('form.validFrom')}
          name="validFrom"
          htmlFor="validFrom"
          required={!policy}
          extra={policy ? t('form.fixedHint') : undefined}
          rules={[check('validFrom')(form)]}
        >
          <Input id="validFrom" name="validFrom" type="date" disabled={!!policy} />
        </Form.Item>
        <Form.Item
          label={t('form.validTo')}
          name="validTo"
          htmlFor="validTo"
          extra={t('form.validToHint')}
          dependencies={['validFrom']}
          rules={[check('validTo')(form)]}
        >
          <Input id="validTo" name="validTo" type="date" />
        </Form.Item>
      </div>

      {!policy && kind === 'RENT_SUBSIDY' && (
        <RentReliefFields
          form={form}
          check={(name) => check(name)(form)}
          listErrors={listErrors}
          busy={busy}
        />
      )}
      {policy?.kind === 'RENT_SUBSIDY' && <RentReliefView rule={policy.rentRelief} />}

      <fieldset className="pol-rule-box">
        <legend>{t('form.ruleLegend')}</legend>
        <p className="pol-muted">{t('form.ruleIntro')}</p>
        <Form.Item name="zoneKinds">
          <CheckList
            name="zoneKinds"
            legend={t('form.zoneKinds')}
            options={ZONE_KINDS.map((z) => ({ value: z, label: t(`zoneKind.${z}`) }))}
          />
        </Form.Item>
        <Form.Item name="requiredCertifications">
          <CheckList
            name="requiredCertifications"
            legend={t('form.requiredCertifications')}
            options={CERTIFICATION_KINDS.map((c) => ({
              value: c,
              label: t(`certification.${c}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="industryChains">
          <CheckList
            name="industryChains"
            legend={t('form.industryChains')}
            options={INDUSTRY_CHAINS.map((c) => ({ value: c, label: t(`chain.${c}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('form.minMonthsResident')}
          name="minMonthsResident"
          htmlFor="minMonthsResident"
          extra={t('form.monthsHint')}
          rules={[check('minMonthsResident')(form)]}
          style={{ maxWidth: 320, marginBottom: 0 }}
        >
          <Input
            id="minMonthsResident"
            name="minMonthsResident"
            inputMode="numeric"
            autoComplete="off"
          />
        </Form.Item>
      </fieldset>

      <div className="pol-actions">
        <Button type="primary" htmlType="submit" loading={busy}>
          {policy ? t('form.submitEdit') : t('form.submitCreate')}
        </Button>
        <Button onClick={close}>{t('cancel', { ns: 'common' })}</Button>
      </div>
    </Form>
  );
}
