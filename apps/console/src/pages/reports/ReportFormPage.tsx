import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Col, Form, Input, Row, Skeleton, Space, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorNotice, explain } from '../../components/ErrorNotice';
import { problemsByField } from '../../lib/api-errors';
import { reportableMonths, todayInShanghai } from '../../lib/dates';
import { newIdempotencyKey } from '../../lib/idempotency';
import { isMoneyText } from '../../lib/numbers';
import {
  AttemptKeys,
  COUNT_FIELDS,
  defaultPeriod,
  FIGURE_FIELDS,
  formValuesOf,
  isCountText,
  localizeProblem,
  MONEY_FIELDS,
  monthRows,
  submitInputOf,
  type FigureField,
  type MonthRow,
  type ReportFormValues,
} from '../../lib/reports';
import { FirmTheme, PAGE_TITLE } from '../firm/look';
import { FIRM_REPORT_MONTHS, SUBMIT_OUTPUT_REPORT } from './queries';

/**
 * The monthly report form (/reports/new?period=YYYY-MM).
 *
 * Which months it offers: every month the API takes a report for, that is each month of the
 * firm's residency that has begun (libs/reporting report-rules.ts, periodProblem: nothing else is
 * refused). That includes months already reported: a resubmission is a new revision (domain.md),
 * which is how a RETURNED month is corrected, and how a SUBMITTED one is corrected before review.
 * An ACCEPTED month is offered too, since the API takes it and a firm that finds a mistake after
 * acceptance must be able to correct it, but the form says that the accepted figures will be
 * replaced and reviewed again. Each option names the month's state, so nothing is reported twice
 * by accident.
 */

const FIELD_NAMES: ReadonlySet<string> = new Set(['tenantId', 'period', ...FIGURE_FIELDS]);

const SELECT_STYLE: CSSProperties = {
  width: '100%',
  height: 32,
  padding: '0 8px',
  fontSize: 14,
  border: '1px solid #8c8c8c',
  borderRadius: 6,
  background: '#fff',
  color: 'rgba(0, 0, 0, 0.88)',
};

/** A native <select>, so the field is a real form control named `period`. */
function PeriodSelect({
  id,
  value,
  onChange,
  rows,
  placeholder,
  optionLabel,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  rows: readonly MonthRow[];
  placeholder: string;
  optionLabel: (row: MonthRow) => string;
}) {
  return (
    <select
      id={id}
      name="period"
      value={value ?? ''}
      onChange={(e) => onChange?.(e.target.value || undefined)}
      style={SELECT_STYLE}
    >
      <option value="" disabled>
        {placeholder}
      </option>
      {rows.map((r) => (
        <option key={r.period} value={r.period}>
          {optionLabel(r)}
        </option>
      ))}
    </select>
  );
}

/** The firm the report is for (the `tenantId` of the input): the signed-in user's own, shown by name. */
function TenantField({
  id,
  value,
  tenantName,
}: {
  id?: string;
  value?: string;
  tenantName: string;
}) {
  return <Input id={id} name="tenantId" readOnly value={tenantName} data-value={value} />;
}

