import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Descriptions, Drawer, Form, Input, Table, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { UnitCondition } from '../../gql/graphql';
import { isIsoDate } from '../../lib/dates';
import { formatArea, formatYuan, isMoneyText } from '../../lib/numbers';
import { defaultRent, tileOf, UNIT_CONDITIONS } from '../../lib/space';
import { Exact, NativeSelect, placeProblems, TileStatusTag } from './parts';
import {
  ALLOCATE_UNIT,
  type Building,
  END_LEASE,
  type Lease,
  SET_UNIT_CONDITION,
  TENANT_SEARCH,
  type Unit,
  ZONE_STOCK,
} from './queries';
import { FloorName } from './VacancyMap';
import { attemptContext } from '../../lib/idempotency';

interface Props {
  unit: Unit | null;
  building: Building | null;
  zoneId: string;
  today: string;
  mayManage: boolean;
  onClose: () => void;
}

const LEASE_TONE = { ACTIVE: 'LET', ENDED: 'UNAVAILABLE', TERMINATED: 'REJECTED' } as const;

function LeaseStatusTag({ status }: { status: Lease['status'] }) {
  const { t } = useTranslation('space');
  return (
    <span className={`space-tag space-tile-${LEASE_TONE[status]}`} data-status={status}>
      {t(`leaseStatus.${status}`)}
    </span>
  );
}

interface EndValues {
  endDate: string;
}

