import { useQuery } from '@apollo/client/react';
import { Button, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { TenantsAuditQuery } from '../../gql/graphql';
import { formatDateTime } from '../../lib/dates';
import { auditChanges, type AuditChange } from '../../lib/tenants';
import { TENANTS_AUDIT } from './operations';
import { Section } from './sections';

type Event = TenantsAuditQuery['auditEvents']['edges'][number]['node'];

const PAGE_SIZE = 20;

/** Fields whose values are enums of the tenants namespace, and where their words are. */
const ENUM_WORDS: Record<string, string> = {
  kind: 'kinds',
  status: 'statuses',
  industryChain: 'chains',
};

/**
 * The tenant's audit history: auditEvents(entity: "Tenant", entityId), ADMIN's alone (the audit
 * trail names users and holds whole records). Shown, and asked for, only for ADMIN.
 */
export function AuditSection({
  tenantId,
  zones,
}: {
  tenantId: string;
  zones: Record<string, string>;
}) {
  const { t } = useTranslation('tenants');
  const { t: tc } = useTranslation();
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, error, loading, refetch, fetchMore } = useQuery(TENANTS_AUDIT, {
    variables: { entityId: tenantId, first: PAGE_SIZE },
  });
  const connection = data?.auditEvents;

  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('audit.empty_value');
    if (typeof v === 'boolean') return v ? t('yes') : t('no');
    if (field === 'zoneId' && typeof v === 'string') return zones[v] ?? v;
    if (field in ENUM_WORDS && typeof v === 'string')
      return t(`${ENUM_WORDS[field]}.${v}`, { defaultValue: v });
    return typeof v === 'string' ? v : JSON.stringify(v);
  };
  const label = (field: string) => t(`fields.${field}`, { defaultValue: field });
  const describe = (c: AuditChange, created: boolean) =>
    created
      ? t('audit.created', { field: label(c.field), after: value(c.field, c.after) })
      : t('audit.change', {
          field: label(c.field),
          before: value(c.field, c.before),
          after: value(c.field, c.after),
        });

  const more = async () => {
    const after = connection?.pageInfo.endCursor;
    if (!after) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after },
        updateQuery: (prev, { fetchMoreResult }) => ({
          auditEvents: {
            ...fetchMoreResult.auditEvents,
            edges: [...prev.auditEvents.edges, ...fetchMoreResult.auditEvents.edges],
          },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Section id="audit" title={t('audit.title')} intro={t('audit.intro')}>
      {error && !connection && <ErrorNotice error={error} onRetry={() => void refetch()} />}
      {connection && (
        <p className="tn-count">{t('audit.total', { total: connection.totalCount })}</p>
      )}
      <Table<Event>
        rowKey="id"
        size="middle"
        loading={loading && !connection}
        pagination={false}
        dataSource={(connection?.edges ?? []).map((e) => e.node)}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <span className="tn-muted">{t('audit.empty')}</span> }}
        columns={[
          { key: 'at', title: t('audit.at'), render: (_, e) => formatDateTime(e.at) },
          {
            key: 'operation',
            title: t('audit.operation'),
            render: (_, e) => (
              <span data-operation={e.operation}>
                {t(`audit.operations.${e.operation}`, { defaultValue: e.operation })}
              </span>
            ),
          },
          {
            key: 'actor',
            title: t('audit.actor'),
            render: (_, e) =>
              e.actorRole ? tc(`roles.${e.actorRole}`, { defaultValue: e.actorRole }) : t('none'),
          },
          {
            key: 'changes',
            title: t('audit.changes'),
            render: (_, e) => {
              const created = !e.before;
              const changes = auditChanges(e.before, e.after);
              if (changes.length === 0)
                return <span className="tn-muted">{t('audit.noChanges')}</span>;
              return (
                <ul className="tn-changes">
                  {changes.map((c) => (
                    <li key={c.field} data-field={c.field}>
                      {describe(c, created)}
                    </li>
                  ))}
                </ul>
              );
            },
          },
        ]}
      />
      {connection?.pageInfo.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => void more()} loading={loadingMore}>
            {t('audit.loadMore')}
          </Button>
        </div>
      )}
    </Section>
  );
}
