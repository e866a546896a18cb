import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Form, Input, Modal, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../auth/useSession';
import { ErrorNotice, explain } from '../../components/ErrorNotice';
import type { ServiceCategory, ServiceDeskRequestFieldsFragment } from '../../gql/graphql';
import { problemsByField } from '../../lib/api-errors';
import { isLate, isRating, LIMITS, mayRate, SERVICE_CATEGORIES } from '../../lib/service-requests';
import { OPEN_REQUEST, RATE_REQUEST, REQUESTS } from './operations';
import { HistoryDrawer, NativeSelect, RequestStatusTag, StarRating, When } from './parts';
import { attemptContext } from '../../lib/idempotency';

type Request = ServiceDeskRequestFieldsFragment;

interface OpenValues {
  category: ServiceCategory | '';
  title: string;
  description: string;
}

interface RateValues {
  rating: number | null;
  comment?: string;
}

/** Puts the API's field problems next to their fields; says whether any was left unplaced. */
function placeFieldProblems(
  err: unknown,
  fields: readonly string[],
  setFields: (f: { name: string; errors: string[] }[]) => void,
): boolean {
  const byField = problemsByField(explain(err).fields);
  const placed = Object.entries(byField).filter(([name]) => fields.includes(name));
  setFields(placed.map(([name, msg]) => ({ name, errors: [msg] })));
  return placed.length === 0 || placed.length < Object.keys(byField).length;
}

function OpenRequestModal({
  open,
  tenantId,
  onClose,
}: {
  open: boolean;
  tenantId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('services');
  const { message } = App.useApp();
  const [form] = Form.useForm<OpenValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const [openRequest, { loading }] = useMutation(OPEN_REQUEST, {
    refetchQueries: [{ query: REQUESTS, variables: { tenantId } }],
    awaitRefetchQueries: true,
  });

  const close = () => {
    setProblem(null);
    form.resetFields();
    onClose();
  };

  const onFinish = async (values: OpenValues) => {
    setProblem(null);
    try {
      await openRequest({
        variables: {
          input: {
            tenantId,
            category: values.category as ServiceCategory,
            title: values.title.trim(),
            description: values.description.trim(),
          },
        },
        context: attemptContext(),
      });
      void message.success(t('requests.form.opened'));
      close();
    } catch (err) {
      const unplaced = placeFieldProblems(err, ['category', 'title', 'description'], (f) =>
        form.setFields(f.map((x) => ({ ...x, name: x.name as keyof OpenValues }))),
      );
      if (unplaced) setProblem(err);
    }
  };

  return (
    <Modal
      open={open}
      title={t('requests.form.title')}
      onCancel={close}
      footer={null}
      destroyOnHidden
      rootClassName="svc-modal"
      width={560}
    >
      <Form<OpenValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={loading}
        initialValues={{ category: '', title: '', description: '' }}
      >
        {problem !== null && <ErrorNotice error={problem} />}
        <Form.Item
          label={t('requests.form.category')}
          name="category"
          htmlFor="category"
          rules={[{ required: true, message: t('requests.problems.category') }]}
        >
          <NativeSelect
            id="category"
            name="category"
            placeholder={t('requests.form.categoryPlaceholder')}
            options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('requests.form.titleLabel')}
          name="title"
          htmlFor="title"
          rules={[
            { required: true, whitespace: true, message: t('requests.problems.title') },
            { max: LIMITS.title, message: t('requests.problems.titleLong') },
          ]}
        >
          <Input id="title" name="title" autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('requests.form.description')}
          name="description"
          htmlFor="description"
          rules={[
            { required: true, whitespace: true, message: t('requests.problems.description') },
            { max: LIMITS.description, message: t('requests.problems.descriptionLong') },
          ]}
        >
          <Input.TextArea
            id="description"
            name="description"
            rows={4}
            placeholder={t('requests.form.descriptionPlaceholder')}
          />
        </Form.Item>
        <div className="svc-actions">
          <Button type="primary" htmlType="submit" loading={loading}>
            {t('requests.form.submit')}
          </Button>
          <Button onClick={close}>{t('cancel', { ns: 'common' })}</Button>
        </div>
      </Form>
    </Modal>
  );
}

