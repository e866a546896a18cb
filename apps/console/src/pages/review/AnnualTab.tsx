import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Form,
  Input,
  Modal,
  Popconfirm,
  Skeleton,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, explain } from '../../components/ErrorNotice';
import { Figure } from '../../components/Figure';
import type { ReviewAnnualQueueQuery, ReviewZonesQuery } from '../../gql/graphql';
import { problemsByField } from '../../lib/api-errors';
import { formatDateTime, todayInShanghai } from '../../lib/dates';
import { formatCount, formatYuan } from '../../lib/numbers';
import { NOTE_MAX, noteProblem } from '../../lib/review';
import { torchYears } from '../../lib/torch';
import { REVIEW_ANNUAL_DECIDE, REVIEW_ANNUAL_QUEUE } from './annual-queries';
import { MONO, MUTED, NativeSelect, SECTION_TITLE } from './controls';

type Zone = ReviewZonesQuery['zones'][number];
type Report = ReviewAnnualQueueQuery['annualReports'][number];

interface Decision {
  kind: 'ACCEPT' | 'RETURN';
  tenant: string;
  year: number;
  revision: number;
}

/**
 * 年报审核: the latest SUBMITTED annual report of each firm for a year (default last year),
 * filtered by zone. ADMIN accepts, or returns with a note; a decided row leaves the list at once.
 *
 * What browser tests may rely on: native selects `annualYear` (label 年度) and `annualZoneId`;
 * the table labelled 待审核年报列表 with rows `tr[data-report-id][data-tenant-id][data-year]
 * [data-status]`; the buttons 受理 (aria-label 受理 {firm} {year} 年年报, then 确认受理) and 退回
 * (a dialog with the labelled textarea `note`, OK button 退回).
 */
