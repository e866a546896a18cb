import { Alert, Button, Input, Modal, Space } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedEndpoint } from './CreateEndpointModal';

/**
 * The signing secret of an endpoint just registered, shown this once: the API never gives it
 * again. The window closes only through its button (not a stray click or Escape), and nothing
 * keeps the secret once it is closed.
 */
export function SecretModal({
  created,
  onClose,
}: {
  created: CreatedEndpoint | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('admin');
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null);
  const field = useRef<HTMLInputElement>(null);

  const close = () => {
    setCopy(null);
    onClose();
  };

  const copySecret = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopy('copied');
    } catch {
      setCopy('failed');
      field.current?.select();
    }
  };

  return (
    <Modal
      open={!!created}
      title={t('webhooks.secret.title')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      width={640}
      footer={
        <Button type="primary" onClick={close}>
          {t('webhooks.secret.done')}
        </Button>
      }
    >
      {created && (
        <>
          <p className="wh-secret-url">
            <code className="adm-code">{created.endpoint.url}</code>
          </p>
          <p>{t('webhooks.secret.intro')}</p>
          <Alert type="warning" showIcon title={t('webhooks.secret.warning')} />
          <label htmlFor="secret" className="wh-secret-label">
            {t('webhooks.secret.label')}
          </label>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              id="secret"
              name="secret"
              readOnly
              value={created.secret}
              ref={(el) => {
                field.current = el?.input ?? null;
              }}
              onFocus={(e) => e.target.select()}
              className="wh-secret"
              spellCheck={false}
              data-value={created.secret}
            />
            <Button onClick={() => void copySecret()}>{t('webhooks.secret.copy')}</Button>
          </Space.Compact>
          <p className="wh-copy-note" role="status">
            {copy
              ? t(copy === 'copied' ? 'webhooks.secret.copied' : 'webhooks.secret.copyFailed')
              : ''}
          </p>
        </>
      )}
    </Modal>
  );
}