function RateModal({ request, onClose }: { request: Request | null; onClose: () => void }) {
  const { t } = useTranslation('services');
  const { message } = App.useApp();
  const [form] = Form.useForm<RateValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const [rate, { loading }] = useMutation(RATE_REQUEST);

  const close = () => {
    setProblem(null);
    form.resetFields();
    onClose();
  };

  const onFinish = async (values: RateValues) => {
    if (!request || !isRating(values.rating)) return;
    setProblem(null);
    const comment = values.comment?.trim();
    try {
      await rate({
        variables: { id: request.id, rating: values.rating, comment: comment || null },
        context: attemptContext(),
      });
      void message.success(t('requests.rateForm.rated'));
      close();
    } catch (err) {
      const unplaced = placeFieldProblems(err, ['rating', 'comment'], (f) =>
        form.setFields(f.map((x) => ({ ...x, name: x.name as keyof RateValues }))),
      );
      if (unplaced) setProblem(err);
    }
  };

  return (
    <Modal
      open={!!request}
      title={request ? t('requests.rateTitle', { title: request.title }) : ''}
      onCancel={close}
      footer={null}
      destroyOnHidden
      rootClassName="svc-modal"
      width={480}
    >
      {request && (
        <Form<RateValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          disabled={loading}
          initialValues={{ rating: null, comment: '' }}
        >
          {problem !== null && <ErrorNotice error={problem} />}
          <Form.Item
            label={<span id="rating-label">{t('requests.rateForm.rating')}</span>}
            name="rating"
            rules={[
              {
                validator: (_, value: unknown) =>
                  isRating(value)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('requests.problems.rating'))),
              },
            ]}
          >
            <StarRating id="rating" labelId="rating-label" />
          </Form.Item>
          <Form.Item
            label={t('requests.rateForm.comment')}
            name="comment"
            htmlFor="comment"
            rules={[{ max: LIMITS.comment, message: t('requests.problems.commentLong') }]}
          >
            <Input.TextArea id="comment" name="comment" rows={3} />
          </Form.Item>
          <div className="svc-actions">
            <Button type="primary" htmlType="submit" loading={loading}>
              {t('requests.rateForm.submit')}
            </Button>
            <Button onClick={close}>{t('cancel', { ns: 'common' })}</Button>
          </div>
        </Form>
      )}
    </Modal>
  );
}

export default function ServiceRequestsPage() {
  const { t } = useTranslation('services');
  const user = useUser();
  const tenantId = user.tenantId ?? '';
  const [opening, setOpening] = useState(false);
  const [rating, setRating] = useState<Request | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const { data, loading, error, refetch } = useQuery(REQUESTS, {
    variables: { tenantId },
    skip: !tenantId,
  });
  const requests = data?.serviceRequests ?? [];
  // The drawer follows the cached request, so a change made meanwhile shows in it.
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
      key: 'assignee',
      title: t('requests.columns.assignee'),
      render: (_, r) =>
        r.assignee?.name ?? <span className="svc-muted">{t('requests.notAssigned')}</span>,
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
      key: 'resolvedAt',
      title: t('requests.columns.resolvedAt'),
      render: (_, r) => <When at={r.resolvedAt} />,
    },
    {
      key: 'rating',
      title: t('requests.columns.rating'),
      render: (_, r) =>
        r.rating != null ? (
          <>
            <span className="svc-nowrap" data-rating={r.rating}>
              {t('requests.ratedStars', { rating: r.rating })}
            </span>
            {r.ratingComment && <div className="svc-muted">{r.ratingComment}</div>}
          </>
        ) : (
          <span className="svc-muted svc-nowrap">{t('requests.notRated')}</span>
        ),
    },
    {
      key: 'actions',
      title: t('requests.columns.actions'),
      render: (_, r) => (
        <div className="svc-actions">
          <Button size="small" onClick={() => setHistoryOf(r.id)}>
            {t('requests.history')}
          </Button>
          {mayRate(user.role, r) && (
            <Button size="small" type="primary" onClick={() => setRating(r)}>
              {t('requests.rate')}
            </Button>
          )}
        </div>
      ),
    },
  ];

  return (
    <div className="svc-page">
      <div className="svc-toolbar">
        <Typography.Title level={1}>{t('requests.title')}</Typography.Title>
        <Button type="primary" onClick={() => setOpening(true)}>
          {t('requests.open')}
        </Button>
      </div>
      <p className="svc-intro">{t('requests.intro')}</p>
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
          locale={{ emptyText: t('requests.none') }}
          onRow={(r) => ({ 'data-request': r.id }) as HTMLAttributes<HTMLElement>}
        />
      )}
      <OpenRequestModal open={opening} tenantId={tenantId} onClose={() => setOpening(false)} />
      <RateModal request={rating} onClose={() => setRating(null)} />
      <HistoryDrawer request={shown} onClose={() => setHistoryOf(null)} />
    </div>
  );
}
