import { Button, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { PoliciesPolicyFieldsFragment } from '../../gql/graphql';
import { BudgetBar, Money, RuleSummary } from './parts';
import { reliefText } from './relief';

type Policy = PoliciesPolicyFieldsFragment;

/** Every policy with its budget bar, cap, validity and rule; an edit button for who may edit. */
export function PolicyTable({
  policies,
  loading,
  onEdit,
}: {
  policies: readonly Policy[];
  loading: boolean;
  /** Null for a role that may not change policies. */
  onEdit: ((policy: Policy) => void) | null;
}) {
  const { t } = useTranslation('policies');
  const columns: ColumnsType<Policy> = [
    {
      key: 'title',
      title: t('list.columns.title'),
      render: (_, p) => (
        <>
          <div>{p.title}</div>
          <div className="pol-muted">{p.code}</div>
        </>
      ),
    },
    {
      key: 'kind',
      title: t('list.columns.kind'),
      width: 220,
      render: (_, p) => (
        <>
          <span className="pol-nowrap">{t(`kind.${p.kind}`)}</span>
          {p.rentRelief && (
            <div className="pol-relief">
              <span className="pol-muted">{t('relief.label')}</span>
              <span data-relief="">{reliefText(t, p.rentRelief)}</span>
            </div>
          )}
        </>
      ),
    },
    { key: 'basis', title: t('list.columns.basis'), dataIndex: 'basis', width: 220 },
    {
      key: 'validity',
      title: t('list.columns.validity'),
      render: (_, p) => (
        <span className="pol-money">
          {p.validTo
            ? t('list.validity', { from: p.validFrom, to: p.validTo })
            : t('list.openEnded', { from: p.validFrom })}
        </span>
      ),
    },
    {
      key: 'budget',
      title: t('list.columns.budget'),
      render: (_, p) => <BudgetBar policy={p} />,
    },
    {
      key: 'cap',
      title: t('list.columns.cap'),
      align: 'right',
      render: (_, p) =>
        p.maxAmountPerTenant ? (
          <Money value={p.maxAmountPerTenant} field="maxAmountPerTenant" />
        ) : (
          <span className="pol-muted">{t('list.noCap')}</span>
        ),
    },
    {
      key: 'rule',
      title: t('list.columns.rule'),
      width: 200,
      render: (_, p) => <RuleSummary rule={p.eligibility} />,
    },
  ];
  if (onEdit) {
    columns.push({
      key: 'actions',
      title: t('list.columns.actions'),
      render: (_, p) => (
        <Button
          size="small"
          onClick={() => onEdit(p)}
          aria-label={t('list.editLabel', { title: p.title })}
        >
          {t('list.edit')}
        </Button>
      ),
    });
  }
  return (
    <Table<Policy>
      rowKey="id"
      columns={columns}
      dataSource={[...policies]}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 1200 }}
      locale={{ emptyText: t('list.empty') }}
      onRow={(p) => ({ 'data-policy': p.code }) as HTMLAttributes<HTMLElement>}
    />
  );
}