export default function ReportFormPage() {
  const { t, i18n } = useTranslation('firm');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<ReportFormValues & { tenantId?: string }>();
  const { data, loading, error, refetch } = useQuery(FIRM_REPORT_MONTHS);
  const [submit, { loading: submitting }] = useMutation(SUBMIT_OUTPUT_REPORT);
  const keys = useRef<AttemptKeys | null>(null);
  keys.current ??= new AttemptKeys(newIdempotencyKey);
  const [problem, setProblem] = useState<string | null>(null);
  const started = useRef(false);

  const tenant = data?.me.tenant;
  const today = todayInShanghai();
  const rows = useMemo(
    () =>
      tenant
        ? monthRows(
            reportableMonths(tenant.enteredOn, tenant.exitedOn ?? null, today),
            tenant.outputReports,
            today,
          )
        : [],
    [tenant, today],
  );
  const period = Form.useWatch('period', form);
  // A month in the address that the firm may not report (not begun, or outside its residency).
  const asked = params.get('period');
  const notOffered =
    tenant && asked !== null && !rows.some((r) => r.period === asked) ? asked : null;
  const row = rows.find((r) => r.period === period);

  /**
   * The figures for a newly chosen month: those of its latest revision when it has one; else
   * empty, unless the user has typed figures (they stay).
   */
  const fill = (p: string | undefined) => {
    const chosen = rows.find((r) => r.period === p);
    if (chosen?.report) {
      form.resetFields([...FIGURE_FIELDS]);
      form.setFieldsValue(formValuesOf(chosen.report));
    } else if (!form.isFieldsTouched([...FIGURE_FIELDS])) {
      form.resetFields([...FIGURE_FIELDS]);
    }
  };

  // Once the firm's months are known: the month asked for in the address, if the firm may report
  // it; else the newest month waiting for the firm.
  useEffect(() => {
    if (!tenant || started.current) return;
    started.current = true;
    const offered = asked !== null && rows.some((r) => r.period === asked);
    const start = offered ? asked : asked === null ? defaultPeriod(rows) : undefined;
    form.setFieldsValue({ tenantId: tenant.id, period: start });
    fill(start);
    // The address names the month shown, so it can be kept or shared.
    if (start && asked === null) setParams({ period: start }, { replace: true });
    // Run once, when the months arrive; a later refetch must not overwrite what the user typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tenant, rows]);

  const onValuesChange = (changed: Partial<ReportFormValues>) => {
    if ('period' in changed) {
      fill(changed.period);
      setProblem(null);
      if (changed.period) setParams({ period: changed.period }, { replace: true });
    }
  };

  const onFinish = async (values: ReportFormValues) => {
    if (!tenant) return;
    setProblem(null);
    const input = submitInputOf(values, tenant.id);
    const attempts = keys.current!;
    // One key per attempt: the same while the same input is sent again after a lost answer.
    const key = attempts.keyFor(input);
    try {
      const result = await submit({
        variables: { input },
        context: { headers: { 'idempotency-key': key } },
        refetchQueries: [FIRM_REPORT_MONTHS],
        awaitRefetchQueries: true,
      });
      attempts.done();
      const saved = result.data?.submitOutputReport;
      void message.success(
        t('form.success', { period: saved?.period ?? input.period, revision: saved?.revision }),
      );
      navigate('/reports');
    } catch (err) {
      const e = explain(err);
      // The API answered: the next submission is a new attempt. A lost answer keeps the key.
      if (e.code !== 'NETWORK') attempts.done();
      const byField = problemsByField(e.fields);
      const onForm = Object.entries(byField).filter(([name]) => FIELD_NAMES.has(name));
      const elsewhere = Object.entries(byField).filter(([name]) => !FIELD_NAMES.has(name));
      if (onForm.length) {
        // Each message next to its field; the typed values stay as they are.
        form.setFields(
          onForm.map(([name, msg]) => ({
            name: name as FigureField,
            errors: [localizeProblem(msg, i18n.language)],
          })),
        );
        form.scrollToField(onForm[0][0] as FigureField);
      }
      if (elsewhere.length) {
        setProblem(elsewhere.map(([name, msg]) => `${name}: ${msg}`).join('；'));
      } else if (onForm.length) {
        setProblem(tc('errors.BAD_USER_INPUT'));
      } else {
        setProblem(e.message ?? tc(`errors.${e.code}`));
      }
    }
  };

  const moneyRule = {
    validator: (_: unknown, v?: string) =>
      !v || isMoneyText(v) ? Promise.resolve() : Promise.reject(new Error(t('form.moneyInvalid'))),
  };
  const countRule = {
    validator: (_: unknown, v?: string) =>
      !v || isCountText(v) ? Promise.resolve() : Promise.reject(new Error(t('form.countInvalid'))),
  };
  const required = { required: true, whitespace: true, message: t('form.required') };
  const unitOf = (f: FigureField) =>
    (MONEY_FIELDS as readonly string[]).includes(f)
      ? t('form.units.yuan')
      : f === 'employees'
        ? t('form.units.people')
        : t('form.units.items');

  const optionLabel = (r: MonthRow) =>
    t('form.periodOption', {
      period: r.period,
      state: [
        t(`reports.states.${r.state}`),
        r.report ? t('reports.revisionNo', { revision: r.report.revision }) : null,
        r.overdue ? t('reports.overdue') : null,
      ]
        .filter(Boolean)
        .join(' · '),
    });

  return (
    <FirmTheme>
      <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 880 }}>
        <Typography.Title level={1} style={PAGE_TITLE}>
          {t('form.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ margin: 0 }}>{t('form.intro')}</Typography.Paragraph>
        {error && !tenant && <ErrorNotice error={error} onRetry={() => void refetch()} />}
        {loading && !data && <Skeleton active />}
        {data && !tenant && <Alert type="warning" showIcon title={t('noTenant')} />}
        {tenant && (
          <Card>
            {notOffered && (
              <Alert
                type="warning"
                showIcon
                role="alert"
                style={{ marginBottom: 16 }}
                title={t('form.notOffered', { period: notOffered })}
              />
            )}
            {rows.length === 0 && (
              <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('form.noMonths')} />
            )}
            {row?.report && (
              <Alert
                data-testid="previous-revision"
                type={row.state === 'SUBMITTED' ? 'info' : 'warning'}
                showIcon
                style={{ marginBottom: 16 }}
                title={
                  row.state === 'RETURNED'
                    ? t('form.returned')
                    : row.state === 'ACCEPTED'
                      ? t('form.acceptedWarning')
                      : t('form.prefilled', {
                          revision: row.report.revision,
                          state: t(`reports.states.${row.state}`),
                          next: row.report.revision + 1,
                        })
                }
                description={
                  row.state === 'SUBMITTED' ? undefined : (
                    <>
                      {row.report.reviewNote && (
                        <div data-testid="review-note">
                          {t('form.reviewNote', { note: row.report.reviewNote })}
                        </div>
                      )}
                      <div>
                        {t('form.prefilled', {
                          revision: row.report.revision,
                          state: t(`reports.states.${row.state}`),
                          next: row.report.revision + 1,
                        })}
                      </div>
                    </>
                  )
                }
              />
            )}
            {problem && (
              <Alert
                type="error"
                showIcon
                role="alert"
                style={{ marginBottom: 16 }}
                title={`${t('form.failed')}${problem}`}
              />
            )}
            <Form
              form={form}
              layout="vertical"
              requiredMark={false}
              onValuesChange={onValuesChange}
              onFinish={(v) => void onFinish(v)}
              disabled={submitting}
              scrollToFirstError
            >
              <Row gutter={24}>
                <Col xs={24} md={12}>
                  <Form.Item label={t('form.tenantId')} name="tenantId" htmlFor="tenantId">
                    <TenantField id="tenantId" tenantName={tenant.name} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    label={t('form.period')}
                    name="period"
                    htmlFor="period"
                    rules={[{ required: true, message: t('form.periodRequired') }]}
                  >
                    <PeriodSelect
                      id="period"
                      rows={rows}
                      placeholder={t('form.periodPlaceholder')}
                      optionLabel={optionLabel}
                    />
                  </Form.Item>
                </Col>
                {MONEY_FIELDS.map((f) => (
                  <Col xs={24} md={8} key={f}>
                    <Form.Item
                      label={t(`form.${f}`)}
                      name={f}
                      htmlFor={f}
                      rules={[required, moneyRule]}
                    >
                      <Input
                        id={f}
                        name={f}
                        inputMode="decimal"
                        autoComplete="off"
                        suffix={unitOf(f)}
                      />
                    </Form.Item>
                  </Col>
                ))}
                {COUNT_FIELDS.map((f) => (
                  <Col xs={24} md={8} key={f}>
                    <Form.Item
                      label={t(`form.${f}`)}
                      name={f}
                      htmlFor={f}
                      rules={[required, countRule]}
                    >
                      <Input
                        id={f}
                        name={f}
                        inputMode="numeric"
                        autoComplete="off"
                        suffix={unitOf(f)}
                      />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
              <Space>
                <Button type="primary" htmlType="submit" loading={submitting}>
                  {t('form.submit')}
                </Button>
                <Button onClick={() => navigate('/reports')} disabled={false}>
                  {t('form.back')}
                </Button>
              </Space>
            </Form>
          </Card>
        )}
      </Space>
    </FirmTheme>
  );
}
