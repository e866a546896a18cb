/**
 * The columns of a report spreadsheet, with the Chinese and English headers the export writes.
 * The import recognises a column by either header, the field name, or a few common aliases, and
 * ignores columns it does not know (such as the firm's name or the status in an export). A row
 * names its tenant by credit code or by platform id (teams have no credit code): a file needs
 * one of the two columns and all the others.
 */
export const REPORT_COLUMNS = [
  { key: 'creditCode', zh: '统一社会信用代码', en: 'Credit code', aliases: ['信用代码', 'uscc'] },
  { key: 'tenantId', zh: '平台编号', en: 'Tenant ID', aliases: ['租户编号', '租户id'] },
  { key: 'period', zh: '月份', en: 'Period (YYYY-MM)', aliases: ['报告月份', 'month'] },
  { key: 'outputValue', zh: '产值（元）', en: 'Output value (yuan)', aliases: ['产值'] },
  { key: 'revenue', zh: '营业收入（元）', en: 'Revenue (yuan)', aliases: ['营业收入', '收入'] },
  { key: 'rdExpense', zh: '研发投入（元）', en: 'R&D expense (yuan)', aliases: ['研发投入'] },
  { key: 'employees', zh: '从业人员（人）', en: 'Employees', aliases: ['从业人员', '员工人数'] },
  { key: 'patentsFiled', zh: '专利申请（件）', en: 'Patents filed', aliases: ['专利申请'] },
  { key: 'patentsGranted', zh: '专利授权（件）', en: 'Patents granted', aliases: ['专利授权'] },
] as const;

/**
 * The revision a row was exported at, optional: with it, the import refuses the row when the
 * month has had another revision since, so a stale export cannot overwrite a newer submission.
 * A hand-made file leaves it out.
 */
export const REVISION_COLUMN = {
  key: 'revision',
  zh: '版本',
  en: 'Revision',
  aliases: ['修订版本'],
} as const;

/** Every column the import reads: the required ones and the optional revision. */
const READ_COLUMNS = [...REPORT_COLUMNS, REVISION_COLUMN] as const;

export type ReportColumnKey = (typeof READ_COLUMNS)[number]['key'];

/** The columns that name the tenant of a row: a file needs at least one. */
export const KEY_COLUMNS: readonly ReportColumnKey[] = ['creditCode', 'tenantId'];

/** Columns the export adds for people to read; the import skips them. */
export const EXPORT_ONLY_COLUMNS = [
  { key: 'firmName', zh: '企业名称', en: 'Firm' },
  { key: 'status', zh: '状态', en: 'Status' },
] as const;

export const headerText = (c: { zh: string; en: string }) => `${c.zh} ${c.en}`;

const normalise = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()（）[\]【】:：_\-/.&,，]/g, '');

/** The column a header names, if any. */
export function columnOfHeader(header: string): ReportColumnKey | undefined {
  const h = normalise(header);
  if (!h) return undefined;
  for (const c of READ_COLUMNS) {
    const names = [c.key, c.zh, c.en, ...c.aliases].map(normalise);
    if (names.some((n) => h === n || h.startsWith(n))) return c.key;
  }
  return undefined;
}

export function describeColumn(key: ReportColumnKey): string {
  const c = READ_COLUMNS.find((col) => col.key === key)!;
  return `${key} (${headerText(c)})`;
}
