/**
 * One bill, `/bills/:id`, as it prints (A4, black on white, no navigation): the park that
 * issues it, the firm and its credit code, the month, issue and due dates, the lines (kind,
 * unit, days d/D, amount), the total in figures and in words (大写金额, `[data-field=
 * amountInWords]`), paid and outstanding, and the payments. The button 打印 prints it; ADMIN
 * also records a payment or voids it from here.
 */
import { useQuery } from '@apollo/client/react';
import { Button, Result, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useUser } from '../../auth/useSession';
import { ErrorNotice } from '../../components/ErrorNotice';
import { amountInWords, mayRecordPayment, mayVoid } from '../../lib/bills';
import { formatYuan } from '../../lib/numbers';
import { BillLines } from './BillLines';
import { BILLS_DETAIL } from './operations';
import { BillsTheme, Money, StatusTag } from './parts';
import { PaymentModal } from './PaymentModal';
import { VoidModal } from './VoidModal';

const REFETCH = ['BillsList', 'BillsOverdue'] as const;

export default function BillPage() {
  const { t } = useTranslation('bills');
  const { id = '' } = useParams();
  const user = useUser();
  const isAdmin = user.role === 'ADMIN';
  const { data, loading, error, refetch } = useQuery(BILLS_DETAIL, { variables: { id } });
  const [paying, setPaying] = useState(false);
  const [voiding, setVoiding] = useState(false);

  if (error && !data) return <ErrorNotice error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <Skeleton active />;
  const bill = data?.bill;
  if (!bill)
    return (
      <Result
        status="404"
        title="404"
        subTitle={t('bill.notFound')}
        extra={<Link to="/bills">{t('bill.back')}</Link>}
      />
    );
  const park = bill.tenant.zone.park.name;

  return (
    <BillsTheme>
      <div className="bill-print-page">
        <div className="bills-toolbar no-print">
          <Link to="/bills">{t('bill.back')}</Link>
          <Space wrap>
            {isAdmin && mayRecordPayment(bill) && (
              <Button onClick={() => setPaying(true)}>{t('list.pay')}</Button>
            )}
            {isAdmin && mayVoid(bill) && (
              <Button danger onClick={() => setVoiding(true)}>
                {t('list.void')}
              </Button>
            )}
            <Button type="primary" onClick={() => window.print()}>
              {t('bill.print')}
            </Button>
          </Space>
        </div>

        <article
          className="bill-sheet"
          aria-labelledby="bill-title"
          data-bill-id={bill.id}
          data-status={bill.status}
        >
          <header className="bill-sheet-head">
            <p className="bill-sheet-park" data-field="park">
              {park}
            </p>
            <h1 id="bill-title" className="bill-sheet-title">
              {t('bill.title')}
            </h1>
            <p className="bill-sheet-number">
              {t('bill.number')}{' '}
              <span className="bills-mono" data-field="number">
                {bill.number}
              </span>
            </p>
          </header>

          <dl className="bill-sheet-facts">
            <div>
              <dt>{t('bill.tenant')}</dt>
              <dd data-field="tenant">{bill.tenant.name}</dd>
            </div>
            <div>
              <dt>{t('bill.creditCode')}</dt>
              <dd className="bills-mono" data-field="creditCode">
                {bill.tenant.creditCode ?? t('none')}
              </dd>
            </div>
            <div>
              <dt>{t('bill.period')}</dt>
              <dd data-field="period">{bill.period}</dd>
            </div>
            <div>
              <dt>{t('bill.zone')}</dt>
              <dd>{bill.tenant.zone.name}</dd>
            </div>
            <div>
              <dt>{t('bill.issuedOn')}</dt>
              <dd data-field="issuedOn">{bill.issuedOn}</dd>
            </div>
            <div>
              <dt>{t('bill.dueOn')}</dt>
              <dd data-field="dueOn">{bill.dueOn}</dd>
            </div>
            <div>
              <dt>{t('bill.status')}</dt>
              <dd>
                <StatusTag status={bill.status} />
              </dd>
            </div>
          </dl>

          <h2 className="bill-sheet-h2">{t('bill.lines')}</h2>
          <BillLines lines={bill.lines} caption={t('bill.lines')} numbered />

          <table className="bill-sheet-total">
            <tbody>
              <tr>
                <th scope="row">{t('bill.totalFigures')}</th>
                <td className="bills-num">
                  ¥ <Money field="total" value={bill.total} />
                </td>
              </tr>
              <tr>
                <th scope="row">{t('bill.totalWords')}</th>
                <td className="bill-sheet-words" data-field="amountInWords" data-value={bill.total}>
                  {t('bill.rmb')} {amountInWords(bill.total)}
                </td>
              </tr>
              <tr>
                <th scope="row">{t('bill.paid')}</th>
                <td className="bills-num">
                  <Money field="paid" value={bill.paid} />
                </td>
              </tr>
              <tr>
                <th scope="row">{t('bill.outstanding')}</th>
                <td className="bills-num">
                  <Money field="outstanding" value={bill.outstanding} />
                </td>
              </tr>
            </tbody>
          </table>

          {bill.status === 'VOID' && bill.voidReason && (
            <p className="bill-sheet-void" data-field="voidReason">
              {t('bill.voided', { reason: bill.voidReason })}
            </p>
          )}

          <h2 className="bill-sheet-h2">{t('bill.payments')}</h2>
          {bill.payments.length === 0 ? (
            <p className="bills-muted">{t('bill.noPayments')}</p>
          ) : (
            <table className="bills-lines">
              <caption className="bills-sr-only">{t('bill.payments')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('bill.paidOn')}</th>
                  <th scope="col">{t('bill.reference')}</th>
                  <th scope="col" className="bills-num">
                    {t('bill.amount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {bill.payments.map((p) => (
                  <tr key={p.id} data-payment-id={p.id}>
                    <td>{p.paidOn}</td>
                    <td>{p.reference}</td>
                    <td className="bills-num">
                      <Money field="paymentAmount" value={p.amount} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <footer className="bill-sheet-foot">
            {bill.status === 'VOID' || bill.status === 'PAID'
              ? t(bill.status === 'PAID' ? 'bill.settled' : 'bill.voidNote')
              : t('bill.pleasePay', {
                  dueOn: bill.dueOn,
                  outstanding: formatYuan(bill.outstanding),
                })}
          </footer>
        </article>

        {isAdmin && (
          <>
            <PaymentModal
              bill={paying ? bill : null}
              onClose={() => setPaying(false)}
              refetch={REFETCH}
            />
            <VoidModal
              bill={voiding ? bill : null}
              onClose={() => setVoiding(false)}
              refetch={REFETCH}
            />
          </>
        )}
      </div>
    </BillsTheme>
  );
}
