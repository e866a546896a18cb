import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { actorOf, User } from '@jcv/identity';
import { ZoneKind } from '@jcv/park';
import { type Actor, Role } from '@jcv/shared';
import { CertificationKind } from '@jcv/tenants';
import {
  BenefitApplicationsService,
  PoliciesService,
  type Policy,
  PolicyKind,
} from '@jcv/benefits';
import type { DemoContext } from './demo-context.js';

// The demo's policies and applications. The scenario subsidy is the plan's own, task III(X):
// up to 3 000 000 yuan per scenario on the open list, under 《吕梁市支持科技创新若干措施》, as
// is the startup zone's rent relief, which firms holding a lease are granted first (their bills
// draw on it: see the bills demo). Written through the policy and application services
// (budgets, caps and eligibility apply); SQL only reads which firms apply.

/** The rent relief of STARTUP_RENT, as the firms' bills apply it. */
const RENT_RELIEF = {
  steps: [
    { fromMonth: 1, toMonth: 12, share: '1' },
    { fromMonth: 13, toMonth: 36, share: '0.5' },
  ],
  maxRatePerSqm: '80.00',
  maxArea: '1000.00',
};

const POLICIES = [
  {
    code: 'SCENARIO_SUBSIDY',
    title: '重点场景开放清单建设补贴 Construction subsidy for scenarios on the open list',
    kind: PolicyKind.SCENARIO_SUBSIDY,
    basis: '《吕梁市支持科技创新若干措施》; 吕政办发〔2025〕10号 III(X)',
    budget: '15000000.00',
    maxAmountPerTenant: '3000000.00',
    validFrom: '2025-05-30',
    validTo: '2027-12-31',
    eligibility: {},
  },
  {
    code: 'STARTUP_RENT',
    title: '起步区房租补贴 Rent subsidy in the startup zone',
    kind: PolicyKind.RENT_SUBSIDY,
    basis:
      '《吕梁市支持科技创新若干措施》; 吕政办发〔2025〕10号 III(IV): 晋创谷·吕梁 "空间+服务+政策"',
    budget: '2000000.00',
    maxAmountPerTenant: '60000.00',
    validFrom: '2025-06-01',
    validTo: '2027-12-31',
    eligibility: { zoneKinds: [ZoneKind.STARTUP], minMonthsResident: 3 },
    // Relieved on the firm's monthly bills until the grant is used up: the whole rent in its
    // first year in the park, half in the second and third, on at most 80 yuan/m² and 1 000 m².
    rentRelief: RENT_RELIEF,
  },
  {
    code: 'HIGH_TECH_RD',
    title: '高新技术企业研发费用补助 R&D subsidy for high-tech enterprises',
    kind: PolicyKind.RD_SUBSIDY,
    basis: '吕政办发〔2025〕10号 III(II): 研发投入倍增计划',
    budget: '5000000.00',
    maxAmountPerTenant: '500000.00',
    validFrom: '2025-06-01',
    validTo: null,
    eligibility: { requiredCertifications: [CertificationKind.HIGH_TECH] },
  },
];

type Outcome =
  | { status: 'SUBMITTED' | 'WITHDRAWN' }
  | { status: 'APPROVED' | 'DISBURSED'; granted?: string; note?: string }
  | { status: 'REJECTED'; note: string };

interface PlannedApplication {
  amount: string;
  why: string;
  outcome: Outcome;
  /** A firm of this zone when one is eligible: the scenario trial area is in the expansion zone. */
  zone?: ZoneKind;
  /** The eligible firm that entered last, rather than the first. */
  latest?: boolean;
}

/** Per policy, the applications in order: requested amount, what became of it, and why. */
const APPLICATIONS: Record<string, PlannedApplication[]> = {
  SCENARIO_SUBSIDY: [
    {
      amount: '3000000',
      why: '智能矿山无人运输场景 driverless haulage in a smart coal mine',
      outcome: { status: 'DISBURSED', granted: '2800000', note: '按评审核定金额 as assessed' },
    },
    {
      amount: '2500000',
      why: '焦化园区氢能重卡示范 hydrogen trucks in the coking park',
      outcome: { status: 'APPROVED' },
      zone: ZoneKind.EXPANSION,
    },
    {
      amount: '3000000',
      why: '智慧城市交通信号优化 smart traffic signals for Lishi district',
      outcome: { status: 'SUBMITTED' },
    },
    {
      amount: '1200000',
      why: '红枣加工视觉分拣 visual sorting of jujubes',
      outcome: {
        status: 'REJECTED',
        note: '不在2025年《重点场景开放清单》内 not on the 2025 open list',
      },
    },
    {
      amount: '800000',
      why: '固废建材应用场景 building materials from solid waste',
      outcome: { status: 'WITHDRAWN' },
      zone: ZoneKind.EXPANSION,
    },
  ],
  STARTUP_RENT: [
    {
      amount: '36000',
      why: '2025年度办公用房 office rent for 2025',
      outcome: { status: 'DISBURSED' },
    },
    {
      amount: '48000',
      why: '实验室与办公用房 lab and office rent',
      outcome: { status: 'APPROVED', granted: '40000', note: '实验室部分按70%核定' },
    },
    { amount: '60000', why: '2026年度房租 rent for 2026', outcome: { status: 'SUBMITTED' } },
    {
      amount: '24000',
      why: '工位租金 workstation rent',
      outcome: { status: 'REJECTED', note: '工位已享受众创空间免租 already rent-free' },
    },
    {
      amount: '30000',
      why: '办公用房租金 office rent',
      outcome: { status: 'DISBURSED', granted: '20000', note: '按入驻首年租金核定' },
    },
    {
      amount: '60000',
      why: '新入驻企业办公用房 office rent of a newcomer',
      outcome: { status: 'APPROVED' },
      latest: true,
    },
  ],
  HIGH_TECH_RD: [
    {
      amount: '500000',
      why: '2025年度研发费用加计 R&D spending in 2025',
      outcome: { status: 'APPROVED' },
    },
    { amount: '200000', why: '研发设备购置 R&D equipment', outcome: { status: 'DISBURSED' } },
    {
      amount: '300000',
      why: '2026年研发投入 R&D spending in 2026',
      outcome: { status: 'SUBMITTED' },
    },
  ],
};

