import type { FormInstance } from 'antd';
import type { ChangeEvent, ReactNode, SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { explain } from '../../components/ErrorNotice';
import type { SpaceApplicationStatus, UnitStatus } from '../../gql/graphql';
import { problemsByField } from '../../lib/api-errors';
import type { TileStatus } from '../../lib/space';
import './space.css';

export interface Choice {
  value: string;
  label: string;
  disabled?: boolean;
}

/**
 * A native select: it keeps `id` and `name` (the contract's input field name), and the keyboard,
 * screen readers and phones know it. Options may come in labelled groups.
 */
export function NativeSelect({
  options,
  groups,
  placeholder,
  value,
  onChange,
  className,
  ...rest
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
  options?: readonly Choice[];
  groups?: readonly { label: string; options: readonly Choice[] }[];
  placeholder?: string;
  value?: string | null;
  onChange?: (value: string) => void;
}) {
  const option = (o: Choice) => (
    <option key={o.value} value={o.value} disabled={o.disabled}>
      {o.label}
    </option>
  );
  return (
    <select
      className={`space-select${className ? ` ${className}` : ''}`}
      value={value ?? ''}
      onChange={(e: ChangeEvent<HTMLSelectElement>) => onChange?.(e.target.value)}
      {...rest}
    >
      {placeholder !== undefined && (
        <option value="" disabled>
          {placeholder}
        </option>
      )}
      {options?.map(option)}
      {groups
        ?.filter((g) => g.options.length)
        .map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map(option)}
          </optgroup>
        ))}
    </select>
  );
}

/**
 * Puts the API's field problems next to the form's fields (by input field name) and says whether
 * something is left to show above the form: a problem of no field here, or no field problem.
 */
export function placeProblems(
  form: FormInstance,
  error: unknown,
  fieldNames: readonly string[],
): boolean {
  const byField = problemsByField(explain(error).fields);
  const placed = Object.entries(byField).filter(([name]) => fieldNames.includes(name));
  form.setFields(placed.map(([name, message]) => ({ name, errors: [message] })));
  return !placed.length || placed.length < Object.keys(byField).length;
}

/** The API's sentence of an error, or the console's words for its kind. */
export function useErrorSentence() {
  const { t } = useTranslation('common');
  return (error: unknown) => {
    const e = explain(error);
    return e.message ?? t(`errors.${e.code}`);
  };
}

export function TileStatusTag({ status }: { status: TileStatus }) {
  const { t } = useTranslation('space');
  return (
    <span className={`space-tag space-tile-${status}`} data-status={status}>
      {t(`tile.${status}`)}
    </span>
  );
}

const UNIT_STATUS_TONE: Record<UnitStatus, TileStatus> = {
  AVAILABLE: 'FREE',
  LEASED: 'LET',
  MAINTENANCE: 'UNAVAILABLE',
  RETIRED: 'UNAVAILABLE',
};

export function UnitStatusTag({ status }: { status: UnitStatus }) {
  const { t } = useTranslation('space');
  return (
    <span className={`space-tag space-tile-${UNIT_STATUS_TONE[status]}`} data-status={status}>
      {t(`unitStatus.${status}`)}
    </span>
  );
}

const APPLICATION_TONE: Record<SpaceApplicationStatus, string> = {
  SUBMITTED: 'ENDING',
  APPROVED: 'FREE',
  REJECTED: 'REJECTED',
  WITHDRAWN: 'UNAVAILABLE',
};

export function ApplicationStatusTag({ status }: { status: SpaceApplicationStatus }) {
  const { t } = useTranslation('space');
  return (
    <span className={`space-tag space-tile-${APPLICATION_TONE[status]}`} data-status={status}>
      {t(`applicationStatus.${status}`)}
    </span>
  );
}

/** A money or area figure with its exact API value beside the formatted text. */
export function Exact({
  field,
  value,
  children,
}: {
  field: string;
  value: string;
  children: ReactNode;
}) {
  return (
    <span className="space-num" data-field={field} data-value={value}>
      {children}
    </span>
  );
}
