import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Form, Input, Modal, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../auth/useSession';
import { ErrorNotice, explain } from '../../components/ErrorNotice';
import type { ServiceDeskRequestFieldsFragment, ServiceRequestStatus } from '../../gql/graphql';
import { problemsByField } from '../../lib/api-errors';
import { isLate, isReopening, LIMITS, statusMoves } from '../../lib/service-requests';
import { MOVE_REQUEST, REQUESTS } from '../service/operations';
import { HistoryDrawer, RequestStatusTag, When } from '../service/parts';
import { attemptContext } from '../../lib/idempotency';

type Request = ServiceDeskRequestFieldsFragment;

interface Move {
  request: Request;
  to: ServiceRequestStatus;
}

interface MoveValues {
  note?: string;
}

function useMoveLabel() {
  const { t } = useTranslation('services');
  return (from: ServiceRequestStatus, to: ServiceRequestStatus) =>
    isReopening(from, to) ? t('provider.reopen') : t(`provider.move.${to}`);
}

function MoveModal({ move, onClose }: { move: Move | null; onClose: () => void }) {
  const { t } = useTranslation('services');
  const { message } = App.useApp();
  const label = useMoveLabel();
  const [form] = Form.useForm<MoveValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const [moveRequest, { loading }] = useMutation(MOVE_REQUEST);

  const close = () => {
    setProblem(null);
    form.resetFields();
    onClose();
  };

  const onFinish = async (values: MoveValues) => {
    if (!move) return;
    setProblem(null);
    const note = values.note?.trim();
    try {
      await moveRequest({
        variables: { id: move.request.id, status: move.to, note: note || null },
        context: attemptContext(),
      });
      void message.success(t('provider.moved', { status: t(`status.${move.to}`) }));
      close();
    } catch (err) {
      const byField = problemsByField(explain(err).fields);
      if (byField.note) form.setFields([{ name: 'note', errors: [byField.note] }]);
      else setProblem(err);
    }
  };

  return (
    <Modal
      open={!!move}
      title={
        move
          ? t('provider.moveTitle', {
              action: label(move.request.status, move.to),
              title: move.request.title,
            })
          : ''
      }
      onCancel={close}
      footer={null}
      destroyOnHidden
      rootClassName="svc-modal"
      width={520}
    >
      {move && (
        <Form<MoveValues> form={form} layout="vertical" onFinish={onFinish} disabled={loading}>
          <p>{t('provider.moveTo', { status: t(`status.${move.to}`) })}</p>
          {isReopening(move.request.status, move.to) && move.request.rating != null && (
            <Alert type="warning" showIcon title={t('provider.reopenWarn')} />
          )}
          {problem !== null && <ErrorNotice error={problem} />}
          <Form.Item
            label={t('provider.note')}
            name="note"
            htmlFor="note"
            rules={[{ max: LIMITS.note, message: t('requests.problems.noteLong') }]}
          >
            <Input.TextArea
              id="note"
              name="note"
              rows={3}
              placeholder={t('provider.notePlaceholder')}
            />
          </Form.Item>
          <div className="svc-actions">
            <Button
              type="primary"
              htmlType="submit"
              loading={loading}
              danger={move.to === 'CANCELLED'}
            >
              {t('provider.confirm')}
            </Button>
            <Button onClick={close}>{t('cancel', { ns: 'common' })}</Button>
          </div>
        </Form>
      )}
    </Modal>
  );
}

export default function AssignedRequestsPage() {
  const { t } = useTranslation('services');
  const user = useUser();
  const label = useMoveLabel();
  const [move, setMove] = useState<Move | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  // A provider is answered only the requests assigned to it.
  const { data, loading, error, refetch } = useQuery(REQUESTS, { variables: {} });
  const requests = data?.serviceRequests ?? [];
  const shown = requests.find((r) => r.id === historyOf) ?? null;

  const columns: ColumnsType<Request> = [
    {
      key: 'title',
      title: t('requests.columns.title'),
      width: 300,
      render: (_, r) => (
        <>
          <div>{r.title}</div>
          <div className="svc-muted">{r.description}</div>
        </>
      ),
    },
    { key: 'tenant', title: t('requests.columns.tenant'), render: (_, r) => r.tenant.name },
    {
      key: 'category',
      title: t('requests.columns.category'),
      render: (_, r) => <span className="svc-nowrap">{t(`category.${r.category}`)}</span>,
    },
    {
      key: 'status',
      title: t('requests.columns.status'),
      render: (_, r) => <RequestStatusTag status={r.status} />,
    },
    {
      key: 'createdAt',
      title: t('requests.columns.createdAt'),
      render: (_, r) => <When at={r.createdAt} />,
    },
    {
      key: 'dueAt',
      title: t('requests.columns.dueAt'),
      render: (_, r) => (
        <>
          <When at={r.dueAt} />
          {isLate(r) && <span className="svc-late">{t('requests.late')}</span>}
        </>
      ),
    },
    {
      key: 'moves',
      title: t('requests.columns.actions'),
      render: (_, r) => {
        const moves = statusMoves(user.role, r.status);
        return (
          <div className="svc-actions">
            {moves.map((to) => (
              <Button
                key={to}
                size="small"
                type={to === 'CANCELLED' ? 'default' : 'primary'}
                danger={to === 'CANCELLED'}
                data-move={to}
                onClick={() => setMove({ request: r, to })}
              >
                {label(r.status, to)}
              </Button>
            ))}
            <Button size="small" onClick={() => setHistoryOf(r.id)}>
              {t('requests.history')}
            </Button>
          </div>
        );
      },
    },
  ];

  return (
    <div className="svc-page">
      <Typography.Title level={1}>{t('provider.title')}</Typography.Title>
      <p className="svc-intro">{t('provider.intro')}</p>
      {error && !data ? (
        <ErrorNotice error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<Request>
          rowKey="id"
          columns={columns}
          dataSource={requests}
          loading={loading && !data}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('provider.none') }}
          onRow={(r) => ({ 'data-request': r.id }) as HTMLAttributes<HTMLElement>}
        />
      )}
      <MoveModal move={move} onClose={() => setMove(null)} />
      <HistoryDrawer request={shown} onClose={() => setHistoryOf(null)} />
    </div>
  );
}
