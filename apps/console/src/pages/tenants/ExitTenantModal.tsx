import { useMutation } from '@apollo/client/react';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TenantStatus } from '../../gql/graphql';
import { todayInShanghai } from '../../lib/dates';
import { EXIT_STATUSES } from '../../lib/tenants';
import { TENANTS_EXIT } from './operations';
import { FormProblem, NativeSelect, placeFieldProblems } from './parts';

interface ExitValues {
  exitedOn: string;
  status?: TenantStatus;
}

const FIELDS = ['exitedOn', 'status'] as const;

/**
 * 办理离园: exitTenant with the last day in the park and how the tenant leaves (GRADUATED or
 * EXITED), after a confirmation, since it cannot be undone.
 */
export function ExitTenantModal({
  open,
  tenant,
  onClose,
}: {
  open: boolean;
  tenant: { id: string; name: string; enteredOn: string };
  onClose: () => void;
}) {
  const { t } = useTranslation('tenants');
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ExitValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const [exit, { loading }] = useMutation(TENANTS_EXIT, {
    refetchQueries: ['TenantsDetail', 'TenantsAudit', 'TenantsList'],
  });

  const close = () => {
    setProblem(null);
    onClose();
  };

  const send = async (values: ExitValues) => {
    try {
      await exit({
        variables: {
          input: {
            tenantId: tenant.id,
            exitedOn: values.exitedOn,
            status: values.status ?? 'EXITED',
          },
        },
      });
      message.success(t('exit.success'));
      close();
    } catch (err) {
      setProblem(placeFieldProblems(err, form, FIELDS, t));
    }
  };

  const onFinish = (values: ExitValues) => {
    setProblem(null);
    modal.confirm({
      title: t('exit.confirmTitle'),
      content: t('exit.confirmBody', {
        name: tenant.name,
        date: values.exitedOn,
        status: t(`exit.statuses.${values.status ?? 'EXITED'}`),
      }),
      okText: t('exit.confirm'),
      okButtonProps: { danger: true },
      cancelText: t('form.cancel'),
      onOk: () => send(values),
    });
  };

  return (
    <Modal open={open} title={t('exit.title')} onCancel={close} footer={null} destroyOnHidden>
      <p className="tn-form-note">{t('exit.intro')}</p>
      <Form<ExitValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={loading}
        initialValues={{ exitedOn: todayInShanghai() }}
      >
        <Form.Item
          label={t('fields.exitedOn')}
          name="exitedOn"
          htmlFor="exitedOn"
          rules={[
            { required: true, message: t('form.required') },
            {
              validator: (_, value?: string) =>
                value && value < tenant.enteredOn
                  ? Promise.reject(
                      new Error(t('form.exitBeforeEntered', { enteredOn: tenant.enteredOn })),
                    )
                  : Promise.resolve(),
            },
          ]}
        >
          <Input id="exitedOn" name="exitedOn" type="date" min={tenant.enteredOn} />
        </Form.Item>
        <Form.Item
          label={t('exit.status')}
          name="status"
          htmlFor="status"
          rules={[{ required: true, message: t('form.chooseRequired') }]}
        >
          <NativeSelect
            id="status"
            name="status"
            placeholder={t('choose')}
            options={EXIT_STATUSES.map((s) => ({ value: s, label: t(`exit.statuses.${s}`) }))}
          />
        </Form.Item>
        <FormProblem error={problem} />
        <Space>
          <Button type="primary" danger htmlType="submit" loading={loading}>
            {t('exit.submit')}
          </Button>
          <Button onClick={close} disabled={false}>
            {t('form.cancel')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
