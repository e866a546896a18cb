import { useQuery } from '@apollo/client/react';
import { Alert, Button, Checkbox, Form, Input, Space, Spin, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { graphql } from '../../gql';
import type { AdminAuditEventsQuery } from '../../gql/graphql';
import {
  auditDiff,
  auditOperationKey,
  formatDiffValue,
  isSignInEvent,
  prettyJson,
  type DiffValue,
  type DiffWords,
} from '../../lib/admin';
import { formatDateTime } from '../../lib/dates';
import { fromEvent, NativeSelect, placeProblems } from './parts';

const EVENTS = graphql(`
  query AdminAuditEvents($first: Int, $after: String, $entity: String, $entityId: String) {
    auditEvents(first: $first, after: $after, entity: $entity, entityId: $entityId) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          id
          at
          actorUserId
          actorRole
          operation
          entity
          entityId
          before
          after
          requestId
        }
      }
    }
  }
`);

/** The names of the people behind the events (the trail holds their ids). */
const ACTORS = graphql(`
  query AdminAuditActors {
    users(first: 100) {
      edges {
        node {
          id
          displayName
          email
        }
      }
    }
  }
`);

type AuditEvent = AdminAuditEventsQuery['auditEvents']['edges'][number]['node'];
const PAGE_SIZE = 20;

/** The kinds of record the platform audits (libs/*: `entity` of each audit record). */
const ENTITIES = [
  'User',
  'Tenant',
  'Certification',
  'IndustrializationProject',
  'Building',
  'Unit',
  'Lease',
  'SpaceApplication',
  'Policy',
  'BenefitApplication',
  'ServiceProvider',
  'ServiceRequest',
  'OutputReport',
  'MilestoneTarget',
];

const SIMPLE_FIELD = /^[A-Za-z_]\w*$/;

function Changes({ event }: { event: AuditEvent }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const diff = useMemo(() => auditDiff(event.before, event.after), [event.before, event.after]);
  const words: DiffWords = {
    yes: t('audit.values.yes'),
    no: t('audit.values.no'),
    empty: t('audit.values.empty'),
    absent: t('audit.values.absent'),
    emptyList: t('audit.values.emptyList'),
  };
  const fieldLabel = (field: string) =>
    SIMPLE_FIELD.test(field) ? t(`audit.fields.${field}`, { defaultValue: field }) : field;
  // Enum values people know by name: roles and metrics.
  const valueText = (field: string, v: DiffValue) => {
    if (v.kind === 'text' && field === 'role')
      return tc(`roles.${v.text}`, { defaultValue: v.text });
    if (v.kind === 'text' && field === 'metric')
      return t(`metrics.${v.text}`, { defaultValue: v.text });
    return formatDiffValue(v, words);
  };
  const before = prettyJson(event.before);
  const after = prettyJson(event.after);

  return (
    <div>
      {diff.unreadable ? (
        <span className="adm-muted">{t('audit.unreadable')}</span>
      ) : diff.rows.length === 0 ? (
        <span className="adm-muted">{t('audit.noChanges')}</span>
      ) : (
        <ul className="adm-diff">
          {diff.rows.map((r) => (
            <li key={r.field} data-field={r.field} data-change={r.change}>
              <span className="adm-diff-field">{fieldLabel(r.field)}</span>
              {'：'}
              {r.change !== 'added' && (
                <span className={r.change === 'changed' ? 'adm-diff-old' : undefined}>
                  {valueText(r.field, r.before)}
                </span>
              )}
              {r.change === 'changed' && ` ${t('audit.arrow')} `}
              {r.change !== 'removed' && (
                <span className="adm-diff-new">{valueText(r.field, r.after)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {diff.unchanged > 0 && (
        <div className="adm-muted">{t('audit.unchanged', { count: diff.unchanged })}</div>
      )}
      {(before || after) && (
        <details className="adm-raw">
          <summary>{t('audit.raw')}</summary>
          {before && (
            <>
              <div className="adm-muted">{t('audit.before')}</div>
              <pre>{before}</pre>
            </>
          )}
          {after && (
            <>
              <div className="adm-muted">{t('audit.after')}</div>
              <pre>{after}</pre>
            </>
          )}
          {event.requestId && (
            <div className="adm-muted">
              {t('audit.request')}：<span className="adm-code">{event.requestId}</span>
            </div>
          )}
        </details>
      )}
    </div>
  );
}

interface FilterValues {
  entity?: string;
  entityId?: string;
}

export default function AuditPage() {
  const { t, i18n } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [params, setParams] = useSearchParams();
  const entity = params.get('entity') ?? '';
  const entityId = params.get('entityId') ?? '';
  const [form] = Form.useForm<FilterValues>();
  const { data, loading, error, refetch, fetchMore } = useQuery(EVENTS, {
    variables: { first: PAGE_SIZE, entity: entity || null, entityId: entityId || null },
  });
  const actors = useQuery(ACTORS);
  const [loadingMore, setLoadingMore] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [hideSignIns, setHideSignIns] = useState(false);

  // The form shows what the address asks for (a link may bring a filter).
  useEffect(() => {
    form.setFieldsValue({ entity, entityId });
  }, [form, entity, entityId]);

  const people = useMemo(
    () => new Map((actors.data?.users.edges ?? []).map((e) => [e.node.id, e.node])),
    [actors.data],
  );
  const connection = data?.auditEvents;
  const loaded = (connection?.edges ?? []).map((e) => e.node);
  const rows = hideSignIns ? loaded.filter((e) => !isSignInEvent(e.operation)) : loaded;
  const hidden = loaded.length - rows.length;

  const loadMore = async () => {
    const after = connection?.pageInfo.endCursor;
    if (!after) return;
    setLoadingMore(true);
    setProblem(null);
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
    } catch (err) {
      setProblem(placeProblems(err, [], i18n.language, (c) => tc(`errors.${c}`)).elsewhere);
    } finally {
      setLoadingMore(false);
    }
  };

  const applyFilter = (v: FilterValues) => {
    const next = new URLSearchParams();
    if (v.entity) next.set('entity', v.entity);
    const id = v.entityId?.trim();
    if (id) next.set('entityId', id);
    setParams(next, { replace: true });
  };

  const actor = (e: AuditEvent) => {
    if (!e.actorUserId) return <div>{t('audit.system')}</div>;
    const who = people.get(e.actorUserId);
    if (!who) return <div>{t('audit.unknownUser', { id: e.actorUserId })}</div>;
    return (
      <>
        <div>{who.displayName}</div>
        <div className="adm-muted">{who.email}</div>
      </>
    );
  };

  const columns: ColumnsType<AuditEvent> = [
    {
      title: t('audit.columns.at'),
      key: 'at',
      width: 150,
      render: (_, e) => <time dateTime={e.at}>{formatDateTime(e.at)}</time>,
    },
    {
      title: t('audit.columns.actor'),
      key: 'actor',
      width: 220,
      render: (_, e) => (
        <div>
          {actor(e)}
          {e.actorRole && (
            <div className="adm-muted">
              {tc(`roles.${e.actorRole}`, { defaultValue: e.actorRole })}
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('audit.columns.operation'),
      key: 'operation',
      width: 180,
      render: (_, e) => {
        const key = auditOperationKey(e.operation, e.after);
        return (
          <div>
            <div>{t(`audit.operations.${key}`, { defaultValue: e.operation })}</div>
            <div className="adm-code">{e.operation}</div>
          </div>
        );
      },
    },
    {
      title: t('audit.columns.record'),
      key: 'record',
      width: 240,
      render: (_, e) => {
        const user = e.entity === 'User' && e.entityId ? people.get(e.entityId) : undefined;
        return (
          <div>
            <div>
              {t(`audit.entities.${e.entity}`, { defaultValue: e.entity })}
              {user ? ` · ${user.displayName}` : ''}
            </div>
            {user && <div className="adm-muted">{user.email}</div>}
            {e.entityId && <div className="adm-code">{e.entityId}</div>}
          </div>
        );
      },
    },
    {
      title: t('audit.columns.changes'),
      key: 'changes',
      render: (_, e) => <Changes event={e} />,
    },
  ];

  return (
    <div className="adm-page">
      <h1>{t('audit.title')}</h1>
      <p className="adm-intro">{t('audit.intro')}</p>
      <div className="adm-toolbar">
        <Form<FilterValues>
          form={form}
          layout="vertical"
          className="adm-filters"
          onFinish={applyFilter}
          initialValues={{ entity, entityId }}
        >
          <Form.Item
            label={t('audit.filters.entity')}
            name="entity"
            htmlFor="entity"
            getValueFromEvent={fromEvent}
          >
            <NativeSelect
              id="entity"
              name="entity"
              options={[
                { value: '', label: t('audit.filters.allEntities') },
                ...ENTITIES.map((x) => ({
                  value: x,
                  label: `${t(`audit.entities.${x}`)}（${x}）`,
                })),
              ]}
            />
          </Form.Item>
          <Form.Item label={t('audit.filters.entityId')} name="entityId" htmlFor="entityId">
            <Input
              id="entityId"
              name="entityId"
              placeholder={t('audit.filters.entityIdPlaceholder')}
              allowClear
              autoComplete="off"
              style={{ width: 320 }}
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button htmlType="submit">{t('search')}</Button>
              <Button
                onClick={() => {
                  setHideSignIns(false);
                  form.setFieldsValue({ entity: '', entityId: '' });
                  setParams(new URLSearchParams(), { replace: true });
                }}
              >
                {t('reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        <Checkbox
          id="hideSignIns"
          checked={hideSignIns}
          onChange={(e) => setHideSignIns(e.target.checked)}
        >
          {t('audit.hideSignIns')}
        </Checkbox>
      </div>
      {problem && (
        <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />
      )}
      {error && !data && <ErrorNotice error={error} onRetry={() => void refetch()} />}
      {loading && !data ? (
        <div className="page-loading" role="status">
          <Spin />
        </div>
      ) : (
        <>
          <Table<AuditEvent>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            pagination={false}
            size="middle"
            scroll={{ x: 1100 }}
            aria-label={t('audit.tableCaption')}
            onRow={(e) =>
              ({
                'data-event-id': e.id,
                'data-operation': e.operation,
                'data-entity': e.entity,
                'data-entity-id': e.entityId ?? '',
              }) as HTMLAttributes<HTMLTableRowElement>
            }
          />
          {connection && (
            <div className="adm-more">
              <span role="status">
                {t('shown', { shown: loaded.length, total: connection.totalCount })}
                {hidden > 0 && t('audit.hidden', { count: hidden })}
              </span>
              {connection.pageInfo.hasNextPage && (
                <Button onClick={() => void loadMore()} loading={loadingMore}>
                  {t('loadMore')}
                </Button>
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}
