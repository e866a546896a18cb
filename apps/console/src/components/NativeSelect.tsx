import type { ChangeEvent, SelectHTMLAttributes } from 'react';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export type NativeSelectProps = Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'onChange' | 'value' | 'placeholder'
> & {
  options: readonly SelectOption[];
  /** A first, empty choice; left out, none. */
  placeholder?: string;
  /** Whether the empty choice may be chosen ("all" in a filter) or only shown (a required field). */
  placeholderSelectable?: boolean;
  value?: string | number | null;
  onChange?: (e: ChangeEvent<HTMLSelectElement>) => void;
};

/**
 * A native <select>: it keeps its `name` and `id` (the testability contract: `[name=kind]`,
 * `getByLabel`), the keyboard and screen readers know it, and a phone shows its own picker.
 * Each area styles it through `className`.
 */
export function NativeSelect({
  options,
  placeholder,
  placeholderSelectable = false,
  value,
  onChange,
  ...rest
}: NativeSelectProps) {
  return (
    <select
      value={value === null || value === undefined ? '' : String(value)}
      onChange={onChange}
      {...rest}
    >
      {placeholder !== undefined && (
        <option value="" disabled={!placeholderSelectable}>
          {placeholder}
        </option>
      )}
      {options.map((o) => (
        <option key={o.value} value={o.value} disabled={o.disabled}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
