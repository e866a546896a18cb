import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Decimal } from 'decimal.js';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { BadInputError, ForeignReads, todayInShanghai } from '@jcv/shared';

export interface ExportedBills {
  fileName: string;
  content: Buffer;
  /** Bills written, one row each. */
  rows: number;
}

/** One bill as the sheet shows it: money as exact decimal strings, relief negative. */
export interface BillExportRow {
  number: string;
  firmName: string;
  creditCode: string | null;
  period: string;
  rent: string;
  propertyFee: string;
  rentRelief: string;
  total: string;
  paid: string;
  outstanding: string;
  status: string;
  dueOn: string;
}

type Key = keyof BillExportRow;

/** The sheet's columns, in order, with Chinese and English headers. */
export const BILL_EXPORT_COLUMNS: { key: Key; header: string; money?: true; width: number }[] = [
  { key: 'number', header: '账单编号 Bill number', width: 22 },
  { key: 'firmName', header: '企业 Firm', width: 32 },
  { key: 'creditCode', header: '统一社会信用代码 Credit code', width: 24 },
  { key: 'period', header: '期间 Period', width: 12 },
  { key: 'rent', header: '租金 Rent', money: true, width: 16 },
  { key: 'propertyFee', header: '物业费 Property fee', money: true, width: 16 },
  { key: 'rentRelief', header: '房租减免 Rent relief', money: true, width: 16 },
  { key: 'total', header: '合计 Total', money: true, width: 16 },
  { key: 'paid', header: '已付 Paid', money: true, width: 16 },
  { key: 'outstanding', header: '未付 Outstanding', money: true, width: 16 },
  { key: 'status', header: '状态 Status', width: 12 },
  { key: 'dueOn', header: '到期日 Due on', width: 12 },
];

export const BILLS_SHEET = '账单 Bills';

/** What exportPeriod reads of other libs' tables: lib tenants' tenants, lib park's zones. */
export const BILLS_EXPORT_READS = new ForeignReads(import.meta.url, 'exportPeriod', {
  tenants: ['id', 'name', 'credit_code', 'zone_id'],
  zones: ['id'],
});

/**
 * A month's bills as a workbook: one row per bill (VOID ones too, with their status), ordered
 * by number, with the bill's rent, property fee and relief (negative) summed from its lines, so
 * that rent + property fee + relief = total on every row. Money cells are numbers formatted to
 * the fen, which Excel sums; a figure a double cannot hold to the fen would go in as text.
 */
@Injectable()
export class BillsExportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The API's form: the file travels base64-encoded in the response. */
  async exportBase64(period: string, zoneId?: string | null, today?: string) {
    const file = await this.exportPeriod(period, zoneId, today);
    return {
      fileName: file.fileName,
      rows: file.rows,
      contentBase64: file.content.toString('base64'),
    };
  }

  async exportPeriod(
    period: string,
    zoneId?: string | null,
    today = todayInShanghai(),
  ): Promise<ExportedBills> {
    if (zoneId) {
      // Reads lib park's zones (BILLS_EXPORT_READS).
      const zone = await this.dataSource.query(`SELECT 1 FROM zones WHERE id = $1`, [zoneId]);
      if (!zone.length) throw new BadInputError('zoneId', 'is not a known zone');
    }
    const rows = await this.rows(period, zoneId ?? null, today);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = '晋创谷·吕梁 Jinchuang Valley · Lüliang';
    const sheet = workbook.addWorksheet(BILLS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = BILL_EXPORT_COLUMNS.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width,
      style: c.money ? { numFmt: '#,##0.00' } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    for (const r of rows) {
      const cells: Record<string, unknown> = { ...r, creditCode: r.creditCode ?? '' };
      for (const c of BILL_EXPORT_COLUMNS) if (c.money) cells[c.key] = moneyCell(r[c.key]!);
      sheet.addRow(cells);
    }
    return {
      fileName: `bills-${period}.xlsx`,
      content: Buffer.from(await workbook.xlsx.writeBuffer()),
      rows: rows.length,
    };
  }

  /** The month's bills, one statement; OVERDUE read from ISSUED and dueOn before `today`. */
  rows(period: string, zoneId: string | null, today: string): Promise<BillExportRow[]> {
    // Reads lib tenants' tenants (BILLS_EXPORT_READS).
    return this.dataSource.query(
      `SELECT b.number, t.name AS "firmName", t.credit_code AS "creditCode", b.period,
              coalesce(sum(l.amount) FILTER (WHERE l.kind = 'RENT'), 0)::numeric(16,2)::text AS rent,
              coalesce(sum(l.amount) FILTER (WHERE l.kind = 'PROPERTY_FEE'), 0)::numeric(16,2)::text
                AS "propertyFee",
              coalesce(sum(l.amount) FILTER (WHERE l.kind = 'RENT_RELIEF'), 0)::numeric(16,2)::text
                AS "rentRelief",
              b.total::text AS total, b.paid::text AS paid,
              (CASE WHEN b.status = 'VOID' THEN 0 ELSE b.total - b.paid END)::numeric(16,2)::text
                AS outstanding,
              CASE WHEN b.status = 'ISSUED' AND b.due_on < $3::date THEN 'OVERDUE' ELSE b.status END
                AS status,
              b.due_on::text AS "dueOn"
         FROM bills b
         JOIN tenants t ON t.id = b.tenant_id
         LEFT JOIN bill_lines l ON l.bill_id = b.id
        WHERE b.period = $1 AND ($2::uuid IS NULL OR t.zone_id = $2::uuid)
        GROUP BY b.id, t.id
        ORDER BY b.number`,
      [period, zoneId, today],
    );
  }
}

/**
 * Money goes into Excel as a number when the double is the exact decimal (every amount below
 * 2^53 fen is), so that people can sum it; otherwise as text, never rounded.
 */
export function moneyCell(value: string): string | number {
  const d = new Decimal(value);
  const n = d.toNumber();
  return new Decimal(n).eq(d) ? n : d.toFixed(2);
}
