import { reliefWords, type RentReliefLike } from '../../lib/policies';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A rent relief rule in words, in the policies namespace: `第1–12个月 全免；第13–36个月 减半；
 * 单价上限 80 元/m²；面积上限 1000 m²`. Kept apart from the page's parts (no styles) so that the
 * firm's benefits page says it the same way.
 */
export function reliefText(t: Translate, rule: RentReliefLike): string {
  const words = reliefWords(rule);
  const parts = words.steps.map((s) => {
    const months =
      s.fromMonth === s.toMonth
        ? t('relief.month', { ns: 'policies', from: s.fromMonth })
        : t('relief.months', { ns: 'policies', from: s.fromMonth, to: s.toMonth });
    const share =
      s.share.kind === 'percent'
        ? t('relief.percent', { ns: 'policies', percent: s.share.percent })
        : t(`relief.${s.share.kind}`, { ns: 'policies' });
    return t('relief.step', { ns: 'policies', months, share });
  });
  if (words.maxRatePerSqm) {
    parts.push(t('relief.rate', { ns: 'policies', rate: words.maxRatePerSqm }));
  }
  if (words.maxArea) parts.push(t('relief.area', { ns: 'policies', area: words.maxArea }));
  return parts.join(t('relief.separator', { ns: 'policies' }));
}
