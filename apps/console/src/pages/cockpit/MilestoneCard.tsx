import { Progress } from 'antd';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Figure } from '../../components/Figure';
import { formatMetricValue, isMoneyMetric, scopeOf, statusColour } from '../../lib/cockpit';
import { formatYuan, progressPercent } from '../../lib/numbers';
import type { CockpitProgressFragment } from '../../gql/graphql';
import { Datum } from './Datum';
import { StatusTag } from './StatusTag';
import { unitFor } from './units';

/**
 * One milestone as a card: what is reached (the card's main figure), the target, a progress
 * bar, the year's forecast and the status in words and colour. A click or Enter (or Space)
 * opens the firms counted.
 */
export function MilestoneCard({
  progress,
  onOpen,
}: {
  progress: CockpitProgressFragment;
  onOpen: (progress: CockpitProgressFragment) => void;
}) {
  const { t } = useTranslation('cockpit');
  const { target, actual, forecast, status } = progress;
  const metric = target.metric;
  const zone = scopeOf(target);
  const money = isMoneyMetric(metric);
  const percent = progressPercent(actual, target.target);
  const colour = statusColour(status);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(progress);
    }
  };
  return (
    <div
      className="cockpit-card"
      style={{ borderTopColor: colour }}
      role="button"
      tabIndex={0}
      aria-haspopup="dialog"
      data-metric={metric}
      data-zone={zone}
      data-status={status}
      data-target-id={target.id}
      onClick={() => onOpen(progress)}
      onKeyDown={onKeyDown}
    >
      <div className="cockpit-card-head">
        <span className="cockpit-card-title">{t(`metrics.${metric}`)}</span>
        <StatusTag status={status} />
      </div>
      <div className="cockpit-card-actual">
        <span className="cockpit-card-label">{t('card.actual')}</span>
        <Figure
          as="strong"
          metric={metric}
          zone={zone}
          value={actual}
          className="cockpit-card-value"
        >
          {formatMetricValue(metric, actual, money)}
        </Figure>
        <span className="cockpit-card-unit">{unitFor(t, metric, actual, money)}</span>
      </div>
      <Progress
        percent={percent}
        showInfo={false}
        strokeColor={colour}
        aria-label={t('card.progress', { percent })}
      />
      <div className="cockpit-card-percent">{t('card.progress', { percent })}</div>
      <dl className="cockpit-card-facts">
        <div>
          <dt>{t('card.target')}</dt>
          <dd>
            <Datum
              metric={metric}
              zone={zone}
              value={target.target}
              field="target"
              title={money ? `${formatYuan(target.target)} ${t('units.yuan')}` : undefined}
            >
              {formatMetricValue(metric, target.target, money)}
            </Datum>{' '}
            {unitFor(t, metric, target.target, money)}
          </dd>
        </div>
        <div>
          <dt>{t('card.forecast')}</dt>
          <dd>
            <Datum
              metric={metric}
              zone={zone}
              value={forecast}
              field="forecast"
              title={money ? `${formatYuan(forecast)} ${t('units.yuan')}` : undefined}
            >
              {formatMetricValue(metric, forecast, money)}
            </Datum>{' '}
            {unitFor(t, metric, forecast, money)}
          </dd>
        </div>
      </dl>
      <span className="cockpit-card-open">{t('card.open')}</span>
    </div>
  );
}
