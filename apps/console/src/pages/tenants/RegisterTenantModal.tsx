import { useMutation } from '@apollo/client/react';
import { normalizeCreditCode } from '@jcv/credit-code';
import { App, Button, Checkbox, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndustryChain, TenantKind, TenantsZonesQuery } from '../../gql/graphql';
import { todayInShanghai } from '../../lib/dates';
import { INDUSTRY_CHAINS, TENANT_KINDS } from '../../lib/tenants';
import { TENANTS_REGISTER } from './operations';
import { creditCodeRules, FormProblem, NativeSelect, placeFieldProblems } from './parts';

interface RegisterValues {
  name: string;
  kind: TenantKind;
  creditCode?: string;
  zoneId?: string;
  industryChain?: IndustryChain;
  isTechFirm: boolean;
  enteredOn: string;
  foundedOn?: string;
}

/** Every field of RegisterTenantInput: the form's field names are the input's. */
const FIELDS = [
  'name',
  'kind',
  'creditCode',
  'zoneId',
  'industryChain',
  'isTechFirm',
  'enteredOn',
  'foundedOn',
] as const;

type Zone = TenantsZonesQuery['zones'][number];

/** 登记企业: registerTenant, with the credit code checked as it is typed. */
export function RegisterTenantModal({
  open,
  zones,
  onClose,
}: {
  open: boolean;
  zones: readonly Zone[];
  onClose: () => void;
}) {
  const { t } = useTranslation('tenants');
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const [register, { loading }] = useMutation(TENANTS_REGISTER, {
    refetchQueries: ['TenantsList'],
  });
  const kind = Form.useWatch('kind', form);
  const today = todayInShanghai();
  const isFirm = kind !== 'TEAM';

  const close = () => {
    setProblem(null);
    onClose();
  };

  const onFinish = async (values: RegisterValues) => {
    setProblem(null);
    try {
      const { data } = await register({
        variables: {
          input: {
            name: values.name.trim(),
            kind: values.kind,
            ...(values.kind === 'FIRM' && values.creditCode
              ? { creditCode: normalizeCreditCode(values.creditCode) }
              : {}),
            zoneId: values.zoneId ?? '',
            industryChain: values.industryChain ?? 'OTHER',
            isTechFirm: values.isTechFirm,
            enteredOn: values.enteredOn,
            ...(values.foundedOn ? { foundedOn: values.foundedOn } : {}),
          },
        },
      });
      if (data) {
        message.success(t('register.success', { name: data.registerTenant.name }));
        close();
      }
    } catch (err) {
      setProblem(placeFieldProblems(err, form, FIELDS, t));
    }
  };

  return (
    <Modal
      open={open}
      title={t('register.title')}
      onCancel={close}
      footer={null}
      destroyOnHidden
      width={640}
    >
      <p className="tn-form-note">{t('register.intro')}</p>
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={loading}
        requiredMark
        initialValues={{ kind: 'FIRM', isTechFirm: false, enteredOn: today }}
        onValuesChange={(changed: Partial<RegisterValues>) => {
          if (changed.kind === 'TEAM')
            form.setFields([{ name: 'creditCode', value: '', errors: [] }]);
        }}
      >
        <Form.Item
          label={t('fields.name')}
          name="name"
          htmlFor="name"
          rules={[
            { required: true, whitespace: true, message: t('form.required') },
            { max: 200, message: t('form.tooLong', { max: 200 }) },
          ]}
        >
          <Input id="name" name="name" autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('fields.kind')}
          name="kind"
          htmlFor="kind"
          rules={[{ required: true, message: t('form.chooseRequired') }]}
        >
          <NativeSelect
            id="kind"
            name="kind"
            placeholder={t('choose')}
            options={TENANT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('fields.creditCode')}
          name="creditCode"
          htmlFor="creditCode"
          extra={isFirm ? t('creditCode.help') : undefined}
          validateFirst
          validateTrigger={['onChange', 'onBlur']}
          rules={isFirm ? creditCodeRules(t, true) : []}
        >
          <Input
            id="creditCode"
            name="creditCode"
            className="tn-mono"
            autoComplete="off"
            spellCheck={false}
            maxLength={24}
            disabled={!isFirm}
            placeholder={isFirm ? undefined : t('register.teamNoCode')}
          />
        </Form.Item>
        <Form.Item
          label={t('fields.zoneId')}
          name="zoneId"
          htmlFor="zoneId"
          rules={[{ required: true, message: t('form.chooseRequired') }]}
        >
          <NativeSelect
            id="zoneId"
            name="zoneId"
            placeholder={t('choose')}
            options={zones.map((z) => ({
              value: z.id,
              label: t(`zones.${z.kind}`, { defaultValue: z.name }),
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t('fields.industryChain')}
          name="industryChain"
          htmlFor="industryChain"
          rules={[{ required: true, message: t('form.chooseRequired') }]}
        >
          <NativeSelect
            id="industryChain"
            name="industryChain"
            placeholder={t('choose')}
            options={INDUSTRY_CHAINS.map((c) => ({ value: c, label: t(`chains.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="isTechFirm" valuePropName="checked">
          <Checkbox id="isTechFirm" name="isTechFirm">
            {t('fields.isTechFirm')}
          </Checkbox>
        </Form.Item>
        <Form.Item
          label={t('fields.enteredOn')}
          name="enteredOn"
          htmlFor="enteredOn"
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Input id="enteredOn" name="enteredOn" type="date" />
        </Form.Item>
        <Form.Item
          label={t('fields.foundedOn')}
          name="foundedOn"
          htmlFor="foundedOn"
          dependencies={['enteredOn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value?: string) => {
                const entered = getFieldValue('enteredOn') as string | undefined;
                if (!value) return Promise.resolve();
                if (value > today)
                  return Promise.reject(new Error(t('form.afterToday', { today })));
                if (entered && value > entered)
                  return Promise.reject(new Error(t('form.foundedAfterEntered')));
                return Promise.resolve();
              },
            }),
          ]}
        >
          <Input id="foundedOn" name="foundedOn" type="date" max={today} />
        </Form.Item>
        <FormProblem error={problem} />
        <Space>
          <Button type="primary" htmlType="submit" loading={loading}>
            {t('register.submit')}
          </Button>
          <Button onClick={close} disabled={false}>
            {t('form.cancel')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
