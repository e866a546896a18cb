import { Injectable } from '@nestjs/common';
import { Decimal } from 'decimal.js';
import ExcelJS from 'exceljs';
import { todayInShanghai } from '@jcv/shared';
import { type AnnualFigures, toThousand, type TorchFirm } from './torch-rules.js';
import { TorchStatisticsService } from './torch-statistics.service.js';
import type { TorchStatistics } from './torch-statistics.type.js';

export interface ExportedTorchStatistics {
  fileName: string;
  content: Buffer;
  /** Incubated firms written, one row each. */
  rows: number;
}

export const INCUBATOR_SHEET = '孵化器 Incubator';
export const FIRMS_SHEET = '在孵企业 Incubated firms';
export const CHECKS_SHEET = '审核 Checks';

type Figure = Exclude<
  keyof TorchStatistics,
  'park' | 'year' | 'day' | 'firms' | 'checks' | 'missingAnnualReports'
>;

/** The incubator's figures in the order of the national form, with Chinese names and units. */
export const INCUBATOR_FIGURES: { key: Figure; name: string; unit: string }[] = [
  { key: 'totalArea', name: '场地总面积', unit: 'm²' },
  { key: 'incubatedFirmsArea', name: '其中：在孵企业用房面积', unit: 'm²' },
  { key: 'incubatedFirms', name: '在孵企业数', unit: '家' },
  { key: 'newIncubatedFirms', name: '其中：当年新增在孵企业', unit: '家' },
  { key: 'graduatedThisYear', name: '当年毕业企业', unit: '家' },
  { key: 'graduatedTotal', name: '累计毕业企业', unit: '家' },
  { key: 'incubatedRevenueThousand', name: '在孵企业总收入', unit: '千元' },
  { key: 'incubatedRdExpenseThousand', name: '在孵企业研究与试验发展经费支出', unit: '千元' },
  { key: 'incubatedTaxPaidThousand', name: '在孵企业实际上缴税费', unit: '千元' },
  { key: 'incubatedVentureFundingThousand', name: '在孵企业当年获得风险投资额', unit: '千元' },
  { key: 'incubatedEmployees', name: '在孵企业从业人员', unit: '人' },
  { key: 'incubatedEmployeesCollege', name: '其中：大专以上学历', unit: '人' },
  { key: 'incubatedEmployeesFreshGraduates', name: '其中：吸纳应届毕业生', unit: '人' },
  { key: 'highTechFirms', name: '在孵企业中高新技术企业', unit: '家' },
  { key: 'techSmeFirms', name: '在孵企业中科技型中小企业', unit: '家' },
  { key: 'fundedFirms', name: '当年获得投融资的在孵企业', unit: '家' },
  { key: 'firmsWithInventionPatents', name: '拥有有效发明专利的在孵企业', unit: '家' },
  { key: 'firmsWithValidIp', name: '拥有有效知识产权的在孵企业', unit: '家' },
  { key: 'incubatorIncomeThousand', name: '孵化器总收入', unit: '千元' },
  { key: 'fundingDisbursedThousand', name: '获得财政资助额', unit: '千元' },
];

const INDUSTRY_CHAINS: Record<string, string> = {
  AI_PLUS: '人工智能+',
  HYDROGEN: '氢能',
  CARBON_MATERIALS: '碳基新材料',
  SPECIAL_STEEL: '特钢',
  SOLID_WASTE: '固废综合利用',
  OTHER: '其他',
};

const yesNo = (b: boolean) => (b ? '是' : '否');

type FirmCell = (f: TorchFirm) => string | number | null;
/** A figure of the firm's report; money in 千元, each rounded once from the firm's yuan. */
const reported =
  (key: keyof AnnualFigures, money = false): FirmCell =>
  (f) => {
    if (!f.report) return null;
    const value = f.report[key];
    return money ? Number(toThousand(String(value))) : numberCell(value);
  };

