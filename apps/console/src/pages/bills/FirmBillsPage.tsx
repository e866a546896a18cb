/**
 * A firm's own bills, `/bills` for TENANT_ADMIN: the bills of a year (native select `year`,
 * kept as `?year=`), newest month first, each an article `[data-bill-id][data-period]
 * [data-status]` with its lines (`tr[data-kind]`: RENT, PROPERTY_FEE, RENT_RELIEF 房租减免),
 * total, paid and outstanding (`[data-field][data-value]`), and a link to its printable page.
 */
import { useQuery } from '@apollo/client/react';
import { Card, Descriptions, Skeleton, Typography } from 'antd';
import Decimal from 'decimal.js';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { BillDetailFragment } from '../../gql/graphql';
import { billYears } from '../../lib/bills';
import { todayInShanghai } from '../../lib/dates';
import { formatCount } from '../../lib/numbers';
import { BillLines } from './BillLines';
import { BILLS_FIRM } from './operations';
import {
  BillsTheme,
  Control,
  Money,
  NativeSelect,
  PAGE_TITLE,
  SECTION_TITLE,
  StatusTag,
} from './parts';

type Bill = BillDetailFragment;

/** The year's sums over the bills that count (not VOID), as Decimal strings. */
function yearSums(bills: readonly Bill[]) {
  const counted = bills.filter((b) => b.status !== 'VOID');
  const add = (key: 'total' | 'paid' | 'outstanding') =>
    counted.reduce((acc, b) => acc.plus(b[key]), new Decimal(0)).toFixed(2);
  return {
    count: counted.length,
    total: add('total'),
    paid: add('paid'),
    outstanding: add('outstanding'),
  };
}

export default function FirmBillsPage() {
  const { t } = useTranslation('bills');
  const today = todayInShanghai();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const thisYear = Number(today.slice(0, 4));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear + 1 ? asked : thisYear;

  const { data, loading, error, refetch } = useQuery(BILLS_FIRM, { variables: { year } });
  const tenant = data?.me.tenant ?? null;
  const bills = [...(tenant?.bills ?? [])].sort((a, b) => b.period.localeCompare(a.period));
  const years = tenant ? billYears(tenant.enteredOn, today) : [year];
  const options = (years.includes(year) ? years : [...years, year].sort((a, b) => b - a)).map(
    (y) => ({ value: String(y), label: t('firm.yearOption', { year: y }) }),
  );
  const sums = yearSums(bills);

  return (
    <BillsTheme>
      <div className="bills-page">
        <Typography.Title level={1} style={PAGE_TITLE}>
          {t('firm.title')}
        </Typography.Title>
        <Typography.Paragraph className="bills-intro">{t('firm.intro')}</Typography.Paragraph>

        <Card className="bills-card">
          <div className="bills-controls">
            <Control id="year" label={t('firm.year')}>
              <NativeSelect
                id="year"
                name="year"
                value={String(year)}
                onChange={(e) => setParams({ year: e.target.value }, { replace: true })}
                options={options}
              />
            </Control>
            {tenant && (
              <p className="bills-year-sums" data-year={year}>
                {t('firm.sums', { count: sums.count, bills: formatCount(sums.count) })}{' '}
                <span>
                  {t('firm.sumTotal')} <Money field="yearTotal" value={sums.total} />
                </span>{' '}
                <span>
                  {t('firm.sumPaid')} <Money field="yearPaid" value={sums.paid} />
                </span>{' '}
                <span>
                  {t('firm.sumOutstanding')}{' '}
                  <Money field="yearOutstanding" value={sums.outstanding} />
                </span>
              </p>
            )}
          </div>
        </Card>

        {error && !data && <ErrorNotice error={error} onRetry={() => void refetch()} />}
        {loading && !data && <Skeleton active />}
        {data && bills.length === 0 && (
          <Card className="bills-card">
            <p className="bills-muted bills-empty">{t('firm.empty', { year })}</p>
          </Card>
        )}
        {bills.map((bill) => (
          <Card key={bill.id} className="bills-card">
            <article
              aria-labelledby={`bill-${bill.id}`}
              data-bill-id={bill.id}
              data-period={bill.period}
              data-status={bill.status}
            >
              <div className="bills-section-head">
                <Typography.Title level={2} id={`bill-${bill.id}`} style={SECTION_TITLE}>
                  {t('firm.billTitle', { period: bill.period })}{' '}
                  <span className="bills-mono bills-muted bills-number">{bill.number}</span>
                </Typography.Title>
                <StatusTag status={bill.status} />
              </div>
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2, lg: 5 }}
                items={[
                  { key: 'issuedOn', label: t('columns.issuedOn'), children: bill.issuedOn },
                  { key: 'dueOn', label: t('columns.dueOn'), children: bill.dueOn },
                  {
                    key: 'total',
                    label: t('columns.total'),
                    children: <Money field="total" value={bill.total} />,
                  },
                  {
                    key: 'paid',
                    label: t('columns.paid'),
                    children: <Money field="paid" value={bill.paid} />,
                  },
                  {
                    key: 'outstanding',
                    label: t('columns.outstanding'),
                    children: <Money field="outstanding" value={bill.outstanding} />,
                  },
                ]}
              />
              {bill.status === 'VOID' && bill.voidReason && (
                <p className="bills-muted">{t('bill.voided', { reason: bill.voidReason })}</p>
              )}
              <BillLines
                lines={bill.lines}
                caption={t('firm.linesCaption', { period: bill.period, number: bill.number })}
              />
              <p className="bills-open">
                <Link
                  to={`/bills/${bill.id}`}
                  aria-label={t('firm.openLabel', { number: bill.number })}
                >
                  {t('firm.open')}
                </Link>
              </p>
            </article>
          </Card>
        ))}
      </div>
    </BillsTheme>
  );
}
