import { useQuery } from '@apollo/client/react';
import { Alert, Card, Descriptions, Skeleton, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../auth/useSession';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Figure } from '../../components/Figure';
import { graphql } from '../../gql';
import type { FirmProfileQuery } from '../../gql/graphql';
import { todayInShanghai } from '../../lib/dates';
import { formatArea, formatYuan } from '../../lib/numbers';
import { FirmTheme, MONO, PAGE_TITLE, SECTION_TITLE, ToneTag, type Tone } from './look';
import {
  certificateState,
  daysBetween,
  leaseState,
  type CertificateState,
  type LeaseState,
} from './firm-profile';

/**
 * The firm's own profile. Certificates and leases are read by the firm's administrator only
 * (libs/tenants and libs/space access policies): a TENANT_REPORTER's query leaves them out
 * (`@include`), since asking for them would be refused as FORBIDDEN.
 */
const FIRM_PROFILE = graphql(`
  query FirmProfile($withAdminFields: Boolean!) {
    me {
      id
      tenant {
        id
        name
        creditCode
        kind
        status
        industryChain
        isTechFirm
        enteredOn
        exitedOn
        foundedOn
        zone {
          id
          code
          kind
          name
        }
        certifications @include(if: $withAdminFields) {
          id
          kind
          certificateNo
          issuedOn
          expiresOn
        }
        leases @include(if: $withAdminFields) {
          id
          startDate
          endDate
          monthlyRent
          status
          unit {
            id
            code
            kind
            area
            building {
              id
              name
            }
          }
        }
      }
    }
  }
`);

type Tenant = NonNullable<FirmProfileQuery['me']['tenant']>;
type Certificate = NonNullable<Tenant['certifications']>[number];
type Lease = NonNullable<Tenant['leases']>[number];

const CERT_TONES: Record<CertificateState, Tone> = {
  VALID: 'success',
  EXPIRING: 'warning',
  LAPSED: 'danger',
  NOT_YET_VALID: 'neutral',
};

const LEASE_TONES: Record<LeaseState, Tone> = {
  UPCOMING: 'info',
  ACTIVE: 'success',
  ENDED: 'neutral',
  TERMINATED: 'neutral',
};

export default function FirmProfilePage() {
  const { t } = useTranslation('firm');
  const user = useUser();
  const withAdminFields = user.role === 'TENANT_ADMIN';
  const { data, loading, error, refetch } = useQuery(FIRM_PROFILE, {
    variables: { withAdminFields },
  });
  const today = todayInShanghai();
  const tenant = data?.me.tenant;

  return (
    <FirmTheme>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Typography.Title level={1} style={PAGE_TITLE}>
          {t('profile.title')}
        </Typography.Title>
        {error && !tenant && <ErrorNotice error={error} onRetry={() => void refetch()} />}
        {loading && !data && <Skeleton active />}
        {data && !tenant && <Alert type="warning" showIcon title={t('noTenant')} />}
        {tenant && (
          <>
            <Card>
              <Typography.Title level={2} style={SECTION_TITLE}>
                {t('profile.basics')}
              </Typography.Title>
              <Descriptions
                bordered
                size="middle"
                column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
                items={[
                  { key: 'name', label: t('profile.name'), children: tenant.name },
                  {
                    key: 'creditCode',
                    label: t('profile.creditCode'),
                    children: tenant.creditCode ? (
                      <span style={MONO}>{tenant.creditCode}</span>
                    ) : (
                      t('profile.noCreditCode')
                    ),
                  },
                  { key: 'kind', label: t('profile.kind'), children: t(`kinds.${tenant.kind}`) },
                  {
                    key: 'zone',
                    label: t('profile.zone'),
                    children: t(`zones.${tenant.zone.kind}`, { defaultValue: tenant.zone.name }),
                  },
                  {
                    key: 'industryChain',
                    label: t('profile.industryChain'),
                    children: t(`chains.${tenant.industryChain}`),
                  },
                  {
                    key: 'isTechFirm',
                    label: t('profile.isTechFirm'),
                    children: tenant.isTechFirm ? t('profile.yes') : t('profile.no'),
                  },
                  { key: 'enteredOn', label: t('profile.enteredOn'), children: tenant.enteredOn },
                  {
                    key: 'foundedOn',
                    label: t('profile.foundedOn'),
                    children: tenant.foundedOn ?? t('none'),
                  },
                  {
                    key: 'status',
                    label: t('profile.status'),
                    children: (
                      <>
                        {t(`tenantStatus.${tenant.status}`)}
                        {tenant.exitedOn ? ` · ${t('profile.exitedOn')} ${tenant.exitedOn}` : ''}
                      </>
                    ),
                  },
                ]}
              />
            </Card>
            {withAdminFields ? (
              <>
                <Certificates list={tenant.certifications ?? []} today={today} />
                <Leases list={tenant.leases ?? []} today={today} zone={tenant.zone.code} />
              </>
            ) : (
              <Alert type="info" showIcon title={t('profile.adminOnly')} />
            )}
          </>
        )}
      </Space>
    </FirmTheme>
  );
}

function Certificates({ list, today }: { list: readonly Certificate[]; today: string }) {
  const { t } = useTranslation('firm');
  return (
    <Card>
      <Typography.Title level={2} style={SECTION_TITLE}>
        {t('certificates.title')}
      </Typography.Title>
      <Table<Certificate>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={list}
        locale={{ emptyText: t('certificates.empty') }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'kind',
            title: t('certificates.kind'),
            render: (_, c) => t(`certificates.kinds.${c.kind}`),
          },
          {
            key: 'number',
            title: t('certificates.number'),
            render: (_, c) => <span style={MONO}>{c.certificateNo}</span>,
          },
          { key: 'from', title: t('certificates.validFrom'), dataIndex: 'issuedOn' },
          {
            key: 'to',
            title: t('certificates.validTo'),
            render: (_, c) => c.expiresOn ?? t('certificates.noExpiry'),
          },
          {
            key: 'state',
            title: t('certificates.state'),
            render: (_, c) => {
              const state = certificateState(c, today);
              return (
                <span data-status={state}>
                  <ToneTag tone={CERT_TONES[state]}>{t(`certificates.states.${state}`)}</ToneTag>
                  {state === 'EXPIRING' && c.expiresOn && (
                    <span>
                      {t('certificates.expiringHint', { days: daysBetween(today, c.expiresOn) })}
                    </span>
                  )}
                </span>
              );
            },
          },
        ]}
      />
    </Card>
  );
}

