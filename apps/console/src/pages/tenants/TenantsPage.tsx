import { useQuery } from '@apollo/client/react';
import { Button, Card, Input, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useUser } from '../../auth/useSession';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { TenantsListQuery } from '../../gql/graphql';
import { todayInShanghai } from '../../lib/dates';
import {
  apiFilter,
  CERTIFICATION_KINDS,
  EMPTY_FILTER,
  filterFromQuery,
  filtersLocally,
  filterToQuery,
  INDUSTRY_CHAINS,
  isFiltered,
  matchesLocally,
  mayDo,
  TENANT_KINDS,
  TENANT_STATUSES,
  type TenantListFilter,
} from '../../lib/tenants';
import { TENANTS_LIST, TENANTS_ZONES } from './operations';
import { CertificateTags, INCUBATION_TONES, NativeSelect, ToneTag } from './parts';
import { RegisterTenantModal } from './RegisterTenantModal';

type Row = TenantsListQuery['tenants']['edges'][number]['node'];

/** A page of the list; when the page filters itself, it reads the whole list in pages this big. */
const PAGE_SIZE = 50;
const PAGE_SIZE_ALL = 100;

export default function TenantsPage() {
  const { t } = useTranslation('tenants');
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromQuery(params), [params]);
  const local = filtersLocally(filter);
  const today = todayInShanghai();
  const [registering, setRegistering] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);

  const zones = useQuery(TENANTS_ZONES);
  const { data, error, loading, refetch, fetchMore } = useQuery(TENANTS_LIST, {
    variables: { first: local ? PAGE_SIZE_ALL : PAGE_SIZE, filter: apiFilter(filter) },
  });
  const connection = data?.tenants;

  const more = async () => {
    const after = connection?.pageInfo.endCursor;
    if (!after) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after },
        updateQuery: (prev, { fetchMoreResult }) => ({
          tenants: {
            ...fetchMoreResult.tenants,
            edges: [...prev.tenants.edges, ...fetchMoreResult.tenants.edges],
          },
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };

  // Kind, certificates and credit code are not filters of the API: the page reads every page
  // and matches them itself.
  const asked = useRef<string | null>(null);
  const nextCursor = connection?.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
  useEffect(() => {
    if (!local || !nextCursor || loading || asked.current === nextCursor) return;
    asked.current = nextCursor;
    void more();
    // `more` reads the same cursor; it is a new function each render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [local, nextCursor, loading]);

  const setFilter = (next: TenantListFilter) => setParams(filterToQuery(next), { replace: true });
  const change =
    (key: Exclude<keyof TenantListFilter, 'q'>) => (e: { target: { value: string } }) =>
      setFilter({ ...filter, [key]: e.target.value || null });
  const search = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const q = new FormData(e.currentTarget).get('filter-q');
    setFilter({ ...filter, q: typeof q === 'string' ? q : '' });
  };

  const rows = useMemo(
    () =>
      (connection?.edges ?? [])
        .map((e) => e.node)
        .filter((n) => !local || matchesLocally(n, filter, today)),
    [connection, local, filter, today],
  );
  const stillReading = local && Boolean(connection?.pageInfo.hasNextPage);

  const columns: ColumnsType<Row> = [
    {
      key: 'name',
      title: t('list.columns.name'),
      render: (_, r) => (
        <Link to={`/tenants/${r.id}`} onClick={(e) => e.stopPropagation()}>
          {r.name}
        </Link>
      ),
    },
    {
      key: 'creditCode',
      title: t('list.columns.creditCode'),
      render: (_, r) =>
        r.creditCode ? (
          <span className="tn-mono">{r.creditCode}</span>
        ) : (
          <span className="tn-muted">{t('none')}</span>
        ),
    },
    { key: 'kind', title: t('list.columns.kind'), render: (_, r) => t(`kinds.${r.kind}`) },
    {
      key: 'zone',
      title: t('list.columns.zone'),
      render: (_, r) => t(`zones.${r.zone.kind}`, { defaultValue: r.zone.name }),
    },
    { key: 'enteredOn', title: t('list.columns.enteredOn'), dataIndex: 'enteredOn' },
    {
      key: 'certificates',
      title: t('list.columns.certificates'),
      render: (_, r) => <CertificateTags list={r.certifications} today={today} />,
    },
    {
      key: 'incubation',
      title: t('list.columns.incubation'),
      render: (_, r) => (
        <ToneTag tone={INCUBATION_TONES[r.incubation.stage]} data-stage={r.incubation.stage}>
          {t(`incubationStages.${r.incubation.stage}`)}
        </ToneTag>
      ),
    },
    {
      key: 'status',
      title: t('list.columns.status'),
      render: (_, r) => (
        <ToneTag tone={r.status === 'RESIDENT' ? 'success' : 'neutral'} data-status={r.status}>
          {t(`statuses.${r.status}`)}
        </ToneTag>
      ),
    },
  ];

  const all = t('all');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} className="tn-page">
      <div className="tn-head">
        <div>
          <Typography.Title level={1}>{t('list.title')}</Typography.Title>
          <p className="tn-intro">{t('list.intro')}</p>
        </div>
        {mayDo(user.role, 'register') && (
          <Button type="primary" onClick={() => setRegistering(true)}>
            {t('list.register')}
          </Button>
        )}
      </div>

      <Card>
        <Typography.Title level={2} style={{ marginBottom: 12 }}>
          {t('list.filters')}
        </Typography.Title>
        <div className="tn-filters">
          <form role="search" className="tn-search" onSubmit={search} key={filter.q}>
            <label className="tn-label" htmlFor="filter-q">
              {t('list.search')}
            </label>
            <Space.Compact style={{ width: '100%' }}>
              <Input
                id="filter-q"
                name="filter-q"
                defaultValue={filter.q}
                placeholder={t('list.searchPlaceholder')}
                allowClear
                maxLength={200}
              />
              <Button htmlType="submit">{t('list.searchButton')}</Button>
            </Space.Compact>
          </form>
          <div>
            <label className="tn-label" htmlFor="filter-zone">
              {t('list.zone')}
            </label>
            <NativeSelect
              id="filter-zone"
              name="filter-zone"
              placeholder={all}
              placeholderSelectable
              value={filter.zoneId}
              onChange={change('zoneId')}
              options={(zones.data?.zones ?? []).map((z) => ({
                value: z.id,
                label: t(`zones.${z.kind}`, { defaultValue: z.name }),
              }))}
            />
          </div>
          <div>
            <label className="tn-label" htmlFor="filter-kind">
              {t('list.kind')}
            </label>
            <NativeSelect
              id="filter-kind"
              name="filter-kind"
              placeholder={all}
              placeholderSelectable
              value={filter.kind}
              onChange={change('kind')}
              options={TENANT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            />
          </div>
          <div>
            <label className="tn-label" htmlFor="filter-status">
              {t('list.status')}
            </label>
            <NativeSelect
              id="filter-status"
              name="filter-status"
              placeholder={all}
              placeholderSelectable
              value={filter.status}
              onChange={change('status')}
              options={TENANT_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
            />
          </div>
          <div>
            <label className="tn-label" htmlFor="filter-certification">
              {t('list.certification')}
            </label>
            <NativeSelect
              id="filter-certification"
              name="filter-certification"
              placeholder={all}
              placeholderSelectable
              value={filter.certification}
              onChange={change('certification')}
              options={CERTIFICATION_KINDS.map((c) => ({ value: c, label: t(`certKinds.${c}`) }))}
            />
          </div>
          <div>
            <label className="tn-label" htmlFor="filter-chain">
              {t('list.industryChain')}
            </label>
            <NativeSelect
              id="filter-chain"
              name="filter-chain"
              placeholder={all}
              placeholderSelectable
              value={filter.industryChain}
              onChange={change('industryChain')}
              options={INDUSTRY_CHAINS.map((c) => ({ value: c, label: t(`chains.${c}`) }))}
            />
          </div>
          {isFiltered(filter) && (
            <div>
              <Button onClick={() => setFilter(EMPTY_FILTER)}>{t('list.clear')}</Button>
            </div>
          )}
        </div>
        {local && <p className="tn-count tn-muted">{t('list.localNote')}</p>}
      </Card>

      <Card>
        {error && !connection && <ErrorNotice error={error} onRetry={() => void refetch()} />}
        {connection && (
          <p className="tn-count" role="status" data-total={connection.totalCount}>
            {stillReading
              ? t('list.searching', {
                  total: connection.totalCount,
                  loaded: connection.edges.length,
                })
              : local
                ? t('list.totalLocal', { shown: rows.length })
                : t('list.total', { total: connection.totalCount, shown: rows.length })}
          </p>
        )}
        <Table<Row>
          rowKey="id"
          size="middle"
          aria-label={t('list.tableLabel')}
          loading={(loading && !connection) || stillReading}
          dataSource={rows}
          columns={columns}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <span className="tn-muted">{t('list.empty')}</span> }}
          rowClassName={() => 'tn-row'}
          onRow={(r) => ({ onClick: () => navigate(`/tenants/${r.id}`) })}
        />
        {!local && connection?.pageInfo.hasNextPage && (
          <div style={{ textAlign: 'center', marginTop: 12 }}>
            <Button onClick={() => void more()} loading={loadingMore}>
              {t('list.loadMore')}
            </Button>
          </div>
        )}
      </Card>

      {mayDo(user.role, 'register') && (
        <RegisterTenantModal
          open={registering}
          zones={zones.data?.zones ?? []}
          onClose={() => setRegistering(false)}
        />
      )}
    </Space>
  );
}
