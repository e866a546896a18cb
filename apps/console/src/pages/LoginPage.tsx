import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { session, SignInError } from '../auth/session';
import { useSession } from '../auth/useSession';
import { problemsByField } from '../lib/api-errors';
import { homeOf } from '../roles';
import { useLanguageToggle } from '../locale';

/** Only a path of this console may follow sign-in: never another site. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const state = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const toggle = useLanguageToggle();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [fieldProblems, setFieldProblems] = useState<Record<string, string>>({});

  if (state.status === 'signedIn') {
    return <Navigate to={safeNext(params.get('next')) ?? homeOf(state.user.role)} replace />;
  }
  const reason = state.status === 'signedOut' ? state.reason : null;

  const onFinish = async (values: { email: string; password: string }) => {
    setBusy(true);
    setProblem(null);
    setFieldProblems({});
    try {
      const user = await session.signIn(values.email.trim(), values.password);
      navigate(safeNext(params.get('next')) ?? homeOf(user.role), { replace: true });
    } catch (err) {
      const e = err instanceof SignInError ? err.explained : null;
      const fields = problemsByField(e?.fields ?? []);
      setFieldProblems(fields);
      if (!Object.keys(fields).length) {
        setProblem(
          e?.code === 'UNAUTHENTICATED'
            ? t('login.failed')
            : (e?.message ?? t(`errors.${e?.code ?? 'NETWORK'}`)),
        );
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <Card className="login-card">
        <Typography.Title level={1} className="login-title">
          {t('productLong')}
        </Typography.Title>
        <Typography.Title level={2} className="login-subtitle">
          {t('login.title')}
        </Typography.Title>
        {reason === 'expired' && (
          <Alert type="warning" showIcon title={t('login.expired')} role="status" />
        )}
        {reason === 'signedOut' && (
          <Alert type="info" showIcon title={t('login.signedOut')} role="status" />
        )}
        {problem && <Alert type="error" showIcon title={problem} role="alert" />}
        <Form layout="vertical" onFinish={onFinish} requiredMark={false} disabled={busy}>
          <Form.Item
            label={t('login.email')}
            name="email"
            htmlFor="email"
            rules={[{ required: true, message: t('errors.required') }]}
            validateStatus={fieldProblems.email ? 'error' : undefined}
            help={fieldProblems.email}
          >
            <Input id="email" name="email" type="email" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            htmlFor="password"
            rules={[{ required: true, message: t('errors.required') }]}
            validateStatus={fieldProblems.password ? 'error' : undefined}
            help={fieldProblems.password}
          >
            <Input.Password id="password" name="password" autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        <Button type="link" onClick={() => void toggle()} lang={t('language.toggleLang')}>
          {t('language.toggle')}
        </Button>
      </Card>
    </main>
  );
}
