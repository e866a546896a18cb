import { useTranslation } from 'react-i18next';
import type { ServiceRequestStatus } from '../../gql/graphql';
import { formatDateTime } from '../../lib/dates';
import './desk.css';
import { NativeSelect as BaseSelect, type NativeSelectProps } from '../../components/NativeSelect';

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

/** The console's native select, styled for this area. */
export function NativeSelect({ className, ...props }: NativeSelectProps) {
  return (
    <BaseSelect className={className ? `desk-select ${className}` : 'desk-select'} {...props} />
  );
}
