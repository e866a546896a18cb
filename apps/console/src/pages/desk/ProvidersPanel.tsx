import { useMutation } from '@apollo/client/react';
import { App, Button, Form, Input, Modal, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, explain } from '../../components/ErrorNotice';
import type { DeskProvidersQuery, ServiceCategory } from '../../gql/graphql';
import { problemsByField } from '../../lib/api-errors';
import { providerProblems, uncoveredCategories } from '../../lib/desk';
import { SERVICE_CATEGORIES } from '../../lib/service-requests';
import { DESK_CREATE_PROVIDER, DESK_PROVIDERS } from './operations';
import { CheckList } from '../../components/CheckList';
import { attemptContext } from '../../lib/idempotency';

type Provider = DeskProvidersQuery['serviceProviders'][number];

interface ProviderValues {
  name: string;
  categories: ServiceCategory[];
}

const FIELDS = ['name', 'categories'];

function ProviderFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('desk');
  return (
    <Modal
      open={open}
      title={t('providers.form.title')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={560}
    >
      {/* A form of its own each time the dialog opens: nothing typed before stays. */}
      <ProviderForm onClose={onClose} />
    </Modal>
  );
}

function ProviderForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('desk');
  const { message } = App.useApp();
  const [form] = Form.useForm<ProviderValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const [create, { loading }] = useMutation(DESK_CREATE_PROVIDER, {
    refetchQueries: [{ query: DESK_PROVIDERS }],
    awaitRefetchQueries: true,
  });

  const close = () => {
    setProblem(null);
    onClose();
  };

  const onFinish = async (values: ProviderValues) => {
    setProblem(null);
    try {
      const res = await create({
        variables: { input: { name: values.name.trim(), categories: values.categories } },
        context: attemptContext(),
      });
      void message.success(
        t('providers.form.created', { name: res.data?.createServiceProvider.name ?? values.name }),
      );
      close();
    } catch (err) {
      const byField = problemsByField(explain(err).fields);
      const placed = Object.entries(byField).filter(([name]) => FIELDS.includes(name));
      form.setFields(
        placed.map(([name, msg]) => ({ name: name as keyof ProviderValues, errors: [msg] })),
      );
      if (!placed.length || placed.length < Object.keys(byField).length) setProblem(err);
    }
  };

  return (
    <Form<ProviderValues>
      form={form}
      layout="vertical"
      initialValues={{ name: '', categories: [] }}
      onFinish={onFinish}
      disabled={loading}
      requiredMark
    >
      {problem !== null && <ErrorNotice error={problem} />}
      <Form.Item
        label={t('providers.form.name')}
        name="name"
        htmlFor="name"
        required
        rules={[
          {
            validator: (_, value: string | undefined) => {
              const p = providerProblems({ name: value, categories: ['OTHER'] }).name;
              if (p === 'required') {
                return Promise.reject(new Error(t('providers.form.problems.nameRequired')));
              }
              if (p === 'long') {
                return Promise.reject(new Error(t('providers.form.problems.nameLong')));
              }
              return Promise.resolve();
            },
          },
        ]}
      >
        <Input
          id="name"
          name="name"
          autoComplete="off"
          placeholder={t('providers.form.namePlaceholder')}
        />
      </Form.Item>
      <Form.Item
        name="categories"
        required
        rules={[
          {
            validator: (_, value: ServiceCategory[] | undefined) =>
              providerProblems({ name: 'x', categories: value }).categories
                ? Promise.reject(new Error(t('providers.form.problems.categoriesRequired')))
                : Promise.resolve(),
          },
        ]}
      >
        <CheckList
          name="categories"
          legend={t('providers.form.categories')}
          options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        />
      </Form.Item>
      <div className="desk-form-actions">
        <Button type="primary" htmlType="submit" loading={loading}>
          {t('providers.form.submit')}
        </Button>
        <Button onClick={close}>{t('cancel', { ns: 'common' })}</Button>
      </div>
    </Form>
  );
}

/**
 * The park's providers with the categories each serves and what it has in hand; the desk adds
 * new ones. (The API has no operation to edit or deactivate a provider.)
 */
export function ProvidersPanel({
  providers,
  loading,
  load,
  mayWrite,
}: {
  providers: readonly Provider[];
  loading: boolean;
  load: ReadonlyMap<string, number>;
  mayWrite: boolean;
}) {
  const { t } = useTranslation('desk');
  const [creating, setCreating] = useState(false);
  const uncovered = uncoveredCategories(providers);
  const sep = t('providers.separator');

  const columns: ColumnsType<Provider> = [
    { key: 'name', title: t('providers.columns.name'), dataIndex: 'name' },
    {
      key: 'categories',
      title: t('providers.columns.categories'),
      render: (_, p) =>
        p.categories.map((c) => (
          <span key={c} className="desk-tag" data-category={c}>
            {t(`category.${c}`)}
          </span>
        )),
    },
    {
      key: 'inHand',
      title: t('providers.columns.inHand'),
      align: 'right',
      render: (_, p) => <span data-field="inHand">{load.get(p.id) ?? 0}</span>,
    },
  ];

  return (
    <section aria-labelledby="providers-title">
      <div className="desk-toolbar">
        <h2 id="providers-title">{t('providers.heading')}</h2>
        {mayWrite && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('providers.create')}
          </Button>
        )}
      </div>
      <p className="desk-muted" data-uncovered={uncovered.join(',')}>
        {uncovered.length
          ? t('providers.uncovered', {
              list: uncovered.map((c) => t(`category.${c}`)).join(sep),
            })
          : t('providers.allCovered')}
      </p>
      <Table<Provider>
        rowKey="id"
        columns={columns}
        dataSource={[...providers]}
        loading={loading}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('providers.empty') }}
        onRow={(p) => ({ 'data-provider': p.id }) as HTMLAttributes<HTMLElement>}
      />
      {mayWrite && <ProviderFormModal open={creating} onClose={() => setCreating(false)} />}
    </section>
  );
}
