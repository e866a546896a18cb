import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, explain } from '../../components/ErrorNotice';
import type { DeskProvidersQuery, DeskRequestFieldsFragment } from '../../gql/graphql';
import { problemsByField } from '../../lib/api-errors';
import { providersFor } from '../../lib/desk';
import { DESK_ASSIGN } from './operations';
import { NativeSelect } from './parts';
import { attemptContext } from '../../lib/idempotency';

type Request = DeskRequestFieldsFragment;
type Provider = DeskProvidersQuery['serviceProviders'][number];

/**
 * Gives a request to a provider (assignServiceRequest), or an ASSIGNED one to another. The
 * picker offers only the providers that serve the request's category, with what each has in hand.
 */
export function AssignModal({
  request,
  providers,
  load,
  onClose,
}: {
  request: Request | null;
  providers: readonly Provider[];
  load: ReadonlyMap<string, number>;
  onClose: () => void;
}) {
  const { t } = useTranslation('desk');
  // The title as the dialog opened: assigning makes the request ASSIGNED before it closes.
  const [reassign, setReassign] = useState(false);
  const [openedFor, setOpenedFor] = useState<string | null>(null);
  if ((request?.id ?? null) !== openedFor) {
    setOpenedFor(request?.id ?? null);
    setReassign(!!request?.assignee);
  }
  return (
    <Modal
      open={!!request}
      title={
        request
          ? t(reassign ? 'assign.reassignTitle' : 'assign.title', { title: request.title })
          : ''
      }
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={560}
    >
      {request && (
        <AssignForm
          key={request.id}
          request={request}
          providers={providers}
          load={load}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

function AssignForm({
  request,
  providers,
  load,
  onClose,
}: {
  request: Request;
  providers: readonly Provider[];
  load: ReadonlyMap<string, number>;
  onClose: () => void;
}) {
  const { t } = useTranslation('desk');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ providerId: string }>();
  const [problem, setProblem] = useState<unknown>(null);
  const [assign, { loading }] = useMutation(DESK_ASSIGN);

  const close = () => {
    setProblem(null);
    onClose();
  };

  // The providers as the dialog opened (the request's assignee changes once it is assigned).
  const [currentId] = useState(request.assignee?.id ?? null);
  const [currentName] = useState(request.assignee?.name ?? null);
  const choices = providersFor(providers, request.category, currentId);
  const category = t(`category.${request.category}`);

  const onFinish = async ({ providerId }: { providerId: string }) => {
    setProblem(null);
    try {
      const res = await assign({
        variables: { id: request.id, providerId },
        context: attemptContext(),
      });
      void message.success(
        t('assign.done', { name: res.data?.assignServiceRequest.assignee?.name ?? '' }),
      );
      close();
    } catch (err) {
      const byField = problemsByField(explain(err).fields);
      if (byField.providerId)
        form.setFields([{ name: 'providerId', errors: [byField.providerId] }]);
      else setProblem(err);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} disabled={loading} requiredMark>
      <p className="desk-muted">{t('assign.request', { category, firm: request.tenant.name })}</p>
      {currentName && <p>{t('assign.current', { name: currentName })}</p>}
      {problem !== null && <ErrorNotice error={problem} />}
      {choices.length === 0 ? (
        <Alert type="warning" showIcon title={t('assign.noProvider', { category })} />
      ) : (
        <Form.Item
          label={t('assign.providerId')}
          name="providerId"
          htmlFor="providerId"
          required
          extra={t('assign.hint', { category })}
          rules={[{ required: true, message: t('assign.required') }]}
        >
          <NativeSelect
            id="providerId"
            name="providerId"
            placeholder={t('assign.placeholder')}
            options={choices.map((p) => ({
              value: p.id,
              label: t('assign.option', { name: p.name, count: load.get(p.id) ?? 0 }),
            }))}
          />
        </Form.Item>
      )}
      <div className="desk-form-actions" style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={loading} disabled={choices.length === 0}>
          {t('assign.submit')}
        </Button>
        <Button onClick={close}>{t('cancel', { ns: 'common' })}</Button>
      </div>
    </Form>
  );
}
