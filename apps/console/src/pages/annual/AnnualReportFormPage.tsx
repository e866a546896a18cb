/**
 * A firm's annual report for a year (`/annual-reports/new?year=Y`), for TENANT_ADMIN and
 * TENANT_REPORTER.
 *
 * Which years it offers: each year that is over in which the firm was resident (what the API
 * takes). A year not reported yet starts from annualReportDraft: the year's monthly revenue and
 * R&D expense, the last month's employees, the patents filed and granted; the firm fills in the
 * rest. A year reported already starts from its latest revision: a RETURNED year opens with the
 * committee's note, and a resubmission is the next revision (domain.md). The area occupied on
 * 31 December is shown, not entered: the API takes it from the leases.
 *
 * What browser tests may rely on: every input has the `name` and `id` of its
 * SubmitAnnualReportInput field and a Chinese label (注册资本, 从业人员, 其中博士, …); the year is
 * the native select `year` (label 年度); `#occupiedArea` is read-only; a client check's or the
 * API's message shows under its field; the note of a returned year is `[data-testid=review-note]`.
 */
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Col, Form, Input, Row, Skeleton, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorNotice, explain } from '../../components/ErrorNotice';
import { NativeSelect } from '../../components/NativeSelect';
import { problemsByField } from '../../lib/api-errors';
import {
  ANNUAL_FIELDS,
  defaultYear,
  formValuesOfDraft,
  formValuesOfReport,
  isMoneyField,
  localizeAnnualProblem,
  PART_OF,
  partProblem,
  reportableYears,
  SECTIONS,
  submitAnnualInputOf,
  textProblem,
  yearFromQuery,
  yearRows,
  type AnnualField,
  type AnnualFormValues,
  type FieldProblem,
} from '../../lib/annual-reports';
import { todayInShanghai } from '../../lib/dates';
import { newIdempotencyKey } from '../../lib/idempotency';
import { formatArea } from '../../lib/numbers';
import { FirmTheme, PAGE_TITLE, SECTION_TITLE } from '../firm/look';
import { ANNUAL_DRAFT, FIRM_ANNUAL_REPORTS, SUBMIT_ANNUAL_REPORT } from './queries';
import '../statistics/statistics.css';

const FORM_FIELDS: ReadonlySet<string> = new Set(ANNUAL_FIELDS);

