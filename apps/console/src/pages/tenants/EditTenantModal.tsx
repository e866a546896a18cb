import { useMutation } from '@apollo/client/react';
import { App, Button, Checkbox, Descriptions, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndustryChain, TenantKind } from '../../gql/graphql';
import { todayInShanghai } from '../../lib/dates';
import {
  hasChanges,
  INDUSTRY_CHAINS,
  TENANT_KINDS,
  tenantChanges,
  type TenantRecord,
} from '../../lib/tenants';
import { TENANTS_UPDATE } from './operations';
import { creditCodeRules, FormProblem, NativeSelect, placeFieldProblems } from './parts';

export interface EditableTenant extends TenantRecord {
  id: string;
  enteredOn: string;
  zone: { kind: string; name: string };
}

interface EditValues {
  name: string;
  kind: TenantKind;
  creditCode?: string;
  industryChain: IndustryChain;
  isTechFirm: boolean;
  foundedOn?: string;
}

const FIELDS = ['name', 'kind', 'creditCode', 'industryChain', 'isTechFirm', 'foundedOn'] as const;

/**
 * 修改信息: updateTenant with only the fields that changed. A TEAM becomes a FIRM by choosing kind
 * FIRM and giving its credit code; the entry date and the zone are shown, not edited.
 */
export function EditTenantModal({
  open,
  tenant,
  onClose,
}: {
  open: boolean;
  tenant: EditableTenant;
  onClose: () => void;
}) {
  const { t } = useTranslation('tenants');
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const [update, { loading }] = useMutation(TENANTS_UPDATE, { refetchQueries: ['TenantsAudit'] });
  const kind = Form.useWatch('kind', form) ?? tenant.kind;
  const isFirm = kind === 'FIRM';
  const today = todayInShanghai();

  const close = () => {
    setProblem(null);
    onClose();
  };

  const onFinish = async (values: EditValues) => {
    setProblem(null);
    const changes = tenantChanges(tenant, values);
    if (!hasChanges(changes)) {
      message.info(t('edit.noChanges'));
      close();
      return;
    }
    try {
      await update({ variables: { input: { id: tenant.id, ...changes } } });
      message.success(t('edit.success'));
      close();
    } catch (err) {
      setProblem(placeFieldProblems(err, form, FIELDS, t));
    }
  };

  return (
    <Modal
      open={open}
      title={t('edit.title')}
      onCancel={close}
      footer={null}
      destroyOnHidden
      width={640}
    >
      <p className="tn-form-note">{t('edit.intro')}</p>
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'enteredOn',
            label: t('fields.enteredOn'),
            children: `${tenant.enteredOn}（${t('edit.fixed')}）`,
          },
          {
            key: 'zone',
            label: t('fields.zoneId'),
            children: `${t(`zones.${tenant.zone.kind}`, { defaultValue: tenant.zone.name })}（${t('edit.fixed')}）`,
          },
        ]}
      />
      <Form<EditValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={loading}
        initialValues={{
          name: tenant.name,
          kind: tenant.kind,
          creditCode: tenant.creditCode ?? '',
          industryChain: tenant.industryChain,
          isTechFirm: tenant.isTechFirm,
          foundedOn: tenant.foundedOn ?? '',
        }}
        onValuesChange={(changed: Partial<EditValues>) => {
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
          extra={tenant.kind === 'TEAM' ? t('edit.incorporate') : t('edit.firmStays')}
        >
          <NativeSelect
            id="kind"
            name="kind"
            placeholder={t('choose')}
            disabled={tenant.kind === 'FIRM' || loading}
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
        <Form.Item label={t('fields.industryChain')} name="industryChain" htmlFor="industryChain">
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
          label={t('fields.foundedOn')}
          name="foundedOn"
          htmlFor="foundedOn"
          rules={[
            {
              validator: (_, value?: string) => {
                if (!value) return Promise.resolve();
                if (value > today)
                  return Promise.reject(new Error(t('form.afterToday', { today })));
                if (value > tenant.enteredOn)
                  return Promise.reject(new Error(t('form.foundedAfterEntered')));
                return Promise.resolve();
              },
            },
          ]}
        >
          <Input id="foundedOn" name="foundedOn" type="date" max={today} />
        </Form.Item>
        <FormProblem error={problem} />
        <Space>
          <Button type="primary" htmlType="submit" loading={loading}>
            {t('edit.submit')}
          </Button>
          <Button onClick={close} disabled={false}>
            {t('form.cancel')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
