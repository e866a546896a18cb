import { Checkbox } from 'antd';
import type { ChangeEvent, ReactNode, SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceRequestStatus } from '../../gql/graphql';
import { formatDateTime } from '../../lib/dates';
import './desk.css';

/** Pieces of the service desk's board. */

export function When({ at }: { at: string | null | undefined }) {
  const { t } = useTranslation('desk');
  if (!at) return <span className="desk-muted">{t('none')}</span>;
  return <time dateTime={at}>{formatDateTime(at)}</time>;
}

export function StatusLabel({ status }: { status: ServiceRequestStatus }) {
  const { t } = useTranslation('desk');
  return (
    <span className="desk-status" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

/** A native select (it keeps `name`; the keyboard and screen readers know it). */
export function NativeSelect({
  options,
  placeholder,
  value,
  onChange,
  ...rest
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
  options: { value: string; label: string }[];
  placeholder: { label: string; selectable: boolean };
  value?: string;
  onChange?: (e: ChangeEvent<HTMLSelectElement>) => void;
}) {
  return (
    <select className="desk-select" value={value ?? ''} onChange={onChange} {...rest}>
      <option value="" disabled={!placeholder.selectable}>
        {placeholder.label}
      </option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** Checkboxes named after an input field, as a fieldset with its legend, for a Form.Item. */
export function CheckList<T extends string>({
  id,
  name,
  legend,
  options,
  value,
  onChange,
}: {
  id?: string;
  name: string;
  legend: ReactNode;
  options: readonly { value: T; label: string }[];
  value?: T[];
  onChange?: (value: T[]) => void;
}) {
  const chosen = value ?? [];
  const toggle = (v: T, on: boolean) =>
    onChange?.(on ? [...chosen.filter((c) => c !== v), v] : chosen.filter((c) => c !== v));
  return (
    <fieldset className="desk-checklist" id={id}>
      <legend>{legend}</legend>
      <div className="desk-checklist-options">
        {options.map((o) => (
          <Checkbox
            key={o.value}
            name={name}
            value={o.value}
            checked={chosen.includes(o.value)}
            onChange={(e) => toggle(o.value, e.target.checked)}
          >
            {o.label}
          </Checkbox>
        ))}
      </div>
    </fieldset>
  );
}
