import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { actorOf, User, UsersService } from '@jcv/identity';
import { type Actor, Role } from '@jcv/shared';
import {
  ServiceCategory as C,
  type ServiceProvider,
  ServiceProvidersService,
  ServiceRequestsService,
  ServiceRequestStatus as S,
  ServiceRequestWorkflowService,
} from '@jcv/service-desk';
import { DEMO_PASSWORD } from './demo-accounts.js';
import type { DemoContext } from './demo-context.js';
import { DEMO_FIRM_ACCOUNTS } from './demo-firm-accounts.js';

// The park's service providers (task III(X) asks for at least five science and technology
// service agencies) and a history of requests in every status. Requests are made through the
// services, then moved into the past: each one opened `daysAgo` days before the demo's today,
// its changes about a day apart. The move is raw SQL (moveIntoThePast): UPDATEs of the request's
// and its events' timestamps, which the services stamp with now() and never rewrite.

const PROVIDERS: Record<string, { name: string; categories: C[] }> = {
  ip: {
    name: '吕梁晋知知识产权代理事务所 Jinzhi IP Agency',
    categories: [C.IP_PATENT, C.TECH_TRANSFER],
  },
  bank: {
    name: '吕梁农商银行科技金融部 Lüliang Rural Commercial Bank, Sci-tech Finance',
    categories: [C.FINANCING],
  },
  transfer: {
    name: '山西吕梁技术转移中心 Lüliang Technology Transfer Center',
    categories: [C.TECH_TRANSFER, C.SCENARIO_ASSESSMENT],
  },
  law: { name: '晋西律师事务所 Jinxi Law Firm', categories: [C.LEGAL, C.HR_TALENT] },
  park: {
    name: '晋创谷园区综合服务中心 Park Service Center',
    categories: [C.FACILITY, C.HR_TALENT, C.OTHER],
  },
  scenario: {
    name: '吕梁场景创新研究院 Lüliang Scenario Innovation Institute',
    categories: [C.SCENARIO_ASSESSMENT],
  },
};

/** The demo account of a provider: the IP agency's. */
const PROVIDER_WITH_ACCOUNT = 'ip';

type Step = 'assign' | S | { rate: number; comment?: string } | { note: string; to: S };

interface PlannedRequest {
  category: C;
  title: string;
  description: string;
  provider?: keyof typeof PROVIDERS;
  steps: Step[];
  daysAgo: number;
  /** The firm with an account of its own, or one of the expansion zone. */
  firm?: 'own' | 'expansion';
}

