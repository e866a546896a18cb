import { useApolloClient } from '@apollo/client/react';
import { Alert, Button, Form, Progress, Space, Table, Typography } from 'antd';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { explainErrors, problemsByField, type ExplainedError } from '../../lib/api-errors';
import { formatCount } from '../../lib/numbers';
import {
  base64OfDataUrl,
  checkImportFile,
  formatBytes,
  importOutcome,
  IMPORT_EXTENSIONS,
  isImportColumn,
  MAX_IMPORT_BYTES,
  percentOf,
  type FileProblem,
  type ImportOutcome,
  type ImportProblemRow,
} from '../../lib/review';
import { MONO, MUTED, SECTION_TITLE } from './controls';
import { UploadAborted, uploadImport, type UploadHandle } from './upload';

/** The field of the file: what the API's refusals of fileName or contentBase64 show under. */
const FILE_FIELD = 'contentBase64';

type Stage =
  | { kind: 'IDLE' }
  | { kind: 'READING'; percent: number }
  | { kind: 'UPLOADING'; percent: number }
  | { kind: 'PROCESSING' };

/** Reads a file as base64 (a data: URL), reporting how much has been read. */
function readAsBase64(
  file: File,
  onProgress: (percent: number) => void,
): { promise: Promise<string>; abort: () => void } {
  const reader = new FileReader();
  const promise = new Promise<string>((resolve, reject) => {
    reader.onprogress = (e) => onProgress(percentOf(e.loaded, e.lengthComputable ? e.total : 0));
    reader.onload = () => resolve(base64OfDataUrl(String(reader.result ?? '')));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onabort = () => reject(new UploadAborted());
    reader.readAsDataURL(file);
  });
  return { promise, abort: () => reader.abort() };
}

/**
 * 导入 (ADMIN): a report spreadsheet (.xlsx or .csv, at most MAX_IMPORT_BYTES: the API's body
 * limit with the file base64-encoded) is read, uploaded with its progress shown, and checked and
 * written by the API in one go: all rows or none. The answer lists each bad row and column.
 */
export function ImportTab() {
  const { t } = useTranslation('review');
  const client = useApolloClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'IDLE' });
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [failure, setFailure] = useState<ExplainedError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const abortRef = useRef<(() => void) | null>(null);

  // Leaving the page stops an upload under way.
  useEffect(() => () => abortRef.current?.(), []);

  const maxText = formatBytes(MAX_IMPORT_BYTES);
  const problemText = (p: FileProblem) =>
    p.code === 'TOO_LARGE'
      ? t('import.problems.TOO_LARGE', { size: formatBytes(p.size), max: formatBytes(p.maxBytes) })
      : t(`import.problems.${p.code}`);

  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0] ?? null;
    setOutcome(null);
    setFailure(null);
    setNotice(null);
    setFile(chosen);
    const problem = chosen ? checkImportFile(chosen) : null;
    setFileProblem(problem ? problemText(problem) : null);
  };

  const showFailure = (explained: ExplainedError) => {
    const byField = problemsByField(explained.fields);
    const onFile = byField[FILE_FIELD] ?? byField.fileName;
    if (onFile) setFileProblem(t('import.problems.refusedFile', { reason: onFile }));
    else setFailure(explained);
  };

  const start = async () => {
    if (!file) return;
    const problem = checkImportFile(file);
    if (problem) {
      setFileProblem(problemText(problem));
      return;
    }
    setOutcome(null);
    setFailure(null);
    setNotice(null);
    setFileProblem(null);
    try {
      setStage({ kind: 'READING', percent: 0 });
      const reading = readAsBase64(file, (percent) => setStage({ kind: 'READING', percent }));
      abortRef.current = reading.abort;
      let contentBase64: string;
      try {
        contentBase64 = await reading.promise;
      } catch (err) {
        if (err instanceof UploadAborted) throw err;
        setFileProblem(t('import.problems.read'));
        return;
      }
      const upload: UploadHandle = uploadImport(
        { fileName: file.name, contentBase64 },
        (phase, loaded, total) =>
          setStage(
            phase === 'PROCESSING'
              ? { kind: 'PROCESSING' }
              : { kind: 'UPLOADING', percent: percentOf(loaded, total) },
          ),
      );
      abortRef.current = upload.abort;
      const answer = await upload.promise;
      if (answer.kind === 'DATA') {
        const result = importOutcome(answer.data.importOutputReports);
        setOutcome(result);
        // Written rows change the queue, the overdue list and the firms' figures.
        if (result.kind === 'WRITTEN' && result.imported > 0)
          void client.refetchQueries({ include: 'active' });
      } else if (answer.kind === 'ERRORS') showFailure(explainErrors(answer.errors));
      else if (answer.kind === 'TOO_LARGE') setFileProblem(t('import.problems.tooLargeServer'));
      else setNotice(t('import.problems.http', { status: answer.status }));
    } catch (err) {
      if (err instanceof UploadAborted) setNotice(t('import.cancelled'));
      else setNotice(t('import.problems.network'));
    } finally {
      abortRef.current = null;
      setStage({ kind: 'IDLE' });
    }
  };

  const busy = stage.kind !== 'IDLE';
  const percent =
    stage.kind === 'READING' || stage.kind === 'UPLOADING'
      ? stage.percent
      : stage.kind === 'PROCESSING'
        ? 100
        : 0;

  return (
    <section aria-labelledby="review-import-heading">
      <Typography.Title level={2} id="review-import-heading" style={SECTION_TITLE}>
        {t('import.heading')}
      </Typography.Title>
      <Typography.Paragraph style={MUTED}>{t('import.hint')}</Typography.Paragraph>
      <Typography.Paragraph style={MUTED}>{t('import.allOrNothing')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void start()} style={{ maxWidth: 640 }}>
        <Form.Item
          label={t('import.file', { max: maxText })}
          htmlFor={FILE_FIELD}
          validateStatus={fileProblem ? 'error' : undefined}
          help={
            fileProblem ??
            (file
              ? t('import.chosen', { name: file.name, size: formatBytes(file.size) })
              : undefined)
          }
        >
          <input
            type="file"
            id={FILE_FIELD}
            name={FILE_FIELD}
            accept={[
              ...IMPORT_EXTENSIONS,
              'text/csv',
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            ].join(',')}
            disabled={busy}
            onChange={choose}
            // Choosing the same file again (corrected since) is a change too.
            onClick={(e) => {
              e.currentTarget.value = '';
            }}
            aria-invalid={fileProblem ? true : undefined}
          />
        </Form.Item>
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            disabled={!file || !!fileProblem || busy}
            loading={busy}
          >
            {t('import.submit')}
          </Button>
          {(stage.kind === 'READING' || stage.kind === 'UPLOADING') && (
            <Button onClick={() => abortRef.current?.()}>{t('import.cancel')}</Button>
          )}
        </Space>
      </Form>

      {busy && (
        <div className="review-progress" data-stage={stage.kind}>
          <Typography.Paragraph role="status" style={{ marginBottom: 4 }}>
            {t(`import.stages.${stage.kind}`)}
          </Typography.Paragraph>
          <Progress
            percent={percent}
            status="active"
            aria-label={t('import.progressLabel')}
            showInfo={stage.kind !== 'PROCESSING'}
          />
        </div>
      )}

      {notice && (
        <Alert type="warning" showIcon role="status" style={{ marginTop: 16 }} title={notice} />
      )}
      {failure && (
        <div style={{ marginTop: 16 }}>
          <ErrorNotice error={{ explained: failure }} />
        </div>
      )}
      {outcome?.kind === 'WRITTEN' && (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginTop: 16 }}
          data-outcome="WRITTEN"
          data-imported={outcome.imported}
          title={t('import.written', {
            fileName: outcome.fileName,
            rowsRead: formatCount(outcome.rowsRead),
            imported: formatCount(outcome.imported),
            newRevisions: formatCount(outcome.newRevisions),
            unchanged: formatCount(outcome.unchanged),
          })}
        />
      )}
      {outcome?.kind === 'REFUSED' && <Refused outcome={outcome} />}
    </section>
  );
}

