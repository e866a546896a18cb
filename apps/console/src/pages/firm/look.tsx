import { ConfigProvider, Tag } from 'antd';
import type { ReactNode } from 'react';

/**
 * How the firm's pages look beside Ant Design's defaults: one h1 per page and h2 for its
 * sections (headings in order), and colours of text dark enough on their background (WCAG AA,
 * 4.5:1), which some of antd's defaults are not (tertiary labels, preset tag colours, the error
 * red).
 */
export const PAGE_TITLE = { fontSize: 22, margin: 0 } as const;
export const SECTION_TITLE = { fontSize: 17, marginTop: 0 } as const;
export const MONO = {
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
} as const;

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'alarm';

const TONES: Record<Tone, { color: string; background: string; borderColor: string }> = {
  neutral: { color: '#363636', background: '#f5f5f5', borderColor: '#d9d9d9' },
  info: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  success: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  warning: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  danger: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  alarm: { color: '#ffffff', background: '#c41d1d', borderColor: '#c41d1d' },
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

/** The firm pages' theme: readable labels and error messages. */
export function FirmTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider
      theme={{
        token: { colorError: '#c41d1d' },
        components: { Descriptions: { labelColor: 'rgba(0, 0, 0, 0.7)' } },
      }}
    >
      {children}
    </ConfigProvider>
  );
}