const REQUESTS: PlannedRequest[] = [
  {
    firm: 'own',
    category: C.IP_PATENT,
    title: '发明专利申请代理 Filing an invention patent',
    description:
      '工业视觉缺陷检测方法, 需检索与撰写 a visual defect-detection method: search and drafting',
    provider: 'ip',
    steps: [
      'assign',
      S.IN_PROGRESS,
      S.RESOLVED,
      { rate: 5, comment: '撰写专业, 很快 quick and precise' },
      S.CLOSED,
    ],
    daysAgo: 80,
  },
  {
    firm: 'own',
    category: C.FINANCING,
    title: '科技贷款授信 A sci-tech credit line',
    description: '扩大样机产能, 需500万元授信 5 million yuan to scale up the prototype line',
    provider: 'bank',
    steps: ['assign', S.IN_PROGRESS],
    daysAgo: 20,
  },
  {
    firm: 'own',
    category: C.LEGAL,
    title: '技术许可合同审查 Reviewing a licence contract',
    description: '与高校签订专利许可合同前的审查 before licensing a university patent',
    steps: [],
    daysAgo: 1,
  },
  {
    category: C.TECH_TRANSFER,
    title: '高校成果转化对接 Matching with university research',
    description: '寻找碳纤维原丝制备技术 looking for carbon-fibre precursor technology',
    provider: 'transfer',
    steps: ['assign', S.IN_PROGRESS, S.RESOLVED, { rate: 4 }],
    daysAgo: 35,
  },
  {
    category: C.SCENARIO_ASSESSMENT,
    title: '智能矿山场景可行性评估 Feasibility of a smart-mine scenario',
    description: '申报场景开放清单前的可行性评估 before applying to the scenario open list',
    provider: 'scenario',
    steps: [
      'assign',
      S.IN_PROGRESS,
      S.RESOLVED,
      { note: '缺少井下通信方案 the underground network plan is missing', to: S.IN_PROGRESS },
      S.RESOLVED,
      { rate: 3, comment: '第二稿才完整 complete only at the second draft' },
      S.CLOSED,
    ],
    daysAgo: 60,
  },
  {
    category: C.FACILITY,
    title: '实验室通风故障 Lab ventilation fault',
    description: 'A座二层实验室排风机停转 exhaust fan stopped, lab on floor 2 of building A',
    provider: 'park',
    steps: ['assign', S.IN_PROGRESS, S.RESOLVED, S.CLOSED],
    daysAgo: 45,
  },
  {
    category: C.HR_TALENT,
    title: '高层次人才认定申报 Recognition of a high-level researcher',
    description: '首席科学家申报市级高层次人才 our chief scientist applies for city recognition',
    provider: 'law',
    steps: ['assign'],
    daysAgo: 6,
  },
  {
    category: C.OTHER,
    title: '园区班车线路 A park shuttle route',
    description: '希望增加离石城区至园区班车 a shuttle from Lishi to the park',
    steps: [{ note: '改在入驻企业座谈会上讨论 taken to the tenants meeting', to: S.CANCELLED }],
    daysAgo: 30,
  },
  {
    category: C.IP_PATENT,
    title: '商标注册 Registering a trademark',
    description: '公司字号与图形商标 name and logo marks',
    provider: 'ip',
    steps: ['assign', { note: '企业已自行办理 the firm filed it itself', to: S.CANCELLED }],
    daysAgo: 25,
  },
  {
    category: C.FINANCING,
    title: '知识产权质押融资 An IP-backed loan',
    description: '以两项发明专利质押融资 two invention patents as collateral',
    provider: 'bank',
    steps: [
      'assign',
      S.IN_PROGRESS,
      S.RESOLVED,
      { rate: 2, comment: '评估费偏高 valuation fee too high' },
    ],
    daysAgo: 15,
  },
  {
    category: C.FACILITY,
    title: '门禁卡补办 Replacing access cards',
    description: '新员工三人 three new staff',
    steps: [],
    daysAgo: 2,
  },
  {
    category: C.LEGAL,
    title: '劳动合同模板 Employment contract templates',
    description: '研发人员竞业限制条款 non-compete clauses for researchers',
    provider: 'law',
    steps: ['assign', S.IN_PROGRESS, S.RESOLVED, { rate: 5 }, S.CLOSED],
    daysAgo: 50,
  },
  {
    firm: 'expansion',
    category: C.SCENARIO_ASSESSMENT,
    title: '氢能重卡场景验证 Validating a hydrogen-truck scenario',
    description: '焦化园区短倒运输场景 short-haul transport in the coking park',
    provider: 'transfer',
    steps: ['assign', S.IN_PROGRESS],
    daysAgo: 10,
  },
  {
    firm: 'expansion',
    category: C.TECH_TRANSFER,
    title: '中试线工艺包引进 A process package for the pilot line',
    description: '石墨负极材料中试工艺包 graphite anode pilot process',
    steps: [],
    daysAgo: 3,
  },
];

/** Hours between two changes of one demo request. */
const STEP_HOURS = 19;