function Refused({ outcome }: { outcome: Extract<ImportOutcome, { kind: 'REFUSED' }> }) {
  const { t } = useTranslation('review');
  const hasSheets = outcome.problems.some((p) => p.sheet !== null);
  return (
    <div style={{ marginTop: 16 }}>
      <Alert
        type="error"
        showIcon
        role="alert"
        data-outcome="REFUSED"
        data-error-count={outcome.errorCount}
        title={t(outcome.unlisted > 0 ? 'import.refusedMany' : 'import.refused', {
          fileName: outcome.fileName,
          errorCount: formatCount(outcome.errorCount),
          badRows: formatCount(outcome.badRows),
          listed: formatCount(outcome.problems.length),
        })}
      />
      <Table<ImportProblemRow>
        aria-label={t('import.problemsLabel')}
        style={{ marginTop: 12 }}
        rowKey="key"
        size="small"
        dataSource={outcome.problems}
        pagination={outcome.problems.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        onRow={(p) =>
          ({ 'data-row': p.row, 'data-column': p.column, 'data-sheet': p.sheet ?? '' }) as object
        }
        columns={[
          ...(hasSheets
            ? [
                {
                  key: 'sheet',
                  title: t('import.columns.sheet'),
                  render: (_: unknown, p: ImportProblemRow) => p.sheet ?? t('none'),
                },
              ]
            : []),
          { key: 'row', title: t('import.columns.row'), align: 'right', dataIndex: 'row' },
          {
            key: 'column',
            title: t('import.columns.column'),
            render: (_, p) => (
              <span>
                {isImportColumn(p.column) ? t(`import.fields.${p.column}`) : p.column}{' '}
                <span style={{ ...MONO, ...MUTED, fontSize: 12 }}>{p.column}</span>
              </span>
            ),
          },
          {
            key: 'header',
            title: t('import.columns.header'),
            render: (_, p) => p.header ?? t('none'),
          },
          { key: 'message', title: t('import.columns.message'), dataIndex: 'message' },
        ]}
      />
      {outcome.unlisted > 0 && (
        <Typography.Paragraph style={{ marginTop: 8 }}>
          {t('import.unlisted', { n: formatCount(outcome.unlisted) })}
        </Typography.Paragraph>
      )}
    </div>
  );
}
