import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Spin, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../auth/useSession';
import { ErrorNotice } from '../../components/ErrorNotice';
import { graphql } from '../../gql';
import type { AdminUserFieldsFragment, Role } from '../../gql/graphql';
import {
  ALL_ROLES,
  confirmationMatches,
  createUserInputOf,
  needsProvider,
  needsTenant,
  newPasswordProblem,
  userFilterOf,
  type UserFilterValues,
  type UserFormValues,
} from '../../lib/admin';
import { fromEvent, NativeSelect, placeProblems } from './parts';
import { ProblemAlert } from '../../components/ProblemAlert';

graphql(`
  fragment AdminUserFields on User {
    id
    email
    displayName
    role
    active
    locale
    tenantId
    serviceProviderId
    tenant {
      id
      name
    }
  }
`);

const USERS = graphql(`
  query AdminUsers($first: Int, $after: String, $filter: UserFilter) {
    users(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          ...AdminUserFields
        }
      }
    }
  }
`);

const PROVIDERS = graphql(`
  query AdminUserProviders {
    serviceProviders {
      id
      name
    }
  }
`);

const TENANT_SEARCH = graphql(`
  query AdminUserTenantSearch($name: String) {
    tenants(first: 20, filter: { nameContains: $name }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const CREATE_USER = graphql(`
  mutation AdminCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...AdminUserFields
    }
  }
`);

const SET_ACTIVE = graphql(`
  mutation AdminSetUserActive($id: ID!, $active: Boolean!) {
    setUserActive(id: $id, active: $active) {
      ...AdminUserFields
    }
  }
`);

const RESET_PASSWORD = graphql(`
  mutation AdminResetUserPassword($id: ID!, $newPassword: String!) {
    resetUserPassword(id: $id, newPassword: $newPassword) {
      id
    }
  }
