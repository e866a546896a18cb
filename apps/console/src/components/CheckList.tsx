import { Checkbox } from 'antd';
import type { ReactNode } from 'react';

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
    <fieldset className="checklist" id={id}>
      <legend>{legend}</legend>
      <div className="checklist-options">
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
