import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Spin, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Figure } from '../../components/Figure';
import { graphql } from '../../gql';
import type { AdminTargetFieldsFragment, MilestoneMetric } from '../../gql/graphql';
import {
  formatTarget,
  isCountMetric,
  isTargetText,
  METRIC_ORDER,
  sortTargets,
  targetFormText,
  targetInputOf,
  type TargetFormValues,
} from '../../lib/admin';
import { fromEvent, NativeSelect, placeProblems } from './parts';

graphql(`
  fragment AdminTargetFields on MilestoneTarget {
    id
    year
    metric
    target
    source
    zone {
      id
      code
      name
    }
  }
`);

const TARGETS = graphql(`
  query AdminTargets {
    milestoneTargets {
      ...AdminTargetFields
    }
    zones {
      id
      code
      name
    }
  }
`);

const SET_TARGET = graphql(`
  mutation AdminSetTarget($input: MilestoneTargetInput!) {
    setMilestoneTarget(input: $input) {
      ...AdminTargetFields
    }
  }
`);

type Target = AdminTargetFieldsFragment;
type Zone = { id: string; code: string; name: string };

/** The plan's years; a target for another year may still be listed when the API has one. */
const PLAN_YEARS = [2025, 2026, 2027];
const ADD_FIELDS = ['year', 'metric', 'zoneId', 'target', 'source'];
const EDIT_FIELDS = ['target', 'source'];
const DEFAULT_SOURCE = '吕政办发〔2025〕10号, III(IV)';

function useZoneName() {
  const { t } = useTranslation('admin');
  return (zone: Zone | null | undefined) =>
    zone ? t(`zones.${zone.code}`, { defaultValue: zone.name }) : t('zones.PARK');
}