`);

type User = AdminUserFieldsFragment;
const PAGE_SIZE = 20;
const CREATE_FIELDS = ['email', 'displayName', 'role', 'tenantId', 'serviceProviderId', 'password'];

/** Password rules of the browser, the API's own rules (lib/admin.ts), in words. */
function usePasswordRules() {
  const { t } = useTranslation('admin');
  const newPassword = {
    validator: (_: unknown, v?: string) => {
      const p = newPasswordProblem(v);
      return p ? Promise.reject(new Error(t(`passwords.${p}`))) : Promise.resolve();
    },
  };
  const confirms =
    (field: string) =>
    ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
      validator: (_: unknown, v?: string) =>
        confirmationMatches(getFieldValue(field) as string | undefined, v)
          ? Promise.resolve()
          : Promise.reject(new Error(t('passwords.mismatch'))),
    });
  return { newPassword, confirms };
}

/** The firm of a firm's user: found by part of its name (tenants, nameContains). */
function TenantPicker({
  id,
  value,
  onChange,
}: {
  id: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
}) {
  const { t } = useTranslation('admin');
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  // One search once the typing pauses, not one per key.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const { data, loading } = useQuery(TENANT_SEARCH, { variables: { name: search || null } });
  const options = (data?.tenants.edges ?? []).map((e) => ({
    value: e.node.id,
    label: e.node.name,
  }));
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      options={options}
      loading={loading}
      placeholder={t('users.form.tenantPlaceholder')}
      notFoundContent={loading ? <Spin size="small" /> : t('users.form.noTenant')}
      allowClear
    />
  );
}

function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const role = Form.useWatch('role', form) as Role | '' | undefined;
  const providers = useQuery(PROVIDERS, { skip: !open });
  const [createUser, { loading }] = useMutation(CREATE_USER, {
    refetchQueries: [USERS],
    awaitRefetchQueries: true,
  });
  const rules = usePasswordRules();
  const required = { required: true, whitespace: true, message: t('required') };

  const close = () => {
    setProblem(null);
    onClose();
  };

  const onFinish = async (values: UserFormValues) => {
    setProblem(null);
    try {
      const { data } = await createUser({ variables: { input: createUserInputOf(values) } });
      const user = data?.createUser;
      if (user)
        void message.success(t('users.created', { name: user.displayName, email: user.email }));
      close();
    } catch (err) {
      const placed = placeProblems(
        err,
        CREATE_FIELDS,
        i18n.language,
        (c) => tc(`errors.${c}`),
        'email',
      );
      if (placed.onForm.length) form.setFields(placed.onForm as never);
      setProblem(placed.elsewhere);
    }
  };

  return (
    <Modal
      open={open}
      title={t('users.createTitle')}
      onCancel={close}
      footer={null}
      destroyOnHidden
      width={560}
    >
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={loading}
        requiredMark={false}
        initialValues={{ role: '' }}
        style={{ marginTop: problem ? 12 : 0 }}
      >
        <Form.Item
          label={t('users.form.email')}
          name="email"
          htmlFor="email"
          rules={[required, { type: 'email', message: t('users.form.emailInvalid') }]}
        >
          <Input id="email" name="email" type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('users.form.displayName')}
          name="displayName"
          htmlFor="displayName"
          rules={[required]}
        >
          <Input id="displayName" name="displayName" maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('users.form.role')}
          name="role"
          htmlFor="role"
          getValueFromEvent={fromEvent}
          rules={[{ required: true, message: t('required') }]}
        >
          <NativeSelect
            id="role"
            name="role"
            placeholder={t('users.form.chooseRole')}
            options={ALL_ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) }))}
          />
        </Form.Item>
        {needsTenant(role) && (
          <Form.Item
            label={t('users.form.tenantId')}
            name="tenantId"
            htmlFor="tenantId"
            rules={[{ required: true, message: t('required') }]}
          >
            <TenantPicker id="tenantId" />
          </Form.Item>
        )}
        {needsProvider(role) && (
          <Form.Item
            label={t('users.form.serviceProviderId')}
            name="serviceProviderId"
            htmlFor="serviceProviderId"
            getValueFromEvent={fromEvent}
            rules={[{ required: true, message: t('required') }]}
          >
            <NativeSelect
              id="serviceProviderId"
              name="serviceProviderId"
              placeholder={t('users.form.chooseProvider')}
              options={(providers.data?.serviceProviders ?? []).map((p) => ({
                value: p.id,
                label: p.name,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          label={t('users.form.password')}
          name="password"
          htmlFor="password"
          extra={t('users.form.passwordHelp')}
          rules={[rules.newPassword]}
        >
          <Input.Password id="password" name="password" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('users.form.confirmPassword')}
          name="confirmPassword"
          htmlFor="confirmPassword"
          dependencies={['password']}
          rules={[rules.confirms('password')]}
        >
          <Input.Password id="confirmPassword" name="confirmPassword" autoComplete="new-password" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
          <Button onClick={close}>{t('cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={loading}>
            {t('users.form.submit')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t, i18n } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string; confirmPassword: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const [reset, { loading }] = useMutation(RESET_PASSWORD);
  const rules = usePasswordRules();

  const close = () => {
    setProblem(null);
    onClose();
  };

  const onFinish = async (values: { newPassword: string }) => {
    if (!user) return;
    setProblem(null);
    try {
      await reset({ variables: { id: user.id, newPassword: values.newPassword } });
      void message.success(t('users.resetDone', { name: user.displayName }));
      close();
    } catch (err) {
      const placed = placeProblems(err, ['newPassword'], i18n.language, (c) => tc(`errors.${c}`));
      if (placed.onForm.length) form.setFields(placed.onForm as never);
      setProblem(placed.elsewhere);
    }
  };

  return (
    <Modal
      open={!!user}
      title={user ? t('users.resetTitle', { name: user.displayName }) : ''}
      onCancel={close}
      footer={null}
      destroyOnHidden
      width={480}
    >
      <p className="adm-intro">{t('users.resetBody')}</p>
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={loading}
        requiredMark={false}
        style={{ marginTop: problem ? 12 : 0 }}
      >
        <Form.Item
          label={t('users.newPassword')}
          name="newPassword"
          htmlFor="newPassword"
          extra={t('account.password.newPasswordHelp')}
          rules={[rules.newPassword]}
        >
          <Input.Password id="newPassword" name="newPassword" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('users.confirmNewPassword')}
          name="confirmPassword"
          htmlFor="confirmPassword"
          dependencies={['newPassword']}
          rules={[rules.confirms('newPassword')]}
        >
          <Input.Password id="confirmPassword" name="confirmPassword" autoComplete="new-password" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
          <Button onClick={close}>{t('cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={loading}>
            {t('users.resetSubmit')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}

export default function UsersPage() {
  const { t, i18n } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const me = useUser();
  const { modal, message } = App.useApp();
  const [filterForm] = Form.useForm<UserFilterValues>();
  const [filterValues, setFilterValues] = useState<UserFilterValues>({});
  const filter = useMemo(() => userFilterOf(filterValues), [filterValues]);
  const { data, loading, error, refetch, fetchMore } = useQuery(USERS, {
    variables: { first: PAGE_SIZE, filter },
    notifyOnNetworkStatusChange: true,
  });
  const providers = useQuery(PROVIDERS);
  const [setActive] = useMutation(SET_ACTIVE);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const providerName = useMemo(
    () => new Map((providers.data?.serviceProviders ?? []).map((p) => [p.id, p.name])),
    [providers.data],
  );
  const connection = data?.users;
  const rows = (connection?.edges ?? []).map((e) => e.node);

  const loadMore = async () => {
    const after = connection?.pageInfo.endCursor;
    if (!after) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after },
        updateQuery: (prev, { fetchMoreResult }) => ({
          users: {
            ...fetchMoreResult.users,
            edges: [...prev.users.edges, ...fetchMoreResult.users.edges],
          },
        }),
      });
    } catch (err) {
      setProblem(placeProblems(err, [], i18n.language, (c) => tc(`errors.${c}`)).elsewhere);
    } finally {
      setLoadingMore(false);
    }
  };

  const confirmActive = (user: User, active: boolean) => {
    setProblem(null);
    modal.confirm({
      title: t(active ? 'users.reactivateTitle' : 'users.deactivateTitle', {
        name: user.displayName,
      }),
      content: t(active ? 'users.reactivateBody' : 'users.deactivateBody', { email: user.email }),
      okText: t(active ? 'users.reactivate' : 'users.deactivate'),
      okButtonProps: { danger: !active },
      cancelText: t('cancel'),
      onOk: async () => {
        try {
          await setActive({ variables: { id: user.id, active } });
          void message.success(
            t(active ? 'users.reactivated' : 'users.deactivated', { name: user.displayName }),
          );
          // A filter by status lists it no longer (or now).
          if (filter.active !== undefined) void refetch();
        } catch (err) {
          const placed = placeProblems(err, [], i18n.language, (c) => tc(`errors.${c}`));
          setProblem(placed.elsewhere);
        }
      },
    });
  };

  const belongsTo = (u: User) => {
    if (u.tenant) return u.tenant.name;
    if (u.serviceProviderId) return providerName.get(u.serviceProviderId) ?? u.serviceProviderId;
    return t('users.none');
  };

  const columns: ColumnsType<User> = [
    {
      title: t('users.columns.displayName'),
      key: 'displayName',
      render: (_, u) => (
        <Space size={6}>
          <span>{u.displayName}</span>
          {u.id === me.id && <span className="adm-tag adm-tag-blue">{t('users.you')}</span>}
        </Space>
      ),
    },
    { title: t('users.columns.email'), dataIndex: 'email', key: 'email' },
    { title: t('users.columns.role'), key: 'role', render: (_, u) => tc(`roles.${u.role}`) },
    { title: t('users.columns.belongsTo'), key: 'belongsTo', render: (_, u) => belongsTo(u) },
    {
      title: t('users.columns.status'),
      key: 'status',
      render: (_, u) => (
        <span
          className={`adm-tag ${u.active ? 'adm-tag-green' : 'adm-tag-grey'}`}
          data-active={String(u.active)}
        >
          {t(u.active ? 'users.status.active' : 'users.status.inactive')}
        </span>
      ),
    },
    {
      title: t('actions'),
      key: 'actions',
      render: (_, u) =>
        u.id === me.id ? (
          <span className="adm-muted">{t('users.none')}</span>
        ) : (
          <Space size={8} wrap>
            <Button
              size="small"
              danger={u.active}
              onClick={() => confirmActive(u, !u.active)}
              aria-label={t(u.active ? 'users.deactivateLabel' : 'users.reactivateLabel', {
                name: u.displayName,
              })}
            >
              {t(u.active ? 'users.deactivate' : 'users.reactivate')}
            </Button>
            <Button
              size="small"
              onClick={() => setResetting(u)}
              aria-label={t('users.resetLabel', { name: u.displayName })}
            >
              {t('users.resetPassword')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <div className="adm-page">
      <h1>{t('users.title')}</h1>
      <p className="adm-intro">
        {t('users.intro')}
        <br />
        {t('users.selfNote')}
      </p>
      <div className="adm-toolbar">
        <Form<UserFilterValues>
          form={filterForm}
          layout="vertical"
          className="adm-filters"
          onFinish={(v) => setFilterValues({ ...v })}
          initialValues={{ role: '', active: '', emailContains: '' }}
        >
          <Form.Item
            label={t('users.filters.role')}
            name="role"
            htmlFor="filterRole"
            getValueFromEvent={fromEvent}
          >
            <NativeSelect
              id="filterRole"
              name="role"
              options={[
                { value: '', label: t('users.filters.allRoles') },
                ...ALL_ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) })),
              ]}
            />
          </Form.Item>
          <Form.Item
            label={t('users.filters.active')}
            name="active"
            htmlFor="filterActive"
            getValueFromEvent={fromEvent}
          >
            <NativeSelect
              id="filterActive"
              name="active"
              options={[
                { value: '', label: t('users.filters.allStates') },
                { value: 'true', label: t('users.filters.activeOnly') },
                { value: 'false', label: t('users.filters.inactiveOnly') },
              ]}
            />
          </Form.Item>
          <Form.Item
            label={t('users.filters.emailContains')}
            name="emailContains"
            htmlFor="emailContains"
          >
            <Input id="emailContains" name="emailContains" allowClear autoComplete="off" />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button htmlType="submit">{t('search')}</Button>
              <Button
                onClick={() => {
                  filterForm.resetFields();
                  setFilterValues({});
                }}
              >
                {t('reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('users.create')}
        </Button>
      </div>
      <ProblemAlert problem={problem} onClose={() => setProblem(null)} />
      {error && !data && <ErrorNotice error={error} onRetry={() => void refetch()} />}
      {loading && !data ? (
        <div className="page-loading" role="status">
          <Spin />
        </div>
      ) : (
        <>
          <Table<User>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            pagination={false}
            size="middle"
            scroll={{ x: 960 }}
            aria-label={t('users.tableCaption')}
            onRow={(u) =>
              ({
                'data-user-id': u.id,
                'data-email': u.email,
              }) as HTMLAttributes<HTMLTableRowElement>
            }
          />
          {connection && (
            <div className="adm-more">
              <span role="status">
                {t('shown', { shown: rows.length, total: connection.totalCount })}
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
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </div>
  );
}
