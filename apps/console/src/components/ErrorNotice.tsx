import { Alert } from 'antd';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useTranslation } from 'react-i18next';
import { explainErrors, type ExplainedError } from '../lib/api-errors';

/** An error of the API as one sentence a person can read; never JSON, never a stack. */
export function explain(error: unknown): ExplainedError {
  if (CombinedGraphQLErrors.is(error)) return explainErrors(error.errors);
  if (error && typeof error === 'object' && 'explained' in error)
    return (error as { explained: ExplainedError }).explained;
  return { code: 'NETWORK', message: null, fields: [] };
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const e = explain(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={e.message ?? t(`errors.${e.code}`)}
      action={
        onRetry ? (
          <a onClick={onRetry} role="button" tabIndex={0}>
            {t('retry')}
          </a>
        ) : undefined
      }
    />
  );
}