/** endLease: a new, earlier end date; the rest of the period is free again. */
function EndLeaseForm({
  lease,
  zoneId,
  onDone,
}: {
  lease: Lease;
  zoneId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation('space');
  const { message } = App.useApp();
  const [form] = Form.useForm<EndValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const [endLease, { loading }] = useMutation(END_LEASE, {
    refetchQueries: [{ query: ZONE_STOCK, variables: { zoneId } }],
    awaitRefetchQueries: true,
  });
  const onFinish = async (values: EndValues) => {
    setProblem(null);
    try {
      const answer = await endLease({
        variables: { id: lease.id, endDate: values.endDate },
        context: attemptContext(),
      });
      void message.success(
        answer.data?.endLease.status === 'TERMINATED'
          ? t('endLease.cancelled')
          : t('endLease.done', { date: values.endDate }),
      );
      onDone();
    } catch (err) {
      if (placeProblems(form, err, ['endDate'])) setProblem(err);
    }
  };
  return (
    <Form<EndValues>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      disabled={loading}
      className="space-section"
      aria-labelledby="end-lease-title"
    >
      <h3 id="end-lease-title">
        {t('endLease.title', { name: lease.tenant.name, from: lease.startDate, to: lease.endDate })}
      </h3>
      <p className="space-muted">{t('endLease.hint')}</p>
      {problem !== null && <ErrorNotice error={problem} />}
      <Form.Item
        label={t('endLease.endDate')}
        name="endDate"
        htmlFor="endDate"
        rules={[
          {
            validator: (_, v: string | undefined) =>
              v && isIsoDate(v) ? Promise.resolve() : Promise.reject(new Error(t('problems.date'))),
          },
        ]}
      >
        <Input id="endDate" name="endDate" type="date" max={lease.endDate} />
      </Form.Item>
      <div className="space-actions">
        <Button type="primary" danger htmlType="submit" loading={loading}>
          {t('endLease.submit')}
        </Button>
        <Button onClick={onDone}>{t('cancel', { ns: 'common' })}</Button>
      </div>
    </Form>
  );
}

function LeasesTab({
  unit,
  zoneId,
  mayManage,
}: {
  unit: Unit;
  zoneId: string;
  mayManage: boolean;
}) {
  const { t } = useTranslation('space');
  const [ending, setEnding] = useState<string | null>(null);
  const endingLease = unit.leases.find((l) => l.id === ending) ?? null;
  const leases = [...unit.leases].sort((a, b) => b.startDate.localeCompare(a.startDate));
  const columns: ColumnsType<Lease> = [
    { key: 'tenant', title: t('lease.tenant'), render: (_, l) => l.tenant.name },
    {
      key: 'startDate',
      title: t('lease.startDate'),
      render: (_, l) => <span className="space-num">{l.startDate}</span>,
    },
    {
      key: 'endDate',
      title: t('lease.endDate'),
      render: (_, l) => <span className="space-num">{l.endDate}</span>,
    },
    {
      key: 'monthlyRent',
      title: t('lease.monthlyRent'),
      align: 'right',
      render: (_, l) => (
        <Exact field="monthlyRent" value={l.monthlyRent}>
          {formatYuan(l.monthlyRent)}
        </Exact>
      ),
    },
    {
      key: 'status',
      title: t('lease.status'),
      render: (_, l) => <LeaseStatusTag status={l.status} />,
    },
  ];
  if (mayManage)
    columns.push({
      key: 'actions',
      title: t('lease.actions'),
      render: (_, l) =>
        l.status === 'ACTIVE' ? (
          <Button
            size="small"
            onClick={() => setEnding(l.id)}
            aria-label={t('endLease.open', { name: l.tenant.name, from: l.startDate })}
          >
            {t('endLease.button')}
          </Button>
        ) : null,
    });
  return (
    <>
      <Table<Lease>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={leases}
        pagination={false}
        scroll={{ x: 560 }}
        locale={{ emptyText: t('lease.none') }}
        onRow={(l) => ({ 'data-lease-id': l.id }) as HTMLAttributes<HTMLElement>}
      />
      {endingLease && (
        <EndLeaseForm
          key={endingLease.id}
          lease={endingLease}
          zoneId={zoneId}
          onDone={() => setEnding(null)}
        />
      )}
    </>
  );
}

interface AllocateValues {
  tenantId: string;
  startDate: string;
  endDate: string;
  monthlyRent?: string;
}

const ALLOCATE_FIELDS = ['tenantId', 'startDate', 'endDate', 'monthlyRent'];

/** The tenant picker: a search box narrowing a native select of resident firms and teams. */
function TenantPicker({ value, onChange }: { value?: string; onChange?: (value: string) => void }) {
  const { t } = useTranslation('space');
  const [search, setSearch] = useState('');
  const [term, setTerm] = useState('');
  const [picked, setPicked] = useState<{ id: string; name: string } | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setTerm(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const { data, loading } = useQuery(TENANT_SEARCH, {
    variables: { nameContains: term || null },
  });
  const found = data?.tenants.edges.map((e) => e.node) ?? [];
  const options = found.map((n) => ({ value: n.id, label: `${n.name}（${n.zone.name}）` }));
  if (picked && value === picked.id && !found.some((n) => n.id === picked.id))
    options.unshift({ value: picked.id, label: picked.name });
  return (
    <div className="space-picker">
      <label htmlFor="tenantSearch" className="space-muted">
        {t('allocate.tenantSearch')}
      </label>
      <Input
        id="tenantSearch"
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder={t('allocate.tenantSearchPlaceholder')}
        autoComplete="off"
      />
      <NativeSelect
        id="tenantId"
        name="tenantId"
        value={value}
        placeholder={loading && !data ? t('loading', { ns: 'common' }) : t('allocate.tenantPick')}
        options={options}
        onChange={(id) => {
          const node = found.find((n) => n.id === id);
          if (node) setPicked({ id: node.id, name: node.name });
          onChange?.(id);
        }}
        style={{ marginTop: 8 }}
      />
      {!loading && data && found.length === 0 && (
        <p className="space-muted">{t('allocate.noTenant')}</p>
      )}
    </div>
  );
}

function AllocateTab({
  unit,
  zoneId,
  today,
  onDone,
}: {
  unit: Unit;
  zoneId: string;
  today: string;
  onDone: () => void;
}) {
  const { t } = useTranslation('space');
  const { message } = App.useApp();
  const [form] = Form.useForm<AllocateValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const [allocate, { loading }] = useMutation(ALLOCATE_UNIT, {
    refetchQueries: [{ query: ZONE_STOCK, variables: { zoneId } }],
    awaitRefetchQueries: true,
  });
  const rent = defaultRent(unit.area, unit.monthlyRentPerSqm);
  const startDate = Form.useWatch('startDate', form);

  if (unit.condition !== 'IN_SERVICE')
    return (
      <p className="space-muted">
        {t('allocate.notInService', { condition: t(`condition.${unit.condition}`) })}
      </p>
    );

  const onFinish = async (values: AllocateValues) => {
    setProblem(null);
    const typed = values.monthlyRent?.trim();
    try {
      await allocate({
        variables: {
          input: {
            unitId: unit.id,
            tenantId: values.tenantId,
            startDate: values.startDate,
            endDate: values.endDate,
            ...(typed ? { monthlyRent: typed } : {}),
          },
        },
        context: attemptContext(),
      });
      void message.success(t('allocate.done', { code: unit.code }));
      form.resetFields();
      onDone();
    } catch (err) {
      if (placeProblems(form, err, ALLOCATE_FIELDS)) setProblem(err);
    }
  };

  const dateRule = {
    validator: (_: unknown, v: string | undefined) =>
      v && isIsoDate(v) ? Promise.resolve() : Promise.reject(new Error(t('problems.date'))),
  };
  return (
    <Form<AllocateValues>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      disabled={loading}
      initialValues={{ startDate: today }}
      requiredMark
    >
      {problem !== null && <ErrorNotice error={problem} />}
      <Form.Item
        label={t('allocate.tenantId')}
        name="tenantId"
        htmlFor="tenantId"
        rules={[{ required: true, message: t('problems.tenant') }]}
      >
        <TenantPicker />
      </Form.Item>
      <Form.Item
        label={t('allocate.startDate')}
        name="startDate"
        htmlFor="startDate"
        rules={[dateRule]}
      >
        <Input id="startDate" name="startDate" type="date" />
      </Form.Item>
      <Form.Item
        label={t('allocate.endDate')}
        name="endDate"
        htmlFor="endDate"
        dependencies={['startDate']}
        rules={[
          dateRule,
          ({ getFieldValue }) => ({
            validator: (_, v: string | undefined) => {
              const start = getFieldValue('startDate') as string | undefined;
              return !v || !start || v >= start
                ? Promise.resolve()
                : Promise.reject(new Error(t('problems.endBeforeStart')));
            },
          }),
        ]}
      >
        <Input id="endDate" name="endDate" type="date" min={startDate || undefined} />
      </Form.Item>
      <Form.Item
        label={t('allocate.monthlyRent')}
        name="monthlyRent"
        htmlFor="monthlyRent"
        extra={
          <span data-field="defaultRent" data-value={rent}>
            {t('allocate.rentDefault', {
              rent: formatYuan(rent),
              area: formatArea(unit.area),
              rate: formatYuan(unit.monthlyRentPerSqm),
            })}
          </span>
        }
        rules={[
          {
            validator: (_, v: string | undefined) =>
              !v?.trim() || isMoneyText(v)
                ? Promise.resolve()
                : Promise.reject(new Error(t('problems.money'))),
          },
        ]}
      >
        <Input
          id="monthlyRent"
          name="monthlyRent"
          inputMode="decimal"
          autoComplete="off"
          placeholder={rent}
          suffix={t('yuan', { ns: 'common' })}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={loading}>
        {t('allocate.submit')}
      </Button>
    </Form>
  );
}

interface ConditionValues {
  condition: UnitCondition;
}

function ConditionTab({ unit, zoneId }: { unit: Unit; zoneId: string }) {
  const { t } = useTranslation('space');
  const { message } = App.useApp();
  const [form] = Form.useForm<ConditionValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const [setCondition, { loading }] = useMutation(SET_UNIT_CONDITION, {
    refetchQueries: [{ query: ZONE_STOCK, variables: { zoneId } }],
    awaitRefetchQueries: true,
  });
  const onFinish = async (values: ConditionValues) => {
    setProblem(null);
    try {
      await setCondition({
        variables: { input: { unitId: unit.id, condition: values.condition } },
        context: attemptContext(),
      });
      void message.success(
        t('condition.done', { code: unit.code, condition: t(`condition.${values.condition}`) }),
      );
    } catch (err) {
      if (placeProblems(form, err, ['condition'])) setProblem(err);
    }
  };
  return (
    <Form<ConditionValues>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      disabled={loading}
      initialValues={{ condition: unit.condition }}
    >
      <p className="space-muted">{t('condition.hint')}</p>
      {problem !== null && <ErrorNotice error={problem} />}
      <Form.Item label={t('condition.label')} name="condition" htmlFor="condition">
        <NativeSelect
          id="condition"
          name="condition"
          options={UNIT_CONDITIONS.map((c) => ({ value: c, label: t(`condition.${c}`) }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={loading}>
        {t('condition.submit')}
      </Button>
    </Form>
  );
}

/** The drawer's content for one unit; a new unit starts on its leases. */
function UnitBody({
  unit,
  building,
  zoneId,
  today,
  mayManage,
}: Omit<Props, 'unit' | 'onClose'> & { unit: Unit }) {
  const { t } = useTranslation('space');
  const [tab, setTab] = useState('leases');
  const tile = tileOf(unit, today);
  const items = [
    {
      key: 'leases',
      label: t('drawer.leases'),
      children: <LeasesTab unit={unit} zoneId={zoneId} mayManage={mayManage} />,
    },
    ...(mayManage
      ? [
          {
            key: 'allocate',
            label: t('drawer.allocate'),
            children: (
              <AllocateTab
                unit={unit}
                zoneId={zoneId}
                today={today}
                onDone={() => setTab('leases')}
              />
            ),
          },
          {
            key: 'condition',
            label: t('drawer.condition'),
            children: <ConditionTab key={unit.condition} unit={unit} zoneId={zoneId} />,
          },
        ]
      : []),
  ];
  return (
    <div data-unit-id={unit.id} data-status={tile.status}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: 'building',
            label: t('unit.building'),
            children: building ? `${building.code} ${building.name}` : '',
          },
          { key: 'floor', label: t('unit.floor'), children: <FloorName floor={unit.floor} /> },
          { key: 'kind', label: t('unit.kind'), children: t(`kind.${unit.kind}`) },
          {
            key: 'area',
            label: t('unit.area'),
            children: (
              <Exact field="area" value={unit.area}>
                {formatArea(unit.area)}
              </Exact>
            ),
          },
          {
            key: 'rate',
            label: t('unit.monthlyRentPerSqm'),
            children: (
              <Exact field="monthlyRentPerSqm" value={unit.monthlyRentPerSqm}>
                {formatYuan(unit.monthlyRentPerSqm)}
              </Exact>
            ),
          },
          {
            key: 'rent',
            label: t('unit.defaultRent'),
            children: (
              <Exact field="defaultRent" value={defaultRent(unit.area, unit.monthlyRentPerSqm)}>
                {formatYuan(defaultRent(unit.area, unit.monthlyRentPerSqm))}
              </Exact>
            ),
          },
          {
            key: 'condition',
            label: t('unit.condition'),
            children: t(`condition.${unit.condition}`),
          },
          {
            key: 'status',
            label: t('unit.today'),
            children: <TileStatusTag status={tile.status} />,
          },
          ...(tile.lease
            ? [
                { key: 'tenant', label: t('lease.tenant'), children: tile.lease.tenant.name },
                {
                  key: 'until',
                  label: t('unit.letUntil'),
                  children: tile.letUntil ?? tile.lease.endDate,
                },
              ]
            : []),
        ]}
      />
      <Tabs activeKey={tab} onChange={setTab} items={items} destroyOnHidden />
    </div>
  );
}

/** A unit from the vacancy map: its leases, letting it, ending a lease, its condition. */
export function UnitDrawer({ unit, building, zoneId, today, mayManage, onClose }: Props) {
  const { t } = useTranslation('space');
  return (
    <Drawer
      open={!!unit}
      onClose={onClose}
      title={unit ? t('drawer.title', { code: unit.code }) : ''}
      size={640}
      destroyOnHidden
      rootClassName="space-drawer"
      closable={{ 'aria-label': t('drawer.close') }}
    >
      {unit && (
        <UnitBody
          key={unit.id}
          unit={unit}
          building={building}
          zoneId={zoneId}
          today={today}
          mayManage={mayManage}
        />
      )}
    </Drawer>
  );
}
