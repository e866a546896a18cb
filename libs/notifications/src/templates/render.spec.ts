import { describe, expect, it } from '@jest/globals';
import {
  NOTIFICATION_KINDS,
  NotificationKind,
  type NotificationLocale,
  type NotificationParams,
} from '../notification-kinds.js';
import { renderNotification } from './render.js';

const FIRM = '吕梁智造科技有限公司';

/** Each kind's parameters as its writers send them, with the variants its wording depends on. */
const SAMPLES: { [K in NotificationKind]: NotificationParams[K][] } = {
  REPORT_DUE: [{ tenantName: FIRM, period: '2026-03', dueOn: '2026-04-15' }],
  REPORT_OVERDUE: [{ tenantName: FIRM, period: '2026-03', dueOn: '2026-04-15' }],
  REPORT_RETURNED: [
    { tenantName: FIRM, period: '2026-03', note: '营业收入与产值不符，请核对。' },
    { tenantName: FIRM, period: '2025', note: '从业人员数缺失。', annual: true },
  ],
  SPACE_APPLICATION_DECIDED: [
    { tenantName: FIRM, approved: true },
    { tenantName: FIRM, approved: false, note: '暂无符合面积要求的空置房源。' },
  ],
  BENEFIT_DECIDED: [
    { tenantName: FIRM, policyName: '房租补贴', approved: true, amount: '12345.00' },
    { tenantName: FIRM, policyName: '房租补贴', approved: true, amount: null, note: null },
    { tenantName: FIRM, policyName: '研发费用补助', approved: false, note: '不符合申报条件。' },
  ],
  SERVICE_REQUEST_UPDATED: [
    { tenantName: FIRM, title: '合同审查', status: 'IN_PROGRESS' },
    { tenantName: FIRM, title: '合同审查', status: 'RESOLVED' },
  ],
  CERTIFICATION_EXPIRING: [
    { tenantName: FIRM, certification: 'HIGH_TECH', expiresOn: '2026-09-30' },
    { tenantName: FIRM, certification: 'SRDI', expiresOn: '2026-09-30' },
    { tenantName: FIRM, certification: 'TECH_SME', expiresOn: '2026-09-30' },
  ],
  MILESTONE_ALERT: [
    {
      zone: 'STARTUP',
      metric: 'NEW_TECH_FIRMS',
      year: 2026,
      status: 'AT_RISK',
      previousStatus: 'ON_TRACK',
    },
    { zone: 'EXPANSION', metric: 'INDUSTRIALIZATION_PROJECTS', year: 2026, status: 'BEHIND' },
    { zone: 'PARK', metric: 'ANNUAL_OUTPUT_VALUE', year: 2026, status: 'MISSED' },
  ],
  BILL_ISSUED: [
    {
      tenantName: FIRM,
      number: 'B-2026-03-0007',
      period: '2026-03',
      total: '8250.00',
      dueOn: '2026-03-10',
    },
  ],
  BILL_OVERDUE: [
    {
      tenantName: FIRM,
      number: 'B-2026-03-0007',
      period: '2026-03',
      outstanding: '1234567.50',
      dueOn: '2026-03-10',
    },
  ],
  ANNUAL_REPORT_DUE: [{ tenantName: FIRM, year: 2025, dueOn: '2026-03-31' }],
};

const CASES = NOTIFICATION_KINDS.flatMap((kind) =>
  (SAMPLES[kind] as object[]).map((params, i) => ({ kind, i, params })),
);

const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;
/** The codes the API uses for statuses and kinds: a reader is shown their words instead. */
const CODE =
  /\b[A-Z]+_[A-Z_]+\b|\b(?:OPEN|ASSIGNED|RESOLVED|CLOSED|ACHIEVED|BEHIND|MISSED|STARTUP|EXPANSION|PARK)\b/;

const render = (kind: NotificationKind, params: object, locale: NotificationLocale) =>
  renderNotification(kind, params as never, locale);

/** What a template wrote itself: the text without the values it was given. */
function ownWords(out: string, params: object): string {
  let rest = out;
  for (const value of Object.values(params)) {
    if (typeof value === 'string' && value) rest = rest.split(value).join(' ');
  }
  return rest;
}