/** Edits one target (`editing`), or adds one (`editing` null) through setMilestoneTarget. */
function TargetModal({
  open,
  editing,
  zones,
  defaultSource,
  onClose,
}: {
  open: boolean;
  editing: Target | null;
  zones: readonly Zone[];
  defaultSource: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const zoneName = useZoneName();
  const [form] = Form.useForm<TargetFormValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const [setTarget, { loading }] = useMutation(SET_TARGET, {
    refetchQueries: [TARGETS],
    awaitRefetchQueries: true,
  });
  const chosenMetric = (Form.useWatch('metric', form) || editing?.metric || '') as
    MilestoneMetric | '';

  const initialValues: TargetFormValues = editing
    ? {
        year: editing.year,
        metric: editing.metric,
        zoneId: editing.zone?.id ?? '',
        target: targetFormText(editing.metric, editing.target),
        source: editing.source,
      }
    : { year: PLAN_YEARS[0], metric: '', zoneId: '', target: '', source: defaultSource };

  const close = () => {
    setProblem(null);
    onClose();
  };

  const onFinish = async (values: TargetFormValues) => {
    setProblem(null);
    const input = targetInputOf({ ...initialValues, ...values });
    try {
      const { data } = await setTarget({ variables: { input } });
      const saved = data?.setMilestoneTarget;
      if (saved) {
        void message.success(
          t('targets.saved', {
            year: saved.year,
            zone: zoneName(saved.zone),
            metric: t(`metrics.${saved.metric}`),
            value: `${formatTarget(saved.metric, saved.target)} ${t(`units.${saved.metric}`)}`,
          }),
        );
      }
      close();
    } catch (err) {
      const placed = placeProblems(err, editing ? EDIT_FIELDS : ADD_FIELDS, i18n.language, (c) =>
        tc(`errors.${c}`),
      );
      if (placed.onForm.length) form.setFields(placed.onForm as never);
      setProblem(placed.elsewhere);
    }
  };

  const targetRule = {
    validator: (_: unknown, v?: string) => {
      if (!chosenMetric || !v || isTargetText(chosenMetric, v)) return Promise.resolve();
      return Promise.reject(
        new Error(t(isCountMetric(chosenMetric) ? 'targets.countInvalid' : 'targets.moneyInvalid')),
      );
    },
  };
  const required = { required: true, whitespace: true, message: t('required') };

  return (
    <Modal
      open={open}
      title={editing ? t('targets.editTitle') : t('targets.addTitle')}
      onCancel={close}
      footer={null}
      destroyOnHidden
      width={560}
    >
      {editing ? (
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            { key: 'year', label: t('targets.columns.year'), children: editing.year },
            { key: 'zone', label: t('targets.columns.zone'), children: zoneName(editing.zone) },
            {
              key: 'metric',
              label: t('targets.columns.metric'),
              children: t(`metrics.${editing.metric}`),
            },
          ]}
          style={{ marginBottom: 16 }}
        />
      ) : (
        <p className="adm-intro">{t('targets.addIntro')}</p>
      )}
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      <Form<TargetFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        disabled={loading}
        requiredMark={false}
        style={{ marginTop: problem ? 12 : 0 }}
      >
        {!editing && (
          <>
            <Form.Item
              label={t('targets.form.year')}
              name="year"
              htmlFor="year"
              getValueFromEvent={fromEvent}
              rules={[{ required: true, message: t('required') }]}
            >
              <NativeSelect
                id="year"
                name="year"
                options={PLAN_YEARS.map((y) => ({
                  value: String(y),
                  label: t('targets.yearOption', { year: y }),
                }))}
              />
            </Form.Item>
            <Form.Item
              label={t('targets.form.metric')}
              name="metric"
              htmlFor="metric"
              getValueFromEvent={fromEvent}
              rules={[{ required: true, message: t('required') }]}
            >
              <NativeSelect
                id="metric"
                name="metric"
                placeholder={t('targets.form.chooseMetric')}
                options={METRIC_ORDER.map((m) => ({ value: m, label: t(`metrics.${m}`) }))}
              />
            </Form.Item>
            <Form.Item
              label={t('targets.form.zoneId')}
              name="zoneId"
              htmlFor="zoneId"
              getValueFromEvent={fromEvent}
            >
              <NativeSelect
                id="zoneId"
                name="zoneId"
                options={[
                  { value: '', label: t('zones.PARK') },
                  ...zones.map((z) => ({ value: z.id, label: zoneName(z) })),
                ]}
              />
            </Form.Item>
          </>
        )}
        <Form.Item
          label={t('targets.form.target')}
          name="target"
          htmlFor="target"
          extra={
            chosenMetric
              ? isCountMetric(chosenMetric)
                ? t('targets.form.targetCountHelp', { unit: t(`units.${chosenMetric}`) })
                : t('targets.form.targetMoneyHelp')
              : undefined
          }
          rules={[required, targetRule]}
        >
          <Input id="target" name="target" inputMode="decimal" autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('targets.form.source')}
          name="source"
          htmlFor="source"
          extra={t('targets.form.sourceHelp')}
          rules={[required]}
        >
          <Input id="source" name="source" maxLength={500} autoComplete="off" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
          <Button onClick={close}>{t('cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={loading}>
            {t('targets.form.submit')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}

export default function TargetsPage() {
  const { t } = useTranslation('admin');
  const zoneName = useZoneName();
  const [params, setParams] = useSearchParams();
  const yearParam = params.get('year') ?? '';
  const { data, loading, error, refetch } = useQuery(TARGETS);
  const [modal, setModal] = useState<{ editing: Target | null } | null>(null);

  const all = useMemo(() => sortTargets(data?.milestoneTargets ?? []), [data]);
  const years = useMemo(
    () => [...new Set([...PLAN_YEARS, ...all.map((r) => r.year)])].sort((a, b) => a - b),
    [all],
  );
  const rows = yearParam ? all.filter((r) => String(r.year) === yearParam) : all;
  const zones = data?.zones ?? [];
  // A new target most likely comes from the same document as the others.
  const defaultSource = all[0]?.source ?? DEFAULT_SOURCE;

  const columns: ColumnsType<Target> = [
    { title: t('targets.columns.year'), dataIndex: 'year', key: 'year', width: 80 },
    {
      title: t('targets.columns.zone'),
      key: 'zone',
      width: 120,
      render: (_, r) => zoneName(r.zone),
    },
    {
      title: t('targets.columns.metric'),
      key: 'metric',
      render: (_, r) => t(`metrics.${r.metric}`),
    },
    {
      title: t('targets.columns.target'),
      key: 'target',
      align: 'right',
      render: (_, r) => (
        <Figure
          metric={r.metric}
          zone={r.zone?.code ?? 'PARK'}
          value={r.target}
          className="adm-figure"
        >
          {formatTarget(r.metric, r.target)} {t(`units.${r.metric}`)}
        </Figure>
      ),
    },
    { title: t('targets.columns.source'), dataIndex: 'source', key: 'source' },
    {
      title: t('actions'),
      key: 'actions',
      width: 90,
      render: (_, r) => (
        <Button
          size="small"
          onClick={() => setModal({ editing: r })}
          aria-label={t('targets.editLabel', {
            year: r.year,
            zone: zoneName(r.zone),
            metric: t(`metrics.${r.metric}`),
          })}
        >
          {t('targets.edit')}
        </Button>
      ),
    },
  ];

  return (
    <div className="adm-page">
      <h1>{t('targets.title')}</h1>
      <p className="adm-intro">{t('targets.intro')}</p>
      <div className="adm-toolbar">
        <div className="adm-filters">
          <Form layout="vertical">
            <Form.Item label={t('targets.yearFilter')} htmlFor="targetYear">
              <NativeSelect
                id="targetYear"
                name="year"
                value={yearParam}
                onChange={(e) => {
                  const next = new URLSearchParams(params);
                  if (e.target.value) next.set('year', e.target.value);
                  else next.delete('year');
                  setParams(next, { replace: true });
                }}
                options={[
                  { value: '', label: t('targets.allYears') },
                  ...years.map((y) => ({
                    value: String(y),
                    label: t('targets.yearOption', { year: y }),
                  })),
                ]}
              />
            </Form.Item>
          </Form>
        </div>
        <Button type="primary" onClick={() => setModal({ editing: null })}>
          {t('targets.add')}
        </Button>
      </div>
      {error && !data && <ErrorNotice error={error} onRetry={() => void refetch()} />}
      {loading && !data ? (
        <div className="page-loading" role="status">
          <Spin />
        </div>
      ) : (
        <Table<Target>
          rowKey="id"
          columns={columns}
          dataSource={rows}
          pagination={false}
          size="middle"
          scroll={{ x: 900 }}
          locale={{ emptyText: t('targets.empty') }}
          aria-label={t('targets.tableCaption')}
          onRow={(r) =>
            ({ 'data-target-id': r.id, 'data-year': r.year }) as HTMLAttributes<HTMLTableRowElement>
          }
        />
      )}
      <TargetModal
        open={modal !== null}
        editing={modal?.editing ?? null}
        zones={zones}
        defaultSource={defaultSource}
        onClose={() => setModal(null)}
      />
    </div>
  );
}
