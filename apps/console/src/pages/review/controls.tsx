import { Tag } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/**
 * Small pieces the review tabs share: one h1 per page and h2 per tab (headings in order), a
 * native <select> (a real form control with a name, which getByLabel and selectOption find), and
 * tags whose text is dark enough on their background (WCAG AA, 4.5:1).
 */
export const PAGE_TITLE: CSSProperties = { fontSize: 22, margin: 0 };
export const SECTION_TITLE: CSSProperties = { fontSize: 17, marginTop: 0 };
export const MUTED: CSSProperties = { color: 'rgba(0, 0, 0, 0.65)' };
export const MONO: CSSProperties = {
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
};

const SELECT_STYLE: CSSProperties = {
  minWidth: 160,
  height: 32,
  padding: '0 8px',
  fontSize: 14,
  border: '1px solid #8c8c8c',
  borderRadius: 6,
  background: '#fff',
  color: 'rgba(0, 0, 0, 0.88)',
};

export interface Option {
  value: string;
  label: string;
}

/** A native select named `name`; under a Form.Item it takes the item's value and onChange. */
export function NativeSelect({
  id,
  name,
  value,
  onChange,
  options,
  disabled,
}: {
  id?: string;
  name: string;
  value?: string;
  onChange?: (value: string) => void;
  options: readonly Option[];
  disabled?: boolean;
}) {
  return (
    <select
      id={id ?? name}
      name={name}
      value={value ?? ''}
      disabled={disabled}
      onChange={(e) => onChange?.(e.target.value)}
      style={SELECT_STYLE}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export type Tone = 'neutral' | 'info' | 'warning' | 'danger';

const TONES: Record<Tone, CSSProperties> = {
  neutral: { color: '#363636', background: '#f5f5f5', borderColor: '#d9d9d9' },
  info: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  warning: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  danger: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
};

export function ToneTag({
  tone,
  children,
  ...rest
}: { tone: Tone; children: ReactNode } & Record<`data-${string}`, string>) {
  return (
    <Tag style={TONES[tone]} {...rest}>
      {children}
    </Tag>
  );
}
