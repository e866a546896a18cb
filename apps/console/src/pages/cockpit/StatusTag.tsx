import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { statusColour, statusLabelKey } from '../../lib/cockpit';

/** A milestone status in words and colour (white on the status's colour). */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation('cockpit');
  return (
    <Tag color={statusColour(status)} className="cockpit-status" variant="solid">
      {t(statusLabelKey(status))}
    </Tag>
  );
}