describe('renderNotification', () => {
  it('has a sample of every kind', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });

  it.each(CASES)('$kind #$i reads as Chinese in ZH_CN, fully filled in', ({ kind, params }) => {
    const { title, body } = render(kind, params, 'ZH_CN');
    for (const part of [title, body]) {
      expect(part.trim()).not.toBe('');
      expect(part).not.toMatch(/[{}]|undefined|null|NaN/);
      expect(part).not.toMatch(CODE);
      expect(ownWords(part, params)).toMatch(CJK);
    }
  });

  it.each(CASES)('$kind #$i reads as English in EN, fully filled in', ({ kind, params }) => {
    const { title, body } = render(kind, params, 'EN');
    for (const part of [title, body]) {
      expect(part.trim()).not.toBe('');
      expect(part).not.toMatch(/[{}]|undefined|null|NaN/);
      expect(part).not.toMatch(CODE);
      // Only what the firm or the committee wrote may be Chinese.
      expect(ownWords(part, params)).not.toMatch(CJK);
      expect(ownWords(part, params)).toMatch(/[A-Za-z]{3,}/);
    }
  });

  it('names dates, months and money as each locale writes them', () => {
    const due = SAMPLES.REPORT_DUE[0];
    expect(render(NotificationKind.REPORT_DUE, due, 'ZH_CN')).toEqual({
      title: '请报送2026年3月月度报表',
      body: `${FIRM}：2026年3月的月度产值报表尚未报送，截止日期为2026年4月15日。\n\n请按时在工作台中填报。`,
    });
    expect(render(NotificationKind.REPORT_DUE, due, 'EN').body).toContain(
      'report for March 2026 has not been received yet. It is due on 15 April 2026.',
    );
    const overdue = SAMPLES.BILL_OVERDUE[0];
    expect(render(NotificationKind.BILL_OVERDUE, overdue, 'ZH_CN').body).toContain(
      '尚欠 1,234,567.50 元',
    );
    expect(render(NotificationKind.BILL_OVERDUE, overdue, 'EN').body).toContain(
      '1,234,567.50 yuan is still outstanding',
    );
    expect(
      render(NotificationKind.ANNUAL_REPORT_DUE, SAMPLES.ANNUAL_REPORT_DUE[0], 'ZH_CN'),
    ).toMatchObject({ title: '请报送2025年度报表' });
  });

  it('uses the console’s words for statuses, metrics, zones and certificates', () => {
    const [moving] = SAMPLES.SERVICE_REQUEST_UPDATED;
    expect(render(NotificationKind.SERVICE_REQUEST_UPDATED, moving, 'ZH_CN').body).toBe(
      `${FIRM}的服务请求“合同审查”的状态已更新为“办理中”。`,
    );
    expect(render(NotificationKind.SERVICE_REQUEST_UPDATED, moving, 'EN').title).toBe(
      'Service request “合同审查”: In progress',
    );
    const [falling] = SAMPLES.MILESTONE_ALERT;
    expect(render(NotificationKind.MILESTONE_ALERT, falling, 'ZH_CN')).toMatchObject({
      title: '里程碑预警：起步区新增科技型企业',
    });
    expect(render(NotificationKind.MILESTONE_ALERT, falling, 'ZH_CN').body).toContain(
      '2026年起步区“新增科技型企业”目标的状态由“进度正常”降为“有风险”。',
    );
    expect(render(NotificationKind.MILESTONE_ALERT, falling, 'EN').body).toContain(
      'Startup zone, 2026: the target “New technology firms” fell from “On track” to “At risk”.',
    );
    const [highTech] = SAMPLES.CERTIFICATION_EXPIRING;
    expect(render(NotificationKind.CERTIFICATION_EXPIRING, highTech, 'ZH_CN').title).toBe(
      '高新技术企业资质即将到期',
    );
    expect(render(NotificationKind.CERTIFICATION_EXPIRING, highTech, 'EN').body).toContain(
      '(High-tech enterprise) expires on 30 September 2026.',
    );
  });

  it('says whether an application was approved, with the amount and the note', () => {
    const [granted, , refused] = SAMPLES.BENEFIT_DECIDED;
    expect(render(NotificationKind.BENEFIT_DECIDED, granted, 'ZH_CN')).toEqual({
      title: '政策申报已批准：房租补贴',
      body: `${FIRM}申报的“房租补贴”已批准，核定金额 12,345.00 元。`,
    });
    expect(render(NotificationKind.BENEFIT_DECIDED, refused, 'EN')).toEqual({
      title: 'Benefit rejected: 研发费用补助',
      body: `The application of ${FIRM} under “研发费用补助” was rejected.\n\nNote: 不符合申报条件。`,
    });
    const [, rejected] = SAMPLES.SPACE_APPLICATION_DECIDED;
    expect(render(NotificationKind.SPACE_APPLICATION_DECIDED, rejected, 'ZH_CN').body).toBe(
      `${FIRM}的入驻用房申请已驳回。\n\n说明：暂无符合面积要求的空置房源。`,
    );
    const [monthly, annual] = SAMPLES.REPORT_RETURNED;
    expect(render(NotificationKind.REPORT_RETURNED, monthly, 'ZH_CN').body).toContain(
      '退回意见：营业收入与产值不符，请核对。',
    );
    expect(render(NotificationKind.REPORT_RETURNED, annual, 'EN').title).toBe(
      'Your annual report for 2025 was returned',
    );
  });

  it('shows a code it has no word for as it is, never as nothing', () => {
    const out = render(
      NotificationKind.SERVICE_REQUEST_UPDATED,
      { tenantName: FIRM, title: '合同审查', status: 'ON_HOLD' },
      'EN',
    );
    expect(out.body).toContain('“ON_HOLD”');
  });
});
