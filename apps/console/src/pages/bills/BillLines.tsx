import { useTranslation } from 'react-i18next';
import type { BillDetailFragment } from '../../gql/graphql';
import { daysText, unitLabel } from '../../lib/bills';
import { Money } from './parts';

type Line = BillDetailFragment['lines'][number];

/** What a line is, in the console's words: its kind, and for a relief the policy it comes from. */
export function LineKind({ line }: { line: Line }) {
  const { t } = useTranslation('bills');
  const policy = line.benefitApplication?.policy;
  return (
    <>
      {t(`kinds.${line.kind}`)}
      {line.kind === 'RENT_RELIEF' && policy && (
        <span className="bills-muted bills-policy"> {policy.code}</span>
      )}
    </>
  );
}

/**
 * A bill's lines as a plain table (it prints as it shows): kind, unit, days d/D of the month,
 * amount (a relief is negative). Rows carry `data-kind`.
 */
export function BillLines({
  lines,
  caption,
  numbered = false,
}: {
  lines: readonly Line[];
  caption: string;
  numbered?: boolean;
}) {
  const { t } = useTranslation('bills');
  return (
    <table className="bills-lines">
      <caption className="bills-sr-only">{caption}</caption>
      <thead>
        <tr>
          {numbered && <th scope="col">{t('lines.position')}</th>}
          <th scope="col">{t('lines.kind')}</th>
          <th scope="col">{t('lines.unit')}</th>
          <th scope="col" className="bills-num">
            {t('lines.days')}
          </th>
          <th scope="col" className="bills-num">
            {t('lines.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line, i) => (
          <tr key={i} data-kind={line.kind}>
            {numbered && <td>{i + 1}</td>}
            <td>
              <LineKind line={line} />
            </td>
            <td>{unitLabel(line.lease.unit)}</td>
            <td
              className="bills-num"
              data-field="days"
              data-value={daysText(line.days, line.monthDays)}
            >
              {t('lines.daysValue', { days: line.days, monthDays: line.monthDays })}
            </td>
            <td className="bills-num">
              <Money field="amount" value={line.amount} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