export function AnnualTab({ zones, canReview }: { zones: readonly Zone[]; canReview: boolean }) {
  const { t } = useTranslation('statistics');
  const today = todayInShanghai();
  const [year, setYear] = useState(Number(today.slice(0, 4)) - 1);
  const [zoneId, setZoneId] = useState('');
  const [returning, setReturning] = useState<Report | null>(null);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [stale, setStale] = useState(false);

  const { data, loading, error, refetch } = useQuery(REVIEW_ANNUAL_QUEUE, {
    variables: { year, status: 'SUBMITTED', ...(zoneId ? { zoneId } : {}) },
  });
  const [decide, { loading: deciding }] = useMutation(REVIEW_ANNUAL_DECIDE);
  // A decision made here lands on the cached report: it leaves the queue.
  const rows = (data?.annualReports ?? []).filter((r) => r.status === 'SUBMITTED');

  const failed = (err: unknown) => {
    if (explain(err).code === 'CONFLICT') {
      setStale(true);
      void refetch();
    } else setActionError(err);
  };
  const accept = async (r: Report) => {
    setActionError(null);
    setStale(false);
    setDecision(null);
    try {
      await decide({ variables: { id: r.id, decision: 'ACCEPT' } });
      setDecision({ kind: 'ACCEPT', tenant: r.tenant.name, year: r.year, revision: r.revision });
    } catch (err) {
      failed(err);
    }
  };

  const money = (metric: 'totalRevenue' | 'netProfit' | 'rdExpense') => ({
    key: metric,
    title: t(`review.columns.${metric}`),
    align: 'right' as const,
    render: (_: unknown, r: Report) => (
      <Figure metric={metric} zone={r.tenant.zone.code} value={r[metric]}>
        {formatYuan(r[metric])}
      </Figure>
    ),
  });

  return (
    <section aria-labelledby="review-annual-heading">
      <Typography.Title level={2} id="review-annual-heading" style={SECTION_TITLE}>
        {t('review.heading')}
      </Typography.Title>
      <Typography.Paragraph style={MUTED}>{t('review.hint')}</Typography.Paragraph>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }}>
        <Form.Item label={t('review.year')} htmlFor="annualYear">
          <NativeSelect
            name="annualYear"
            value={String(year)}
            onChange={(v) => setYear(Number(v))}
            options={torchYears(today).map((y) => ({ value: String(y), label: String(y) }))}
          />
        </Form.Item>
        <Form.Item label={t('review.zoneId')} htmlFor="annualZoneId">
          <NativeSelect
            name="annualZoneId"
            value={zoneId}
            onChange={setZoneId}
            options={[
              { value: '', label: t('review.allZones') },
              ...zones.map((z) => ({ value: z.id, label: z.name })),
            ]}
          />
        </Form.Item>
      </Form>

      {decision && (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          data-decision={decision.kind}
          title={t(decision.kind === 'ACCEPT' ? 'review.accepted' : 'review.returnedDone', {
            ...decision,
          })}
        />
      )}
      {stale && (
        <Alert
          type="warning"
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          title={t('review.stale')}
        />
      )}
      {actionError !== null && (
        <div style={{ marginBottom: 16 }}>
          <ErrorNotice error={actionError} />
        </div>
      )}
      {error && !data && <ErrorNotice error={error} onRetry={() => void refetch()} />}
      {loading && !data && <Skeleton active />}
      {data && (
        <>
          <Typography.Paragraph role="status" data-total={rows.length}>
            {t('review.summary', { count: rows.length })}
          </Typography.Paragraph>
          <Table<Report>
            aria-label={t('review.listLabel')}
            rowKey="id"
            size="middle"
            dataSource={rows}
            pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            loading={loading}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('review.empty') }}
            onRow={(r) =>
              ({
                'data-report-id': r.id,
                'data-tenant-id': r.tenant.id,
                'data-year': r.year,
                'data-status': r.status,
              }) as object
            }
            columns={[
              {
                key: 'tenant',
                title: t('review.columns.tenant'),
                render: (_, r) => (
                  <div>
                    <div>{r.tenant.name}</div>
                    {r.tenant.creditCode && (
                      <div style={{ ...MONO, ...MUTED, fontSize: 12 }}>{r.tenant.creditCode}</div>
                    )}
                  </div>
                ),
              },
              {
                key: 'year',
                title: t('review.columns.year'),
                render: (_, r) => <strong>{r.year}</strong>,
              },
              {
                key: 'revision',
                title: t('review.columns.revision'),
                render: (_, r) => (
                  <span data-revision={r.revision}>
                    {t('revisionNo', { revision: r.revision })}
                  </span>
                ),
              },
              {
                key: 'employees',
                title: t('review.columns.employees'),
                align: 'right',
                render: (_, r) => formatCount(r.employees),
              },
              money('totalRevenue'),
              money('netProfit'),
              money('rdExpense'),
              {
                key: 'submittedAt',
                title: t('review.columns.submittedAt'),
                render: (_, r) => formatDateTime(r.submittedAt),
              },
              ...(canReview
                ? [
                    {
                      key: 'actions',
                      title: t('review.columns.actions'),
                      render: (_: unknown, r: Report) => {
                        const names = { tenant: r.tenant.name, year: r.year };
                        return (
                          <Space size={4}>
                            <Popconfirm
                              title={t('review.acceptConfirm', { ...names, revision: r.revision })}
                              okText={t('review.acceptOk')}
                              cancelText={t('review.cancel')}
                              onConfirm={() => accept(r)}
                            >
                              <Button
                                type="primary"
                                size="small"
                                disabled={deciding}
                                aria-label={t('review.acceptLabel', names)}
                              >
                                {t('review.accept')}
                              </Button>
                            </Popconfirm>
                            <Button
                              size="small"
                              danger
                              disabled={deciding}
                              aria-label={t('review.returnLabel', names)}
                              onClick={() => {
                                setActionError(null);
                                setStale(false);
                                setReturning(r);
                              }}
                            >
                              {t('review.return')}
                            </Button>
                          </Space>
                        );
                      },
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
      {canReview && (
        <AnnualReturnModal
          report={returning}
          onClose={() => setReturning(null)}
          onReturned={(r) => {
            setReturning(null);
            setDecision({
              kind: 'RETURN',
              tenant: r.tenant.name,
              year: r.year,
              revision: r.revision,
            });
          }}
          onStale={() => {
            setReturning(null);
            setStale(true);
            void refetch();
          }}
        />
      )}
    </section>
  );
}

/** Returning an annual report: the note the API requires, refused notes shown under it. */
function AnnualReturnModal({
  report,
  onClose,
  onReturned,
  onStale,
}: {
  report: Report | null;
  onClose: () => void;
  onReturned: (report: Report) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation('statistics');
  const [form] = Form.useForm<{ note: string }>();
  const [decide, { loading }] = useMutation(REVIEW_ANNUAL_DECIDE);
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    if (!report) return;
    const { note } = await form.validateFields();
    setError(null);
    try {
      await decide({ variables: { id: report.id, decision: 'RETURN', note: note.trim() } });
      onReturned(report);
    } catch (err) {
      const explained = explain(err);
      if (explained.code === 'CONFLICT') {
        onStale();
        return;
      }
      const byField = problemsByField(explained.fields);
      if (byField.note) form.setFields([{ name: 'note', errors: [byField.note] }]);
      else setError(err);
    }
  };

  return (
    <Modal
      open={report !== null}
      title={t('review.returnModal.title')}
      okText={t('review.returnModal.ok')}
      cancelText={t('review.cancel')}
      okButtonProps={{ danger: true, loading }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      afterOpenChange={(open) => {
        if (!open) {
          form.resetFields();
          setError(null);
        }
      }}
      forceRender
    >
      {report && (
        <Typography.Paragraph>
          {t('review.returnModal.subject', {
            tenant: report.tenant.name,
            year: report.year,
            revision: report.revision,
          })}
        </Typography.Paragraph>
      )}
      {error !== null && (
        <div style={{ marginBottom: 12 }}>
          <ErrorNotice error={error} />
        </div>
      )}
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item
          label={t('review.returnModal.note')}
          name="note"
          htmlFor="annualNote"
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const problem = noteProblem(value);
                if (problem === 'REQUIRED')
                  return Promise.reject(new Error(t('review.returnModal.noteRequired')));
                if (problem === 'TOO_LONG')
                  return Promise.reject(
                    new Error(t('review.returnModal.noteTooLong', { max: NOTE_MAX })),
                  );
                return Promise.resolve();
              },
            },
          ]}
          required
        >
          <Input.TextArea
            id="annualNote"
            name="note"
            rows={4}
            maxLength={NOTE_MAX}
            showCount
            placeholder={t('review.returnModal.notePlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