@Injectable()
export class ServiceDeskDemo {
  private readonly log = new Logger('Demo');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly providers: ServiceProvidersService,
    private readonly requests: ServiceRequestsService,
    private readonly workflow: ServiceRequestWorkflowService,
  ) {}

  async load(ctx: DemoContext): Promise<void> {
    const desk = await this.actorWithRole(Role.SERVICE_DESK, ctx.admin);
    const made: Record<string, ServiceProvider> = {};
    for (const [key, p] of Object.entries(PROVIDERS)) {
      made[key] = await this.providers.create(desk, p);
    }
    let providerActor: Actor = desk;
    const account = DEMO_FIRM_ACCOUNTS.find((a) => a.role === Role.SERVICE_PROVIDER);
    if (account) {
      const user = await this.users.create(
        ctx.admin,
        { ...account, password: DEMO_PASSWORD, serviceProviderId: made[PROVIDER_WITH_ACCOUNT].id },
        'demoSeed',
      );
      providerActor = actorOf(user);
    }

    const residents: { id: string; expansion: boolean; admin: string | null }[] =
      await this.dataSource.query(
        `SELECT t.id, z.kind = 'EXPANSION' AS expansion,
                (SELECT u.id FROM users u WHERE u.tenant_id = t.id AND u.role = 'TENANT_ADMIN'
                  ORDER BY u.created_at LIMIT 1) AS admin
           FROM tenants t JOIN zones z ON z.id = t.zone_id
          WHERE t.status = 'RESIDENT'
          ORDER BY t.entered_on, t.name`,
      );
    if (!residents.length) {
      this.log.log(`${Object.keys(made).length} service providers; no resident firms for requests`);
      return;
    }
    const own = residents.find((r) => r.admin) ?? residents[0];
    const others = residents.filter((r) => r !== own && !r.expansion);
    const expansion = residents.filter((r) => r.expansion);
    const ownActor = own.admin
      ? actorOf(await this.dataSource.getRepository(User).findOneByOrFail({ id: own.admin }))
      : ctx.admin;

    for (const [i, plan] of REQUESTS.entries()) {
      const firm =
        plan.firm === 'own'
          ? own
          : plan.firm === 'expansion'
            ? (expansion[i % Math.max(expansion.length, 1)] ?? own)
            : (others[(i * 7) % Math.max(others.length, 1)] ?? own);
      // A firm with its own account opens and rates its requests; for the others the service
      // desk records what they asked by phone, and the ADMIN their rating.
      const opener = firm === own ? ownActor : desk;
      const rater = firm === own ? ownActor : ctx.admin;
      const provider = plan.provider ? made[plan.provider] : undefined;
      const mover = plan.provider === PROVIDER_WITH_ACCOUNT ? providerActor : desk;
      const request = await this.requests.open(opener, {
        tenantId: firm.id,
        category: plan.category,
        title: plan.title,
        description: plan.description,
      });
      for (const step of plan.steps) {
        if (step === 'assign') await this.workflow.assign(desk, request.id, provider!.id);
        else if (typeof step === 'string') {
          const by = step === S.CLOSED ? desk : mover;
          await this.workflow.updateStatus(by, request.id, step);
        } else if ('rate' in step)
          await this.workflow.rate(rater, request.id, step.rate, step.comment);
        else await this.workflow.updateStatus(desk, request.id, step.to, step.note);
      }
      await this.moveIntoThePast(request.id, ctx.today, plan.daysAgo);
    }
    this.log.log(
      `${Object.keys(made).length} service providers, ${REQUESTS.length} service requests`,
    );
  }

  /**
   * Opens the request at 09:30 in Shanghai `daysAgo` days before today and spaces its changes
   * STEP_HOURS apart, keeping dueAt, resolvedAt and the rating's time in step with its history.
   */
  private async moveIntoThePast(id: string, today: string, daysAgo: number): Promise<void> {
    const opened = `(($2::date - $3::int) + time '09:30') AT TIME ZONE 'Asia/Shanghai'`;
    await this.dataSource.transaction(async (em) => {
      await em.query(
        `UPDATE service_request_events e
            SET at = ${opened} + (k.n - 1) * make_interval(hours => ${STEP_HOURS})
           FROM (SELECT id, row_number() OVER (ORDER BY at, id) AS n
                   FROM service_request_events WHERE request_id = $1) k
          WHERE e.id = k.id`,
        [id, today, daysAgo],
      );
      await em.query(
        `UPDATE service_requests r
            SET due_at = ${opened} + (r.due_at - r.created_at),
                created_at = ${opened},
                resolved_at = CASE WHEN r.resolved_at IS NULL THEN NULL ELSE
                  (SELECT max(e.at) FROM service_request_events e
                    WHERE e.request_id = r.id AND e.kind = 'STATUS_CHANGED' AND e.status = 'RESOLVED') END,
                rated_at = CASE WHEN r.rated_at IS NULL THEN NULL ELSE
                  (SELECT max(e.at) FROM service_request_events e
                    WHERE e.request_id = r.id AND e.kind = 'RATED') END
          WHERE r.id = $1`,
        [id, today, daysAgo],
      );
    });
  }

  private async actorWithRole(role: Role, fallback: Actor): Promise<Actor> {
    const user = await this.dataSource
      .getRepository(User)
      .findOne({ where: { role }, order: { createdAt: 'ASC' } });
    return user ? actorOf(user) : fallback;
  }
}
