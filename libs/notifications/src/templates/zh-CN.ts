import {
  dateParts,
  groupDigits,
  type NotificationTemplates,
  paragraphs,
  text,
  wordOf,
} from './format.js';

// The words of statuses, metrics and certificates are the console's (apps/console/src/i18n), so
// that a notification and the page it links to name a thing alike.

/** Service request statuses, as the service desk and the firm's pages show them. */
const SERVICE_REQUEST_STATUS: Record<string, string> = {
  OPEN: '待派单',
  ASSIGNED: '已派单',
  IN_PROGRESS: '办理中',
  RESOLVED: '已解决',
  CLOSED: '已关闭',
  CANCELLED: '已取消',
};

/** Certification kinds, as the firm's page shows them. */
const CERTIFICATION: Record<string, string> = {
  HIGH_TECH: '高新技术企业',
  SRDI: '专精特新中小企业',
  TECH_SME: '科技型中小企业',
};

/**
 * The milestones' metrics, as the cockpit names them; the cockpit shows the high-tech and SRDI
 * targets under the new tech firms ("其中：…"), a message names them on their own.
 */
const METRIC: Record<string, string> = {
  NEW_TECH_FIRMS: '新增科技型企业',
  NEW_HIGH_TECH_FIRMS: '新增高新技术企业',
  NEW_SRDI_FIRMS: '新增专精特新企业',
  INDUSTRIALIZATION_PROJECTS: '培育产业化项目',
  ANNUAL_OUTPUT_VALUE: '入驻企业年产值',
};

/** A milestone's status, as the cockpit shows it. */
const MILESTONE_STATUS: Record<string, string> = {
  ACHIEVED: '已达成',
  ON_TRACK: '进度正常',
  AT_RISK: '有风险',
  BEHIND: '落后',
  MISSED: '未达成',
  NOT_STARTED: '未开始',
};

/** A zone by its kind, or the whole park; a zone's own name is shown as it is. */
const ZONE: Record<string, string> = { STARTUP: '起步区', EXPANSION: '拓展区', PARK: '全园区' };

/** 2026-03 → 2026年3月; 2026 → 2026年. */
function month(period: unknown): string {
  const d = dateParts(period);
  if (!d) return text(period);
  return d.month === undefined ? `${d.year}年` : `${d.year}年${d.month}月`;
}

/** 2026-04-15 → 2026年4月15日. */
function day(date: unknown): string {
  const d = dateParts(date);
  if (!d || d.day === undefined) return text(date);
  return `${d.year}年${d.month}月${d.day}日`;
}

const yuan = (amount: unknown) => `${groupDigits(amount)} 元`;

/** An explanation the committee wrote, when there is one. */
const noteOf = (label: string, note: unknown) => (text(note) ? `${label}：${text(note)}` : null);

export const ZH_CN_TEMPLATES: NotificationTemplates = {
  REPORT_DUE: (p) => ({
    title: `请报送${month(p.period)}月度报表`,
    body: paragraphs(
      `${text(p.tenantName)}：${month(p.period)}的月度产值报表尚未报送，截止日期为${day(p.dueOn)}。`,
      '请按时在工作台中填报。',
    ),
  }),

  REPORT_OVERDUE: (p) => ({
    title: `${month(p.period)}月度报表已逾期`,
    body: paragraphs(
      `${text(p.tenantName)}：${month(p.period)}的月度产值报表已过截止日期（${day(p.dueOn)}），仍未报送。`,
      '请尽快在工作台中补报。',
    ),
  }),

  REPORT_RETURNED: (p) => {
    const report = p.annual ? `${month(p.period)}度报表` : `${month(p.period)}月度报表`;
    return {
      title: `${report}被退回`,
      body: paragraphs(
        `${text(p.tenantName)}：您报送的${report}已被管委会退回。`,
        noteOf('退回意见', p.note),
        '请按意见修改后重新报送。',
      ),
    };
  },

  SPACE_APPLICATION_DECIDED: (p) => ({
    title: p.approved ? '入驻申请已批准' : '入驻申请已驳回',
    body: paragraphs(
      p.approved
        ? `${text(p.tenantName)}的入驻用房申请已批准，管委会将与您办理入驻。`
        : `${text(p.tenantName)}的入驻用房申请已驳回。`,
      noteOf('说明', p.note),
    ),
  }),

  BENEFIT_DECIDED: (p) => ({
    title: p.approved
      ? `政策申报已批准：${text(p.policyName)}`
      : `政策申报未通过：${text(p.policyName)}`,
    body: paragraphs(
      p.approved
        ? text(p.amount)
          ? `${text(p.tenantName)}申报的“${text(p.policyName)}”已批准，核定金额 ${yuan(p.amount)}。`
          : `${text(p.tenantName)}申报的“${text(p.policyName)}”已批准。`
        : `${text(p.tenantName)}申报的“${text(p.policyName)}”未通过。`,
      noteOf('说明', p.note),
    ),
  }),

  SERVICE_REQUEST_UPDATED: (p) => {
    const status = wordOf(SERVICE_REQUEST_STATUS, p.status);
    return {
      title: `服务请求${status}：${text(p.title)}`,
      body: `${text(p.tenantName)}的服务请求“${text(p.title)}”的状态已更新为“${status}”。`,
    };
  },

  CERTIFICATION_EXPIRING: (p) => {
    const kind = wordOf(CERTIFICATION, p.certification);
    return {
      title: `${kind}资质即将到期`,
      body: paragraphs(
        `${text(p.tenantName)}的${kind}资质将于${day(p.expiresOn)}到期。`,
        '请及时办理复审或重新认定，以免影响政策兑现和年度目标统计。',
      ),
    };
  },

  MILESTONE_ALERT: (p) => {
    const zone = wordOf(ZONE, p.zone);
    const metric = wordOf(METRIC, p.metric);
    const status = wordOf(MILESTONE_STATUS, p.status);
    return {
      title: `里程碑预警：${zone}${metric}`,
      body: paragraphs(
        text(p.previousStatus)
          ? `${text(p.year)}年${zone}“${metric}”目标的状态由“${wordOf(MILESTONE_STATUS, p.previousStatus)}”降为“${status}”。`
          : `${text(p.year)}年${zone}“${metric}”目标的状态降为“${status}”。`,
        '请在驾驶舱中查看计入企业和全年预计。',
      ),
    };
  },

  BILL_ISSUED: (p) => ({
    title: `新账单：${text(p.number)}`,
    body: paragraphs(
      `${text(p.tenantName)}${month(p.period)}的账单 ${text(p.number)} 已出具，应缴金额 ${yuan(p.total)}。`,
      `请于${day(p.dueOn)}前缴纳。`,
    ),
  }),

  BILL_OVERDUE: (p) => ({
    title: `账单逾期：${text(p.number)}`,
    body: paragraphs(
      `${text(p.tenantName)}${month(p.period)}的账单 ${text(p.number)} 已过缴费期限（${day(p.dueOn)}），尚欠 ${yuan(p.outstanding)}。`,
      '请尽快缴纳。',
    ),
  }),

  ANNUAL_REPORT_DUE: (p) => ({
    title: `请报送${month(p.year)}度报表`,
    body: paragraphs(
      `${text(p.tenantName)}：${month(p.year)}度报表尚未报送，截止日期为${day(p.dueOn)}。`,
      '请按时在工作台中填报。',
    ),
  }),
};
