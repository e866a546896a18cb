import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Form, Input, Modal, Radio, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useUser } from '../../auth/useSession';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { SpaceApplicationsQueueQuery, SpaceApplicationStatus } from '../../gql/graphql';
import { formatDateTime } from '../../lib/dates';
import { formatArea } from '../../lib/numbers';
import { APPLICATION_STATUSES, queueOrder, rankUnits, type RankedUnit } from '../../lib/space';
import { SPACE } from '../../roles';
import { ApplicationStatusTag, Exact, NativeSelect, placeProblems } from './parts';
import {
  APPLICATIONS,
  APPROVE_APPLICATION,
  REJECT_APPLICATION,
  type Unit,
  ZONE_STOCK,
} from './queries';
import './space.css';
import { attemptContext } from '../../lib/idempotency';

type Application = SpaceApplicationsQueueQuery['spaceApplications'][number];
type Ranked = RankedUnit<Unit & { buildingCode: string }>;

const QUEUE_REFETCH = [APPLICATIONS];

interface ApproveValues {
  unitId: string;
  note?: string;
}

function ApproveModal({ application, onClose }: { application: Application; onClose: () => void }) {
  const { t } = useTranslation('space');
  const { message } = App.useApp();
  const [form] = Form.useForm<ApproveValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const stock = useQuery(ZONE_STOCK, { variables: { zoneId: application.zone.id } });
  const [approve, { loading }] = useMutation(APPROVE_APPLICATION, {
    refetchQueries: [
      ...QUEUE_REFETCH,
      { query: ZONE_STOCK, variables: { zoneId: application.zone.id } },
    ],
    awaitRefetchQueries: true,
  });
  const ranked: Ranked[] = useMemo(() => {
    const units =
      stock.data?.zone?.buildings.flatMap((b) =>
        b.units.map((u) => ({ ...u, buildingCode: b.code })),
      ) ?? [];
    return rankUnits(units, application);
  }, [stock.data, application]);

  const label = (r: Ranked) => {
    const base = t('approve.unitOption', {
      code: r.unit.code,
      kind: t(`kind.${r.unit.kind}`),
      area: formatArea(r.unit.area),
    });
    return r.misfits.length
      ? `${base} — ${r.misfits.map((m) => t(`misfit.${m}`)).join('、')}`
      : base;
  };
  const choice = (r: Ranked) => ({ value: r.unit.id, label: label(r), disabled: !r.pickable });
  const fitting = ranked.filter((r) => r.misfits.length === 0);
  const others = ranked.filter((r) => r.misfits.length > 0);

  const onFinish = async (values: ApproveValues) => {
    setProblem(null);
    try {
      await approve({
        variables: {
          id: application.id,
          unitId: values.unitId,
          note: values.note?.trim() || null,
        },
        context: attemptContext(),
      });
      const unit = ranked.find((r) => r.unit.id === values.unitId)?.unit;
      void message.success(t('approve.done', { code: unit?.code ?? '' }));
      onClose();
    } catch (err) {
      if (placeProblems(form, err, ['unitId', 'note'])) setProblem(err);
    }
  };
  return (
    <Modal
      open
      title={t('approve.title', { name: application.tenant.name })}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={600}
    >
      <p className="space-muted">
        {t('approve.asked', {
          zone: application.zone.name,
          kind: t(`kind.${application.unitKind}`),
          area: formatArea(application.area),
          from: application.fromDate,
          to: application.toDate,
        })}
      </p>
      {stock.error && !stock.data && (
        <ErrorNotice error={stock.error} onRetry={() => void stock.refetch()} />
      )}
      <Form<ApproveValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={loading}
        requiredMark
      >
        {problem !== null && <ErrorNotice error={problem} />}
        <Form.Item
          label={t('approve.unitId')}
          name="unitId"
          htmlFor="unitId"
          extra={
            stock.data
              ? fitting.length
                ? t('approve.fitting', { count: fitting.length })
                : t('approve.noneFitting')
              : undefined
          }
          rules={[{ required: true, message: t('problems.unit') }]}
        >
          <NativeSelect
            id="unitId"
            name="unitId"
            placeholder={stock.data ? t('approve.unitPick') : t('loading', { ns: 'common' })}
            groups={[
              { label: t('approve.groupFitting'), options: fitting.map(choice) },
              { label: t('approve.groupOthers'), options: others.map(choice) },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={t('approve.note')}
          name="note"
          htmlFor="note"
          rules={[{ max: 2000, message: t('problems.noteLong') }]}
        >
          <Input.TextArea id="note" name="note" rows={3} />
        </Form.Item>
        <div className="space-actions">
          <Button type="primary" htmlType="submit" loading={loading}>
            {t('approve.submit')}
          </Button>
          <Button onClick={onClose}>{t('cancel', { ns: 'common' })}</Button>
        </div>
      </Form>
    </Modal>
  );
}

interface RejectValues {
  note: string;
}

function RejectModal({ application, onClose }: { application: Application; onClose: () => void }) {
  const { t } = useTranslation('space');
  const { message } = App.useApp();
  const [form] = Form.useForm<RejectValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const [reject, { loading }] = useMutation(REJECT_APPLICATION, {
    refetchQueries: QUEUE_REFETCH,
    awaitRefetchQueries: true,
  });
  const onFinish = async (values: RejectValues) => {
    setProblem(null);
    try {
      await reject({
        variables: { id: application.id, note: values.note.trim() },
        context: attemptContext(),
      });
      void message.success(t('reject.done'));
      onClose();
    } catch (err) {
      if (placeProblems(form, err, ['note'])) setProblem(err);
    }
  };
  return (
    <Modal
      open
      title={t('reject.title', { name: application.tenant.name })}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={520}
    >
      <Form<RejectValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={loading}
        requiredMark
      >
        {problem !== null && <ErrorNotice error={problem} />}
        <Form.Item
          label={t('reject.note')}
          name="note"
          htmlFor="note"
          rules={[
            { required: true, whitespace: true, message: t('problems.noteRequired') },
            { max: 2000, message: t('problems.noteLong') },
          ]}
        >
          <Input.TextArea id="note" name="note" rows={3} placeholder={t('reject.placeholder')} />
        </Form.Item>
        <div className="space-actions">
          <Button type="primary" danger htmlType="submit" loading={loading}>
            {t('reject.submit')}
          </Button>
          <Button onClick={onClose}>{t('cancel', { ns: 'common' })}</Button>
        </div>
      </Form>
    </Modal>
  );
}

function Decision({ application }: { application: Application }) {
  const { t } = useTranslation('space');
  const lease = application.lease;
  if (application.status === 'SUBMITTED')
    return <span className="space-muted">{t('applications.pending')}</span>;
  return (
    <div data-field="decision">
      {lease && (
        <div>
          {t('applications.letOnto', {
            unit: lease.unit.code,
            building: lease.unit.building.name,
            from: lease.startDate,
            to: lease.endDate,
          })}
        </div>
      )}
      {application.decisionNote && <div className="space-muted">{application.decisionNote}</div>}
      {application.status === 'WITHDRAWN' && (
        <div className="space-muted">{t('applications.withdrawn')}</div>
      )}
    </div>
  );
}

const FILTERS = ['ALL', ...APPLICATION_STATUSES] as const;

/** 入驻申请: the firms' space applications, SUBMITTED first; approve onto a unit or reject. */
export default function SpaceApplicationsPage() {
  const { t } = useTranslation('space');
  const user = useUser();
  const mayDecide = SPACE.includes(user.role);
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = (APPLICATION_STATUSES as readonly string[]).includes(raw ?? '')
    ? (raw as SpaceApplicationStatus)
    : null;
  const [approving, setApproving] = useState<Application | null>(null);
  const [rejecting, setRejecting] = useState<Application | null>(null);
  const { data, loading, error, refetch } = useQuery(APPLICATIONS, {
    variables: { status },
  });
  const list = useMemo(() => queueOrder(data?.spaceApplications ?? []), [data]);

  const columns: ColumnsType<Application> = [
    {
      key: 'tenant',
      title: t('applications.tenant'),
      render: (_, a) => (
        <>
          <div>{a.tenant.name}</div>
          <div className="space-muted">
            {t('applications.submittedAt', { at: formatDateTime(a.createdAt) })}
          </div>
        </>
      ),
    },
    { key: 'zone', title: t('applications.zone'), render: (_, a) => a.zone.name },
    { key: 'kind', title: t('applications.kind'), render: (_, a) => t(`kind.${a.unitKind}`) },
    {
      key: 'area',
      title: t('applications.area'),
      align: 'right',
      render: (_, a) => (
        <Exact field="area" value={a.area}>
          {formatArea(a.area)}
        </Exact>
      ),
    },
    {
      key: 'period',
      title: t('applications.period'),
      render: (_, a) => (
        <span className="space-num">
          {a.fromDate} – {a.toDate}
        </span>
      ),
    },
    {
      key: 'purpose',
      title: t('applications.purpose'),
      render: (_, a) => <div style={{ maxWidth: 320 }}>{a.purpose}</div>,
    },
    {
      key: 'status',
      title: t('applications.status'),
      render: (_, a) => <ApplicationStatusTag status={a.status} />,
    },
    {
      key: 'decision',
      title: t('applications.decision'),
      render: (_, a) => <Decision application={a} />,
    },
  ];
  if (mayDecide)
    columns.push({
      key: 'actions',
      title: t('applications.actions'),
      render: (_, a) =>
        a.status === 'SUBMITTED' ? (
          <div className="space-actions">
            <Button
              size="small"
              type="primary"
              onClick={() => setApproving(a)}
              aria-label={t('approve.aria', { name: a.tenant.name })}
            >
              {t('approve.button')}
            </Button>
            <Button
              size="small"
              danger
              onClick={() => setRejecting(a)}
              aria-label={t('reject.aria', { name: a.tenant.name })}
            >
              {t('reject.button')}
            </Button>
          </div>
        ) : null,
    });

  return (
    <div className="space-page">
      <div className="space-toolbar">
        <Typography.Title level={1}>{t('applications.title')}</Typography.Title>
        <Link to="/space">
          <Button>{t('applications.toMap')}</Button>
        </Link>
      </div>
      <p className="space-intro">{t('applications.intro')}</p>
      <div className="space-toolbar">
        <Radio.Group
          aria-label={t('applications.filter')}
          optionType="button"
          value={status ?? 'ALL'}
          onChange={(e) => {
            const next = new URLSearchParams(params);
            const v = e.target.value as string;
            if (v === 'ALL') next.delete('status');
            else next.set('status', v);
            setParams(next, { replace: true });
          }}
          options={FILTERS.map((f) => ({
            value: f,
            label: f === 'ALL' ? t('applications.all') : t(`applicationStatus.${f}`),
          }))}
        />
      </div>
      {error && !data ? (
        <ErrorNotice error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<Application>
          rowKey="id"
          columns={columns}
          dataSource={list}
          loading={loading && !data}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 1200 }}
          locale={{ emptyText: t('applications.none') }}
          onRow={(a) =>
            ({ 'data-application': a.id, 'data-status': a.status }) as HTMLAttributes<HTMLElement>
          }
        />
      )}
      {approving && <ApproveModal application={approving} onClose={() => setApproving(null)} />}
      {rejecting && <RejectModal application={rejecting} onClose={() => setRejecting(null)} />}
    </div>
  );
}
