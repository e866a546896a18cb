import { useMutation } from '@apollo/client/react';
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { REASON_MAX, textProblem } from '../../lib/bills';
import { attemptContext, newIdempotencyKey } from '../../lib/idempotency';
import { formatYuan } from '../../lib/numbers';
import { BILLS_VOID } from './operations';
import { placeFieldProblems } from './parts';

export interface VoidableBill {
  id: string;
  number: string;
  period: string;
  total: string;
  tenant: { name: string };
}

const FIELDS = ['reason'] as const;

/**
 * 作废 (ADMIN): voidBill with the reason (field `reason`). Only a bill with no payment may be
 * voided; its relief returns to the grant, and running the month again issues its replacement.
 */
export function VoidModal({
  bill,
  onClose,
  refetch,
}: {
  bill: VoidableBill | null;
  onClose: () => void;
  refetch: readonly string[];
}) {
  const { t } = useTranslation('bills');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [problem, setProblem] = useState<unknown>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const [voidBill, { loading }] = useMutation(BILLS_VOID, { refetchQueries: [...refetch] });

  const close = () => {
    setProblem(null);
    form.resetFields();
    setKey(newIdempotencyKey());
    onClose();
  };

  const send = async ({ reason }: { reason: string }) => {
    if (!bill) return;
    setProblem(null);
    try {
      await voidBill({
        variables: { id: bill.id, reason: reason.trim() },
        context: attemptContext(key),
      });
      void message.success(t('void.done', { number: bill.number }));
      close();
    } catch (err) {
      setProblem(placeFieldProblems(err, form, FIELDS));
      setKey(newIdempotencyKey());
    }
  };

  return (
    <Modal
      open={bill !== null}
      title={t('void.title')}
      onCancel={close}
      footer={null}
      destroyOnHidden
    >
      {bill && (
        <Typography.Paragraph>
          {t('void.subject', {
            number: bill.number,
            tenant: bill.tenant.name,
            period: bill.period,
            total: formatYuan(bill.total),
          })}
        </Typography.Paragraph>
      )}
      <Form<{ reason: string }>
        form={form}
        layout="vertical"
        onFinish={(v) => void send(v)}
        disabled={loading}
        preserve={false}
      >
        <Form.Item
          label={t('void.reason')}
          name="reason"
          htmlFor="reason"
          required
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const p = textProblem(value, REASON_MAX);
                if (p === 'required') return Promise.reject(new Error(t('void.reasonRequired')));
                if (p === 'tooLong')
                  return Promise.reject(new Error(t('void.reasonTooLong', { max: REASON_MAX })));
                return Promise.resolve();
              },
            },
          ]}
        >
          <Input.TextArea id="reason" name="reason" rows={3} maxLength={REASON_MAX} showCount />
        </Form.Item>
        {problem !== null && (
          <div style={{ marginBottom: 12 }}>
            <ErrorNotice error={problem} />
          </div>
        )}
        <Space>
          <Button type="primary" danger htmlType="submit" loading={loading}>
            {t('void.submit')}
          </Button>
          <Button onClick={close} disabled={false}>
            {t('cancel')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
