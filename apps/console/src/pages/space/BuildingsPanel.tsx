import { useMutation } from '@apollo/client/react';
import { App, Button, Empty, Form, Input, Modal, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { UnitKind } from '../../gql/graphql';
import { formatArea, formatYuan } from '../../lib/numbers';
import {
  floorsOf,
  isAreaText,
  isCodeText,
  isFloorText,
  isRateText,
  UNIT_KINDS,
  unitChanges,
} from '../../lib/space';
import { Exact, NativeSelect, placeProblems, UnitStatusTag } from './parts';
import {
  type Building,
  CREATE_BUILDING,
  CREATE_UNIT,
  type Unit,
  UPDATE_BUILDING,
  UPDATE_UNIT,
  type Zone,
  ZONE_STOCK,
} from './queries';
import { FloorName } from './VacancyMap';
import { attemptContext } from '../../lib/idempotency';

/** Validators of the text fields, in the page's words. */
function useRules() {
  const { t } = useTranslation('space');
  const rule = (ok: (v: string) => boolean, problem: string, required = true) => ({
    validator: (_: unknown, v: string | number | undefined) => {
      const text = v === undefined || v === null ? '' : String(v);
      if (!text.trim())
        return required ? Promise.reject(new Error(t('problems.required'))) : Promise.resolve();
      return ok(text) ? Promise.resolve() : Promise.reject(new Error(t(`problems.${problem}`)));
    },
  });
  return {
    code: rule(isCodeText, 'code'),
    name: rule((v) => v.trim().length <= 200, 'name'),
    fee: rule(isRateText, 'rate', false),
    rate: rule(isRateText, 'rate'),
    area: rule(isAreaText, 'area'),
    floor: rule(isFloorText, 'floor'),
  };
}

interface BuildingValues {
  code: string;
  name: string;
  propertyFeePerSqm?: string;
}

const BUILDING_FIELDS = ['code', 'name', 'propertyFeePerSqm'];

/** createBuilding, or updateBuilding (the code stays: it is what the units are numbered by). */
function BuildingModal({
  open,
  building,
  zone,
  onClose,
}: {
  open: boolean;
  building: Building | null;
  zone: Zone;
  onClose: () => void;
}) {
  const { t } = useTranslation('space');
  const { message } = App.useApp();
  const rules = useRules();
  const [form] = Form.useForm<BuildingValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const refetch = {
    refetchQueries: [{ query: ZONE_STOCK, variables: { zoneId: zone.id } }],
    awaitRefetchQueries: true,
  };
  const [create, creating] = useMutation(CREATE_BUILDING, refetch);
  const [update, updating] = useMutation(UPDATE_BUILDING, refetch);
  const loading = creating.loading || updating.loading;
  const close = () => {
    setProblem(null);
    onClose();
  };
  const onFinish = async (values: BuildingValues) => {
    setProblem(null);
    const fee = values.propertyFeePerSqm?.trim();
    try {
      if (building) {
        await update({
          variables: {
            input: {
              id: building.id,
              name: values.name.trim(),
              ...(fee ? { propertyFeePerSqm: fee } : {}),
            },
          },
          context: attemptContext(),
        });
        void message.success(t('buildings.updated', { code: building.code }));
      } else {
        await create({
          variables: {
            input: {
              zoneId: zone.id,
              code: values.code.trim(),
              name: values.name.trim(),
              ...(fee ? { propertyFeePerSqm: fee } : {}),
            },
          },
          context: attemptContext(),
        });
        void message.success(t('buildings.created', { code: values.code.trim() }));
      }
      close();
    } catch (err) {
      if (placeProblems(form, err, BUILDING_FIELDS)) setProblem(err);
    }
  };
  return (
    <Modal
      open={open}
      title={
        building
          ? t('buildings.editTitle', { code: building.code })
          : t('buildings.createTitle', { zone: zone.name })
      }
      onCancel={close}
      footer={null}
      destroyOnHidden
      width={520}
    >
      <Form<BuildingValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={loading}
        requiredMark
        initialValues={
          building
            ? {
                code: building.code,
                name: building.name,
                propertyFeePerSqm: building.propertyFeePerSqm,
              }
            : { propertyFeePerSqm: '' }
        }
      >
        {problem !== null && <ErrorNotice error={problem} />}
        {building ? (
          <p>
            {t('buildings.code')}：<strong>{building.code}</strong>
          </p>
        ) : (
          <Form.Item
            label={t('buildings.code')}
            name="code"
            htmlFor="code"
            extra={t('buildings.codeHint')}
            rules={[rules.code]}
          >
            <Input id="code" name="code" autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item label={t('buildings.name')} name="name" htmlFor="name" rules={[rules.name]}>
          <Input id="name" name="name" autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('buildings.propertyFeePerSqm')}
          name="propertyFeePerSqm"
          htmlFor="propertyFeePerSqm"
          extra={building ? undefined : t('buildings.feeHint')}
          rules={[rules.fee]}
        >
          <Input
            id="propertyFeePerSqm"
            name="propertyFeePerSqm"
            inputMode="decimal"
            autoComplete="off"
            suffix={t('perSqmMonth')}
          />
        </Form.Item>
        <div className="space-actions">
          <Button type="primary" htmlType="submit" loading={loading}>
            {t('save', { ns: 'common' })}
          </Button>
          <Button onClick={close}>{t('cancel', { ns: 'common' })}</Button>
        </div>
      </Form>
    </Modal>
  );
}

interface UnitValues {
  code: string;
  floor: string;
  kind: UnitKind;
  area: string;
  monthlyRentPerSqm: string;
}

const UNIT_FIELDS = ['code', 'floor', 'kind', 'area', 'monthlyRentPerSqm'];

/** createUnit in a building, or updateUnit (only what changed is sent). */
function UnitModal({
  target,
  zoneId,
  onClose,
}: {
  target: { building: Building; unit: Unit | null } | null;
  zoneId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('space');
  const { message } = App.useApp();
  const rules = useRules();
  const [form] = Form.useForm<UnitValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const refetch = {
    refetchQueries: [{ query: ZONE_STOCK, variables: { zoneId } }],
    awaitRefetchQueries: true,
  };
  const [create, creating] = useMutation(CREATE_UNIT, refetch);
  const [update, updating] = useMutation(UPDATE_UNIT, refetch);
  const loading = creating.loading || updating.loading;
  const unit = target?.unit ?? null;
  const close = () => {
    setProblem(null);
    onClose();
  };
  const onFinish = async (values: UnitValues) => {
    if (!target) return;
    setProblem(null);
    try {
      if (unit) {
        const changes = unitChanges(unit, values);
        if (Object.keys(changes).length)
          await update({
            variables: { input: { id: unit.id, ...changes } },
            context: attemptContext(),
          });
        void message.success(t('units.updated', { code: changes.code ?? unit.code }));
      } else {
        await create({
          variables: {
            input: {
              buildingId: target.building.id,
              code: values.code.trim(),
              floor: Number(values.floor),
              kind: values.kind,
              area: values.area.trim(),
              monthlyRentPerSqm: values.monthlyRentPerSqm.trim(),
            },
          },
          context: attemptContext(),
        });
        void message.success(t('units.created', { code: values.code.trim() }));
      }
      close();
    } catch (err) {
      if (placeProblems(form, err, UNIT_FIELDS)) setProblem(err);
    }
  };
  return (
    <Modal
      open={!!target}
      title={
        unit
          ? t('units.editTitle', { code: unit.code })
          : t('units.createTitle', { building: target?.building.code ?? '' })
      }
      onCancel={close}
      footer={null}
      destroyOnHidden
      width={520}
    >
      {target && (
        <Form<UnitValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          disabled={loading}
          requiredMark
          initialValues={
            unit
              ? {
                  code: unit.code,
                  floor: String(unit.floor),
                  kind: unit.kind,
                  area: unit.area,
                  monthlyRentPerSqm: unit.monthlyRentPerSqm,
                }
              : { kind: 'OFFICE', floor: '1' }
          }
        >
          {problem !== null && <ErrorNotice error={problem} />}
          <Form.Item
            label={t('units.code')}
            name="code"
            htmlFor="code"
            extra={t('units.codeHint')}
            rules={[rules.code]}
          >
            <Input id="code" name="code" autoComplete="off" />
          </Form.Item>
          <Form.Item label={t('units.floor')} name="floor" htmlFor="floor" rules={[rules.floor]}>
            <Input id="floor" name="floor" inputMode="numeric" autoComplete="off" />
          </Form.Item>
          <Form.Item label={t('units.kind')} name="kind" htmlFor="kind">
            <NativeSelect
              id="kind"
              name="kind"
              options={UNIT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            label={t('units.area')}
            name="area"
            htmlFor="area"
            extra={unit ? t('units.areaHint') : undefined}
            rules={[rules.area]}
          >
            <Input id="area" name="area" inputMode="decimal" autoComplete="off" suffix="m²" />
          </Form.Item>
          <Form.Item
            label={t('units.monthlyRentPerSqm')}
            name="monthlyRentPerSqm"
            htmlFor="monthlyRentPerSqm"
            extra={unit ? t('units.rateHint') : undefined}
            rules={[rules.rate]}
          >
            <Input
              id="monthlyRentPerSqm"
              name="monthlyRentPerSqm"
              inputMode="decimal"
              autoComplete="off"
              suffix={t('perSqmMonth')}
            />
          </Form.Item>
          <div className="space-actions">
            <Button type="primary" htmlType="submit" loading={loading}>
              {t('save', { ns: 'common' })}
            </Button>
            <Button onClick={close}>{t('cancel', { ns: 'common' })}</Button>
          </div>
        </Form>
      )}
    </Modal>
  );
}

function FloorsText({ building }: { building: Building }) {
  const { t } = useTranslation('space');
  const floors = floorsOf(building.units);
  if (!floors.length) return <>{t('buildings.noFloors')}</>;
  const top = floors[0].floor;
  const bottom = floors[floors.length - 1].floor;
  return (
    <span data-field="floors" data-value={floors.length}>
      {t('buildings.floorCount', { count: floors.length })}（
      {top === bottom ? (
        <FloorName floor={top} />
      ) : (
        <>
          <FloorName floor={bottom} />–<FloorName floor={top} />
        </>
      )}
      ）
    </span>
  );
}

function BuildingSection({
  building,
  mayManage,
  onEdit,
  onUnit,
  onOpen,
}: {
  building: Building;
  mayManage: boolean;
  onEdit: () => void;
  onUnit: (unit: Unit | null) => void;
  onOpen: (unitId: string) => void;
}) {
  const { t } = useTranslation('space');
  const units = floorsOf(building.units)
    .slice()
    .reverse()
    .flatMap((f) => f.units);
  const columns: ColumnsType<Unit> = [
    { key: 'code', title: t('units.code'), dataIndex: 'code' },
    { key: 'floor', title: t('units.floor'), render: (_, u) => <FloorName floor={u.floor} /> },
    { key: 'kind', title: t('units.kind'), render: (_, u) => t(`kind.${u.kind}`) },
    {
      key: 'area',
      title: t('units.areaColumn'),
      align: 'right',
      render: (_, u) => (
        <Exact field="area" value={u.area}>
          {formatArea(u.area)}
        </Exact>
      ),
    },
    {
      key: 'monthlyRentPerSqm',
      title: t('units.rateColumn'),
      align: 'right',
      render: (_, u) => (
        <Exact field="monthlyRentPerSqm" value={u.monthlyRentPerSqm}>
          {formatYuan(u.monthlyRentPerSqm)}
        </Exact>
      ),
    },
    {
      key: 'condition',
      title: t('units.condition'),
      render: (_, u) => <span data-condition={u.condition}>{t(`condition.${u.condition}`)}</span>,
    },
    {
      key: 'status',
      title: t('units.status'),
      render: (_, u) => <UnitStatusTag status={u.status} />,
    },
    {
      key: 'actions',
      title: t('units.actions'),
      render: (_, u) => (
        <div className="space-actions">
          <Button
            size="small"
            onClick={() => onOpen(u.id)}
            aria-label={t('units.openAria', { code: u.code })}
          >
            {t('units.open')}
          </Button>
          {mayManage && (
            <Button
              size="small"
              onClick={() => onUnit(u)}
              aria-label={t('units.editAria', { code: u.code })}
            >
              {t('units.edit')}
            </Button>
          )}
        </div>
      ),
    },
  ];
  return (
    <section
      className="space-building"
      aria-labelledby={`building-${building.id}`}
      data-building={building.code}
    >
      <div className="space-toolbar">
        <div className="space-building-head">
          <h2 id={`building-${building.id}`}>
            {building.code} {building.name}
          </h2>
          <span>
            <FloorsText building={building} />
          </span>
          <span>
            {t('buildings.propertyFeePerSqm')}：
            <Exact field="propertyFeePerSqm" value={building.propertyFeePerSqm}>
              {formatYuan(building.propertyFeePerSqm)}
            </Exact>{' '}
            {t('perSqmMonth')}
          </span>
        </div>
        {mayManage && (
          <div className="space-actions">
            <Button onClick={onEdit} aria-label={t('buildings.editAria', { code: building.code })}>
              {t('buildings.edit')}
            </Button>
            <Button
              onClick={() => onUnit(null)}
              aria-label={t('units.createAria', { code: building.code })}
            >
              {t('units.create')}
            </Button>
          </div>
        )}
      </div>
      <Table<Unit>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={units}
        pagination={units.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('map.noUnits') }}
        onRow={(u) => ({ 'data-unit-row': u.id }) as HTMLAttributes<HTMLElement>}
      />
    </section>
  );
}

/** The zone's buildings, each with its units; creating and correcting them. */
export function BuildingsPanel({
  zone,
  mayManage,
  onOpen,
}: {
  zone: Zone;
  mayManage: boolean;
  onOpen: (unitId: string) => void;
}) {
  const { t } = useTranslation('space');
  const [buildingModal, setBuildingModal] = useState<{ building: Building | null } | null>(null);
  const [unitTarget, setUnitTarget] = useState<{ building: Building; unit: Unit | null } | null>(
    null,
  );
  return (
    <div>
      {mayManage && (
        <div className="space-actions" style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => setBuildingModal({ building: null })}>
            {t('buildings.create')}
          </Button>
        </div>
      )}
      {zone.buildings.length === 0 ? (
        <Empty description={t('buildings.none')} />
      ) : (
        zone.buildings.map((b) => (
          <BuildingSection
            key={b.id}
            building={b}
            mayManage={mayManage}
            onEdit={() => setBuildingModal({ building: b })}
            onUnit={(unit) => setUnitTarget({ building: b, unit })}
            onOpen={onOpen}
          />
        ))
      )}
      <BuildingModal
        key={buildingModal?.building?.id ?? 'new'}
        open={!!buildingModal}
        building={buildingModal?.building ?? null}
        zone={zone}
        onClose={() => setBuildingModal(null)}
      />
      <UnitModal
        key={unitTarget ? `${unitTarget.building.id}:${unitTarget.unit?.id ?? 'new'}` : 'none'}
        target={unitTarget}
        zoneId={zone.id}
        onClose={() => setUnitTarget(null)}
      />
    </div>
  );
}
