import { useMutation } from '@apollo/client/react';
import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, explain } from '../../components/ErrorNotice';
import type { ReviewQueueReportFragment } from '../../gql/graphql';
import { problemsByField } from '../../lib/api-errors';
import { formatYuan } from '../../lib/numbers';
import { NOTE_MAX, noteProblem } from '../../lib/review';
import { REVIEW_DECIDE } from './queries';

type Report = ReviewQueueReportFragment;

/**
 * Returning a report: a dialog with the note the API requires to RETURN (`note`, a labelled
 * textarea). A refusal of the note shows under it; a CONFLICT (reviewed meanwhile, or
 * resubmitted) closes the dialog and refreshes the queue.
 */
export function ReturnModal({
  report,
  onClose,
  onReturned,
  onStale,
}: {
  report: Report | null;
  onClose: () => void;
  onReturned: (report: Report) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation('review');
  const [form] = Form.useForm<{ note: string }>();
  const [decide, { loading }] = useMutation(REVIEW_DECIDE);
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    if (!report) return;
    const { note } = await form.validateFields();
    setError(null);
    try {
      await decide({ variables: { id: report.id, decision: 'RETURN', note: note.trim() } });
      onReturned(report);
    } catch (err) {
      const explained = explain(err);
      if (explained.code === 'CONFLICT') {
        onStale();
        return;
      }
      const byField = problemsByField(explained.fields);
      if (byField.note) form.setFields([{ name: 'note', errors: [byField.note] }]);
      else setError(err);
    }
  };

  return (
    <Modal
      open={report !== null}
      title={t('queue.returnModal.title')}
      okText={t('queue.returnModal.ok')}
      cancelText={t('queue.cancel')}
      okButtonProps={{ danger: true, loading }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      afterOpenChange={(open) => {
        // Each report opens on an empty note.
        if (!open) {
          form.resetFields();
          setError(null);
        }
      }}
      forceRender
    >
      {report && (
        <Typography.Paragraph>
          {t('queue.returnModal.subject', {
            tenant: report.tenant.name,
            period: report.period,
            revision: report.revision,
            outputValue: formatYuan(report.outputValue),
          })}
        </Typography.Paragraph>
      )}
      {error !== null && (
        <div style={{ marginBottom: 12 }}>
          <ErrorNotice error={error} />
        </div>
      )}
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item
          label={t('queue.returnModal.note')}
          name="note"
          htmlFor="note"
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const problem = noteProblem(value);
                if (problem === 'REQUIRED')
                  return Promise.reject(new Error(t('queue.returnModal.noteRequired')));
                if (problem === 'TOO_LONG')
                  return Promise.reject(
                    new Error(t('queue.returnModal.noteTooLong', { max: NOTE_MAX })),
                  );
                return Promise.resolve();
              },
            },
          ]}
          required
        >
          <Input.TextArea
            id="note"
            name="note"
            rows={4}
            maxLength={NOTE_MAX}
            showCount
            placeholder={t('queue.returnModal.notePlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
