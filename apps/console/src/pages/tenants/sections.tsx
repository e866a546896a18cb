import { useMutation } from '@apollo/client/react';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificationKind, ProjectStage, TenantsDetailQuery } from '../../gql/graphql';
import { formatDateTime } from '../../lib/dates';
import { formatYuan } from '../../lib/numbers';
import { CERTIFICATION_KINDS, PROJECT_STAGES } from '../../lib/tenants';
import { certificateState, daysBetween, leaseState, type LeaseState } from '../firm/firm-profile';
import { TENANTS_ADD_CERTIFICATION, TENANTS_RECORD_PROJECT } from './operations';
import {
  CERT_TONES,
  FormProblem,
  NativeSelect,
  placeFieldProblems,
  ToneTag,
  type Tone,
} from './parts';

/**
 * A section's table: one row per record, scrolled sideways on a narrow screen, a word when
 * there is nothing, and pages only when the list is longer than `pageSize`.
 */
function SectionTable<T extends { id: string }>({
  rows,
  empty,
  pageSize,
  columns,
}: {
  rows: readonly T[];
  empty: string;
  pageSize?: number;
  columns: TableColumnsType<T>;
}) {
  return (
    <Table<T>
      rowKey="id"
      size="middle"
      dataSource={[...rows]}
      pagination={
        pageSize !== undefined && rows.length > pageSize
          ? { pageSize, showSizeChanger: false }
          : false
      }
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <span className="tn-muted">{empty}</span> }}
      columns={columns}
    />
  );
}

type Detail = NonNullable<TenantsDetailQuery['tenant']>;
type Certificate = NonNullable<Detail['certifications']>[number];
type Lease = NonNullable<Detail['leases']>[number];
type Report = NonNullable<Detail['outputReports']>[number];
type Application = NonNullable<TenantsDetailQuery['benefitApplications']>[number];
type Request = NonNullable<TenantsDetailQuery['serviceRequests']>[number];
type Project = NonNullable<TenantsDetailQuery['industrializationProjects']>[number];

/** A section of the tenant's page: an h2, an optional action, its content. */
export function Section({
  id,
  title,
  intro,
  action,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card>
      <section aria-labelledby={`${id}-title`}>
        <div className="tn-head" style={{ marginBottom: 12 }}>
          <div>
            <Typography.Title level={2} id={`${id}-title`}>
              {title}
            </Typography.Title>
            {intro && <p className="tn-intro">{intro}</p>}
          </div>
          {action}
        </div>
        {children}
      </section>
    </Card>
  );
}

const money = (value: string | null | undefined) =>
  value === null || value === undefined ? null : (
    <span className="tn-money" data-value={value}>
      {formatYuan(value)}
    </span>
  );

// ---------------------------------------------------------------------------------------------
// Certificates

export function CertificatesSection({
  tenantId,
  list,
  today,
  mayAdd,
}: {
  tenantId: string;
  list: readonly Certificate[];
  today: string;
  mayAdd: boolean;
}) {
  const { t } = useTranslation('tenants');
  const [adding, setAdding] = useState(false);
  return (
    <Section
      id="certificates"
      title={t('certificates.title')}
      action={mayAdd && <Button onClick={() => setAdding(true)}>{t('certificates.add')}</Button>}
    >
      <SectionTable<Certificate>
        rows={list}
        empty={t('certificates.empty')}
        columns={[
          {
            key: 'kind',
            title: t('certificates.kind'),
            render: (_, c) => t(`certKinds.${c.kind}`),
          },
          {
            key: 'no',
            title: t('certificates.certificateNo'),
            render: (_, c) => <span className="tn-mono">{c.certificateNo}</span>,
          },
          { key: 'issuedOn', title: t('certificates.issuedOn'), dataIndex: 'issuedOn' },
          {
            key: 'expiresOn',
            title: t('certificates.expiresOn'),
            render: (_, c) => c.expiresOn ?? t('certificates.noExpiry'),
          },
          {
            key: 'state',
            title: t('certificates.state'),
            render: (_, c) => {
              const state = certificateState(c, today);
              return (
                <>
                  <ToneTag tone={CERT_TONES[state]} data-status={state}>
                    {t(`certStates.${state}`)}
                  </ToneTag>
                  {state === 'EXPIRING' && c.expiresOn && (
                    <span className="tn-muted">
                      {t('certificates.expiringHint', { days: daysBetween(today, c.expiresOn) })}
                    </span>
                  )}
                </>
              );
            },
          },
        ]}
      />
      {mayAdd && (
        <AddCertificateModal open={adding} tenantId={tenantId} onClose={() => setAdding(false)} />
      )}
    </Section>
  );
}

