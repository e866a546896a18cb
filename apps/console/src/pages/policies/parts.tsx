import { useTranslation } from 'react-i18next';
import type { BenefitStatus } from '../../gql/graphql';
import { formatDateTime } from '../../lib/dates';
import { formatYuan } from '../../lib/numbers';
import { budgetBar, type RuleLike } from '../../lib/policies';
import './policies.css';
import { NativeSelect as BaseSelect, type NativeSelectProps } from '../../components/NativeSelect';

/** Pieces of the policies page: money with its exact value, the budget bar, the rule in words. */

/** An amount in 元 (the unit is in the label), the exact Decimal string in data-value. */
export function Money({ value, field }: { value: string | null | undefined; field: string }) {
  const { t } = useTranslation('policies');
  if (value === null || value === undefined) return <span className="pol-muted">{t('none')}</span>;
  return (
    <span className="pol-money" data-field={field} data-value={value}>
      {formatYuan(value)}
    </span>
  );
}

export function When({ at }: { at: string | null | undefined }) {
  const { t } = useTranslation('policies');
  if (!at) return <span className="pol-muted">{t('none')}</span>;
  return <time dateTime={at}>{formatDateTime(at)}</time>;
}

export function BenefitStatusTag({ status }: { status: BenefitStatus }) {
  const { t } = useTranslation('policies');
  return (
    <span className={`pol-tag pol-tag-${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

/** A policy's budget: granted and left of it, in figures and as a bar (progressPercent). */
export function BudgetBar({
  policy,
}: {
  policy: { title: string; budget: string; granted: string; remaining: string };
}) {
  const { t } = useTranslation('policies');
  const bar = budgetBar(policy);
  return (
    <div className={`pol-bar${bar.percent >= 100 ? ' pol-bar-full' : ''}`} data-budget-bar="">
      <div
        className="pol-bar-track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={bar.percent}
        aria-label={t('bar.label', { title: policy.title, percent: bar.percent })}
        data-percent={bar.percent}
      >
        <div className="pol-bar-fill" style={{ width: `${bar.percent}%` }} />
      </div>
      <div className="pol-bar-figures">
        <span>
          {t('bar.granted')} <Money value={bar.granted} field="granted" />
        </span>
        <span>
          {t('bar.remaining')} <Money value={bar.remaining} field="remaining" />
        </span>
        <span className="pol-muted">
          {t('bar.budget')} <Money value={bar.budget} field="budget" />
        </span>
      </div>
    </div>
  );
}

/** A policy's eligibility rule in words, one condition a line. */
export function RuleSummary({ rule }: { rule: RuleLike }) {
  const { t } = useTranslation('policies');
  const sep = t('rule.separator');
  const lines: string[] = [];
  if (rule.zoneKinds?.length) {
    lines.push(t('rule.zones', { list: rule.zoneKinds.map((z) => t(`zoneKind.${z}`)).join(sep) }));
  }
  if (rule.requiredCertifications?.length) {
    lines.push(
      t('rule.certifications', {
        list: rule.requiredCertifications.map((c) => t(`certification.${c}`)).join(sep),
      }),
    );
  }
  if (rule.industryChains?.length) {
    lines.push(
      t('rule.chains', { list: rule.industryChains.map((c) => t(`chain.${c}`)).join(sep) }),
    );
  }
  if (rule.minMonthsResident) lines.push(t('rule.months', { count: rule.minMonthsResident }));
  if (!lines.length) return <span className="pol-muted">{t('rule.any')}</span>;
  return (
    <ul className="pol-rule">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}

/** The console's native select, styled for this area. */
export function NativeSelect({ className, ...props }: NativeSelectProps) {
  return <BaseSelect className={className ? `pol-select ${className}` : 'pol-select'} {...props} />;
}
