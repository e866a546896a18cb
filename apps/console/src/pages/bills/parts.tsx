import { ConfigProvider, Tag, type FormInstance } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { explain } from '../../components/ErrorNotice';
import { NativeSelect as BaseSelect, type NativeSelectProps } from '../../components/NativeSelect';
import type { BillStatus } from '../../gql/graphql';
import { problemsByField } from '../../lib/api-errors';
import { BILL_STATUS_TONES, type BillTone } from '../../lib/bills';
import { formatYuan } from '../../lib/numbers';
import './bills.css';

/**
 * Pieces the bills pages share: one h1 per page and h2 per section, a status tag whose text is
 * dark enough on its background (WCAG AA), money with its exact value in `data-value`, the
 * console's native select styled for this area, and the API's field problems put next to
 * their fields.
 */
export const PAGE_TITLE: CSSProperties = { fontSize: 22, margin: 0 };
export const SECTION_TITLE: CSSProperties = { fontSize: 17, marginTop: 0 };

const TONES: Record<BillTone, CSSProperties> = {
  info: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  danger: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  success: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  neutral: { color: '#363636', background: '#f5f5f5', borderColor: '#d9d9d9' },
};

/**
 * The bills pages' theme: labels and error messages dark enough on white (WCAG AA, 4.5:1),
 * which antd's defaults (tertiary labels, the error red) are not.
 */
export function BillsTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      theme={{
        token: { colorError: '#c41d1d', colorTextDescription: 'rgba(0, 0, 0, 0.65)' },
        components: { Descriptions: { labelColor: 'rgba(0, 0, 0, 0.7)' } },
      }}
    >
      {children}
    </ConfigProvider>
  );
}

/** A bill's status in words and colour; `data-status` is the API's enum. */
export function StatusTag({ status }: { status: BillStatus }) {
  const { t } = useTranslation('bills');
  return (
    <Tag className="bills-status" style={TONES[BILL_STATUS_TONES[status]]} data-status={status}>
      {t(`statuses.${status}`)}
    </Tag>
  );
}

/** Money in 元 with thousands separators; `data-field` names it, `data-value` is the API's. */
export function Money({
  field,
  value,
  className,
}: {
  field: string;
  value: string;
  className?: string;
}) {
  return (
    <span
      className={className ? `bills-money ${className}` : 'bills-money'}
      data-field={field}
      data-value={value}
    >
      {formatYuan(value)}
    </span>
  );
}

/** The console's native select, styled for this area. */
export function NativeSelect({ className, ...props }: NativeSelectProps) {
  return (
    <BaseSelect className={className ? `bills-select ${className}` : 'bills-select'} {...props} />
  );
}

/** A labelled control above its field, outside an antd Form. */
export function Control({
  id,
  label,
  children,
}: {
  id: string;
  label: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="bills-control">
      <label className="bills-label" htmlFor={id}>
        {label}
      </label>
      {children}
    </div>
  );
}

/**
 * Puts the API's field problems (extensions.fields) next to the form's fields; returns the
 * error when something of it names no field of the form (shown above the buttons), else null.
 */
export function placeFieldProblems<T>(
  err: unknown,
  form: FormInstance<T>,
  fields: readonly string[],
): unknown {
  const e = explain(err);
  const byField = problemsByField(e.fields);
  const placed = Object.entries(byField).filter(([name]) => fields.includes(name));
  form.setFields(
    placed.map(([name, message]) => ({ name: name as never, errors: [message] })) as never,
  );
  return placed.length === 0 || placed.length < Object.keys(byField).length ? err : null;
}
