import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useUser } from '../../auth/useSession';
import { ErrorNotice } from '../../components/ErrorNotice';
import { todayInShanghai } from '../../lib/dates';
import { mayDo, mayExit, mayRead } from '../../lib/tenants';
import { AuditSection } from './AuditSection';
import { EditTenantModal } from './EditTenantModal';
import { ExitTenantModal } from './ExitTenantModal';
import { TENANTS_DETAIL } from './operations';
import { INCUBATION_TONES, ToneTag } from './parts';
import {
  BenefitsSection,
  CertificatesSection,
  LeasesSection,
  ProjectsSection,
  ReportsSection,
  RequestsSection,
} from './sections';

/**
 * A tenant as the committee sees it: its registration, certificates and projects (ADMIN adds
 * them, corrects the record and records its exit), what it does in the park, and for ADMIN its
 * audit history. A section the role may not read is neither shown nor asked for.
 */
export default function TenantPage() {
  const { t } = useTranslation('tenants');
  const { id = '' } = useParams();
  const user = useUser();
  const role = user.role;
  const [editing, setEditing] = useState(false);
  const [exiting, setExiting] = useState(false);
  const today = todayInShanghai();

  const { data, loading, error, refetch } = useQuery(TENANTS_DETAIL, {
    variables: {
      id,
      withCertifications: mayRead(role, 'certifications'),
      withLeases: mayRead(role, 'leases'),
      withReports: mayRead(role, 'reports'),
      withBenefits: mayRead(role, 'benefits'),
      withRequests: mayRead(role, 'serviceRequests'),
      withProjects: mayRead(role, 'projects'),
    },
  });
  const tenant = data?.tenant;
  const projects = useMemo(
    () => (data?.industrializationProjects ?? []).filter((p) => p.tenant.id === id),
    [data, id],
  );
  const zoneLabel = tenant
    ? t(`zones.${tenant.zone.kind}`, { defaultValue: tenant.zone.name })
    : '';

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} className="tn-page">
      <Link to="/tenants">← {t('detail.back')}</Link>
      {error && !tenant && <ErrorNotice error={error} onRetry={() => void refetch()} />}
      {loading && !data && <Skeleton active />}
      {data && !tenant && <Alert type="warning" showIcon title={t('detail.notFound')} />}
      {tenant && (
        <>
          <div className="tn-head">
            <div>
              <Typography.Title level={1}>{tenant.name}</Typography.Title>
              <p className="tn-intro">
                <ToneTag
                  tone={tenant.status === 'RESIDENT' ? 'success' : 'neutral'}
                  data-status={tenant.status}
                >
                  {t(`statuses.${tenant.status}`)}
                </ToneTag>
                {tenant.exitedOn && t('detail.exitedOn', { date: tenant.exitedOn })}
              </p>
            </div>
            {mayDo(role, 'update') && (
              <Space wrap>
                <Button type="primary" onClick={() => setEditing(true)}>
                  {t('detail.edit')}
                </Button>
                {mayExit(role, tenant.status) && (
                  <Button danger onClick={() => setExiting(true)}>
                    {t('detail.exit')}
                  </Button>
                )}
              </Space>
            )}
          </div>

          <Card>
            <section aria-labelledby="profile-title">
              <Typography.Title level={2} id="profile-title" style={{ marginBottom: 12 }}>
                {t('detail.profile')}
              </Typography.Title>
              <Descriptions
                bordered
                size="middle"
                column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
                items={[
                  { key: 'name', label: t('fields.name'), children: tenant.name },
                  {
                    key: 'creditCode',
                    label: t('fields.creditCode'),
                    children: tenant.creditCode ? (
                      <span className="tn-mono" data-value={tenant.creditCode}>
                        {tenant.creditCode}
                      </span>
                    ) : (
                      t('detail.noCode')
                    ),
                  },
                  { key: 'kind', label: t('fields.kind'), children: t(`kinds.${tenant.kind}`) },
                  { key: 'zone', label: t('fields.zoneId'), children: zoneLabel },
                  {
                    key: 'industryChain',
                    label: t('fields.industryChain'),
                    children: t(`chains.${tenant.industryChain}`),
                  },
                  {
                    key: 'isTechFirm',
                    label: t('fields.isTechFirm'),
                    children: tenant.isTechFirm ? t('yes') : t('no'),
                  },
                  { key: 'enteredOn', label: t('fields.enteredOn'), children: tenant.enteredOn },
                  {
                    key: 'foundedOn',
                    label: t('fields.foundedOn'),
                    children: tenant.foundedOn ?? t('none'),
                  },
                  {
                    key: 'incubation',
                    label: t('incubation.stage'),
                    children: (
                      <span>
                        <ToneTag
                          tone={INCUBATION_TONES[tenant.incubation.stage]}
                          data-stage={tenant.incubation.stage}
                        >
                          {t(`incubationStages.${tenant.incubation.stage}`)}
                        </ToneTag>
                        {t('incubation.monthsResident', {
                          months: tenant.incubation.monthsResident,
                        })}
                      </span>
                    ),
                  },
                  {
                    key: 'endsOn',
                    label: t('incubation.endsOn'),
                    children: (
                      <span data-field="endsOn" data-value={tenant.incubation.endsOn}>
                        {tenant.incubation.endsOn}
                      </span>
                    ),
                  },
                  {
                    key: 'youngAtEntry',
                    label: t('incubation.youngAtEntry'),
                    children: (
                      <span
                        data-field="youngAtEntry"
                        data-value={String(tenant.incubation.youngAtEntry ?? '')}
                      >
                        {tenant.incubation.youngAtEntry === null ||
                        tenant.incubation.youngAtEntry === undefined
                          ? t('incubation.unknown')
                          : tenant.incubation.youngAtEntry
                            ? t('yes')
                            : t('no')}
                      </span>
                    ),
                  },
                  {
                    key: 'status',
                    label: t('fields.status'),
                    children: tenant.exitedOn
                      ? `${t(`statuses.${tenant.status}`)}（${t('detail.exitedOn', { date: tenant.exitedOn })}）`
                      : t(`statuses.${tenant.status}`),
                  },
                ]}
              />
              {!mayDo(role, 'update') && (
                <p className="tn-count tn-muted">{t('detail.readOnly')}</p>
              )}
            </section>
          </Card>

          {tenant.certifications && (
            <CertificatesSection
              tenantId={tenant.id}
              list={tenant.certifications}
              today={today}
              mayAdd={mayDo(role, 'addCertification')}
            />
          )}
          {data.industrializationProjects && (
            <ProjectsSection
              tenantId={tenant.id}
              list={projects}
              mayAdd={mayDo(role, 'recordProject')}
            />
          )}
          {tenant.leases && <LeasesSection list={tenant.leases} today={today} />}
          {tenant.outputReports && <ReportsSection list={tenant.outputReports} />}
          {data.benefitApplications && <BenefitsSection list={data.benefitApplications} />}
          {data.serviceRequests && <RequestsSection list={data.serviceRequests} />}
          {mayRead(role, 'audit') && (
            <AuditSection tenantId={tenant.id} zones={{ [tenant.zone.id]: zoneLabel }} />
          )}

          {mayDo(role, 'update') && (
            <EditTenantModal open={editing} tenant={tenant} onClose={() => setEditing(false)} />
          )}
          {mayExit(role, tenant.status) && (
            <ExitTenantModal open={exiting} tenant={tenant} onClose={() => setExiting(false)} />
          )}
        </>
      )}
    </Space>
  );
}
