import { useApolloClient } from '@apollo/client/react';
import { Alert, Button, Form, Radio, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { ReviewZonesQuery } from '../../gql/graphql';
import { todayInShanghai } from '../../lib/dates';
import { formatCount } from '../../lib/numbers';
import {
  base64ToBytes,
  downloadName,
  EXPORT_TYPES,
  exportYears,
  type ExportFormat,
} from '../../lib/review';
import { MUTED, NativeSelect, SECTION_TITLE } from './controls';
import { REVIEW_EXPORT } from './queries';

type Zone = ReviewZonesQuery['zones'][number];

interface Exported {
  url: string;
  fileName: string;
  rows: number;
  zone: string;
  year: number;
  format: ExportFormat;
}

const FORMATS: readonly ExportFormat[] = ['XLSX', 'CSV'];

/**
 * 导出: a zone's year of reports as the API's spreadsheet (`exportOutputReports`, base64), saved
 * through a Blob and an object URL by a click on a download link; the message says what was
 * exported and keeps a link to save it again.
 */
export function ExportTab({ zones }: { zones: readonly Zone[] }) {
  const { t } = useTranslation('review');
  const client = useApolloClient();
  const years = exportYears(todayInShanghai());
  const [year, setYear] = useState(String(years[0]));
  const [zoneId, setZoneId] = useState(zones[0]?.id ?? '');
  const [format, setFormat] = useState<ExportFormat>('XLSX');
  const [working, setWorking] = useState(false);
  const [exported, setExported] = useState<Exported | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [badFile, setBadFile] = useState(false);
  const urlRef = useRef<string | null>(null);

  const release = () => {
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    urlRef.current = null;
  };
  useEffect(() => release, []);

  const run = async () => {
    const zone = zones.find((z) => z.id === zoneId);
    if (!zone) return;
    setWorking(true);
    setError(null);
    setBadFile(false);
    setExported(null);
    release();
    try {
      const { data } = await client.query({
        query: REVIEW_EXPORT,
        variables: { zoneId, year: Number(year), format },
        fetchPolicy: 'no-cache',
      });
      if (!data) throw new Error('no data');
      const file = data.exportOutputReports;
      let bytes: Uint8Array;
      try {
        bytes = base64ToBytes(file.contentBase64);
      } catch {
        setBadFile(true);
        return;
      }
      const blob = new Blob([bytes as BlobPart], { type: EXPORT_TYPES[format].mime });
      const url = URL.createObjectURL(blob);
      urlRef.current = url;
      const name = downloadName(file.fileName, { zoneCode: zone.code, year: Number(year), format });
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.style.display = 'none';
      document.body.appendChild(link);
      link.click();
      link.remove();
      setExported({
        url,
        fileName: name,
        rows: file.rows,
        zone: zone.name,
        year: Number(year),
        format,
      });
    } catch (err) {
      setError(err);
    } finally {
      setWorking(false);
    }
  };

  return (
    <section aria-labelledby="review-export-heading">
      <Typography.Title level={2} id="review-export-heading" style={SECTION_TITLE}>
        {t('export.heading')}
      </Typography.Title>
      <Typography.Paragraph style={MUTED}>{t('export.hint')}</Typography.Paragraph>
      <Form layout="inline" style={{ rowGap: 8, marginBottom: 16 }} onFinish={() => void run()}>
        <Form.Item label={t('export.year')} htmlFor="year">
          <NativeSelect
            name="year"
            value={year}
            onChange={setYear}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
          />
        </Form.Item>
        <Form.Item label={t('export.zoneId')} htmlFor="zoneId">
          <NativeSelect
            name="zoneId"
            value={zoneId}
            onChange={setZoneId}
            options={zones.map((z) => ({ value: z.id, label: z.name }))}
          />
        </Form.Item>
        <Form.Item label={t('export.format')}>
          <Radio.Group
            name="format"
            value={format}
            onChange={(e) => setFormat(e.target.value as ExportFormat)}
            aria-label={t('export.format')}
            options={FORMATS.map((f) => ({ value: f, label: t(`export.formats.${f}`) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={working} disabled={!zoneId}>
            {t('export.submit')}
          </Button>
        </Form.Item>
      </Form>

      {working && (
        <Typography.Paragraph role="status" style={MUTED}>
          {t('export.working')}
        </Typography.Paragraph>
      )}
      {error !== null && <ErrorNotice error={error} onRetry={() => void run()} />}
      {badFile && <Alert type="error" showIcon role="alert" title={t('export.badFile')} />}
      {exported && (
        <Alert
          type="success"
          showIcon
          role="status"
          data-file-name={exported.fileName}
          data-rows={exported.rows}
          title={t(exported.rows > 0 ? 'export.done' : 'export.doneEmpty', {
            zone: exported.zone,
            year: exported.year,
            rows: formatCount(exported.rows),
            fileName: exported.fileName,
          })}
          action={
            <a href={exported.url} download={exported.fileName}>
              {t('export.again')}
            </a>
          }
        />
      )}
    </section>
  );
}