/** Where in the eligible firms (in order) the application's firm is. */
function pick(firms: { zone: ZoneKind; leased: boolean }[], a: PlannedApplication): number {
  if (a.zone) return firms.findIndex((f) => f.zone === a.zone);
  if (a.latest) {
    const leased = firms.findLastIndex((f) => f.leased);
    return leased >= 0 ? leased : firms.length - 1;
  }
  return 0;
}

@Injectable()
export class BenefitsDemo {
  private readonly log = new Logger('Demo');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: PoliciesService,
    private readonly applications: BenefitApplicationsService,
  ) {}

  async load(ctx: DemoContext): Promise<void> {
    const officer = await this.actorWithRole(Role.POLICY_OFFICER, ctx.admin);
    const created: Policy[] = [];
    for (const p of POLICIES) created.push(await this.policies.create(officer, p));

    // The demo tenants come from the tenants demo; firms with an account of their own go first,
    // so that signing in as a firm shows applications.
    const tenants: { id: string; zone: ZoneKind; leased: boolean }[] = await this.dataSource.query(
      `SELECT t.id, z.kind AS zone,
              EXISTS (SELECT 1 FROM leases l WHERE l.tenant_id = t.id AND l.status <> 'TERMINATED') AS leased
         FROM tenants t JOIN zones z ON z.id = t.zone_id
        ORDER BY EXISTS (SELECT 1 FROM users u WHERE u.tenant_id = t.id AND u.role = 'TENANT_ADMIN') DESC,
                 t.entered_on, t.name`,
    );
    const eligible = new Map<string, { id: string; zone: ZoneKind; leased: boolean }[]>(); // by policy code
    for (const t of tenants) {
      for (const p of await this.policies.eligible(ctx.admin, t.id, ctx.today)) {
        eligible.set(p.code, [...(eligible.get(p.code) ?? []), t]);
      }
    }

    let count = 0;
    for (const policy of created) {
      // A firm applies once per policy here; with fewer eligible firms, fewer applications.
      // Rent relief is drawn on bills, so for a rent subsidy the firms holding a lease go first.
      const all = eligible.get(policy.code) ?? [];
      const firms =
        policy.kind === PolicyKind.RENT_SUBSIDY
          ? [...all.filter((f) => f.leased), ...all.filter((f) => !f.leased)]
          : [...all];
      for (const a of APPLICATIONS[policy.code]) {
        const index = Math.max(0, pick(firms, a));
        const [firm] = firms.splice(index, 1);
        if (!firm) break;
        const applicant = await this.applicantFor(firm.id, ctx.admin);
        const application = await this.applications.apply(applicant, {
          policyId: policy.id,
          tenantId: firm.id,
          requestedAmount: a.amount,
          justification: a.why,
        });
        await this.decide(officer, applicant, application.id, a.outcome);
        count++;
      }
    }
    this.log.log(`${created.length} policies, ${count} benefit applications`);
  }

  private async decide(officer: Actor, applicant: Actor, id: string, outcome: Outcome) {
    switch (outcome.status) {
      case 'SUBMITTED':
        return;
      case 'WITHDRAWN':
        await this.applications.withdraw(applicant, id);
        return;
      case 'REJECTED':
        await this.applications.decide(officer, { id, approve: false, note: outcome.note });
        return;
      case 'APPROVED':
      case 'DISBURSED':
        await this.applications.decide(officer, {
          id,
          approve: true,
          grantedAmount: outcome.granted,
          note: outcome.note,
        });
        if (outcome.status === 'DISBURSED') await this.applications.markDisbursed(officer, id);
    }
  }

  /** The firm's own administrator when it has one, else the ADMIN applying for it. */
  private async applicantFor(tenantId: string, admin: Actor): Promise<Actor> {
    const user = await this.dataSource.getRepository(User).findOne({
      where: { tenantId, role: Role.TENANT_ADMIN },
      order: { createdAt: 'ASC' },
    });
    return user ? actorOf(user) : admin;
  }

  private async actorWithRole(role: Role, fallback: Actor): Promise<Actor> {
    const user = await this.dataSource
      .getRepository(User)
      .findOne({ where: { role }, order: { createdAt: 'ASC' } });
    return user ? actorOf(user) : fallback;
  }
}
