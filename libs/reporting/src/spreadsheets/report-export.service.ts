import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Decimal } from 'decimal.js';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { ParkService } from '@jcv/park';
import { ForeignReads } from '@jcv/shared';
import {
  EXPORT_ONLY_COLUMNS,
  headerText,
  REPORT_COLUMNS,
  REVISION_COLUMN,
} from './report-columns.js';
import type { ReportFileFormat } from './report-file-reader.js';

export interface ExportedReports {
  fileName: string;
  content: Buffer;
  /** Report rows written (firms and teams). */
  rows: number;
}

interface ExportRow {
  tenantId: string;
  creditCode: string | null;
  firmName: string;
  period: string;
  outputValue: string;
  revenue: string;
  rdExpense: string;
  employees: number;
  patentsFiled: number;
  patentsGranted: number;
  status: string;
  revision: number;
}

const column = (key: string) => REPORT_COLUMNS.find((c) => c.key === key)!;
/** The tenant's platform id comes last: people read by credit code and name. */
const HEADERS = [
  column('creditCode'),
  EXPORT_ONLY_COLUMNS[0],
  ...REPORT_COLUMNS.filter((c) => c.key !== 'creditCode' && c.key !== 'tenantId'),
  ...EXPORT_ONLY_COLUMNS.slice(1),
  REVISION_COLUMN,
  column('tenantId'),
];
const MONEY = new Set(['outputValue', 'revenue', 'rdExpense']);

/** What exportZoneYear reads of other libs' tables: lib tenants' tenants. */
export const EXPORT_READS = new ForeignReads(import.meta.url, 'exportZoneYear', {
  tenants: ['id', 'zone_id', 'credit_code', 'name'],
});

/**
 * A zone's reports for a year as a spreadsheet with Chinese and English headers, in the layout
 * the import reads back: the latest revision of each firm's months, then each team's. Every
 * row carries the tenant's platform id, which is how a team (without a credit code) is found
 * on the way back, and the month's revision, which the import checks so that an export made
 * before a newer submission cannot overwrite it. In an .xlsx, teams get a second sheet of their
 * own; a CSV has one table. Importing an unchanged export changes nothing.
 */
@Injectable()
export class ReportExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly park: ParkService,
  ) {}

  /** The API's form: the file travels base64-encoded in the response. */
  async exportBase64(zoneId: string, year: number, format: ReportFileFormat) {
    const file = await this.exportZoneYear(zoneId, year, format);
    return {
      fileName: file.fileName,
      rows: file.rows,
      contentBase64: file.content.toString('base64'),
    };
  }

  async exportZoneYear(
    zoneId: string,
    year: number,
    format: ReportFileFormat = 'xlsx',
  ): Promise<ExportedReports> {
    const zone = await this.park.requireZone(zoneId);
    // Reads lib tenants' tenants (EXPORT_READS).
    const rows: ExportRow[] = await this.dataSource.query(
      `SELECT t.id AS "tenantId", t.credit_code AS "creditCode", t.name AS "firmName", r.period,
              r.output_value AS "outputValue", r.revenue, r.rd_expense AS "rdExpense",
              r.employees, r.patents_filed AS "patentsFiled", r.patents_granted AS "patentsGranted",
              r.status, r.revision
       FROM output_reports r JOIN tenants t ON t.id = r.tenant_id
       WHERE t.zone_id = $1 AND r.latest AND r.period BETWEEN $2 AND $3
       ORDER BY t.credit_code NULLS LAST, t.name, t.id, r.period`,
      [zoneId, `${year}-01`, `${year}-12`],
    );
    const workbook = new ExcelJS.Workbook();
    workbook.creator = '晋创谷·吕梁 Jinchuang Valley · Lüliang';
    const firms = rows.filter((r) => r.creditCode);
    const teams = rows.filter((r) => !r.creditCode);
    const title = `${zone.code} ${year} 产值月报`;
    if (format === 'csv') addSheet(workbook, title, rows, format);
    else {
      addSheet(workbook, title, firms, format);
      if (teams.length) addSheet(workbook, '团队 Teams', teams, format);
    }

    const base = `output-reports-${zone.code}-${year}`;
    if (format === 'csv') {
      const csv = Buffer.from(await workbook.csv.writeBuffer({ sheetId: 1 }));
      // A BOM, so that Excel opens the UTF-8 file with its Chinese headers intact.
      return {
        fileName: `${base}.csv`,
        content: Buffer.concat([Buffer.from('\uFEFF'), csv]),
        rows: rows.length,
      };
    }
    return {
      fileName: `${base}.xlsx`,
      content: Buffer.from(await workbook.xlsx.writeBuffer()),
      rows: rows.length,
    };
  }
}

/** Money goes into Excel as a number when the number is exact, so that people can sum it. */
function moneyCell(value: string, format: ReportFileFormat): string | number {
  const d = new Decimal(value);
  if (format === 'xlsx' && new Decimal(d.toNumber()).eq(d)) return d.toNumber();
  return d.toFixed(2);
}

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  rows: ExportRow[],
  format: ReportFileFormat,
): void {
  const sheet = workbook.addWorksheet(name.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = HEADERS.map((c) => ({
    header: headerText(c),
    key: c.key,
    width: Math.max(14, headerText(c).length + 4),
    style: MONEY.has(c.key) ? { numFmt: '#,##0.00' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow({
      ...r,
      creditCode: r.creditCode ?? '',
      outputValue: moneyCell(r.outputValue, format),
      revenue: moneyCell(r.revenue, format),
      rdExpense: moneyCell(r.rdExpense, format),
    });
  }
}
