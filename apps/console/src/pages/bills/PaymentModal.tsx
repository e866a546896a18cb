import { useMutation } from '@apollo/client/react';
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { paidOnProblem, paymentAmountProblem, REFERENCE_MAX, textProblem } from '../../lib/bills';
import { todayInShanghai } from '../../lib/dates';
import { attemptContext, newIdempotencyKey } from '../../lib/idempotency';
import { formatYuan } from '../../lib/numbers';
import { BILLS_RECORD_PAYMENT } from './operations';
import { placeFieldProblems } from './parts';

export interface PayableBill {
  id: string;
  number: string;
  period: string;
  outstanding: string;
  tenant: { name: string };
}

interface PaymentValues {
  amount: string;
  paidOn: string;
  reference: string;
}

const FIELDS = ['amount', 'paidOn', 'reference'] as const;

/**
 * 登记收款 (ADMIN): recordPayment with the amount (at most what the bill still owes), the day it
 * was paid (not after today) and the bank's or cashier's reference. The API's refusals show under
 * their fields; a bill voided or paid meanwhile is said above the buttons.
 */
export function PaymentModal({
  bill,
  onClose,
  refetch,
}: {
  bill: PayableBill | null;
  onClose: () => void;
  /** Operations to read again once paid (the month's sums, the overdue list). */
  refetch: readonly string[];
}) {
  const { t } = useTranslation('bills');
  const { message } = App.useApp();
  const [form] = Form.useForm<PaymentValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const [record, { loading }] = useMutation(BILLS_RECORD_PAYMENT, {
    refetchQueries: [...refetch],
  });
  const today = todayInShanghai();

  const close = () => {
    setProblem(null);
    form.resetFields();
    setKey(newIdempotencyKey());
    onClose();
  };

  const send = async (values: PaymentValues) => {
    if (!bill) return;
    setProblem(null);
    try {
      const { data } = await record({
        variables: {
          input: {
            billId: bill.id,
            amount: values.amount.trim(),
            paidOn: values.paidOn,
            reference: values.reference.trim(),
          },
        },
        context: attemptContext(key),
      });
      const paid = data?.recordPayment;
      void message.success(
        t('payment.done', {
          amount: formatYuan(values.amount.trim()),
          number: bill.number,
          outstanding: formatYuan(paid?.outstanding ?? '0'),
        }),
      );
      close();
    } catch (err) {
      setProblem(placeFieldProblems(err, form, FIELDS));
      // A new attempt is a new request.
      setKey(newIdempotencyKey());
    }
  };

  // The console's own checks, in its words; the API checks the same again.
  const rule = <P extends string>(
    check: (v: string | undefined) => P | null,
    words: Record<P, string>,
  ) => ({
    validator: (_: unknown, value: string | undefined) => {
      const p = check(value);
      return p ? Promise.reject(new Error(words[p])) : Promise.resolve();
    },
  });

  return (
    <Modal
      open={bill !== null}
      title={t('payment.title')}
      onCancel={close}
      footer={null}
      destroyOnHidden
    >
      {bill && (
        <Typography.Paragraph>
          {t('payment.subject', {
            number: bill.number,
            tenant: bill.tenant.name,
            period: bill.period,
            outstanding: formatYuan(bill.outstanding),
          })}
        </Typography.Paragraph>
      )}
      <Form<PaymentValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void send(v)}
        disabled={loading}
        initialValues={{ amount: bill?.outstanding ?? '', paidOn: today, reference: '' }}
        preserve={false}
      >
        <Form.Item
          label={t('payment.amount')}
          name="amount"
          htmlFor="amount"
          required
          rules={[
            rule((v) => paymentAmountProblem(v, bill?.outstanding ?? '0'), {
              required: t('payment.amountRequired'),
              format: t('payment.amountFormat'),
              positive: t('payment.amountPositive'),
              tooMuch: t('payment.amountTooMuch', {
                outstanding: formatYuan(bill?.outstanding ?? '0'),
              }),
            }),
          ]}
        >
          <Input id="amount" name="amount" inputMode="decimal" autoComplete="off" suffix="元" />
        </Form.Item>
        <Form.Item
          label={t('payment.paidOn')}
          name="paidOn"
          htmlFor="paidOn"
          required
          rules={[
            rule((v) => paidOnProblem(v, today), {
              required: t('payment.paidOnRequired'),
              format: t('payment.paidOnFormat'),
              future: t('payment.paidOnFuture'),
            }),
          ]}
        >
          <Input id="paidOn" name="paidOn" type="date" max={today} />
        </Form.Item>
        <Form.Item
          label={t('payment.reference')}
          name="reference"
          htmlFor="reference"
          required
          extra={t('payment.referenceHint')}
          rules={[
            rule((v) => textProblem(v, REFERENCE_MAX), {
              required: t('payment.referenceRequired'),
              tooLong: t('payment.referenceTooLong', { max: REFERENCE_MAX }),
            }),
          ]}
        >
          <Input id="reference" name="reference" maxLength={REFERENCE_MAX} autoComplete="off" />
        </Form.Item>
        {problem !== null && (
          <div style={{ marginBottom: 12 }}>
            <ErrorNotice error={problem} />
          </div>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={loading}>
            {t('payment.submit')}
          </Button>
          <Button onClick={close} disabled={false}>
            {t('cancel')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