/** The per-firm sheet's columns: who the firm is, then its annual report's figures. */
export const FIRM_COLUMNS: { header: string; width: number; cell: FirmCell }[] = [
  { header: '统一社会信用代码 Credit code', width: 22, cell: (f) => f.creditCode ?? '' },
  { header: '企业名称 Firm', width: 30, cell: (f) => f.name },
  { header: '成立时间 Founded on', width: 12, cell: (f) => f.foundedOn ?? '' },
  { header: '入驻时间 Entered on', width: 12, cell: (f) => f.enteredOn },
  {
    header: '行业 Industry',
    width: 14,
    cell: (f) => INDUSTRY_CHAINS[f.industryChain] ?? f.industryChain,
  },
  { header: '是否高企 High-tech', width: 10, cell: (f) => yesNo(f.highTech) },
  { header: '是否科小 Tech SME', width: 10, cell: (f) => yesNo(f.techSme) },
  { header: '年报 Annual report', width: 12, cell: (f) => (f.report ? '已审核' : '未报') },
  {
    header: '注册资本(千元) Registered capital',
    width: 14,
    cell: reported('registeredCapital', true),
  },
  { header: '从业人员 Employees', width: 10, cell: reported('employees') },
  { header: '其中：博士 Doctorate', width: 10, cell: reported('employeesDoctorate') },
  { header: '其中：大专以上 College', width: 10, cell: reported('employeesCollege') },
  { header: '其中：留学人员 Returnees', width: 10, cell: reported('employeesReturnees') },
  {
    header: '其中：应届毕业生 Fresh graduates',
    width: 10,
    cell: reported('employeesFreshGraduates'),
  },
  { header: '总收入(千元) Revenue', width: 12, cell: reported('totalRevenue', true) },
  { header: '净利润(千元) Net profit', width: 12, cell: reported('netProfit', true) },
  { header: '实际上缴税费(千元) Tax paid', width: 12, cell: reported('taxPaid', true) },
  { header: 'R&D经费支出(千元) R&D expense', width: 12, cell: reported('rdExpense', true) },
  { header: '风险投资额(千元) Venture funding', width: 12, cell: reported('ventureFunding', true) },
  { header: '知识产权申请 IP applied', width: 10, cell: reported('ipApplied') },
  { header: '知识产权授权 IP granted', width: 10, cell: reported('ipGranted') },
  { header: '有效知识产权 IP valid', width: 10, cell: reported('ipValid') },
  {
    header: '其中：发明专利 Invention patents',
    width: 10,
    cell: reported('inventionPatentsValid'),
  },
  { header: '软件著作权 Software copyrights', width: 10, cell: reported('softwareCopyrights') },
  { header: '技术合同 Tech contracts', width: 10, cell: reported('techContracts') },
  {
    header: '技术合同成交额(千元) Contract value',
    width: 12,
    cell: reported('techContractValue', true),
  },
  { header: '国家级科技项目 National projects', width: 10, cell: reported('nationalProjects') },
  { header: '占用场地面积(m²) Occupied area', width: 12, cell: reported('occupiedArea') },
];

/**
 * The Torch statistics as a workbook: the incubator's figures (one row each, with its Chinese
 * name and unit), one row per incubated firm with its annual report's figures (money in 千元,
 * each rounded once from that firm's yuan; blank until it has an accepted report), and the
 * checks. The figures are those torchStatistics answers: the same computation.
 */
@Injectable()
export class TorchExportService {
  constructor(private readonly statistics: TorchStatisticsService) {}

  /** The API's form: the file travels base64-encoded in the response. */
  async exportBase64(year: number, parkId?: string | null, today?: string) {
    const file = await this.export(year, parkId, today);
    return {
      fileName: file.fileName,
      rows: file.rows,
      contentBase64: file.content.toString('base64'),
    };
  }

  async export(
    year: number,
    parkId?: string | null,
    today = todayInShanghai(),
  ): Promise<ExportedTorchStatistics> {
    const s = await this.statistics.compute(year, parkId, today);
    const names = new Map(s.firms.map((f) => [f.tenantId, f.name]));
    const workbook = new ExcelJS.Workbook();
    workbook.creator = '晋创谷·吕梁 Jinchuang Valley · Lüliang';
    workbook.title = `${s.park.name} ${year} 火炬统计 Torch statistics (${s.day})`;

    const incubator = workbook.addWorksheet(INCUBATOR_SHEET, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    incubator.columns = [
      { header: '指标 Indicator', key: 'name', width: 34 },
      { header: '单位 Unit', key: 'unit', width: 8 },
      { header: '数值 Value', key: 'value', width: 16 },
      { header: '字段 Field', key: 'key', width: 34 },
    ];
    for (const f of INCUBATOR_FIGURES) {
      incubator.addRow({ ...f, value: numberCell(s[f.key]) });
    }

    const firms = workbook.addWorksheet(FIRMS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
    firms.columns = FIRM_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
    for (const f of s.firms) firms.addRow(FIRM_COLUMNS.map((c) => c.cell(f)));

    const checks = workbook.addWorksheet(CHECKS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
    checks.columns = [
      { header: '代码 Code', key: 'code', width: 36 },
      { header: '结果 Result', key: 'passed', width: 10 },
      { header: '说明 Message', key: 'message', width: 80 },
      { header: '企业 Firms', key: 'firms', width: 60 },
    ];
    for (const c of s.checks) {
      checks.addRow({
        code: c.code,
        passed: c.passed ? '通过' : '未通过',
        message: c.message,
        firms: c.tenantIds.map((id) => names.get(id) ?? id).join('、'),
      });
    }
    for (const sheet of [incubator, firms, checks]) sheet.getRow(1).font = { bold: true };

    return {
      fileName: `torch-statistics-${year}.xlsx`,
      content: Buffer.from(await workbook.xlsx.writeBuffer()),
      rows: s.firms.length,
    };
  }
}

/** A figure as an Excel number when a double holds it exactly; otherwise as its text. */
function numberCell(value: string | number): string | number {
  if (typeof value === 'number') return value;
  const d = new Decimal(value);
  const n = d.toNumber();
  return new Decimal(n).eq(d) ? n : d.toFixed();
}