interface CertificateValues {
  kind?: CertificationKind;
  certificateNo: string;
  issuedOn: string;
  expiresOn?: string;
}

const CERTIFICATE_FIELDS = ['kind', 'certificateNo', 'issuedOn', 'expiresOn'] as const;

function AddCertificateModal({
  open,
  tenantId,
  onClose,
}: {
  open: boolean;
  tenantId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('tenants');
  const { message } = App.useApp();
  const [form] = Form.useForm<CertificateValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const [add, { loading }] = useMutation(TENANTS_ADD_CERTIFICATION, {
    refetchQueries: ['TenantsDetail', 'TenantsList'],
  });
  const close = () => {
    setProblem(null);
    onClose();
  };
  const onFinish = async (values: CertificateValues) => {
    setProblem(null);
    try {
      await add({
        variables: {
          input: {
            tenantId,
            kind: values.kind ?? 'HIGH_TECH',
            certificateNo: values.certificateNo.trim(),
            issuedOn: values.issuedOn,
            ...(values.expiresOn ? { expiresOn: values.expiresOn } : {}),
          },
        },
      });
      message.success(t('certificates.success'));
      close();
    } catch (err) {
      setProblem(placeFieldProblems(err, form, CERTIFICATE_FIELDS, t));
    }
  };
  return (
    <Modal
      open={open}
      title={t('certificates.addTitle')}
      onCancel={close}
      footer={null}
      destroyOnHidden
    >
      <Form<CertificateValues> form={form} layout="vertical" onFinish={onFinish} disabled={loading}>
        <Form.Item
          label={t('certificates.kind')}
          name="kind"
          htmlFor="kind"
          rules={[{ required: true, message: t('form.chooseRequired') }]}
        >
          <NativeSelect
            id="kind"
            name="kind"
            placeholder={t('choose')}
            options={CERTIFICATION_KINDS.map((k) => ({ value: k, label: t(`certKinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('certificates.certificateNo')}
          name="certificateNo"
          htmlFor="certificateNo"
          rules={[
            { required: true, whitespace: true, message: t('form.required') },
            { max: 100, message: t('form.tooLong', { max: 100 }) },
          ]}
        >
          <Input id="certificateNo" name="certificateNo" autoComplete="off" maxLength={100} />
        </Form.Item>
        <Form.Item
          label={t('certificates.issuedOn')}
          name="issuedOn"
          htmlFor="issuedOn"
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Input id="issuedOn" name="issuedOn" type="date" />
        </Form.Item>
        <Form.Item
          label={t('certificates.expiresOn')}
          name="expiresOn"
          htmlFor="expiresOn"
          extra={t('certificates.expiresHelp')}
          dependencies={['issuedOn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value?: string) => {
                const issued = getFieldValue('issuedOn') as string | undefined;
                return value && issued && value < issued
                  ? Promise.reject(new Error(t('form.expiresBeforeIssued')))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <Input id="expiresOn" name="expiresOn" type="date" />
        </Form.Item>
        <FormProblem error={problem} />
        <Space>
          <Button type="primary" htmlType="submit" loading={loading}>
            {t('certificates.submit')}
          </Button>
          <Button onClick={close} disabled={false}>
            {t('form.cancel')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------
// Industrialisation projects

export function ProjectsSection({
  tenantId,
  list,
  mayAdd,
}: {
  tenantId: string;
  list: readonly Project[];
  mayAdd: boolean;
}) {
  const { t } = useTranslation('tenants');
  const [adding, setAdding] = useState(false);
  return (
    <Section
      id="projects"
      title={t('projects.title')}
      action={mayAdd && <Button onClick={() => setAdding(true)}>{t('projects.add')}</Button>}
    >
      <SectionTable<Project>
        rows={list}
        empty={t('projects.empty')}
        columns={[
          { key: 'name', title: t('projects.name'), dataIndex: 'name' },
          {
            key: 'stage',
            title: t('projects.stage'),
            render: (_, p) => t(`stages.${p.stage}`),
          },
          {
            key: 'cultivatedOn',
            title: t('projects.cultivatedOn'),
            render: (_, p) => p.cultivatedOn ?? t('projects.notCultivated'),
          },
          {
            key: 'zone',
            title: t('projects.zone'),
            render: (_, p) => t(`zones.${p.zone.kind}`, { defaultValue: p.zone.name }),
          },
        ]}
      />
      {mayAdd && (
        <RecordProjectModal open={adding} tenantId={tenantId} onClose={() => setAdding(false)} />
      )}
    </Section>
  );
}

interface ProjectValues {
  name: string;
  stage?: ProjectStage;
  cultivatedOn?: string;
}

const PROJECT_FIELDS = ['name', 'stage', 'cultivatedOn'] as const;

function RecordProjectModal({
  open,
  tenantId,
  onClose,
}: {
  open: boolean;
  tenantId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('tenants');
  const { message } = App.useApp();
  const [form] = Form.useForm<ProjectValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const [record, { loading }] = useMutation(TENANTS_RECORD_PROJECT, {
    refetchQueries: ['TenantsDetail'],
  });
  const close = () => {
    setProblem(null);
    onClose();
  };
  const onFinish = async (values: ProjectValues) => {
    setProblem(null);
    try {
      await record({
        variables: {
          input: {
            tenantId,
            name: values.name.trim(),
            stage: values.stage ?? 'INCUBATING',
            ...(values.cultivatedOn ? { cultivatedOn: values.cultivatedOn } : {}),
          },
        },
      });
      message.success(t('projects.success'));
      close();
    } catch (err) {
      setProblem(placeFieldProblems(err, form, PROJECT_FIELDS, t));
    }
  };
  return (
    <Modal
      open={open}
      title={t('projects.addTitle')}
      onCancel={close}
      footer={null}
      destroyOnHidden
    >
      <Form<ProjectValues> form={form} layout="vertical" onFinish={onFinish} disabled={loading}>
        <Form.Item
          label={t('projects.name')}
          name="name"
          htmlFor="name"
          rules={[
            { required: true, whitespace: true, message: t('form.required') },
            { max: 200, message: t('form.tooLong', { max: 200 }) },
          ]}
        >
          <Input id="name" name="name" autoComplete="off" maxLength={200} />
        </Form.Item>
        <Form.Item
          label={t('projects.stage')}
          name="stage"
          htmlFor="stage"
          rules={[{ required: true, message: t('form.chooseRequired') }]}
        >
          <NativeSelect
            id="stage"
            name="stage"
            placeholder={t('choose')}
            options={PROJECT_STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('projects.cultivatedOn')}
          name="cultivatedOn"
          htmlFor="cultivatedOn"
          extra={t('projects.cultivatedHelp')}
        >
          <Input id="cultivatedOn" name="cultivatedOn" type="date" />
        </Form.Item>
        <FormProblem error={problem} />
        <Space>
          <Button type="primary" htmlType="submit" loading={loading}>
            {t('projects.submit')}
          </Button>
          <Button onClick={close} disabled={false}>
            {t('form.cancel')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------
// What the firm does in the park: leases, reports, applications, requests (read only here)

const LEASE_TONES: Record<LeaseState, Tone> = {
  UPCOMING: 'info',
  ACTIVE: 'success',
  ENDED: 'neutral',
  TERMINATED: 'neutral',
};

export function LeasesSection({ list, today }: { list: readonly Lease[]; today: string }) {
  const { t } = useTranslation('tenants');
  return (
    <Section id="leases" title={t('leases.title')}>
      <SectionTable<Lease>
        rows={list}
        empty={t('leases.empty')}
        columns={[
          {
            key: 'unit',
            title: t('leases.unit'),
            render: (_, l) => `${l.unit.building.name} / ${l.unit.code}`,
          },
          {
            key: 'period',
            title: t('leases.period'),
            render: (_, l) => t('leases.periodValue', { from: l.startDate, to: l.endDate }),
          },
          { key: 'rent', title: t('leases.rent'), render: (_, l) => money(l.monthlyRent) },
          {
            key: 'status',
            title: t('leases.status'),
            render: (_, l) => {
              const state = leaseState(l, today);
              return (
                <ToneTag tone={LEASE_TONES[state]} data-status={l.status}>
                  {t(`leases.states.${state}`)}
                </ToneTag>
              );
            },
          },
        ]}
      />
    </Section>
  );
}

const REPORT_TONES: Record<Report['status'], Tone> = {
  SUBMITTED: 'info',
  ACCEPTED: 'success',
  RETURNED: 'danger',
};

export function ReportsSection({ list }: { list: readonly Report[] }) {
  const { t } = useTranslation('tenants');
  // Newest month first: the API gives them oldest first.
  const rows = [...list].reverse();
  return (
    <Section id="reports" title={t('reports.title')} intro={t('reports.intro')}>
      <SectionTable<Report>
        rows={rows}
        pageSize={12}
        empty={t('reports.empty')}
        columns={[
          { key: 'period', title: t('reports.period'), dataIndex: 'period' },
          {
            key: 'revision',
            title: t('reports.revision'),
            render: (_, r) => t('reports.revisionNo', { revision: r.revision }),
          },
          {
            key: 'status',
            title: t('reports.status'),
            render: (_, r) => (
              <ToneTag tone={REPORT_TONES[r.status]} data-status={r.status}>
                {t(`reports.statuses.${r.status}`)}
              </ToneTag>
            ),
          },
          {
            key: 'outputValue',
            title: t('reports.outputValue'),
            align: 'right',
            render: (_, r) => money(r.outputValue),
          },
          {
            key: 'revenue',
            title: t('reports.revenue'),
            align: 'right',
            render: (_, r) => money(r.revenue),
          },
          {
            key: 'submittedAt',
            title: t('reports.submittedAt'),
            render: (_, r) => formatDateTime(r.submittedAt),
          },
        ]}
      />
    </Section>
  );
}

const BENEFIT_TONES: Record<Application['status'], Tone> = {
  SUBMITTED: 'info',
  APPROVED: 'success',
  DISBURSED: 'success',
  REJECTED: 'danger',
  WITHDRAWN: 'neutral',
};

export function BenefitsSection({ list }: { list: readonly Application[] }) {
  const { t } = useTranslation('tenants');
  return (
    <Section id="benefits" title={t('benefits.title')}>
      <SectionTable<Application>
        rows={list}
        pageSize={10}
        empty={t('benefits.empty')}
        columns={[
          { key: 'policy', title: t('benefits.policy'), render: (_, a) => a.policy.title },
          {
            key: 'requested',
            title: t('benefits.requested'),
            align: 'right',
            render: (_, a) => money(a.requestedAmount),
          },
          {
            key: 'granted',
            title: t('benefits.granted'),
            align: 'right',
            render: (_, a) => money(a.grantedAmount) ?? t('none'),
          },
          {
            key: 'status',
            title: t('benefits.status'),
            render: (_, a) => (
              <ToneTag tone={BENEFIT_TONES[a.status]} data-status={a.status}>
                {t(`benefits.statuses.${a.status}`)}
              </ToneTag>
            ),
          },
          {
            key: 'submittedAt',
            title: t('benefits.submittedAt'),
            render: (_, a) => formatDateTime(a.submittedAt),
          },
        ]}
      />
    </Section>
  );
}

const REQUEST_TONES: Record<Request['status'], Tone> = {
  OPEN: 'warning',
  ASSIGNED: 'info',
  IN_PROGRESS: 'info',
  RESOLVED: 'success',
  CLOSED: 'neutral',
  CANCELLED: 'neutral',
};

export function RequestsSection({ list }: { list: readonly Request[] }) {
  const { t } = useTranslation('tenants');
  return (
    <Section id="requests" title={t('requests.title')}>
      <SectionTable<Request>
        rows={list}
        pageSize={10}
        empty={t('requests.empty')}
        columns={[
          { key: 'title', title: t('requests.subject'), dataIndex: 'title' },
          {
            key: 'category',
            title: t('requests.category'),
            render: (_, r) => t(`requests.categories.${r.category}`),
          },
          {
            key: 'status',
            title: t('requests.status'),
            render: (_, r) => (
              <ToneTag tone={REQUEST_TONES[r.status]} data-status={r.status}>
                {t(`requests.statuses.${r.status}`)}
              </ToneTag>
            ),
          },
          {
            key: 'assignee',
            title: t('requests.assignee'),
            render: (_, r) => r.assignee?.name ?? t('requests.unassigned'),
          },
          {
            key: 'createdAt',
            title: t('requests.createdAt'),
            render: (_, r) => formatDateTime(r.createdAt),
          },
        ]}
      />
    </Section>
  );
}
