import { useMutation } from '@apollo/client/react';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckList } from '../../components/CheckList';
import { explain } from '../../components/ErrorNotice';
import { problemsByField } from '../../lib/api-errors';
import type { WebhookEndpointFieldsFragment } from '../../gql/graphql';
import { CREATE_WEBHOOK_ENDPOINT, WEBHOOK_ENDPOINTS } from './operations';
import {
  endpointInputOf,
  eventTypeKey,
  localizeWebhookProblem,
  urlProblem,
  WEBHOOK_EVENT_TYPES,
  type EndpointFormValues,
} from './webhook-rules';

const FIELDS = ['url', 'events'];

export interface CreatedEndpoint {
  endpoint: WebhookEndpointFieldsFragment;
  secret: string;
}

/**
 * The form that registers an endpoint. The answer carries the signing secret, which the API
 * gives this once: it is handed to the caller to show, and kept out of the client's cache.
 */
export function CreateEndpointModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (created: CreatedEndpoint) => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<EndpointFormValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CREATE_WEBHOOK_ENDPOINT, {
    fetchPolicy: 'no-cache',
    refetchQueries: [WEBHOOK_ENDPOINTS],
    awaitRefetchQueries: true,
  });

  const close = () => {
    setProblem(null);
    onClose();
  };

  const onFinish = async (values: EndpointFormValues) => {
    setProblem(null);
    try {
      const { data } = await create({ variables: { input: endpointInputOf(values) } });
      if (data) {
        setProblem(null);
        onCreated(data.createWebhookEndpoint);
      }
    } catch (err) {
      const e = explain(err);
      const byField = problemsByField(e.fields);
      const onForm: { name: string; errors: string[] }[] = [];
      const rest: string[] = [];
      for (const [name, msg] of Object.entries(byField)) {
        const said = localizeWebhookProblem(msg, i18n.language, name);
        if (FIELDS.includes(name)) onForm.push({ name, errors: [said] });
        else rest.push(`${name}: ${said}`);
      }
      if (onForm.length) form.setFields(onForm as never);
      if (rest.length) setProblem(rest.join('；'));
      else if (!onForm.length)
        setProblem(
          e.message ? localizeWebhookProblem(e.message, i18n.language) : tc(`errors.${e.code}`),
        );
    }
  };

  return (
    <Modal
      open={open}
      title={t('webhooks.createTitle')}
      onCancel={close}
      footer={null}
      destroyOnHidden
      width={640}
    >
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      <Form<EndpointFormValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={loading}
        requiredMark={false}
        initialValues={{ url: '', events: [] }}
        style={{ marginTop: problem ? 12 : 0 }}
      >
        <Form.Item
          label={t('webhooks.form.url')}
          name="url"
          htmlFor="url"
          extra={t('webhooks.form.urlHelp')}
          rules={[
            {
              validator: (_: unknown, v?: string) => {
                const p = urlProblem(v);
                return p
                  ? Promise.reject(
                      new Error(
                        t(
                          p === 'required'
                            ? 'webhooks.form.urlRequired'
                            : 'webhooks.form.urlInvalid',
                        ),
                      ),
                    )
                  : Promise.resolve();
              },
            },
          ]}
        >
          <Input
            id="url"
            name="url"
            type="url"
            inputMode="url"
            maxLength={2000}
            autoComplete="off"
            spellCheck={false}
            placeholder="https://"
          />
        </Form.Item>
        <Form.Item name="events" extra={t('webhooks.form.eventsHelp')}>
          <CheckList
            id="events"
            name="events"
            legend={t('webhooks.form.events')}
            options={WEBHOOK_EVENT_TYPES.map((e) => ({
              value: e,
              label: `${t(eventTypeKey(e) ?? e)}（${e}）`,
            }))}
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
          <Button onClick={close}>{t('cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={loading}>
            {t('webhooks.form.submit')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