export default function AnnualReportFormPage() {
  const { t, i18n } = useTranslation('statistics');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<AnnualFormValues>();
  const { data, loading, error, refetch } = useQuery(FIRM_ANNUAL_REPORTS);
  const [submit, { loading: submitting }] = useMutation(SUBMIT_ANNUAL_REPORT);
  const attempt = useRef<{ input: string; key: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [yearError, setYearError] = useState<string | null>(null);
  const filledFor = useRef<number | null>(null);

  const tenant = data?.me.tenant;
  const today = todayInShanghai();
  const years = useMemo(
    () => (tenant ? reportableYears(tenant.enteredOn, tenant.exitedOn, today) : []),
    [tenant, today],
  );
  const rows = useMemo(
    () => (tenant ? yearRows(years, tenant.annualReports) : []),
    [tenant, years],
  );
  const askedText = params.get('year');
  const asked = yearFromQuery(askedText);
  const offered = asked !== null && years.includes(asked);
  const year = offered ? asked : askedText === null ? defaultYear(rows, years) : null;
  const notOffered = tenant && askedText !== null && !offered ? askedText : null;
  const row = rows.find((r) => r.year === year) ?? null;
  const report = row?.report ?? null;

  const draft = useQuery(ANNUAL_DRAFT, {
    variables: { tenantId: tenant?.id ?? '', year: year ?? 0 },
    skip: !tenant || year === null,
  });
  const draftOfYear =
    draft.data?.annualReportDraft.year === year ? draft.data.annualReportDraft : null;

  // The address names the year shown, so it can be kept or shared.
  useEffect(() => {
    if (tenant && askedText === null && year !== null)
      setParams({ year: String(year) }, { replace: true });
  }, [tenant, askedText, year, setParams]);

  // The figures for the year, once it is known what the platform has: its latest revision, else
  // the draft (else, when the draft cannot be read, an empty form). A later refetch does not
  // overwrite what the user typed.
  useEffect(() => {
    if (year === null || filledFor.current === year) return;
    if (report) {
      form.resetFields();
      form.setFieldsValue(formValuesOfReport(report));
    } else if (draftOfYear) {
      form.resetFields();
      form.setFieldsValue(formValuesOfDraft(draftOfYear));
    } else if (draft.error) {
      form.resetFields();
    } else return;
    filledFor.current = year;
  }, [year, report, draftOfYear, draft.error, form]);

  const labelOf = (f: AnnualField) => t(`fields.${f}`);
  const problemText = (p: FieldProblem) => {
    switch (p.kind) {
      case 'REQUIRED':
        return t('form.required');
      case 'MONEY':
        return t('form.moneyInvalid');
      case 'SIGNED_MONEY':
        return t('form.signedMoneyInvalid');
      case 'COUNT':
        return t('form.countInvalid');
      case 'PART_EXCEEDS_TOTAL':
        return t('form.partExceedsTotal', { total: labelOf(p.total) });
    }
  };
  const ruleFor = (f: AnnualField) => ({
    validator: (_: unknown, v?: string) => {
      const p = textProblem(f, v) ?? partProblem(f, { ...form.getFieldsValue(), [f]: v });
      return p ? Promise.reject(new Error(problemText(p))) : Promise.resolve();
    },
  });

  const chooseYear = (text: string) => {
    setProblem(null);
    setYearError(null);
    filledFor.current = null;
    setParams({ year: text }, { replace: true });
  };

  const onFinish = async (values: AnnualFormValues) => {
    if (!tenant || year === null) return;
    setProblem(null);
    setYearError(null);
    const input = submitAnnualInputOf(values, tenant.id, year);
    // One key per attempt: the same while the same input is sent again after a lost answer.
    const text = JSON.stringify(input);
    if (attempt.current?.input !== text)
      attempt.current = { input: text, key: newIdempotencyKey() };
    try {
      const result = await submit({
        variables: { input },
        context: { headers: { 'idempotency-key': attempt.current.key } },
        refetchQueries: [FIRM_ANNUAL_REPORTS],
        awaitRefetchQueries: true,
      });
      attempt.current = null;
      const saved = result.data?.submitAnnualReport;
      void message.success(
        t('form.success', { year: saved?.year ?? year, revision: saved?.revision ?? '' }),
      );
      navigate('/annual-reports');
    } catch (err) {
      const e = explain(err);
      // The API answered: the next submission is a new attempt. A lost answer keeps the key.
      if (e.code !== 'NETWORK') attempt.current = null;
      const byField = problemsByField(e.fields);
      const say = (msg: string) => localizeAnnualProblem(msg, i18n.language, labelOf);
      const onForm = Object.entries(byField).filter(([name]) => FORM_FIELDS.has(name));
      const elsewhere = Object.entries(byField).filter(
        ([name]) => !FORM_FIELDS.has(name) && name !== 'year',
      );
      if (byField.year) setYearError(say(byField.year));
      if (onForm.length) {
        // Each message next to its field; the typed values stay as they are.
        form.setFields(
          onForm.map(([name, msg]) => ({ name: name as AnnualField, errors: [say(msg)] })),
        );
        form.scrollToField(onForm[0][0] as AnnualField);
      }
      if (elsewhere.length) {
        setProblem(elsewhere.map(([name, msg]) => `${name}: ${say(msg)}`).join('；'));
      } else if (onForm.length || byField.year) {
        setProblem(tc('errors.BAD_USER_INPUT'));
      } else {
        setProblem(e.message ?? tc(`errors.${e.code}`));
      }
    }
  };

  const unitOf = (f: AnnualField) =>
    isMoneyField(f)
      ? t('units.yuan')
      : f.startsWith('employees')
        ? t('units.PEOPLE')
        : t('units.items');
  const occupiedArea = draftOfYear?.occupiedArea ?? report?.occupiedArea ?? null;
  const stateWords = (state: string) => t(`states.${state}`);

  return (
    <FirmTheme>
      <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 960 }}>
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
                title={t('form.notOffered', { year: notOffered })}
              />
            )}
            {years.length === 0 && (
              <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('form.noYears')} />
            )}
            {row?.report && (
              <Alert
                data-testid="previous-revision"
                data-state={row.state}
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
                          state: stateWords(row.state),
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
                          state: stateWords(row.state),
                          next: row.report.revision + 1,
                        })}
                      </div>
                    </>
                  )
                }
              />
            )}
            {draftOfYear && (
              <Typography.Paragraph type="secondary" data-due-on={draftOfYear.dueOn}>
                {t('form.dueOn', { date: draftOfYear.dueOn })}
              </Typography.Paragraph>
            )}
            {row && !row.report && draftOfYear && (
              <Alert
                data-testid="draft"
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title={t('form.prefilledDraft')}
              />
            )}
            {draft.error && !draftOfYear && (
              <div style={{ marginBottom: 16 }}>
                <ErrorNotice error={draft.error} onRetry={() => void draft.refetch()} />
              </div>
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
              onFinish={(v) => void onFinish(v)}
              disabled={submitting}
              scrollToFirstError
            >
              <Row gutter={24}>
                <Col xs={24} md={8}>
                  <Form.Item label={t('fields.tenantId')} htmlFor="tenantId">
                    <Input
                      id="tenantId"
                      name="tenantId"
                      readOnly
                      className="st-readonly"
                      value={tenant.name}
                      data-value={tenant.id}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item
                    label={t('fields.year')}
                    htmlFor="year"
                    validateStatus={yearError ? 'error' : undefined}
                    help={yearError ?? undefined}
                  >
                    <NativeSelect
                      id="year"
                      name="year"
                      className="st-select"
                      style={{ width: '100%' }}
                      value={year === null ? '' : String(year)}
                      placeholder={t('form.yearPlaceholder')}
                      onChange={(e) => chooseYear(e.target.value)}
                      options={rows
                        .filter((r) => years.includes(r.year))
                        .map((r) => ({
                          value: String(r.year),
                          label: t('form.yearOption', {
                            year: r.year,
                            state: [
                              stateWords(r.state),
                              r.report ? t('revisionNo', { revision: r.report.revision }) : null,
                            ]
                              .filter(Boolean)
                              .join(' · '),
                          }),
                        }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item
                    label={t('fields.occupiedArea')}
                    htmlFor="occupiedArea"
                    extra={<span className="st-muted">{t('form.occupiedHint')}</span>}
                  >
                    <Input
                      id="occupiedArea"
                      readOnly
                      aria-readonly="true"
                      className="st-readonly"
                      value={occupiedArea === null ? '' : formatArea(occupiedArea)}
                      data-value={occupiedArea ?? ''}
                      suffix="m²"
                    />
                  </Form.Item>
                </Col>
              </Row>
              {SECTIONS.map((section) => (
                <section key={section.key} aria-labelledby={`annual-${section.key}`}>
                  <Typography.Title level={2} id={`annual-${section.key}`} style={SECTION_TITLE}>
                    {t(`form.sections.${section.key}`)}
                  </Typography.Title>
                  <Row gutter={24}>
                    {section.fields.map((f) => (
                      <Col xs={24} md={8} key={f}>
                        <Form.Item
                          label={labelOf(f)}
                          name={f}
                          htmlFor={f}
                          rules={[ruleFor(f)]}
                          dependencies={PART_OF[f] ? [PART_OF[f]] : undefined}
                        >
                          <Input
                            id={f}
                            name={f}
                            inputMode={isMoneyField(f) ? 'decimal' : 'numeric'}
                            autoComplete="off"
                            suffix={unitOf(f)}
                          />
                        </Form.Item>
                      </Col>
                    ))}
                  </Row>
                </section>
              ))}
              <Space>
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={submitting}
                  disabled={year === null}
                >
                  {t('form.submit')}
                </Button>
                <Button onClick={() => navigate('/annual-reports')} disabled={false}>
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
