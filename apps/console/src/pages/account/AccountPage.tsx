import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { session } from '../../auth/session';
import { useUser } from '../../auth/useSession';
import { ErrorNotice } from '../../components/ErrorNotice';
import { graphql } from '../../gql';
import { languageOfLocale } from '../../i18n';
import { confirmationMatches, newPasswordProblem } from '../../lib/admin';
import { useLanguageToggle } from '../../locale';
import { COMMITTEE, FIRM } from '../../roles';
import { placeProblems } from '../admin/parts';

const ME = graphql(`
  query AccountMe {
    me {
      ...SessionUser
      active
    }
  }
`);

const PROVIDERS = graphql(`
  query AccountProviders {
    serviceProviders {
      id
      name
    }
  }
`);

const CHANGE_PASSWORD = graphql(`
  mutation AccountChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const PASSWORD_FIELDS = ['currentPassword', 'newPassword'];

function ChangePasswordCard() {
  const { t, i18n } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const [form] = Form.useForm<PasswordValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [changePassword, { loading }] = useMutation(CHANGE_PASSWORD);

  const onFinish = async (values: PasswordValues) => {
    setProblem(null);
    setDone(false);
    try {
      await changePassword({
        variables: { currentPassword: values.currentPassword, newPassword: values.newPassword },
      });
      form.resetFields();
      setDone(true);
    } catch (err) {
      const placed = placeProblems(err, PASSWORD_FIELDS, i18n.language, (c) => tc(`errors.${c}`));
      if (placed.onForm.length) form.setFields(placed.onForm as never);
      setProblem(placed.elsewhere);
    }
  };

  return (
    <Card title={<h2>{t('account.password.title')}</h2>}>
      <p className="adm-intro">{t('account.password.intro')}</p>
      {done && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('account.password.done')}
          style={{ marginBottom: 12 }}
        />
      )}
      {problem && (
        <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />
      )}
      <Form<PasswordValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        disabled={loading}
        requiredMark={false}
        className="adm-narrow"
        onValuesChange={() => setDone(false)}
      >
        <Form.Item
          label={t('account.password.currentPassword')}
          name="currentPassword"
          htmlFor="currentPassword"
          rules={[{ required: true, message: t('passwords.required') }]}
        >
          <Input.Password
            id="currentPassword"
            name="currentPassword"
            autoComplete="current-password"
          />
        </Form.Item>
        <Form.Item
          label={t('account.password.newPassword')}
          name="newPassword"
          htmlFor="newPassword"
          extra={t('account.password.newPasswordHelp')}
          dependencies={['currentPassword']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_: unknown, v?: string) => {
                const p = newPasswordProblem(v, getFieldValue('currentPassword') as string);
                return p ? Promise.reject(new Error(t(`passwords.${p}`))) : Promise.resolve();
              },
            }),
          ]}
        >
          <Input.Password id="newPassword" name="newPassword" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('account.password.confirmPassword')}
          name="confirmPassword"
          htmlFor="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_: unknown, v?: string) =>
                confirmationMatches(getFieldValue('newPassword') as string, v)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('passwords.mismatch'))),
            }),
          ]}
        >
          <Input.Password id="confirmPassword" name="confirmPassword" autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading}>
          {t('account.password.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function LanguageCard() {
  const { t, i18n } = useTranslation('admin');
  const toggle = useLanguageToggle();
  const [busy, setBusy] = useState(false);
  const current = i18n.language === 'en' ? 'EN' : 'ZH_CN';
  return (
    <Card title={<h2 id="language-title">{t('account.language.title')}</h2>}>
      <p className="adm-intro">{t('account.language.intro')}</p>
      <Radio.Group
        name="locale"
        value={current}
        disabled={busy}
        role="radiogroup"
        aria-labelledby="language-title"
        onChange={async (e) => {
          if (e.target.value === current) return;
          setBusy(true);
          try {
            await toggle();
          } finally {
            setBusy(false);
          }
        }}
        options={[
          { value: 'ZH_CN', label: <span lang="zh-CN">{t('account.language.zh')}</span> },
          { value: 'EN', label: <span lang="en">{t('account.language.en')}</span> },
        ]}
      />
    </Card>
  );
}

export default function AccountPage() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const sessionUser = useUser();
  const { data, error, refetch } = useQuery(ME);
  const user = data?.me ?? sessionUser;
  const providers = useQuery(PROVIDERS, { skip: user.role !== 'SERVICE_PROVIDER' });

  const belongsTo = (() => {
    if (FIRM.includes(user.role))
      return { label: t('account.profile.firm'), text: user.tenant?.name ?? '—' };
    if (user.role === 'SERVICE_PROVIDER') {
      const name = providers.data?.serviceProviders.find(
        (p) => p.id === user.serviceProviderId,
      )?.name;
      return { label: t('account.profile.provider'), text: name ?? user.serviceProviderId ?? '—' };
    }
    if (COMMITTEE.includes(user.role))
      return { label: t('account.profile.committee'), text: t('account.profile.committeeName') };
    return null;
  })();

  return (
    <div className="adm-page">
      <h1>{t('account.title')}</h1>
      {error && !data && <ErrorNotice error={error} onRetry={() => void refetch()} />}
      <div className="adm-cards">
        <Card title={<h2>{t('account.profile.title')}</h2>}>
          {!data && !error && <Spin />}
          <Descriptions
            column={1}
            size="small"
            items={[
              {
                key: 'displayName',
                label: t('account.profile.displayName'),
                children: <span data-field="displayName">{user.displayName}</span>,
              },
              {
                key: 'email',
                label: t('account.profile.email'),
                children: <span data-field="email">{user.email}</span>,
              },
              {
                key: 'role',
                label: t('account.profile.role'),
                children: (
                  <span data-field="role" data-value={user.role}>
                    {tc(`roles.${user.role}`)}
                  </span>
                ),
              },
              ...(belongsTo
                ? [{ key: 'belongsTo', label: belongsTo.label, children: belongsTo.text }]
                : []),
              {
                key: 'locale',
                label: t('account.language.label'),
                children: (
                  <span data-field="locale" data-value={user.locale}>
                    {languageOfLocale(user.locale) === 'en'
                      ? t('account.language.en')
                      : t('account.language.zh')}
                  </span>
                ),
              },
            ]}
          />
        </Card>
        <ChangePasswordCard />
        <LanguageCard />
        <Card title={<h2>{t('account.signOut.title')}</h2>}>
          <p className="adm-intro">{t('account.signOut.intro')}</p>
          <Button onClick={() => void session.signOut()}>{t('account.signOut.button')}</Button>
        </Card>
      </div>
    </div>
  );
}