function Leases({ list, today, zone }: { list: readonly Lease[]; today: string; zone: string }) {
  const { t } = useTranslation('firm');
  return (
    <Card>
      <Typography.Title level={2} style={SECTION_TITLE}>
        {t('leases.title')}
      </Typography.Title>
      <Table<Lease>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={list}
        locale={{ emptyText: t('leases.empty') }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'unit',
            title: t('leases.unit'),
            render: (_, l) => `${l.unit.building.name} / ${l.unit.code}`,
          },
          {
            key: 'unitKind',
            title: t('leases.unitKind'),
            render: (_, l) => t(`leases.unitKinds.${l.unit.kind}`),
          },
          {
            key: 'area',
            title: t('leases.area'),
            align: 'right',
            render: (_, l) => (
              <Figure metric="area" zone={zone} value={l.unit.area}>
                {formatArea(l.unit.area)}
              </Figure>
            ),
          },
          {
            key: 'rent',
            title: t('leases.rent'),
            align: 'right',
            render: (_, l) => (
              <Figure metric="monthlyRent" zone={zone} value={l.monthlyRent}>
                {formatYuan(l.monthlyRent)}
              </Figure>
            ),
          },
          {
            key: 'period',
            title: t('leases.period'),
            render: (_, l) => t('leases.periodValue', { from: l.startDate, to: l.endDate }),
          },
          {
            key: 'status',
            title: t('leases.status'),
            render: (_, l) => {
              const state = leaseState(l, today);
              return (
                <ToneTag tone={LEASE_TONES[state]} data-status={state}>
                  {t(`leases.states.${state}`)}
                </ToneTag>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
