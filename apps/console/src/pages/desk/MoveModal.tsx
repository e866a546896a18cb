import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, explain } from '../../components/ErrorNotice';
import type { DeskRequestFieldsFragment, ServiceRequestStatus } from '../../gql/graphql';
import { problemsByField } from '../../lib/api-errors';
import { LIMITS } from '../../lib/service-requests';
import { DESK_MOVE } from './operations';
import { attemptContext } from '../../lib/idempotency';

type Request = DeskRequestFieldsFragment;

export interface PendingMove {
  request: Request;
  to: ServiceRequestStatus;
  reopen: boolean;
  cancel: boolean;
  /** The words of the button that asked for it. */
  action: string;
}

/** Moves a request to another status (updateServiceRequestStatus), with an optional note. */
export function MoveModal({ move, onClose }: { move: PendingMove | null; onClose: () => void }) {
  const { t } = useTranslation('desk');
  return (
    <Modal
      open={!!move}
      title={move ? t('moveForm.title', { action: move.action, title: move.request.title }) : ''}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={520}
    >
      {move && <MoveForm key={`${move.request.id}-${move.to}`} move={move} onClose={onClose} />}
    </Modal>
  );
}

function MoveForm({ move, onClose }: { move: PendingMove; onClose: () => void }) {
  const { t } = useTranslation('desk');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const [problem, setProblem] = useState<unknown>(null);
  const [update, { loading }] = useMutation(DESK_MOVE);

  const close = () => {
    setProblem(null);
    onClose();
  };

  const onFinish = async ({ note }: { note?: string }) => {
    setProblem(null);
    const text = (note ?? '').trim();
    try {
      await update({
        variables: { id: move.request.id, status: move.to, ...(text ? { note: text } : {}) },
        context: attemptContext(),
      });
      void message.success(t('moveForm.done', { status: t(`status.${move.to}`) }));
      close();
    } catch (err) {
      const byField = problemsByField(explain(err).fields);
      if (byField.note) form.setFields([{ name: 'note', errors: [byField.note] }]);
      else setProblem(err);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} disabled={loading}>
      <p>{t('moveForm.to', { status: t(`status.${move.to}`) })}</p>
      {move.reopen && (
        <Alert
          type="warning"
          showIcon
          title={t('moveForm.reopenWarn')}
          style={{ marginBottom: 12 }}
        />
      )}
      {move.cancel && (
        <Alert
          type="warning"
          showIcon
          title={t('moveForm.cancelWarn')}
          style={{ marginBottom: 12 }}
        />
      )}
      {problem !== null && <ErrorNotice error={problem} />}
      <Form.Item
        label={t('moveForm.note')}
        name="note"
        htmlFor="note"
        rules={[{ max: LIMITS.note, message: t('moveForm.noteLong') }]}
      >
        <Input.TextArea
          id="note"
          name="note"
          rows={3}
          placeholder={t('moveForm.notePlaceholder')}
        />
      </Form.Item>
      <div className="desk-form-actions">
        <Button type="primary" htmlType="submit" loading={loading} danger={move.cancel}>
          {t('moveForm.submit')}
        </Button>
        <Button onClick={close}>{t('cancel', { ns: 'common' })}</Button>
      </div>
    </Form>
  );
}
